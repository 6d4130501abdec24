// The msal-browser configuration of the add-in's app registration, for the task pane (nested app
// authentication) and for its Office dialog (the fallback when a popup is blocked): the authority
// is AUTHORITY_HOST/tenant, named a known authority when it is not Entra's own (the stand-in).
import type { Configuration } from "@azure/msal-browser";
import { DEFAULT_AUTHORITY_HOST, type Microsoft365Config } from "../shared/apiConfig";

/**
 * @param config - the server's sign-in settings
 * @param redirectUri - where Entra sends the dialog back (the dialog's page); none for NAA
 * @example msalConfiguration(config).auth.authority // "https://login.microsoftonline.com/<tenant>"
 */
export function msalConfiguration(config: Microsoft365Config, redirectUri?: string): Configuration {
  const custom = config.authorityHost !== DEFAULT_AUTHORITY_HOST;
  return {
    auth: {
      clientId: config.clientId,
      authority: `${config.authorityHost}/${config.tenantId}`,
      ...(custom ? { knownAuthorities: [new URL(config.authorityHost).host] } : {}),
      ...(redirectUri === undefined ? {} : { redirectUri }),
    },
    cache: { cacheLocation: "localStorage" },
  };
}
