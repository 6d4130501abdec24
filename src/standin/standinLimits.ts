// The Outlook service limits Graph enforces, per app and mailbox (Microsoft Graph throttling
// guidance, "Outlook service limits"): 4 requests at once, and 10,000 requests in a 10-minute
// window. Over either, Graph answers 429 with Retry-After, and the request is not carried out. Each
// request inside a $batch counts on its own. The window can be scaled (the bench runs it in
// seconds) and Retry-After given in fractions of a second, so that tests stay fast.
import { graphError, type GraphMiddleware, type GraphRequest } from "./graphExchange";
import type { StandinContext, StandinPart } from "./standinServer";
import { findUser } from "./standinTenant";

export interface MailLimitOptions {
  /** Requests at once per app and mailbox (4). */
  concurrent: number;
  /** Requests per window per app and mailbox (10,000). */
  requestsPerWindow: number;
  /** The window (10 minutes). */
  windowMs: number;
  /** Retry-After of a request over the concurrency limit (1 s). */
  concurrencyRetryAfterMs: number;
  /** Retry-After in fractions of a second ("0.25") rather than whole seconds, as Graph writes it. */
  fractionalRetryAfter: boolean;
}

export const OUTLOOK_LIMITS: MailLimitOptions = {
  concurrent: 4,
  requestsPerWindow: 10_000,
  windowMs: 10 * 60_000,
  concurrencyRetryAfterMs: 1000,
  fractionalRetryAfter: false,
};

/** Outlook resources of a mailbox: its messages and mail folders (not its OneDrive). */
const OUTLOOK_PATH = /^\/(me|users\/([^/]+))\/(messages|mailFolders)(\/|$)/;

/** Retry-After as a header value: whole seconds (at least 1), or fractions when asked. */
export function retryAfterHeader(ms: number, fractional: boolean): string {
  if (fractional) return String(Math.max(0.001, Math.ceil(ms) / 1000));
  return String(Math.max(1, Math.ceil(ms / 1000)));
}

/** The limits in force, and what they met: the tests read them, the bench sets them. */
export class StandinMailLimits {
  options: MailLimitOptions;
  /** The most requests of one app on one mailbox at once, admitted or not. */
  mostAtOnce = 0;
  concurrencyRefusals = 0;
  windowRefusals = 0;
  admitted = 0;
  /** When the first and the last admitted requests came (ms since the epoch; 0 before any). */
  firstAdmittedAt = 0;
  lastAdmittedAt = 0;
  private readonly active = new Map<string, number>();
  private readonly windows = new Map<string, number[]>();

  constructor(options: Partial<MailLimitOptions> = {}) {
    this.options = { ...OUTLOOK_LIMITS, ...options };
  }

  configure(options: Partial<MailLimitOptions>): void {
    this.options = { ...this.options, ...options };
  }

  reset(): void {
    this.mostAtOnce = 0;
    this.concurrencyRefusals = 0;
    this.windowRefusals = 0;
    this.admitted = 0;
    this.firstAdmittedAt = 0;
    this.lastAdmittedAt = 0;
    this.active.clear();
    this.windows.clear();
  }

  part(): StandinPart {
    return (context) => context.graph.use(this.middleware(context));
  }

  private mailboxKey(context: StandinContext, request: GraphRequest): string | undefined {
    const match = OUTLOOK_PATH.exec(request.path);
    if (match === null) return undefined;
    const mailbox = match[2] === undefined ? request.caller.userId : (findUser(context.tenant, match[2])?.id ?? match[2].toLowerCase());
    return `${request.caller.appId}|${mailbox}`;
  }

  private middleware(context: StandinContext): GraphMiddleware {
    return async (request, next) => {
      const key = this.mailboxKey(context, request);
      if (key === undefined) return next();
      const { concurrent, requestsPerWindow, windowMs, fractionalRetryAfter } = this.options;
      const active = (this.active.get(key) ?? 0) + 1;
      this.mostAtOnce = Math.max(this.mostAtOnce, active);
      if (active > concurrent) {
        this.concurrencyRefusals++;
        return graphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", {
          "Retry-After": retryAfterHeader(this.options.concurrencyRetryAfterMs, fractionalRetryAfter),
        });
      }
      const now = Date.now();
      let window = this.windows.get(key);
      if (window === undefined) this.windows.set(key, (window = []));
      while (window.length > 0 && window[0]! <= now - windowMs) window.shift();
      if (window.length >= requestsPerWindow) {
        this.windowRefusals++;
        // Room comes back when the oldest request of the window leaves it.
        return graphError(429, "ApplicationThrottled", "Application is over its RequestCount limit.", {
          "Retry-After": retryAfterHeader(window[0]! + windowMs - now, fractionalRetryAfter),
        });
      }
      window.push(now);
      this.admitted++;
      if (this.firstAdmittedAt === 0) this.firstAdmittedAt = now;
      this.lastAdmittedAt = now;
      this.active.set(key, active);
      try {
        return await next();
      } finally {
        this.active.set(key, (this.active.get(key) ?? 1) - 1);
      }
    };
  }
}
