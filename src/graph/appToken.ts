// The command line's Graph token: client credentials (the app's own identity, its secret from the
// environment) with msal-node, which caches the token until shortly before it expires. The app
// drafts in a shared mailbox (RELANCES_MAILBOX), with the Mail.ReadWrite application permission
// an administrator granted it.
import { ConfidentialClientApplication } from "@azure/msal-node";

export interface AppCredentials {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** AUTHORITY_HOST: "https://login.microsoftonline.com", or the stand-in's origin. */
  readonly authorityHost: string;
}

/** Graph's scope for an app-only token: the permissions granted to the app. */
const GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

export class AppTokenError extends Error {
  constructor(detail: string, options: { readonly cause?: unknown } = {}) {
    super(`Microsoft Entra ID refuse le jeton de l'application (${detail}) : vérifiez AZURE_TENANT_ID, AZURE_CLIENT_ID et AZURE_CLIENT_SECRET / Microsoft Entra ID refused the app's token (${detail}): check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET`, options);
    // The batcher knows a refused token by this name (TOKEN_REFUSED), through the Graph SDK's wrapping.
    this.name = "AppTokenError";
  }
}

/**
 * A token source for Graph by client credentials.
 * @returns a function giving a valid token each time (msal-node's cache between calls)
 * @example graphClient({ baseUrl, accessToken: appToken(credentials) })
 */
export function appToken(credentials: AppCredentials): () => Promise<string> {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      authority: `${credentials.authorityHost}/${credentials.tenantId}`,
      knownAuthorities: [new URL(credentials.authorityHost).host],
    },
  });
  return async () => {
    let result;
    try {
      result = await app.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT_SCOPE] });
    } catch (error) {
      // msal's errorCode names the refusal (invalid_client...) without repeating what was sent.
      const code = (error as { errorCode?: string }).errorCode ?? (error as Error).name;
      throw new AppTokenError(code, { cause: error });
    }
    if (result === null || result.accessToken === "") throw new AppTokenError("no token");
    return result.accessToken;
  };
}
