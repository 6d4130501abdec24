// Faults on demand, as Microsoft 365 shows them to a client now and then: 429 and 503 with
// Retry-After (the request not carried out), a timeout (carried out, but the answer comes too late),
// and an answer dropped after the work (a draft created, its id never received). Drawn from a
// seeded generator, so that a test sees the same faults for the same requests; or scripted, the
// next ones chosen by the test. Each request of a $batch draws on its own, and so does the envelope.
import { graphError, type GraphMiddleware, type GraphRequest, type GraphResponse } from "./graphExchange";
import { retryAfterHeader } from "./standinLimits";
import { propertyFilter } from "./standinMailQuery";
import type { StandinPart } from "./standinServer";
import { seededRandom } from "../seededRandom";

export type FaultKind = "throttle" | "unavailable" | "timeout" | "drop";
export const FAULT_KINDS: readonly FaultKind[] = ["throttle", "unavailable", "timeout", "drop"];

export interface FaultOptions {
  /** The share of the requests that meet a fault (0 to 1). */
  rate: number;
  seed: number;
  /** The faults drawn from, evenly. */
  kinds: readonly FaultKind[];
  /** Retry-After of a 429 or 503. */
  retryAfterMs: number;
  /** How late a timed-out answer comes (past the client's own timeout). */
  holdMs: number;
  fractionalRetryAfter: boolean;
  /** Which requests may meet a fault (by default: Outlook messages and $batch envelopes). */
  applies: (request: GraphRequest) => boolean;
}

/** A request the faults part saw, and the fault it met, if any. */
export interface SeenRequest {
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly inBatch: boolean;
  /** The reminder's key, read from a draft's extended property or the lookup's filter. */
  readonly key?: string | undefined;
  readonly fault?: FaultKind | undefined;
  readonly retryAfterMs?: number | undefined;
}

const MAIL_OR_BATCH = /^\/((me|users\/[^/]+)\/messages|\$batch$)/;

export const NO_FAULTS: FaultOptions = {
  rate: 0,
  seed: 1,
  kinds: FAULT_KINDS,
  retryAfterMs: 1000,
  holdMs: 5000,
  fractionalRetryAfter: false,
  applies: (request) => MAIL_OR_BATCH.test(request.path),
};


function keyOf(request: GraphRequest): string | undefined {
  const property = (request.body as { singleValueExtendedProperties?: { value?: unknown }[] } | undefined)?.singleValueExtendedProperties?.[0]?.value;
  if (typeof property === "string") return property;
  const filter = propertyFilter(request.query.get("$filter"));
  return typeof filter === "object" ? filter.value : undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class StandinFaults {
  options: FaultOptions;
  /** Every request that could meet a fault, in the order they came. */
  readonly seen: SeenRequest[] = [];
  private random: () => number;
  private scripted: (FaultKind | "none")[] = [];

  constructor(options: Partial<FaultOptions> = {}) {
    this.options = { ...NO_FAULTS, ...options };
    this.random = seededRandom(this.options.seed);
  }

  configure(options: Partial<FaultOptions>): void {
    this.options = { ...this.options, ...options };
    this.random = seededRandom(this.options.seed);
  }

  /** The next requests that may meet a fault meet these ("none": no fault), in order, before any drawn one. */
  script(...kinds: (FaultKind | "none")[]): void {
    this.scripted.push(...kinds);
  }

  /** How many of each fault were injected. */
  count(kind: FaultKind): number {
    return this.seen.filter((s) => s.fault === kind).length;
  }

  reset(): void {
    this.configure({ ...NO_FAULTS });
    this.scripted = [];
    this.seen.length = 0;
  }

  part(): StandinPart {
    return (context) => {
      context.graph.use(this.middleware());
      context.app.post("/_standin/mail/faults", (req, res) => {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (chunk: string) => (body += chunk));
        req.on("end", () => {
          const asked = JSON.parse(body || "{}") as Partial<Omit<FaultOptions, "applies">>;
          this.configure({ ...NO_FAULTS, ...asked, applies: NO_FAULTS.applies });
          res.json({ rate: this.options.rate, seed: this.options.seed, kinds: this.options.kinds });
        });
      });
    };
  }

  private draw(): FaultKind | undefined {
    const next = this.scripted.shift();
    if (next !== undefined) return next === "none" ? undefined : next;
    const { rate, kinds } = this.options;
    if (rate <= 0 || kinds.length === 0) return undefined;
    const roll = this.random();
    if (roll >= rate) return undefined;
    return kinds[Math.min(kinds.length - 1, Math.floor((roll / rate) * kinds.length))];
  }

  private middleware(): GraphMiddleware {
    return async (request, next): Promise<GraphResponse> => {
      if (!this.options.applies(request)) return next();
      const fault = this.draw();
      const { retryAfterMs, holdMs, fractionalRetryAfter } = this.options;
      const throttled = fault === "throttle" || fault === "unavailable";
      this.seen.push({
        at: Date.now(),
        method: request.method,
        path: request.path,
        inBatch: request.batchId !== undefined,
        key: keyOf(request),
        fault,
        retryAfterMs: throttled ? retryAfterMs : undefined,
      });
      const retryAfter = { "Retry-After": retryAfterHeader(retryAfterMs, fractionalRetryAfter) };
      if (fault === "throttle") return graphError(429, "TooManyRequests", "Too many requests, please retry later.", retryAfter);
      if (fault === "unavailable") return graphError(503, "serviceNotAvailable", "The service is temporarily unavailable.", retryAfter);
      const response = await next();
      if (fault === "drop") return { ...response, dropConnection: true };
      if (fault === "timeout") await sleep(holdMs);
      return response;
    };
  }
}
