// `relances run --mail graph`'s configuration, from the environment only (SPEC section 9): the app
// registration (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET), the shared mailbox
// (RELANCES_MAILBOX), and where Microsoft 365 is (GRAPH_BASE_URL, AUTHORITY_HOST, by default
// Microsoft's own). The secret is never repeated in a message.
import { ConfigError, DEFAULT_AUTHORITY_HOST, httpsOrigin } from "../server/config";
import { graphBaseUrl } from "./graphClient";

export interface GraphMailConfig {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The shared mailbox's address (or object id). */
  readonly mailbox: string;
  readonly graphBaseUrl: string;
  readonly authorityHost: string;
  /** RELANCES_GRAPH_TIMEOUT (seconds): each request's timeout, 60 s by default. */
  readonly timeoutMs: number;
}

export class GraphConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GraphConfigError";
  }
}

const REQUIRED = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "RELANCES_MAILBOX"] as const;

/** AUTHORITY_HOST checked as the server checks it (config.ts). */
function authorityHost(value: string | undefined): string {
  try {
    return httpsOrigin("AUTHORITY_HOST", (value ?? "").trim() || DEFAULT_AUTHORITY_HOST);
  } catch (error) {
    throw error instanceof ConfigError ? new GraphConfigError(error.message) : error;
  }
}

/**
 * The configuration, or the list of what is missing.
 * @throws GraphConfigError naming each missing variable (French / English), or the one that is invalid
 */
export function graphMailConfig(env: Readonly<Record<string, string | undefined>>): GraphMailConfig {
  const missing = REQUIRED.filter((name) => (env[name] ?? "").trim() === "");
  if (missing.length > 0) {
    throw new GraphConfigError(
      `--mail graph : variable(s) d'environnement manquante(s) : ${missing.join(", ")} (voir le README, « Microsoft 365 ») / ` +
        `missing environment variable(s): ${missing.join(", ")} (see the README, "Microsoft 365")`,
    );
  }
  let base: string;
  try {
    base = graphBaseUrl(env.GRAPH_BASE_URL);
  } catch (error) {
    throw new GraphConfigError((error as Error).message);
  }
  const timeout = Number(env.RELANCES_GRAPH_TIMEOUT ?? 60);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new GraphConfigError(`RELANCES_GRAPH_TIMEOUT «${env.RELANCES_GRAPH_TIMEOUT}» : un nombre de secondes / a number of seconds`);
  return {
    tenantId: env.AZURE_TENANT_ID!.trim(),
    clientId: env.AZURE_CLIENT_ID!.trim(),
    clientSecret: env.AZURE_CLIENT_SECRET!,
    mailbox: env.RELANCES_MAILBOX!.trim(),
    graphBaseUrl: base,
    authorityHost: authorityHost(env.AUTHORITY_HOST),
    timeoutMs: Math.round(timeout * 1000),
  };
}
