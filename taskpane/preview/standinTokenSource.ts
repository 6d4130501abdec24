// The preview's token, and only the preview's: in a plain browser there is no Office to sign in
// through, so when the server points at the loopback stand-in of Microsoft 365 the preview asks the
// stand-in's token door (POST /_standin/user-token), which mints what NAA would hand a pane. A real
// Entra authority has no such door: previewSignIn only makes this source for a loopback authority.
import type { TokenSource } from "../shared/tokenSource";

/** The stand-in's route (src/standin/standinAuthority.ts). */
export const STANDIN_TOKEN_ROUTE = "/_standin/user-token";

/**
 * @param authorityHost - the stand-in's origin (AUTHORITY_HOST)
 * @example const token = await standinTokenSource("https://localhost:4040", fetch).token();
 */
export function standinTokenSource(authorityHost: string, fetcher: typeof fetch): TokenSource {
  let cached: { readonly token: string; readonly until: number } | undefined;
  return {
    async token({ fresh = false } = {}) {
      if (!fresh && cached !== undefined && cached.until > Date.now()) return cached.token;
      let response: Response;
      try {
        response = await fetcher(`${authorityHost}${STANDIN_TOKEN_ROUTE}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
      } catch {
        throw new Error(`Le banc d'essai Microsoft 365 ne répond pas (${authorityHost}). / The Microsoft 365 stand-in does not answer (${authorityHost}).`);
      }
      const answer = response.ok ? ((await response.json()) as { access_token?: unknown; expires_in?: unknown }) : {};
      if (typeof answer.access_token !== "string") throw new Error(`Le banc d'essai Microsoft 365 n'a pas donné de jeton (HTTP ${response.status}). / The Microsoft 365 stand-in gave no token (HTTP ${response.status}).`);
      const seconds = typeof answer.expires_in === "number" ? answer.expires_in : 3600;
      cached = { token: answer.access_token, until: Date.now() + Math.max(0, seconds - 60) * 1000 };
      return answer.access_token;
    },
  };
}
