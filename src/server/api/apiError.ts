// What an API route throws when a request cannot be served: a status, a stable code the task panes
// act on, and one French / English sentence for the user. The error handler (one place) turns it
// into the answer; anything else becomes a 500 that tells nothing of the internals.

export class ApiError extends Error {
  /**
   * @param status - the HTTP status (400, 401, 403, 404, 409, 413, 429, 502, 503...)
   * @param code - stable, for the client ("invalid_request", "not_signed_in", "graph_unavailable")
   * @param french - what the user reads first
   * @param english - the same, in English
   * @param options - the cause (kept for the server, never sent), and Retry-After seconds for 429/503
   */
  constructor(
    readonly status: number,
    readonly code: string,
    readonly french: string,
    readonly english: string,
    options: { readonly cause?: unknown; readonly retryAfterSeconds?: number | undefined } = {},
  ) {
    super(`${french} / ${english}`, { cause: options.cause });
    this.name = "ApiError";
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  readonly retryAfterSeconds: number | undefined;
}
