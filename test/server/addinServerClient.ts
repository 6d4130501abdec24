// For the server's tests: the real add-in server on a free port with a certificate made in a
// temporary folder, and a node:https client that trusts only that certificate's CA.
import { mkdtempSync, rmSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { getDevCertificate } from "../../src/server/devCertificate";
import { createAddinServer, type AddinServer } from "../../src/server/server";
import { DIST, distExists } from "../helpers/addin";

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET `url` (or `rawPath` on its host, sent as it is, undecoded), trusting `ca`. */
export function get(url: string, ca?: string, rawPath?: string): Promise<Reply> {
  return send(url, { ca, rawPath });
}

/** One request to `url` (or `rawPath` on its host, sent as it is), trusting `ca`: GET unless told. */
export function send(
  url: string,
  options: { ca?: string | undefined; rawPath?: string | undefined; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = https.request(
      {
        host: target.hostname.replace(/^\[|\]$/g, ""),
        servername: "localhost",
        port: target.port,
        path: options.rawPath ?? target.pathname + target.search,
        method: options.method ?? "GET",
        headers: options.headers,
        ca: options.ca,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

export interface TestServer {
  server: AddinServer;
  /** PEM of the CA to trust. */
  ca: string;
  /** GET a path of the server ("/taskpane/taskpane.html"), sent as it is. */
  get(rawPath: string): Promise<Reply>;
  close(): Promise<void>;
}

/** The add-in server over dist/ (which must be built), with its own certificate. */
export async function startTestServer(): Promise<TestServer> {
  if (!distExists()) throw new Error('dist/ is missing: run "npm run build" first');
  const certDir = mkdtempSync(path.join(os.tmpdir(), "relances-server-certs-"));
  try {
    const certificate = await getDevCertificate({ dir: certDir, env: {} });
    const server = await createAddinServer({ root: DIST, port: 0, certificate });
    return {
      server,
      ca: certificate.ca,
      get: (rawPath) => get(server.url, certificate.ca, rawPath),
      close: async () => {
        await server.close();
        rmSync(certDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(certDir, { recursive: true, force: true });
    throw error;
  }
}
