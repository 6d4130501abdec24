// Graph requests to one mailbox gathered into JSON batches (POST /$batch through the Graph SDK):
// at most 20 per batch, chained with dependsOn so that a batch holds one mailbox request at a time,
// and at most 4 batches in flight, which keeps within Outlook's 4 concurrent requests per mailbox.
// Throttling is answered where it is met: Retry-After on the envelope or on the inner answers (the
// envelope answers 200 while some of its requests answer 429), and only the failed requests are
// sent again, after the largest Retry-After among them. A request that may have been carried out
// (a POST met by a 503, a timeout or a dropped connection) is never sent again blindly: its caller
// is told the outcome is unknown, and looks first.
import { ResponseType, RetryHandlerOptions, type Client } from "@microsoft/microsoft-graph-client";
import { graphErrorText } from "./graphDraftError";
import { InFlightSlots } from "./inFlightSlots";
import { retryAfterMs } from "./retryAfter";

export interface GraphCall {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Relative to the version: "/users/x@y.fr/messages?$filter=…". */
  readonly url: string;
  /** JSON. */
  readonly body?: unknown;
  /** Sending it twice is harmless (a GET, an upload session): sent again after a 503, 504 or timeout too. */
  readonly idempotent: boolean;
}

export interface GraphAnswer {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** A request that may or may not have been carried out: look before sending it again. */
export class UncertainOutcome extends Error {
  constructor(
    readonly reason: string,
    /** How long to wait before looking. */
    readonly retryAfterMs: number,
  ) {
    super(reason);
    this.name = "UncertainOutcome";
  }
}

/** A request still refused after the allowed attempts. */
export class GraphRetriesExhausted extends Error {
  constructor(
    readonly reason: string,
    readonly attempts: number,
  ) {
    super(`${attempts} essais / attempts: ${reason}`);
    this.name = "GraphRetriesExhausted";
  }
}

/** The name a token source gives its refusal (appToken's AppTokenError): the batch is not sent. */
export const TOKEN_REFUSED = "AppTokenError";

export class GraphTokenRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GraphTokenRefused";
  }
}

export interface GraphBatcherOptions {
  /** Requests per $batch (Graph's limit: 20). */
  readonly maxBatch?: number | undefined;
  /** The mailbox's places: shared by every batcher on the same mailbox (4 by default). */
  readonly slots?: InFlightSlots | undefined;
  /** Each HTTP request's timeout. */
  readonly timeoutMs?: number | undefined;
  /** Failed sends of one request before giving up (429s aside). */
  readonly maxAttempts?: number | undefined;
  /** 429s of one request before giving up: a long run meets the mailbox's window many times. */
  readonly maxThrottled?: number | undefined;
  /** The wait before resending when no Retry-After says (doubled at each attempt). */
  readonly backoffMs?: number | undefined;
  /** A batch's JSON stays under Graph's 4 MB request limit. */
  readonly maxBatchBytes?: number | undefined;
}

export interface GraphBatcherStats {
  envelopes: number;
  largestBatch: number;
  resent: number;
  /** Envelopes whose answer never came (timeout, connection lost). */
  lost: number;
}

interface Entry {
  readonly call: GraphCall;
  readonly size: number;
  attempts: number;
  throttled: number;
  resolve(answer: GraphAnswer): void;
  reject(error: Error): void;
}

/** What one attempt of an entry came to. */
type Attempt =
  | { readonly answer: GraphAnswer }
  | { readonly retry: string; readonly waitMs: number | undefined; readonly executed: "no" | "maybe"; readonly begun?: false | undefined; readonly throttled?: true | undefined };

export const IMMUTABLE_IDS = 'IdType="ImmutableId"';
const RETRY_STATUSES = new Set([429, 503, 504]);
// The SDK's own retry is off: it would resend a POST after a 504, and outside the 4 places.
const NO_SDK_RETRY = new RetryHandlerOptions(0, 0, () => false);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function lowerCaseHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = String(value);
  return out;
}

export class GraphBatcher {
  readonly stats: GraphBatcherStats = { envelopes: 0, largestBatch: 0, resent: 0, lost: 0 };
  private readonly queue: Entry[] = [];
  private readonly slots: InFlightSlots;
  private readonly maxBatch: number;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly maxThrottled: number;
  private readonly backoffMs: number;
  private readonly maxBatchBytes: number;
  private scheduled = false;
  /** The batch size now: halved when a whole batch is lost (one bad request loses all its chain), grown back as batches come through. */
  private batchLimit: number;

  constructor(
    private readonly client: Client,
    options: GraphBatcherOptions = {},
  ) {
    this.slots = options.slots ?? new InFlightSlots();
    this.maxBatch = Math.min(20, options.maxBatch ?? 20);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.maxThrottled = options.maxThrottled ?? 100;
    this.backoffMs = options.backoffMs ?? 200;
    this.maxBatchBytes = options.maxBatchBytes ?? 3_500_000;
    this.batchLimit = this.maxBatch;
  }

  /**
   * Sends one request in the next batch.
   * @returns its answer: a success, or a refusal that sending again would not change (400, 404...)
   * @throws UncertainOutcome for a request that is not idempotent and may have been carried out;
   *   GraphRetriesExhausted once the attempts are spent
   */
  send(call: GraphCall): Promise<GraphAnswer> {
    return new Promise((resolve, reject) => {
      const size = call.body === undefined ? 200 : JSON.stringify(call.body).length + 200;
      this.queue.push({ call, size, attempts: 0, throttled: 0, resolve, reject });
      this.schedule();
    });
  }

  /** Runs `work` holding one of the mailbox's places (an upload's PUT, outside any batch). */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.slots.take();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** The timeout of one HTTP request. */
  get requestTimeoutMs(): number {
    return this.timeoutMs;
  }

  private release(): void {
    this.slots.release();
    this.schedule();
  }

  /** Sends on the next turn, so that the requests asked in this one share their batches. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.slots.tryTake()) {
      const batch: Entry[] = [];
      let bytes = 0;
      while (this.queue.length > 0 && batch.length < this.batchLimit && (batch.length === 0 || bytes + this.queue[0]!.size <= this.maxBatchBytes)) {
        const entry = this.queue.shift()!;
        bytes += entry.size;
        batch.push(entry);
      }
      void this.sendBatch(batch).finally(() => this.release());
    }
  }

  private async sendBatch(batch: Entry[]): Promise<void> {
    this.stats.envelopes++;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    const requests = batch.map((entry, i) => ({
      id: String(i + 1),
      method: entry.call.method,
      url: entry.call.url,
      headers: { Prefer: IMMUTABLE_IDS, ...(entry.call.body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(entry.call.body === undefined ? {} : { body: entry.call.body }),
      // One after the other: a batch is then one request at a time against the mailbox.
      ...(i === 0 ? {} : { dependsOn: [String(i)] }),
    }));
    for (const entry of batch) entry.attempts++;
    let attempts: Attempt[];
    try {
      const response = (await this.client
        .api("/$batch")
        .responseType(ResponseType.RAW)
        .middlewareOptions([NO_SDK_RETRY])
        .options({ signal: AbortSignal.timeout(this.timeoutMs) })
        .post({ requests })) as Response;
      attempts = await this.envelopeAttempts(response, batch);
    } catch (error) {
      // No token, no request sent: nothing to try again (the SDK keeps the cause's name as its code).
      if ((error as Error).name === TOKEN_REFUSED || (error as { code?: string }).code === TOKEN_REFUSED) {
        const refused = new GraphTokenRefused((error as Error).message);
        for (const entry of batch) entry.reject(refused);
        return;
      }
      this.stats.lost++;
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || /timeout/i.test(error.message));
      const reason = timedOut ? `pas de réponse en ${this.timeoutMs} ms / no answer within ${this.timeoutMs} ms` : `connexion perdue / connection lost (${(error as Error).message})`;
      attempts = batch.map(() => ({ retry: reason, waitMs: undefined, executed: "maybe" as const }));
    }
    const lost = attempts.every((a) => "retry" in a && a.executed === "maybe");
    this.batchLimit = lost ? Math.max(1, Math.floor(this.batchLimit / 2)) : Math.min(this.maxBatch, this.batchLimit + 2);
    this.settle(batch, attempts);
  }

  /** Each entry's attempt, from the envelope's answer. */
  private async envelopeAttempts(response: Response, batch: Entry[]): Promise<Attempt[]> {
    const headers = lowerCaseHeaders(Object.fromEntries(response.headers.entries()));
    if (response.status !== 200) {
      const body: unknown = await response.json().catch(() => undefined);
      const reason = graphErrorText(response.status, body);
      if (RETRY_STATUSES.has(response.status)) {
        const throttled = response.status === 429;
        return batch.map(() => ({ retry: reason, waitMs: retryAfterMs(headers["retry-after"]), executed: throttled ? ("no" as const) : ("maybe" as const), throttled: throttled ? (true as const) : undefined }));
      }
      return batch.map(() => ({ answer: { status: response.status, headers, body } }));
    }
    const body = (await response.json()) as { responses?: { id: string; status: number; headers?: Record<string, unknown>; body?: unknown }[] };
    const byId = new Map((body.responses ?? []).map((r) => [String(r.id), r]));
    return batch.map((_entry, i): Attempt => {
      const inner = byId.get(String(i + 1));
      if (inner === undefined) return { retry: "réponse absente du lot / answer missing from the batch", waitMs: undefined, executed: "maybe" };
      const innerHeaders = lowerCaseHeaders(inner.headers);
      const answer = { status: inner.status, headers: innerHeaders, body: inner.body };
      // 424: an earlier request of the chain failed, this one was not begun.
      if (inner.status === 424) return { retry: graphErrorText(424, inner.body), waitMs: 0, executed: "no", begun: false };
      if (RETRY_STATUSES.has(inner.status)) {
        const throttled = inner.status === 429;
        return { retry: graphErrorText(inner.status, inner.body), waitMs: retryAfterMs(innerHeaders["retry-after"]), executed: throttled ? "no" : "maybe", throttled: throttled ? true : undefined };
      }
      return { answer };
    });
  }

  /** Answers the settled entries; sends the others again together, after the largest Retry-After among them. */
  private settle(batch: Entry[], attempts: Attempt[]): void {
    const again: Entry[] = [];
    let wait = 0;
    batch.forEach((entry, i) => {
      const attempt = attempts[i]!;
      if ("answer" in attempt) return entry.resolve(attempt.answer);
      // A request not begun has not used an attempt (the one it waited on has).
      if (attempt.begun === false) entry.attempts--;
      // A 429 is counted on its own: the mailbox said when to come back.
      if (attempt.throttled) {
        entry.attempts--;
        entry.throttled++;
      }
      const waitMs = attempt.waitMs ?? this.backoffMs * 2 ** Math.min(entry.attempts - 1, 5);
      if (attempt.executed === "maybe" && !entry.call.idempotent) return entry.reject(new UncertainOutcome(attempt.retry, waitMs));
      if (entry.attempts >= this.maxAttempts || entry.throttled >= this.maxThrottled) return entry.reject(new GraphRetriesExhausted(attempt.retry, entry.attempts + entry.throttled));
      wait = Math.max(wait, waitMs);
      again.push(entry);
    });
    if (again.length === 0) return;
    this.stats.resent += again.length;
    void sleep(wait).then(() => {
      this.queue.unshift(...again);
      this.schedule();
    });
  }
}
