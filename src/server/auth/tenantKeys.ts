// The signing keys of a tenant, as Entra ID publishes them: its OpenID metadata
// (AUTHORITY_HOST/{tenant}/v2.0/.well-known/openid-configuration) names the key set (jwks_uri),
// which jose fetches and caches; a token whose kid it lacks makes it fetch the set again, at most
// once per cooldown (keys roll over). Only the tenants of the allow-list are ever asked for.
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";

/** The authority could not be reached or answered nonsense: the request may be retried later. */
export class IdentityUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "IdentityUnavailable";
  }
}

export interface TenantKeysOptions {
  /** AUTHORITY_HOST, an origin: https://login.microsoftonline.com. */
  readonly authorityHost: string;
  /** How long a metadata or key fetch may take (5 s by default). */
  readonly timeoutMs?: number | undefined;
}

const RETRY_FAILED_MS = 5000;

export class TenantKeys {
  private readonly byTenant = new Map<string, Promise<JWTVerifyGetKey>>();
  private readonly timeoutMs: number;

  constructor(private readonly options: TenantKeysOptions) {
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /**
   * The key resolver of tenant `tid`, for jose's jwtVerify; the metadata is fetched once and kept,
   * a failed fetch for 5 seconds only.
   * @throws IdentityUnavailable when the metadata cannot be had
   */
  keysOf(tid: string): Promise<JWTVerifyGetKey> {
    let keys = this.byTenant.get(tid);
    if (keys === undefined) {
      keys = this.load(tid);
      this.byTenant.set(tid, keys);
      // A failure is kept a few seconds (the 503's Retry-After), so that a flood of requests while
      // the authority is away does not become a flood of metadata fetches.
      keys.catch(() => setTimeout(() => this.byTenant.delete(tid), RETRY_FAILED_MS).unref());
    }
    return keys;
  }

  private async load(tid: string): Promise<JWTVerifyGetKey> {
    const host = this.options.authorityHost;
    const where = `${host}/${encodeURIComponent(tid)}/v2.0/.well-known/openid-configuration`;
    let metadata: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(where, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      metadata = (await response.json()) as typeof metadata;
    } catch (error) {
      throw new IdentityUnavailable(`Métadonnées OpenID injoignables / OpenID metadata unreachable: ${where}`, { cause: error });
    }
    // The key set must be the authority's own: a metadata document cannot send us elsewhere.
    const jwksUri = typeof metadata.jwks_uri === "string" ? safeUrl(metadata.jwks_uri) : undefined;
    if (jwksUri === undefined || jwksUri.origin !== new URL(host).origin) {
      throw new IdentityUnavailable(`jwks_uri absent ou hors de ${host} / jwks_uri missing or outside ${host}`);
    }
    return createRemoteJWKSet(jwksUri, { timeoutDuration: this.timeoutMs, cooldownDuration: 30_000, cacheMaxAge: 24 * 3600_000 });
  }
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
