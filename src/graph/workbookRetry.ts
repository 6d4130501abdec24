// What a failed Graph call of the workbook and drive code says, and when to try it again: Graph
// answers 429, 503 and 504 with a Retry-After (seconds) that the client must wait before sending
// anything else; the SDK's own retry handler waits it out three times, and this waits longer
// ones out (and the upload URLs' answers, which go outside the SDK).
import { GraphError } from "@microsoft/microsoft-graph-client";

/** The statuses Graph asks to be retried later. */
const RETRIED = new Set([429, 503, 504]);

export interface RetryOptions {
  /** Tries in all (5 by default). */
  readonly attempts?: number | undefined;
  /** The longest wait honoured, in seconds (Graph's waits are seconds to a few minutes). */
  readonly maxWaitSeconds?: number | undefined;
  /** For tests: how to wait. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
}

/**
 * Every error code a Graph error carries, its nested innerError codes included, in lower case
 * (Graph's codes are case-insensitive).
 * @example graphErrorCodes(error) // ["itemnotfound", "invalidsessionrecreatable"]
 */
export function graphErrorCodes(error: unknown): string[] {
  if (!(error instanceof GraphError)) return [];
  const codes: string[] = [];
  if (typeof error.code === "string") codes.push(error.code.toLowerCase());
  let body: unknown;
  try {
    body = typeof error.body === "string" ? JSON.parse(error.body) : error.body;
  } catch {
    body = undefined;
  }
  for (let inner = body as { code?: unknown; innerError?: unknown; error?: unknown } | undefined; inner !== undefined && inner !== null; ) {
    if (typeof inner.code === "string") codes.push(inner.code.toLowerCase());
    inner = (inner.innerError ?? inner.error) as typeof inner;
  }
  return [...new Set(codes)];
}

/** The HTTP status of a Graph error, or undefined for anything else. */
export function graphStatus(error: unknown): number | undefined {
  return error instanceof GraphError ? error.statusCode : undefined;
}

/**
 * The wait a Retry-After asks for, in seconds: a number of seconds or an HTTP date.
 * @example retryAfterSeconds("7") // 7
 */
export function retryAfterSeconds(header: string | null | undefined): number | undefined {
  if (header === null || header === undefined || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** An error that asks to be tried again later, with the wait it asks for. */
export class RetryLater extends Error {
  constructor(
    readonly status: number,
    readonly waitSeconds: number | undefined,
  ) {
    super(`Graph ${status}`);
    this.name = "RetryLater";
  }
}

/** The wait a failure asks for, or undefined when it is not one to retry. */
function retryWait(error: unknown): { wait: number | undefined } | undefined {
  if (error instanceof RetryLater) return { wait: error.waitSeconds };
  const status = graphStatus(error);
  if (status === undefined || !RETRIED.has(status)) return undefined;
  return { wait: retryAfterSeconds((error as GraphError).headers?.get("retry-after")) };
}

/**
 * Runs a call, again after the wait Graph asks for when it answers 429, 503 or 504 (an increasing
 * wait when it names none), up to `attempts` times.
 *
 * @param call - the call; it must be safe to repeat (Graph did not do a throttled request)
 * @param options - attempts, maxWaitSeconds, sleep
 * @returns what the call returns
 * @throws the last failure, or any failure that is not one to retry
 */
export async function withRetryAfter<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const retry = retryWait(error);
      if (retry === undefined || attempt >= attempts) throw error;
      const wait = Math.min(retry.wait ?? 2 ** (attempt - 1), options.maxWaitSeconds ?? 300);
      await sleep(wait * 1000);
    }
  }
}
