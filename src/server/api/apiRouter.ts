// The API, mounted at /api: GET /api/config for anyone, then the Microsoft 365 routes of
// apiRoutes.ts behind, in this order, the request log, the sign-in check, the per-user rate limit
// and the JSON body parser (a 503 instead when Microsoft 365 is not configured); one error handler
// for all. Paths no route owns go on untouched (/api/files is the add-in server's own).
import express, { Router, type NextFunction, type Request, type Response } from "express";
import type { ServerConfig } from "../config";
import { ApiError } from "./apiError";
import { apiErrorHandler } from "./apiErrorHandler";
import { consoleApiLog, type ApiLog } from "./apiLog";
import { API_ROUTES, type ApiRouteEntry } from "./apiRoutes";
import { configRoute } from "./configRoute";
import { requestLog } from "./requestLog";
import { notConfigured, serverApiDeps } from "./serverApiDeps";
import { signIn } from "./signIn";
import { userRateLimit, type UserRateLimitOptions } from "./userRateLimit";

export const API_PATH = "/api";
/** The largest JSON body of an API request (drafts with their statements attached, in base64), as /api/files. */
export const API_JSON_LIMIT = "64mb";

export interface ApiRouterOptions {
  readonly config: ServerConfig;
  /** Where the API logs (default: stdout and stderr, the client secret masked). */
  readonly log?: ApiLog | undefined;
  /** Default: config.rateLimitPerMinute per user per minute. */
  readonly rateLimit?: UserRateLimitOptions | undefined;
  /** Default: API_ROUTES. */
  readonly routes?: readonly ApiRouteEntry[] | undefined;
  /** The largest JSON body (default API_JSON_LIMIT). */
  readonly jsonLimit?: string | number | undefined;
  /** msal-node's log level (warnings by default). */
  readonly msalLogLevel?: "warning" | "verbose" | undefined;
}

export function apiRouter(options: ApiRouterOptions): Router {
  const { config } = options;
  const secret = config.microsoft365?.clientSecret;
  const log = options.log ?? consoleApiLog(secret === undefined ? [] : [secret]);
  const routes = options.routes ?? API_ROUTES;
  const { deps, verify } = serverApiDeps(config, log, { msalLogLevel: options.msalLogLevel });

  const microsoft365 = Router();
  microsoft365.use(requestLog(log));
  if (verify === undefined) {
    microsoft365.use(() => {
      throw notConfigured();
    });
  } else {
    microsoft365.use(signIn(verify, log));
    microsoft365.use(userRateLimit(options.rateLimit ?? { limit: config.rateLimitPerMinute }, log));
    microsoft365.use(express.json({ limit: options.jsonLimit ?? API_JSON_LIMIT }));
  }
  for (const entry of routes) microsoft365.use(entry.route(deps));
  microsoft365.use(() => {
    throw new ApiError(404, "not_found", "Introuvable", "Not found");
  });

  const owned = (path: string): boolean => routes.some((entry) => path === entry.path || path.startsWith(`${entry.path}/`));
  const router = Router();
  router.use(configRoute(config));
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (owned(req.path)) microsoft365(req, res, next);
    else next();
  });
  router.use(apiErrorHandler(log));
  return router;
}
