// The task pane's token by nested app authentication (Microsoft's NAA samples): one msal-browser
// instance made by createNestablePublicClientApplication, acquireTokenSilent first, a popup when
// msal says interaction is required (or the server does: consent, verification), and the Office
// dialog when the popup is blocked.
import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type Configuration,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { Microsoft365Config } from "../shared/apiConfig";
import type { TokenSource } from "../shared/tokenSource";
import { msalConfiguration } from "./msalConfiguration";
import { signInError } from "./signInError";

/** msal's codes for a popup the browser or Office would not open. */
const POPUP_BLOCKED = new Set<string>([BrowserAuthErrorCodes.popupWindowError, BrowserAuthErrorCodes.emptyWindowError]);

export interface NaaOptions {
  readonly config: Microsoft365Config;
  /** The Office dialog's sign-in (officeDialogToken.ts): the token it brings back. */
  readonly dialog: () => Promise<string>;
  /** How the msal instance is made: createNestablePublicClientApplication (tests give another). */
  readonly createClient?: ((configuration: Configuration) => Promise<IPublicClientApplication>) | undefined;
}

/**
 * @example const tokens = naaTokenSource({ config, dialog: officeDialogToken(location.origin) });
 * const token = await tokens.token();
 */
export function naaTokenSource(options: NaaOptions): TokenSource {
  const create = options.createClient ?? createNestablePublicClientApplication;
  let client: Promise<IPublicClientApplication> | undefined;
  // The dialog's token, kept as the samples keep it: msal of the pane does not hold it.
  let dialogToken: { readonly token: string; readonly until: number } | undefined;
  const scopes = [options.config.apiScope];

  const popupOrDialog = async (pca: IPublicClientApplication): Promise<string> => {
    try {
      const result = await pca.acquireTokenPopup({ scopes });
      pca.setActiveAccount(result.account);
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof BrowserAuthError && POPUP_BLOCKED.has(error.errorCode))) throw signInError(error);
    }
    let token: string;
    try {
      token = await options.dialog();
    } catch (error) {
      throw signInError(error);
    }
    // An hour, as Entra's access tokens; a 401 before asks again (fresh).
    dialogToken = { token, until: Date.now() + 55 * 60_000 };
    return token;
  };

  return {
    async token({ fresh = false, interactive = false } = {}) {
      if (fresh) dialogToken = undefined;
      if (dialogToken !== undefined && dialogToken.until > Date.now()) return dialogToken.token;
      client ??= create(msalConfiguration(options.config));
      let pca: IPublicClientApplication;
      try {
        pca = await client;
      } catch (error) {
        client = undefined;
        throw signInError(error);
      }
      if (interactive) return popupOrDialog(pca);
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? undefined;
      try {
        const result = await pca.acquireTokenSilent({ scopes, account, forceRefresh: fresh });
        pca.setActiveAccount(result.account);
        return result.accessToken;
      } catch (error) {
        const needsUser = error instanceof InteractionRequiredAuthError || (error instanceof BrowserAuthError && error.errorCode === BrowserAuthErrorCodes.noAccountError);
        if (!needsUser) throw signInError(error);
        return popupOrDialog(pca);
      }
    },
  };
}
