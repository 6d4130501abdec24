// The server's configuration, read only from the environment (SPEC section 9): nothing in a file.
// Microsoft 365 is "configured" when the tenant, the client id and the secret are all set; until
// then the API's Microsoft 365 routes answer 503 and everything else works as without it. A value
// that is set but wrong stops the start with a message naming the variable (never the secret's value).
import { graphBaseUrl } from "../graph/graphClient";

export const DEFAULT_PORT = 3000;
export const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
/** The host of the Application ID URI registered in Entra ID (api://localhost:3000/<client id>). */
export const DEFAULT_API_HOST = "localhost:3000";
/** The delegated scope the task panes ask for, on the API's own Application ID URI. */
export const API_SCOPE_NAME = "access_as_user";
/** Requests per minute per signed-in user on the API, unless RELANCES_API_RATE_LIMIT says otherwise. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

/** The variables that must all be set for Microsoft 365. */
export const MICROSOFT365_VARIABLES = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"] as const;

export interface Microsoft365Config {
  /** AZURE_TENANT_ID: the tenant of the app registration (a GUID). */
  readonly tenantId: string;
  /** AZURE_CLIENT_ID: the app registration's Application (client) ID. */
  readonly clientId: string;
  /** AZURE_CLIENT_SECRET: never logged, never sent to the browser. */
  readonly clientSecret: string;
  /** AZURE_ALLOWED_TENANTS (comma-separated tenant ids), else the tenant alone. */
  readonly allowedTenants: readonly string[];
  /** AZURE_APP_ID_URI, else api://localhost:3000/<client id>: the API's Application ID URI. */
  readonly appIdUri: string;
  /** `${appIdUri}/access_as_user`: what the task panes ask a token for. */
  readonly apiScope: string;
}

export interface ServerConfig {
  /** PORT (3000 by default; 0 for any free port). */
  readonly port: number;
  /** GRAPH_BASE_URL, https://graph.microsoft.com by default. */
  readonly graphBaseUrl: string;
  /** AUTHORITY_HOST, https://login.microsoftonline.com by default. */
  readonly authorityHost: string;
  /** RELANCES_MAILBOX: the shared mailbox the command line drafts in. */
  readonly mailbox: string | undefined;
  /** RELANCES_API_RATE_LIMIT: requests per minute per user. */
  readonly rateLimitPerMinute: number;
  /** Undefined until tenant, client id and secret are set. */
  readonly microsoft365: Microsoft365Config | undefined;
  /** The Microsoft 365 variables left unset (empty when configured, or when none is set). */
  readonly missing: readonly string[];
}

/** A variable set to a value the server cannot use; the message names it, French then English. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

function invalid(variable: string, french: string, english: string): ConfigError {
  return new ConfigError(variable, `${variable} invalide : ${french}. / Invalid ${variable}: ${english}.`);
}

type Env = Readonly<Record<string, string | undefined>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The server's configuration from `env`.
 * @throws ConfigError naming the first variable whose value cannot be used
 * @example readServerConfig({}).microsoft365 // undefined: the product works without Microsoft 365
 */
export function readServerConfig(env: Env = process.env): ServerConfig {
  const value = (name: string): string | undefined => {
    const text = env[name]?.trim();
    return text === undefined || text === "" ? undefined : text;
  };
  const port = portOf(value("PORT"));
  const authorityHost = httpsOrigin("AUTHORITY_HOST", value("AUTHORITY_HOST") ?? DEFAULT_AUTHORITY_HOST);
  let graph: string;
  try {
    graph = graphBaseUrl(value("GRAPH_BASE_URL"));
  } catch (error) {
    throw new ConfigError("GRAPH_BASE_URL", error instanceof Error ? error.message : String(error));
  }
  const mailbox = value("RELANCES_MAILBOX");
  if (mailbox !== undefined && !/^[^\s@]+@[^\s@]+$/.test(mailbox) && !GUID.test(mailbox)) {
    throw invalid("RELANCES_MAILBOX", `« ${mailbox} » n'est ni une adresse ni un identifiant`, `"${mailbox}" is neither an address nor an id`);
  }
  const rateLimitPerMinute = positiveInteger("RELANCES_API_RATE_LIMIT", value("RELANCES_API_RATE_LIMIT")) ?? DEFAULT_RATE_LIMIT_PER_MINUTE;

  const tenantId = value("AZURE_TENANT_ID");
  const clientId = value("AZURE_CLIENT_ID");
  // The secret is taken whole: spaces may be part of it, and it is never echoed.
  const clientSecret = env.AZURE_CLIENT_SECRET === "" ? undefined : env.AZURE_CLIENT_SECRET;
  if (tenantId !== undefined) guid("AZURE_TENANT_ID", tenantId);
  if (clientId !== undefined) guid("AZURE_CLIENT_ID", clientId);
  if (clientSecret !== undefined && clientSecret.trim() === "") {
    throw invalid("AZURE_CLIENT_SECRET", "ne contient que des espaces", "holds only spaces");
  }
  const given = { AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId, AZURE_CLIENT_SECRET: clientSecret };
  const unset = MICROSOFT365_VARIABLES.filter((name) => given[name] === undefined);
  const common = { port, graphBaseUrl: graph, authorityHost, mailbox, rateLimitPerMinute };
  if (tenantId === undefined || clientId === undefined || clientSecret === undefined) {
    return { ...common, microsoft365: undefined, missing: unset.length === MICROSOFT365_VARIABLES.length ? [] : unset };
  }

  const allowed = value("AZURE_ALLOWED_TENANTS");
  const allowedTenants = allowed === undefined ? [tenantId.toLowerCase()] : allowed.split(/[\s,;]+/).filter(Boolean).map((t) => guid("AZURE_ALLOWED_TENANTS", t).toLowerCase());
  if (allowedTenants.length === 0) throw invalid("AZURE_ALLOWED_TENANTS", "aucun locataire", "no tenant");
  const appIdUri = appIdUriOf(value("AZURE_APP_ID_URI") ?? `api://${DEFAULT_API_HOST}/${clientId}`);
  return {
    ...common,
    microsoft365: { tenantId, clientId, clientSecret, allowedTenants, appIdUri, apiScope: `${appIdUri}/${API_SCOPE_NAME}` },
    missing: [],
  };
}

/**
 * One line for `relances serve`: whether Microsoft 365 is configured, and for which tenant; never the secret.
 * @example microsoft365Status(readServerConfig({})) // "Microsoft 365 : non configuré (…) / not configured (…)"
 */
export function microsoft365Status(config: ServerConfig): string {
  const m365 = config.microsoft365;
  if (m365 !== undefined) {
    return `Microsoft 365 : configuré / configured (locataire / tenant ${m365.tenantId}, application ${m365.clientId}, ${config.authorityHost})`;
  }
  if (config.missing.length > 0) {
    return `Microsoft 365 : non configuré, il manque ${config.missing.join(", ")} / not configured, missing ${config.missing.join(", ")}`;
  }
  return "Microsoft 365 : non configuré (README, « Microsoft 365 ») / not configured (README, \"Microsoft 365\")";
}

function portOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port <= 65535)) {
    throw invalid("PORT", `« ${text} » (un nombre de 0 à 65535)`, `"${text}" (a number from 0 to 65535)`);
  }
  return port;
}

function positiveInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text) || Number(text) === 0) {
    throw invalid(name, `« ${text} » n'est pas un entier positif`, `"${text}" is not a positive integer`);
  }
  return Number(text);
}

function guid(name: string, text: string): string {
  if (!GUID.test(text)) {
    throw invalid(name, `« ${text} » n'est pas un identifiant (GUID) d'Entra ID`, `"${text}" is not an Entra ID identifier (GUID)`);
  }
  return text;
}

/** An https origin (http only on loopback), without path or trailing slash. */
/**
 * An origin read from a variable: https (http on a loopback address only), without path, query or hash.
 * @throws ConfigError naming the variable
 */
export function httpsOrigin(name: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(name, `« ${text} » n'est pas une adresse`, `"${text}" is not a URL`);
  }
  const loopback = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw invalid(name, `« ${text} » doit être en https`, `"${text}" must use https`);
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search !== "" || url.hash !== "") {
    throw invalid(name, `« ${text} » : sans chemin (pas de /locataire)`, `"${text}": without a path (no /tenant)`);
  }
  return url.origin;
}

function appIdUriOf(text: string): string {
  const uri = text.replace(/\/+$/, "");
  if (!/^(api:\/\/|https:\/\/)[^\s/]+(\/[^\s]*)?$/.test(uri)) {
    throw invalid("AZURE_APP_ID_URI", `« ${text} » n'est pas un URI d'ID d'application (api://hôte/id)`, `"${text}" is not an Application ID URI (api://host/id)`);
  }
  return uri;
}
