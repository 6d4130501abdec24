// The check of the token a task pane sends to the API (Entra ID v2.0 access token, RS256): the
// tenant on the allow-list first (so that no other tenant's keys are ever fetched), then jose's
// jwtVerify against that tenant's keys with the issuer built from the token's `tid`, the audience
// (client id, or the Application ID URI), exp and nbf with a small clock tolerance, RS256 only;
// then the delegated scope access_as_user and a user object id. Every refusal is a TokenRefused
// whose reason is for the server's log only.
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import type { ApiUser } from "../api/apiDeps";
import { IdentityUnavailable, TenantKeys } from "./tenantKeys";

/** The token cannot be accepted; `reason` names which check failed ("audience", "expired"…). */
export class TokenRefused extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Jeton refusé (${reason}) / Token refused (${reason})`, options);
    this.name = "TokenRefused";
  }
}

export interface TokenVerifierOptions {
  /** AUTHORITY_HOST: issuers are `${authorityHost}/${tid}/v2.0`. */
  readonly authorityHost: string;
  /** The accepted `aud` values: the client id and the Application ID URI. */
  readonly audiences: readonly string[];
  /** Tenant ids whose users may call the API (lower case). */
  readonly allowedTenants: readonly string[];
  /** The delegated scope the token must carry (access_as_user). */
  readonly requiredScope: string;
  /** Seconds of clock skew allowed on exp and nbf (60 by default). */
  readonly clockToleranceSeconds?: number | undefined;
  /** The tenants' keys (made from authorityHost when not given). */
  readonly keys?: TenantKeys | undefined;
}

export type TokenVerifier = (token: string) => Promise<ApiUser>;

const ALGORITHMS = ["RS256"];

/**
 * A verifier of API tokens.
 * @returns a function resolving with the token's user, or rejecting with TokenRefused (401) or
 *   IdentityUnavailable (the authority cannot be reached: 503)
 */
export function tokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys = options.keys ?? new TenantKeys({ authorityHost: options.authorityHost });
  const allowed = new Set(options.allowedTenants.map((t) => t.toLowerCase()));
  return async (token) => {
    const tid = unverifiedTenant(token);
    if (!allowed.has(tid.toLowerCase())) throw new TokenRefused("tenant");
    const getKey = await keys.keysOf(tid);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        algorithms: ALGORITHMS,
        issuer: `${options.authorityHost}/${tid}/v2.0`,
        audience: [...options.audiences],
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ["exp", "nbf", "tid", "oid"],
      }));
    } catch (error) {
      throw refusalOf(error);
    }
    const scopes = typeof payload.scp === "string" ? payload.scp.split(" ") : [];
    if (!scopes.includes(options.requiredScope)) throw new TokenRefused("scope");
    if (typeof payload.oid !== "string" || payload.oid === "" || payload.tid !== tid) throw new TokenRefused("subject");
    return {
      oid: payload.oid,
      tid,
      name: typeof payload.name === "string" ? payload.name : undefined,
      username: typeof payload.preferred_username === "string" ? payload.preferred_username : undefined,
    };
  };
}

/** The `tid` of a token not yet verified: only to pick the tenant's keys, never trusted alone. */
function unverifiedTenant(token: string): string {
  let header: { alg?: string | undefined };
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch (error) {
    throw new TokenRefused("malformed", { cause: error });
  }
  if (header.alg !== "RS256") throw new TokenRefused("algorithm");
  if (typeof claims.tid !== "string" || claims.tid === "") throw new TokenRefused("tenant");
  return claims.tid;
}

/** A jose failure as a refusal, or as IdentityUnavailable when the keys could not be fetched. */
function refusalOf(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return new TokenRefused("expired", { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) return new TokenRefused(error.claim === "nbf" ? "not_yet_valid" : error.claim, { cause: error });
  if (error instanceof errors.JWKSNoMatchingKey) return new TokenRefused("unknown_key", { cause: error });
  if (error instanceof errors.JWSSignatureVerificationFailed) return new TokenRefused("signature", { cause: error });
  if (error instanceof errors.JOSEAlgNotAllowed) return new TokenRefused("algorithm", { cause: error });
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return new TokenRefused("malformed", { cause: error });
  // The key set's fetch failed (timeout, HTTP error, not JSON, network): not the token's fault.
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError) || error.code === "ERR_JOSE_GENERIC") {
    return new IdentityUnavailable("Clés de signature injoignables / Signing keys unreachable", { cause: error });
  }
  return new TokenRefused(error.code, { cause: error });
}
