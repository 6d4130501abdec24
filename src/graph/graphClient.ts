// The one place a Microsoft Graph client is made: the official SDK, pointed at GRAPH_BASE_URL
// (https://graph.microsoft.com by default, the loopback stand-in in tests), with the token of whoever
// the call is for (the signed-in user on-behalf-of, or the app on a shared mailbox).
import { Client } from "@microsoft/microsoft-graph-client";

export const DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com";

export interface GraphClientOptions {
  /** GRAPH_BASE_URL: scheme and host, without the version ("https://graph.microsoft.com"). */
  readonly baseUrl?: string | undefined;
  /** A valid access token for Graph, asked for before each request (cached by whoever gives it). */
  readonly accessToken: () => Promise<string>;
}

/**
 * A Graph client for v1.0 on `baseUrl`. The SDK only sends the token to Graph's own hosts and to
 * the custom hosts it is told of: another base URL is one of those.
 * @example const client = graphClient({ baseUrl: env.GRAPH_BASE_URL, accessToken: () => tokens.forGraph() });
 */
export function graphClient(options: GraphClientOptions): Client {
  const baseUrl = graphBaseUrl(options.baseUrl);
  const host = new URL(baseUrl).hostname;
  return Client.initWithMiddleware({
    baseUrl: `${baseUrl}/`,
    defaultVersion: "v1.0",
    authProvider: { getAccessToken: options.accessToken },
    ...(host === "graph.microsoft.com" ? {} : { customHosts: new Set([host]) }),
  });
}

/**
 * GRAPH_BASE_URL checked: https (http only on a loopback address), no path, no trailing slash.
 * @throws Error in French / English naming the value
 */
export function graphBaseUrl(value: string | undefined): string {
  const text = (value ?? "").trim() || DEFAULT_GRAPH_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`GRAPH_BASE_URL «${text}» n'est pas une adresse / is not a URL`);
  }
  const loopback = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new Error(`GRAPH_BASE_URL «${text}» doit être en https / must use https`);
  }
  if (url.pathname !== "/" && url.pathname !== "") {
    throw new Error(`GRAPH_BASE_URL «${text}» : sans chemin (pas de /v1.0) / without a path (no /v1.0)`);
  }
  return url.origin;
}
