// The one place where the API's failures become answers: {error: {code, message}} with the status,
// Retry-After when there is one, WWW-Authenticate on 401. An ApiError says what went wrong; a zod
// error is a 400 naming the field; a body the JSON parser refused is a 400 or 413; anything else is
// a 500 that says nothing of the internals (the log keeps the error's name and first line).
import type { ErrorRequestHandler, Request, Response } from "express";
import { ZodError } from "zod";
import { ApiError } from "./apiError";
import { errorFields, type ApiLog } from "./apiLog";

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

export function apiErrorHandler(log: ApiLog): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const answer = apiErrorOf(error);
    if (answer.status >= 500) {
      log.error("api_failed", { method: req.method, path: req.baseUrl + req.path, status: answer.status, code: answer.code, ...errorFields(answer.cause ?? error) });
    }
    res.status(answer.status);
    res.setHeader("Cache-Control", "no-store");
    if (answer.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(Math.max(1, Math.ceil(answer.retryAfterSeconds))));
    if (answer.status === 401) {
      res.setHeader("WWW-Authenticate", answer.code === "invalid_token" ? 'Bearer error="invalid_token"' : "Bearer");
    }
    const body: ApiErrorBody = { error: { code: answer.code, message: answer.message } };
    res.json(body);
  };
}

/**
 * The ApiError that answers `error`.
 * @example apiErrorOf(new Error("ECONNRESET at db.ts:12")).message // "Erreur interne du serveur / Internal server error"
 */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return invalidRequest(error);
  const parser = bodyParserError(error);
  if (parser !== undefined) return parser;
  return new ApiError(500, "internal_error", "Erreur interne du serveur", "Internal server error", { cause: error });
}

function invalidRequest(error: ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? undefined : issue.path.map(String).join(".");
  const detail = issue?.message ?? "invalid";
  const extra = error.issues.length > 1 ? ` (+${error.issues.length - 1})` : "";
  return new ApiError(
    400,
    "invalid_request",
    field === undefined ? `Requête invalide : ${detail}${extra}` : `Champ « ${field} » invalide : ${detail}${extra}`,
    field === undefined ? `Invalid request: ${detail}${extra}` : `Invalid field "${field}": ${detail}${extra}`,
    { cause: error },
  );
}

/** body-parser's errors carry a `type` and a status (express.json). */
function bodyParserError(error: unknown): ApiError | undefined {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (typeof type !== "string" || typeof status !== "number") return undefined;
  if (type === "entity.too.large") return new ApiError(413, "payload_too_large", "Requête trop volumineuse", "Request too large", { cause: error });
  if (type === "entity.parse.failed") return new ApiError(400, "invalid_json", "Le corps de la requête n'est pas du JSON valide", "The request body is not valid JSON", { cause: error });
  if (type === "charset.unsupported" || type === "encoding.unsupported") {
    return new ApiError(415, "unsupported_media_type", "Encodage de la requête non pris en charge", "Unsupported request encoding", { cause: error });
  }
  return status >= 400 && status < 500 ? new ApiError(status, "invalid_request", "Requête invalide", "Invalid request", { cause: error }) : undefined;
}
