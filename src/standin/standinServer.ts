// The loopback stand-in for Microsoft 365: one HTTPS origin that is both AUTHORITY_HOST (Entra's
// metadata, keys and token endpoint: standinAuthority.ts) and GRAPH_BASE_URL (Graph v1.0 through a
// pipeline of limits, faults and handlers: graphExchange.ts). Parts register on the pipeline or on
// the express app (upload URLs live outside Graph's path, as Outlook's do).
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { getDevCertificate, type DevCertificate } from "../server/devCertificate";
import { closeServer, listenOnAll } from "../server/server";
import { TLS_POLICY } from "../server/tlsPolicy";
import { GraphPipeline, graphError, type GraphRequest, type GraphResponse } from "./graphExchange";
import { StandinAuthority } from "./standinAuthority";
import { standinTenant, type StandinTenant } from "./standinTenant";

/** A part of the stand-in: adds its Graph routes, middleware or raw routes. */
export type StandinPart = (standin: StandinContext) => void;

export interface StandinContext {
  readonly url: string;
  readonly authority: StandinAuthority;
  readonly graph: GraphPipeline;
  /** For routes outside Graph's /v1.0 (upload sessions' URLs, the stand-in's control routes). */
  readonly app: Express;
  readonly tenant: StandinTenant;
}

export interface StandinOptions {
  /** TCP port; 0 (the default) for any free one. */
  readonly port?: number | undefined;
  readonly certificate?: DevCertificate | undefined;
  /** The parts mounted, in order (middleware first). */
  readonly parts?: readonly StandinPart[] | undefined;
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

export interface Standin extends StandinContext {
  readonly port: number;
  close(): Promise<void>;
}

/** Graph's request size limit for a JSON body (4 MB; larger attachments go by upload session). */
const GRAPH_BODY_LIMIT = "4mb";

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const env = options.env ?? process.env;
  const certificate = options.certificate ?? (await getDevCertificate({ dir: env.RELANCES_STANDIN_CERT_DIR || undefined }));
  const app = express();
  app.disable("x-powered-by");
  const servers = await listenOnAll({ key: certificate.key, cert: certificate.cert, ...TLS_POLICY }, app, options.port ?? 0, ["127.0.0.1", "::1"]);
  const url = `https://localhost:${servers.port}`;
  const tenant = standinTenant(env);
  const authority = await new StandinAuthority(url, tenant).init();
  const graph = new GraphPipeline();
  const context: StandinContext = { url, authority, graph, app, tenant };
  for (const part of options.parts ?? []) part(context);

  app.use(authority.router());
  app.use("/v1.0", express.json({ limit: GRAPH_BODY_LIMIT, type: ["application/json", "application/*+json"] }), express.raw({ limit: GRAPH_BODY_LIMIT, type: () => true }));
  app.use("/v1.0", (req: Request, res: Response) => {
    void graphOverHttps(context, req, res);
  });
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: { code: "NotFound", message: "Not found" } });
  });
  // A body the client stopped sending (a dropped connection, a killed run: the faults do it on
  // purpose) has nobody to answer; any other unreadable body gets Graph's 400.
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === "request.aborted") return;
    const status = error.status === 413 ? 413 : 400;
    send(res, graphError(status, status === 413 ? "RequestEntityTooLarge" : "BadRequest", "The request body could not be read."));
  });
  return {
    ...context,
    port: servers.port,
    close: async () => {
      await Promise.all(servers.servers.map(closeServer));
    },
  };
}

async function graphOverHttps(context: StandinContext, req: Request, res: Response): Promise<void> {
  const caller = await context.authority.graphCaller(req.headers.authorization);
  if (caller === undefined) {
    return send(res, graphError(401, "InvalidAuthenticationToken", "Access token is empty, expired or invalid."));
  }
  const url = new URL(req.originalUrl, context.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers[name.toLowerCase()] = value;
  const hangUp = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) hangUp.abort();
  });
  const request: GraphRequest = {
    method: req.method,
    path: decodeURIComponent(url.pathname.replace(/^\/v1\.0/, "")),
    query: url.searchParams,
    headers,
    body: bodyOf(req),
    caller,
    signal: hangUp.signal,
  };
  let response: GraphResponse;
  try {
    response = await context.graph.dispatch(request);
  } catch {
    response = graphError(500, "generalException", "An internal server error occurred.");
  }
  send(res, response);
}

function bodyOf(req: Request): unknown {
  const body: unknown = req.body;
  if (Buffer.isBuffer(body)) return body.length === 0 ? undefined : new Uint8Array(body);
  return body !== null && typeof body === "object" && Object.keys(body).length === 0 && !req.headers["content-length"] ? undefined : body;
}

function send(res: Response, response: GraphResponse): void {
  if (response.dropConnection) {
    res.socket?.destroy();
    return;
  }
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  res.setHeader("request-id", crypto.randomUUID());
  if (response.body === undefined) res.end();
  else if (response.body instanceof Uint8Array) res.end(Buffer.from(response.body));
  else res.json(response.body);
}
