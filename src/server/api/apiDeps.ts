// What every API route file receives: routes are `(deps) => Router`, mounted under /api behind the
// sign-in check, the rate limit and the error handler (src/server/api/, one place each).
import type { Request, Router } from "express";

/** The signed-in user of a request, from the verified token. */
export interface ApiUser {
  /** Entra object id (oid): who the rate limit and the logs count by. */
  readonly oid: string;
  /** Tenant id (tid). */
  readonly tid: string;
  readonly name?: string | undefined;
  /** preferred_username, the user's sign-in address. */
  readonly username?: string | undefined;
}

export interface ApiDeps {
  /**
   * The signed-in user of a request the sign-in check let through.
   * @throws ApiError 401 when the request carries no verified user
   */
  user(req: Request): ApiUser;
  /**
   * A Graph access token for that user, on-behalf-of (msal-node caches it). Never logged.
   * @throws ApiError 401 (consent needed, token refused) or 503 (Microsoft 365 not configured, or unreachable)
   */
  graphToken(req: Request): Promise<string>;
  /** GRAPH_BASE_URL (https://graph.microsoft.com by default). */
  readonly graphBaseUrl: string;
}

/** An API route file's export. */
export type ApiRoute = (deps: ApiDeps) => Router;
