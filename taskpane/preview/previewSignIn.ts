// The preview's API client: only when the server is configured for Microsoft 365 and its authority
// is the loopback stand-in, whose token door stands in for the sign-in a plain browser cannot do
// through Office. Against a real tenant the preview stays as without Microsoft 365 (.eml files).
import { isLoopbackAuthority, type ApiConfig } from "../shared/apiConfig";
import { createApiClient, type ApiClient } from "../shared/apiClient";
import { standinTokenSource } from "./standinTokenSource";

/**
 * @param config - GET /api/config's answer
 * @param origin - the preview's origin, the server's
 * @example previewApi({ microsoft365: false }, origin, fetch) // undefined
 */
export function previewApi(config: ApiConfig, origin: string, fetcher: typeof fetch): ApiClient | undefined {
  if (!config.microsoft365 || !isLoopbackAuthority(config.authorityHost)) return undefined;
  return createApiClient({ origin, fetch: fetcher, tokens: standinTokenSource(config.authorityHost, fetcher) });
}
