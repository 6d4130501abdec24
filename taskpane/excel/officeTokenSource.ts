// Which sign-in the Excel pane uses: nested app authentication where Office supports it
// (NestedAppAuth 1.1), Office SSO (getAccessToken) where it does not (SPEC section 9).
import type { Microsoft365Config } from "../shared/apiConfig";
import type { TokenSource } from "../shared/tokenSource";
import { naaTokenSource, type NaaOptions } from "./naaTokenSource";
import { officeDialogToken } from "./officeDialogToken";
import { officeSsoTokenSource } from "./officeSsoTokenSource";

/**
 * @param config - the server's sign-in settings
 * @param origin - the pane's origin (the dialog's page)
 * @param createClient - msal's factory, for the tests
 */
export function officeTokenSource(config: Microsoft365Config, origin: string, createClient?: NaaOptions["createClient"]): TokenSource {
  if (!Office.context.requirements.isSetSupported("NestedAppAuth", "1.1")) return officeSsoTokenSource();
  return naaTokenSource({ config, dialog: officeDialogToken(origin), createClient });
}
