// The add-in server: the add-in's files of dist/ over HTTPS with the development certificate, as
// manifest.xml expects (https://localhost:3000/x/y -> dist/x/y; addinFiles.ts says which), with
// helmet's headers (securityHeaders.ts) and TLS 1.2+ forward-secret suites only (tlsPolicy.ts).
// Thin on purpose: later routes (/preview, /api/...) are added to `app` before the 404 handler
// through `routes`.
import { existsSync, statSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { addinFiles } from "./addinFiles";
import { API_PATH, apiRouter } from "./api/apiRouter";
import { healthzRoute } from "./api/healthz";
import { readServerConfig, type ServerConfig } from "./config";
import { getDevCertificate, type DevCertificate } from "./devCertificate";
import { FILES_PATH, filesRoute, outputFolder } from "./filesRoute";
import { securityHeaders } from "./securityHeaders";
import { TLS_POLICY } from "./tlsPolicy";
import { previewRoutes } from "./previewRoutes";
import { EMBEDDED_WORKBOOK_PATH, embeddedWorkbookRoute } from "./embeddedWorkbookRoute";

export interface AddinServerOptions {
  /** The folder to serve: dist/. */
  root: string;
  /** TCP port; 0 for any free port. */
  port: number;
  /** Interface to listen on (default "localhost"). */
  host?: string;
  /** The TLS certificate (default: getDevCertificate()). */
  certificate?: DevCertificate;
  /** More routes, mounted before the static files. */
  routes?: (app: Express) => void;
  /** Where the files route writes the pane's files (default: outputFolder(), RELANCES_OUTPUT or ./relances-sorties). */
  outputDir?: string;
  /** The API at /api (default: apiRouter of the environment's configuration). */
  api?: express.Router;
  /** Origins the pages may fetch besides their own (default: signInOrigins of the environment's configuration). */
  connectSources?: readonly string[];
}

export interface AddinServer {
  /** https://localhost:PORT/ */
  url: string;
  port: number;
  certificate: DevCertificate;
  app: Express;
  close(): Promise<void>;
}

export const HOME_PATH = "/taskpane/taskpane.html";

/**
 * Where a task pane's sign-in fetches from, once Microsoft 365 is configured: the authority
 * (msal-browser reads its metadata and redeems the popup's code there; the stand-in's token door).
 */
export function signInOrigins(config: ServerConfig): string[] {
  return config.microsoft365 === undefined ? [] : [new URL(config.authorityHost).origin];
}

export function createAddinApp(
  root: string,
  routes?: (app: Express) => void,
  outputDir = outputFolder(),
  api?: express.Router,
  connectSources?: readonly string[],
): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", "strong");

  if (api === undefined || connectSources === undefined) {
    const config = readServerConfig();
    api ??= apiRouter({ config });
    connectSources ??= signInOrigins(config);
  }
  app.use(securityHeaders({ connectSources }));

  app.get("/", (_req: Request, res: Response) => {
    res.redirect(302, HOME_PATH);
  });

  app.use(previewRoutes(root));
  routes?.(app);

  app.use(healthzRoute());
  app.use(EMBEDDED_WORKBOOK_PATH, embeddedWorkbookRoute());
  app.use(API_PATH, api);
  app.use(FILES_PATH, filesRoute({ outputDir }));

  app.use(addinFiles(root));

  app.use((_req: Request, res: Response) => {
    res.status(404).type("text/plain; charset=utf-8");
    res.setHeader("Cache-Control", "no-cache");
    res.send("Introuvable / Not found\n");
  });

  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = statusOf(error);
    res.status(status).type("text/plain; charset=utf-8");
    res.send(status === 500 ? "Erreur interne / Internal error\n" : `Erreur ${status} / Error ${status}\n`);
  });

  return app;
}

function statusOf(error: unknown): number {
  const candidate = (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof candidate === "number" && candidate >= 400 && candidate < 600 ? candidate : 500;
}

export async function createAddinServer(options: AddinServerOptions): Promise<AddinServer> {
  const root = path.resolve(options.root);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(
      `Dossier introuvable : ${root} (lancez « npm run build »). / Folder not found: ${root} (run "npm run build").`,
    );
  }
  const certificate = options.certificate ?? (await getDevCertificate());
  const app = createAddinApp(root, options.routes, options.outputDir, options.api, options.connectSources);
  const tls = { key: certificate.key, cert: certificate.cert, ...TLS_POLICY };
  const host = options.host ?? "localhost";
  // "localhost" is 127.0.0.1 for some clients and ::1 for others (Windows, recent Node): listen on
  // both loopback addresses, the second one only where IPv6 is available.
  const addresses = host === "localhost" ? ["127.0.0.1", "::1"] : [host];
  let servers: https.Server[] = [];
  let port = options.port;
  for (let attempt = 1; ; attempt++) {
    try {
      ({ servers, port } = await listenOnAll(tls, app, options.port, addresses));
      break;
    } catch (error) {
      // With port 0, the port picked on 127.0.0.1 may be taken on ::1: pick another.
      const retry = options.port === 0 && (error as NodeJS.ErrnoException).code === "EADDRINUSE" && attempt < 5;
      if (!retry) throw error;
    }
  }

  const urlHost = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return {
    url: `https://${urlHost}:${port}/`,
    port,
    certificate,
    app,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}

export async function listenOnAll(
  tls: https.ServerOptions,
  app: Express,
  requestedPort: number,
  addresses: readonly string[],
): Promise<{ servers: https.Server[]; port: number }> {
  const servers: https.Server[] = [];
  let port = requestedPort;
  for (const [index, address] of addresses.entries()) {
    const server = https.createServer(tls, app);
    try {
      await listen(server, port, address);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (index > 0 && (code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT")) continue;
      await Promise.all(servers.map(closeServer));
      throw error;
    }
    servers.push(server);
    port = (server.address() as AddressInfo).port;
  }
  return { servers, port };
}

function listen(server: https.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen({ port, host, ipv6Only: host.includes(":") });
  });
}

export function closeServer(server: https.Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
