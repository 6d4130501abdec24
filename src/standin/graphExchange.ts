// The stand-in's Graph requests as plain data, so that one pipeline serves a request that came over
// HTTPS and each request inside a $batch alike: the limits, the faults and the handlers see both the
// same way, as Graph evaluates each request of a batch on its own.

/** Who is calling, from a verified Graph access token. */
export interface GraphCaller {
  readonly tenantId: string;
  /** The app the token was issued to (azp / appid). */
  readonly appId: string;
  /** The signed-in user (oid) for a delegated token; absent for an app-only one. */
  readonly userId?: string | undefined;
  /** Delegated scopes (scp) or application roles (roles). */
  readonly permissions: readonly string[];
}

export interface GraphRequest {
  readonly method: string;
  /** The path after the version, decoded as Graph routes it: "/me/messages", "/users/x@y/messages/ID". */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, or the raw bytes of a non-JSON one; undefined when there is none. */
  readonly body: unknown;
  readonly caller: GraphCaller;
  /** Set for a request inside a $batch: its id there. */
  readonly batchId?: string | undefined;
  /** Aborted when the client hangs up (a $batch then begins none of its remaining requests). */
  readonly signal?: AbortSignal | undefined;
}

export interface GraphResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** JSON-serialisable, or bytes. */
  readonly body?: unknown;
  /**
   * A fault: the work was done, but the connection is dropped before the answer goes out (the
   * client sees a reset, never the status).
   */
  readonly dropConnection?: boolean | undefined;
}

/** Answers a request, or leaves it to the next handler (undefined). */
export type GraphHandler = (request: GraphRequest, match: RegExpExecArray) => Promise<GraphResponse> | GraphResponse;

/** Wraps the handlers: limits, faults. Calls next() to go on, or answers itself. */
export type GraphMiddleware = (request: GraphRequest, next: () => Promise<GraphResponse>) => Promise<GraphResponse>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handle: GraphHandler;
}

/** A Graph error body as Graph writes it. */
export function graphError(status: number, code: string, message: string, headers?: Record<string, string>): GraphResponse {
  return { status, headers, body: { error: { code, message, innerError: { date: new Date().toISOString(), "request-id": crypto.randomUUID() } } } };
}

/**
 * The stand-in's Graph: routes tried in the order they were added, behind the middleware in the
 * order they were added (the first one added sees the request first).
 */
export class GraphPipeline {
  private readonly routes: Route[] = [];
  private readonly middleware: GraphMiddleware[] = [];

  /** @param pattern - matched against the whole path ("^/me/messages$") */
  route(method: string, pattern: RegExp, handle: GraphHandler): void {
    this.routes.push({ method: method.toUpperCase(), pattern, handle });
  }

  use(middleware: GraphMiddleware): void {
    this.middleware.push(middleware);
  }

  /** One request through the middleware and to its route (404 when none matches, 405 for another method). */
  dispatch(request: GraphRequest): Promise<GraphResponse> {
    const last = async (): Promise<GraphResponse> => this.handle(request);
    const chain = this.middleware.reduceRight<() => Promise<GraphResponse>>((next, middleware) => () => middleware(request, next), last);
    return chain();
  }

  private async handle(request: GraphRequest): Promise<GraphResponse> {
    let pathKnown = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(request.path);
      if (match === null) continue;
      pathKnown = true;
      if (route.method === request.method.toUpperCase()) return route.handle(request, match);
    }
    return pathKnown
      ? graphError(405, "Request_BadRequest", `Method ${request.method} not allowed on ${request.path}`)
      : graphError(404, "Request_ResourceNotFound", `Resource not found for the segment '${request.path}'`);
  }
}
