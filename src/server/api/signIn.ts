// The sign-in check in front of the API's Microsoft 365 routes: the Authorization header's bearer
// token verified (src/server/auth/tokenVerifier.ts), its user kept beside the request for
// ApiDeps.user, and the token itself kept for the on-behalf-of exchange only: never on the request
// object where a route could log or echo it.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { IdentityUnavailable } from "../auth/tenantKeys";
import { TokenRefused, type TokenVerifier } from "../auth/tokenVerifier";
import type { ApiUser } from "./apiDeps";
import { ApiError } from "./apiError";
import type { ApiLog } from "./apiLog";

interface SignedIn {
  readonly user: ApiUser;
  readonly token: string;
}

const signedIn = new WeakMap<Request, SignedIn>();

/** RFC 6750's b64token. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The middleware: 401 not_signed_in without a token, 401 invalid_token for a refused one. */
export function signIn(verify: TokenVerifier, log: ApiLog): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = BEARER.exec(req.headers.authorization ?? "")?.[1];
    if (token === undefined) throw notSignedIn();
    let user: ApiUser;
    try {
      user = await verify(token);
    } catch (error) {
      if (error instanceof TokenRefused) {
        log.warn("token_refused", { reason: error.reason, path: req.baseUrl + req.path });
        throw new ApiError(401, "invalid_token", "Connexion refusée : reconnectez-vous", "Sign-in refused: sign in again", { cause: error });
      }
      if (error instanceof IdentityUnavailable) {
        throw new ApiError(503, "identity_unavailable", "Microsoft Entra ID ne répond pas : réessayez dans un instant", "Microsoft Entra ID is not answering: try again shortly", {
          cause: error,
          retryAfterSeconds: 5,
        });
      }
      throw error;
    }
    signedIn.set(req, { user, token });
    next();
  };
}

/**
 * The user the sign-in check let through.
 * @throws ApiError 401 when the request was not signed in
 */
export function signedInUser(req: Request): ApiUser {
  const entry = signedIn.get(req);
  if (entry === undefined) throw notSignedIn();
  return entry.user;
}

/**
 * The verified token of the request, for the on-behalf-of exchange alone.
 * @throws ApiError 401 when the request was not signed in
 */
export function signedInToken(req: Request): string {
  const entry = signedIn.get(req);
  if (entry === undefined) throw notSignedIn();
  return entry.token;
}

function notSignedIn(): ApiError {
  return new ApiError(401, "not_signed_in", "Connectez-vous à Microsoft 365", "Sign in to Microsoft 365");
}
