// The Office dialog's sign-in page (officeDialogToken.ts opens it when the pane's popup is
// blocked): msal-browser's standard client signs in by redirect in the dialog's own window, then
// the token goes to the pane by messageParent, as in Microsoft's NAA samples. It logs nothing.
import { createStandardPublicClientApplication, type AuthenticationResult, type IPublicClientApplication } from "@azure/msal-browser";
import { fetchApiConfig } from "../shared/apiConfig";
import { msalConfiguration } from "./msalConfiguration";
import { AUTH_DIALOG_PATH, type AuthDialogMessage } from "./officeDialogToken";

async function tell(message: AuthDialogMessage): Promise<void> {
  await Office.onReady();
  Office.context.ui.messageParent(JSON.stringify(message));
}

async function signIn(): Promise<void> {
  const config = await fetchApiConfig(location.origin, fetch.bind(window));
  if (!config.microsoft365) return tell({ error: "not_configured" });
  const redirectUri = `${location.origin}${AUTH_DIALOG_PATH}`;
  const pca: IPublicClientApplication = await createStandardPublicClientApplication(msalConfiguration(config, redirectUri));
  const scopes = [config.apiScope];
  const back = async (result: AuthenticationResult): Promise<void> => {
    pca.setActiveAccount(result.account);
    await tell({ accessToken: result.accessToken });
  };
  const returned = await pca.handleRedirectPromise();
  if (returned !== null) return back(returned);
  const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
  if (account !== undefined) {
    try {
      return await back(await pca.acquireTokenSilent({ scopes, account }));
    } catch {
      // Interaction needed: the redirect below.
    }
  }
  await pca.acquireTokenRedirect({ scopes, redirectUri, prompt: "select_account" });
}

signIn().catch((error: unknown) => {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  void tell({ error: typeof code === "string" ? code : "sign_in_failed" });
});
