// What the API's routes receive (ApiDeps), made from the configuration: the signed-in user from the
// sign-in check, Graph tokens by on-behalf-of, GRAPH_BASE_URL; and the token verifier the sign-in
// check uses. Without Microsoft 365 there is no verifier, and a Graph token is a 503.
import type { Request } from "express";
import { onBehalfOf, type OnBehalfOfOptions } from "../auth/onBehalfOf";
import { tokenVerifier, type TokenVerifier } from "../auth/tokenVerifier";
import { API_SCOPE_NAME, type ServerConfig } from "../config";
import type { ApiDeps } from "./apiDeps";
import { ApiError } from "./apiError";
import type { ApiLog } from "./apiLog";
import { signedInToken, signedInUser } from "./signIn";

export interface ServerApi {
  readonly deps: ApiDeps;
  /** Undefined when Microsoft 365 is not configured. */
  readonly verify: TokenVerifier | undefined;
}

export function notConfigured(): ApiError {
  return new ApiError(
    503,
    "microsoft365_not_configured",
    "Microsoft 365 n'est pas configuré sur ce serveur (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET : voir le README)",
    "Microsoft 365 is not configured on this server (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET: see the README)",
  );
}

export function serverApiDeps(config: ServerConfig, log: ApiLog, options: Pick<OnBehalfOfOptions, "msalLogLevel"> = {}): ServerApi {
  const m365 = config.microsoft365;
  if (m365 === undefined) {
    return {
      verify: undefined,
      deps: {
        user: signedInUser,
        graphToken: () => Promise.reject(notConfigured()),
        graphBaseUrl: config.graphBaseUrl,
      },
    };
  }
  const verify = tokenVerifier({
    authorityHost: config.authorityHost,
    audiences: [m365.clientId, m365.appIdUri],
    allowedTenants: m365.allowedTenants,
    requiredScope: API_SCOPE_NAME,
  });
  const exchange = onBehalfOf({
    authorityHost: config.authorityHost,
    tenantId: m365.tenantId,
    clientId: m365.clientId,
    clientSecret: m365.clientSecret,
    log,
    msalLogLevel: options.msalLogLevel,
  });
  return {
    verify,
    deps: {
      user: signedInUser,
      graphToken: async (req: Request) => exchange(signedInToken(req)),
      graphBaseUrl: config.graphBaseUrl,
    },
  };
}
