// For the API's tests: the Microsoft 365 stand-in, and the real add-in server with its API pointed
// at it (AUTHORITY_HOST, GRAPH_BASE_URL, the stand-in's tenant, app and secret), every log line
// kept in `lines`. Both over HTTPS with the stand-in's certificate, which the test processes trust
// (test/standinCertificate.globalSetup.ts), so that fetch, jose and msal-node need no switch.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { apiLog } from "../../../src/server/api/apiLog";
import { apiRouter, type ApiRouterOptions } from "../../../src/server/api/apiRouter";
import { readServerConfig, type ServerConfig } from "../../../src/server/config";
import { getDevCertificate } from "../../../src/server/devCertificate";
import { createAddinServer, type AddinServer } from "../../../src/server/server";
import { startStandin, type Standin, type StandinPart } from "../../../src/standin/standinServer";

export interface ApiHarness {
  readonly standin: Standin;
  readonly server: AddinServer;
  readonly config: ServerConfig;
  /** Every line the API logged, in order. */
  readonly lines: string[];
  /** fetch on the add-in server, with `token` as the bearer when given. */
  call(pathname: string, token?: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface ApiHarnessOptions extends Omit<ApiRouterOptions, "config" | "log"> {
  /** Variables over the stand-in's (AZURE_CLIENT_SECRET: "" to leave Microsoft 365 unconfigured). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly standinParts?: readonly StandinPart[];
  /** Where the add-in server writes /api/files (a temporary folder by default). */
  readonly outputDir?: string;
}

/** The environment that points the product at `standin`, as `npm run m365-standin` prints it. */
export function standinEnv(standin: Standin): Record<string, string> {
  return {
    AUTHORITY_HOST: standin.url,
    GRAPH_BASE_URL: standin.url,
    AZURE_TENANT_ID: standin.tenant.tenantId,
    AZURE_CLIENT_ID: standin.tenant.clientId,
    AZURE_CLIENT_SECRET: standin.tenant.clientSecret,
    RELANCES_MAILBOX: standin.tenant.users[1]!.userPrincipalName,
  };
}

export async function startApiHarness(options: ApiHarnessOptions = {}): Promise<ApiHarness> {
  const standin = await startStandin({ env: process.env, parts: options.standinParts });
  const root = mkdtempSync(path.join(os.tmpdir(), "relances-api-root-"));
  const lines: string[] = [];
  const config = readServerConfig({ ...standinEnv(standin), ...options.env });
  // No secret to mask: the tests look for it in what the API itself writes.
  const log = apiLog((_level, line) => lines.push(line), []);
  const certificate = await getDevCertificate({ dir: process.env.RELANCES_STANDIN_CERT_DIR });
  const server = await createAddinServer({
    root,
    port: 0,
    certificate,
    outputDir: options.outputDir ?? path.join(root, "sorties"),
    api: apiRouter({ ...options, config, log }),
  });
  return {
    standin,
    server,
    config,
    lines,
    call: (pathname, token, init = {}) => {
      const headers = new Headers(init.headers);
      if (token !== undefined) headers.set("authorization", `Bearer ${token}`);
      return fetch(new URL(pathname, server.url), { ...init, headers });
    },
    close: async () => {
      await server.close();
      await standin.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
