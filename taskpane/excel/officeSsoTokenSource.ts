// The token where Office has no nested app authentication (NestedAppAuth 1.1 unsupported): Office
// SSO's getAccessToken, which signs the user in and asks consent itself; Office caches the token
// and renews it. The server exchanges it on-behalf-of for Graph.
import type { TokenSource } from "../shared/tokenSource";
import { signInError } from "./signInError";

/** @example const token = await officeSsoTokenSource().token(); */
export function officeSsoTokenSource(): TokenSource {
  return {
    async token() {
      try {
        return await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true });
      } catch (error) {
        throw signInError(error);
      }
    },
  };
}
