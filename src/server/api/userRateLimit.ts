// The API's rate limit, per signed-in user (the token's oid, not the address: users behind one
// office router share an IP): express-rate-limit's window, answered by the error handler as a 429
// with Retry-After.
import type { Request, RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { ApiError } from "./apiError";
import type { ApiLog } from "./apiLog";
import { signedInUser } from "./signIn";

export interface UserRateLimitOptions {
  /** Requests allowed per user per window. */
  readonly limit: number;
  /** The window, in milliseconds (60 s by default). */
  readonly windowMs?: number | undefined;
}

/** Must come after the sign-in check. */
export function userRateLimit(options: UserRateLimitOptions, log: ApiLog): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs ?? 60_000,
    limit: options.limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req: Request) => `oid:${signedInUser(req).oid}`,
    handler: (req, _res, next) => {
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date | undefined } }).rateLimit?.resetTime;
      const seconds = resetTime === undefined ? 1 : Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000));
      log.warn("rate_limited", { oid: signedInUser(req).oid, path: req.baseUrl + req.path, retryAfter: seconds });
      next(new ApiError(429, "rate_limited", `Trop de requêtes : réessayez dans ${seconds} s`, `Too many requests: try again in ${seconds} s`, { retryAfterSeconds: seconds }));
    },
    logger: {
      warn: (...args: unknown[]) => log.warn("rate_limit_setup", { detail: args.map(String).join(" ") }),
      error: (...args: unknown[]) => log.error("rate_limit_setup", { detail: args.map(String).join(" ") }),
    },
  });
}
