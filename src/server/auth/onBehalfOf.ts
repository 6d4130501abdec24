// The exchange of a user's API token for a Graph token of that same user (OAuth 2.0 on-behalf-of),
// by @azure/msal-node: one ConfidentialClientApplication for the server, whose in-memory cache
// keeps each user's Graph token until it nears expiry; concurrent requests of one token share one
// exchange. msal's own log goes to the API's log, without personal data.
import { ConfidentialClientApplication, LogLevel } from "@azure/msal-node";
import type { ApiLog } from "../api/apiLog";
import { oboError } from "./oboError";

/** Graph's resource, whatever GRAPH_BASE_URL is: scopes name the resource, not the host. */
export const GRAPH_RESOURCE = "https://graph.microsoft.com";
/** The delegated permissions granted to the app (Mail.ReadWrite, Files.ReadWrite): .default asks for them all. */
export const GRAPH_DELEGATED_SCOPES = [`${GRAPH_RESOURCE}/.default`];

export interface OnBehalfOfOptions {
  /** AUTHORITY_HOST (an origin). */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly log: ApiLog;
  /** msal's log level: warnings by default; "verbose" for everything (still without personal data). */
  readonly msalLogLevel?: "warning" | "verbose" | undefined;
}

/** Resolves with a Graph access token for the user of `assertion` (the API token); throws ApiError. */
export type OnBehalfOf = (assertion: string) => Promise<string>;

export function onBehalfOf(options: OnBehalfOfOptions): OnBehalfOf {
  const { log } = options;
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: `${options.authorityHost}/${options.tenantId}`,
      knownAuthorities: [new URL(options.authorityHost).host],
    },
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: options.msalLogLevel === "verbose" ? LogLevel.Verbose : LogLevel.Warning,
        loggerCallback: (level, message) => {
          const severity = level === LogLevel.Error ? "error" : level === LogLevel.Warning ? "warn" : "info";
          log[severity]("msal", { detail: message });
        },
      },
    },
  });
  const inFlight = new Map<string, Promise<string>>();
  return (assertion) => {
    let token = inFlight.get(assertion);
    if (token === undefined) {
      token = exchange(app, assertion, log).finally(() => inFlight.delete(assertion));
      inFlight.set(assertion, token);
    }
    return token;
  };
}

async function exchange(app: ConfidentialClientApplication, assertion: string, log: ApiLog): Promise<string> {
  try {
    const result = await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: GRAPH_DELEGATED_SCOPES });
    if (result === null || result.accessToken === "") throw new Error("msal-node: empty on-behalf-of result");
    return result.accessToken;
  } catch (error) {
    const answer = oboError(error);
    log.warn("on_behalf_of_failed", { code: answer.code, msal: msalCode(error) });
    throw answer;
  }
}

function msalCode(error: unknown): string | undefined {
  const { errorCode, subError } = (error ?? {}) as { errorCode?: unknown; subError?: unknown };
  if (typeof errorCode !== "string") return undefined;
  return typeof subError === "string" && subError !== "" ? `${errorCode}/${subError}` : errorCode;
}
