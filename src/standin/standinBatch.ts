// The stand-in's JSON batching (POST /$batch), as Graph documents it: at most 20 requests, ids
// unique, each request evaluated on its own through the same pipeline (so limits and faults apply
// to each), up to 4 of the independent ones at a time, those with dependsOn after the one they name
// (424 Failed Dependency when it failed). The envelope answers 200 whatever the inner statuses. An
// inner answer dropped drops the envelope's connection, after the work; a client that hangs up
// stops the requests not yet begun.
import { graphError, type GraphRequest, type GraphResponse } from "./graphExchange";
import type { StandinPart } from "./standinServer";

export const MAX_BATCH_REQUESTS = 20;
/** How many independent requests of one batch Graph sends on at once. */
const BATCH_PARALLELISM = 4;

interface InnerRequest {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly dependsOn?: readonly string[];
}

/** What the batch part saw, for the tests and the bench. */
export class StandinBatchStats {
  envelopes = 0;
  largestBatch = 0;
  /** The most envelopes of one app in flight at once. */
  mostInFlight = 0;
  refused = 0;
  private inFlight = new Map<string, number>();

  enter(app: string): void {
    const now = (this.inFlight.get(app) ?? 0) + 1;
    this.inFlight.set(app, now);
    this.mostInFlight = Math.max(this.mostInFlight, now);
  }

  leave(app: string): void {
    this.inFlight.set(app, (this.inFlight.get(app) ?? 1) - 1);
  }

  reset(): void {
    this.envelopes = 0;
    this.largestBatch = 0;
    this.mostInFlight = 0;
    this.refused = 0;
  }
}

function validate(body: unknown): InnerRequest[] | string {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) return "The batch request must have a non-empty 'requests' array.";
  if (requests.length > MAX_BATCH_REQUESTS) return `The number of requests in the batch (${requests.length}) exceeds the limit of ${MAX_BATCH_REQUESTS}.`;
  const ids = new Set<string>();
  for (const r of requests as InnerRequest[]) {
    if (typeof r?.id !== "string" || r.id === "" || typeof r.method !== "string" || typeof r.url !== "string") return "Each request needs an id, a method and a url.";
    if (ids.has(r.id.toLowerCase())) return `Request id '${r.id}' is not unique in the batch.`;
    ids.add(r.id.toLowerCase());
    if (r.body !== undefined && !Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === "content-type")) return `Request '${r.id}' has a body but no Content-Type header.`;
  }
  for (const r of requests as InnerRequest[]) {
    for (const dependency of r.dependsOn ?? []) if (!ids.has(String(dependency).toLowerCase())) return `Request '${r.id}' depends on an unknown request '${dependency}'.`;
  }
  return requests as InnerRequest[];
}

function innerRequest(envelope: GraphRequest, inner: InnerRequest): GraphRequest {
  const url = new URL(inner.url.replace(/^\/?/, "/"), "https://graph.invalid/");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(inner.headers ?? {})) headers[name.toLowerCase()] = String(value);
  return {
    method: inner.method.toUpperCase(),
    path: decodeURIComponent(url.pathname.replace(/^\/v1\.0/, "")),
    query: url.searchParams,
    headers,
    body: inner.body,
    caller: envelope.caller,
    batchId: inner.id,
    signal: envelope.signal,
  };
}

function innerBody(body: unknown): unknown {
  return body instanceof Uint8Array ? Buffer.from(body).toString("base64") : body;
}

/** The $batch part: register it with the other parts (the order does not matter: it dispatches through the whole pipeline). */
export function standinBatch(stats = new StandinBatchStats()): StandinPart {
  return ({ graph }) => {
    graph.route("POST", /^\/\$batch$/, async (envelope) => {
      const requests = validate(envelope.body);
      if (typeof requests === "string") {
        stats.refused++;
        return graphError(400, "BadRequest", requests);
      }
      stats.envelopes++;
      stats.largestBatch = Math.max(stats.largestBatch, requests.length);
      const app = envelope.caller.appId;
      stats.enter(app);
      try {
        const answers = new Map<string, Promise<GraphResponse>>();
        let running = 0;
        const waiting: (() => void)[] = [];
        const slot = async (): Promise<() => void> => {
          while (running >= BATCH_PARALLELISM) await new Promise<void>((resolve) => waiting.push(resolve));
          running++;
          return () => {
            running--;
            waiting.shift()?.();
          };
        };
        const run = async (inner: InnerRequest): Promise<GraphResponse> => {
          const dependencies = await Promise.all((inner.dependsOn ?? []).map((d) => answers.get(String(d).toLowerCase())!));
          if (dependencies.some((d) => d.status >= 400)) return graphError(424, "FailedDependency", "The request this one depends on failed.");
          if (envelope.signal?.aborted) return graphError(424, "FailedDependency", "The batch's connection closed before this request began.");
          const release = await slot();
          try {
            return await graph.dispatch(innerRequest(envelope, inner));
          } catch {
            return graphError(500, "generalException", "An internal server error occurred.");
          } finally {
            release();
          }
        };
        // Every answer's promise is in the map before any request runs: a request waits on those it names.
        for (const inner of requests) answers.set(inner.id.toLowerCase(), Promise.resolve().then(() => run(inner)));
        const responses = await Promise.all(requests.map((r) => answers.get(r.id.toLowerCase())!));
        return {
          status: 200,
          dropConnection: responses.some((r) => r.dropConnection),
          body: {
            responses: requests.map((r, i) => ({ id: r.id, status: responses[i]!.status, headers: { "Content-Type": "application/json", ...responses[i]!.headers }, body: innerBody(responses[i]!.body) })),
          },
        };
      } finally {
        stats.leave(app);
      }
    });
  };
}
