// The real add-in server over real HTTPS: a development certificate made in a temporary
// RELANCES_CERT_DIR, the client trusting only that CA; every manifest URL answers 200.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDevCertificate, isUsableServerCertificate, type DevCertificate } from "../../src/server/devCertificate";
import { createAddinServer, type AddinServer } from "../../src/server/server";
import { DIST, distExists, manifestUrls, ORIGIN, readManifest } from "../helpers/addin";
import { get } from "./addinServerClient";

const EXPECTED_TYPES: Record<string, RegExp> = {
  ".js": /^(text|application)\/javascript\b/,
  ".json": /^application\/json\b/,
  ".html": /^text\/html\b/,
  ".css": /^text\/css\b/,
  ".png": /^image\/png$/,
};

const tmp = mkdtempSync(path.join(os.tmpdir(), "relances-server-test-"));
const certDir = path.join(tmp, "certs");
const savedCertDir = process.env.RELANCES_CERT_DIR;
let server: AddinServer;
let ca: string;

beforeAll(async () => {
  if (!distExists()) throw new Error('dist/ is missing: run "npm run build" first');
  process.env.RELANCES_CERT_DIR = certDir;
  server = await createAddinServer({ root: DIST, port: 0 });
  ca = readFileSync(server.certificate.caPath, "utf8");
});

afterAll(async () => {
  await server?.close();
  if (savedCertDir === undefined) delete process.env.RELANCES_CERT_DIR;
  else process.env.RELANCES_CERT_DIR = savedCertDir;
  rmSync(tmp, { recursive: true, force: true });
});

describe("development certificate", () => {
  it("is made in RELANCES_CERT_DIR: a CA and a localhost certificate it signed, keys readable by the owner only", () => {
    const certificate = server.certificate;
    expect(certificate.source).toBe("relances");
    expect(certificate.created).toBe(true);
    expect(certificate.caPath).toBe(path.join(certDir, "ca.crt"));
    expect(isUsableServerCertificate(certificate.cert, certificate.ca)).toBe(true);
    if (process.platform !== "win32") {
      expect(statSync(path.join(certDir, "ca.key")).mode & 0o777).toBe(0o600);
      expect(statSync(path.join(certDir, "localhost.key")).mode & 0o777).toBe(0o600);
    }
  });

  it("is reused on the next start, and the localhost certificate is renewed before it expires", async () => {
    const again = await getDevCertificate({ dir: certDir });
    expect(again.created).toBe(false);
    expect(again.cert).toBe(server.certificate.cert);

    const copy = path.join(tmp, "renew");
    mkdirSync(copy);
    for (const name of ["ca.crt", "ca.key", "localhost.crt", "localhost.key"]) copyFileSync(path.join(certDir, name), path.join(copy, name));
    const inElevenMonths = new Date(Date.now() + 360 * 24 * 3600 * 1000);
    const renewed = await getDevCertificate({ dir: copy, now: inElevenMonths });
    expect(renewed.created).toBe(true);
    expect(renewed.cert).not.toBe(server.certificate.cert);
    expect(renewed.ca).toBe(server.certificate.ca); // the CA the user trusted stays
    expect(isUsableServerCertificate(renewed.cert, renewed.ca, inElevenMonths)).toBe(true);
  });

  it("prefers office-addin-dev-certs' certificate when RELANCES_CERT_DIR is not set", async () => {
    const home = path.join(tmp, "home");
    const microsoft = path.join(home, ".office-addin-dev-certs");
    mkdirSync(microsoft, { recursive: true });
    for (const name of ["ca.crt", "localhost.crt", "localhost.key"]) copyFileSync(path.join(certDir, name), path.join(microsoft, name));
    const found: DevCertificate = await getDevCertificate({ home, env: {} });
    expect(found.source).toBe("office-addin-dev-certs");
    expect(found.created).toBe(false);
    expect(found.caPath).toBe(path.join(microsoft, "ca.crt"));
  });
});

describe("add-in server over HTTPS", () => {
  it("serves on localhost, trusted through the CA only", async () => {
    expect(server.url).toMatch(/^https:\/\/localhost:\d+\/$/);
    await expect(get(new URL("functions/functions.js", server.url).href)).rejects.toThrow(/certificate/i);
    const reply = await get(new URL("functions/functions.js", server.url).href, ca);
    expect(reply.status).toBe(200);
  });

  it("answers 200 with a sensible content type for every manifest URL", async () => {
    const urls = manifestUrls(readManifest()).filter(({ url }) => url.startsWith(`${ORIGIN}/`));
    expect(urls.length).toBeGreaterThan(5);
    for (const { url, where } of urls) {
      const local = new URL(url.slice(ORIGIN.length + 1), server.url).href;
      const reply = await get(local, ca);
      expect(reply.status, `${where}: ${url}`).toBe(200);
      expect(reply.body.length, url).toBeGreaterThan(0);
      const expected = EXPECTED_TYPES[path.extname(new URL(url).pathname)];
      expect(expected, `known extension for ${url}`).toBeDefined();
      expect(String(reply.headers["content-type"]), url).toMatch(expected!);
      expect(reply.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("redirects / to the task pane", async () => {
    const reply = await get(server.url, ca);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe("/taskpane/taskpane.html");
  });

  it("answers 404 for a missing file, and never serves outside dist/", async () => {
    expect((await get(new URL("functions/nope.js", server.url).href, ca)).status).toBe(404);
    expect((await get(new URL("nope/", server.url).href, ca)).status).toBe(404);
    for (const raw of ["/../package.json", "/%2e%2e/package.json", "/functions/..%2f..%2fpackage.json"]) {
      const reply = await get(server.url, ca, raw);
      expect([400, 403, 404], raw).toContain(reply.status);
      expect(reply.body.toString("utf8"), raw).not.toContain('"name": "relances"');
    }
  });

  it("answers on 127.0.0.1 too", async () => {
    const reply = await get(`https://127.0.0.1:${server.port}/taskpane/taskpane.html`, ca);
    expect(reply.status).toBe(200);
  });
});
