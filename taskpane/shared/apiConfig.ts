// What the add-in server says of Microsoft 365 (GET /api/config): whether it is configured, and
// then what a task pane signs in with (the app registration, the tenant, the API's scope, the
// authority). Nothing secret: the server keeps the client secret. Without the route, or with an
// answer that is none of these, the pane works as without Microsoft 365.

/** The public Entra authority (AUTHORITY_HOST's default, SPEC section 9). */
export const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";

/** The server's configuration route. */
export const CONFIG_ROUTE = "/api/config";

/** What a pane signs in with (GET /api/config names the authority whole: AUTHORITY_HOST/tenant). */
export interface Microsoft365Config {
  /** The add-in's app registration (AZURE_CLIENT_ID). */
  readonly clientId: string;
  /** AZURE_TENANT_ID. */
  readonly tenantId: string;
  /** The API's own scope, "api://…/access_as_user". */
  readonly apiScope: string;
  /** AUTHORITY_HOST: Entra, or the loopback stand-in. */
  readonly authorityHost: string;
}

export type ApiConfig = { readonly microsoft365: false } | ({ readonly microsoft365: true } & Microsoft365Config);

const NOT_CONFIGURED: ApiConfig = { microsoft365: false };

/**
 * The server's answer to GET /api/config, checked.
 * @param answer - the parsed JSON
 * @returns the sign-in settings, or "not configured" for anything incomplete
 * @example parseApiConfig({ microsoft365: false }) // { microsoft365: false }
 */
export function parseApiConfig(answer: unknown): ApiConfig {
  if (answer === null || typeof answer !== "object") return NOT_CONFIGURED;
  const { microsoft365, clientId, tenantId, apiScope, authorityHost, authority } = answer as Record<string, unknown>;
  if (microsoft365 !== true) return NOT_CONFIGURED;
  const text = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";
  if (!text(clientId) || !text(tenantId) || !text(apiScope)) return NOT_CONFIGURED;
  // The server names the authority whole (AUTHORITY_HOST/tenant) or its host alone.
  const https = (value: unknown): value is string => text(value) && /^https:\/\//i.test(value);
  const host = https(authorityHost) ? authorityHost : https(authority) ? withoutTenant(authority, tenantId) : DEFAULT_AUTHORITY_HOST;
  return { microsoft365: true, clientId, tenantId, apiScope, authorityHost: host.replace(/\/+$/, "") };
}

/** "https://login.microsoftonline.com/<tenant>" -> "https://login.microsoftonline.com". */
function withoutTenant(authority: string, tenantId: string): string {
  const trimmed = authority.replace(/\/+$/, "");
  return trimmed.endsWith(`/${tenantId}`) ? trimmed.slice(0, -tenantId.length - 1) : new URL(trimmed).origin;
}

/**
 * Asks the server. A server without the route (404), or one that cannot be reached, means no
 * Microsoft 365: the pane then writes .eml files and hands files over as before.
 * @param origin - the server's origin, the pane's own
 */
export async function fetchApiConfig(origin: string, fetcher: typeof fetch): Promise<ApiConfig> {
  try {
    const response = await fetcher(`${origin}${CONFIG_ROUTE}`, { headers: { Accept: "application/json" }, cache: "no-cache" });
    if (!response.ok) return NOT_CONFIGURED;
    return parseApiConfig(await response.json());
  } catch {
    return NOT_CONFIGURED;
  }
}

/**
 * Whether the authority is the loopback stand-in (never a real Entra, which is not on loopback):
 * only then may the preview take its token from the stand-in.
 * @example isLoopbackAuthority("https://localhost:4040") // true
 */
export function isLoopbackAuthority(authorityHost: string): boolean {
  try {
    const host = new URL(authorityHost).hostname;
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  } catch {
    return false;
  }
}
