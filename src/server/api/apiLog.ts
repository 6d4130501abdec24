// The API's log: one line per event, with named fields; never a header, a body or a token. Lines
// pass through a last scrub (anything shaped like a JWT, and the client secret, become « *** »)
// so that a library's message quoting one cannot reach the log either.

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface ApiLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export type LogLevel = "info" | "warn" | "error";

/** Three dot-separated base64url parts starting with a JSON header: a JWS or JWT. */
const JWT_SHAPE = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/**
 * A log writing each line through `write`, with `secrets` masked wherever they appear.
 * @example const log = apiLog((level, line) => process.stderr.write(line + "\n"), [config.clientSecret]);
 */
export function apiLog(write: (level: LogLevel, line: string) => void, secrets: readonly string[] = []): ApiLog {
  const masked = secrets.filter((secret) => secret.length >= 4);
  const line = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    let text = `${level} ${scrub(event, masked)}`;
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      // Scrubbed before quoting, so that an escaped character cannot hide a secret from the scrub.
      const clean = scrub(String(value), masked);
      text += ` ${name}=${typeof value === "string" && /[\s"=\\]/.test(clean) ? JSON.stringify(clean) : clean}`;
    }
    write(level, text);
  };
  return {
    info: (event, fields) => line("info", event, fields),
    warn: (event, fields) => line("warn", event, fields),
    error: (event, fields) => line("error", event, fields),
  };
}

/** The log of `relances serve`: requests on stdout, warnings and errors on stderr. */
export function consoleApiLog(secrets: readonly string[] = []): ApiLog {
  return apiLog((level, text) => (level === "info" ? process.stdout : process.stderr).write(`relances ${text}\n`), secrets);
}

/** A log that keeps nothing (tests that do not look at it). */
export const SILENT_LOG: ApiLog = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * `text` with every JWT-shaped string and every secret replaced by « *** ».
 * @example scrub("Bearer eyJa.eyJb.c", []) // "Bearer ***"
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let result = text.replace(JWT_SHAPE, "***");
  for (const secret of secrets) result = result.split(secret).join("***");
  return result;
}

/** What may be logged of an error: its name, code and first message line, scrubbed later by the log. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown; errorCode?: unknown }).errorCode ?? (error as { code?: unknown }).code;
  return { error: error.name, code: typeof code === "string" ? code : undefined, detail: error.message.split("\n")[0]?.slice(0, 300) };
}
