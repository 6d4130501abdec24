// The task pane in real headless Chromium (Debian's, driven by playwright-core), served by the real
// add-in server over HTTPS. The browser trusts exactly the server's key (SPKI pin), no more.
import { createHash, X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDevCertificate } from "../../src/server/devCertificate";
import { createAddinServer, type AddinServer } from "../../src/server/server";
import { DIST, distExists } from "../helpers/addin";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM) && distExists();
const skipReason = existsSync(CHROMIUM) ? "dist/ not built" : "Debian chromium not installed";

let server: AddinServer;
let browser: Browser;
let certDir: string;

beforeAll(async () => {
  if (!available) return;
  certDir = mkdtempSync(path.join(os.tmpdir(), "relances-pane-certs-"));
  const certificate = await getDevCertificate({ dir: certDir, env: {} });
  server = await createAddinServer({ root: DIST, port: 0, certificate });
  const spki = createHash("sha256").update(new X509Certificate(certificate.cert).publicKey.export({ type: "spki", format: "der" })).digest("base64");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", `--ignore-certificate-errors-spki-list=${spki}`,
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

async function openPane(locale: string, onPage?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  // Office's CDN is out of reach here, as it is for a person previewing the pane outside Office.
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
  await onPage?.(page);
  await page.goto(`${server.url.replace(/\/$/, "")}/taskpane/taskpane.html`);
  await page.locator("#functions-list:not([hidden])").waitFor({ timeout: 15_000 });
  return page;
}

describe.skipIf(!available)(`task pane in Chromium${available ? "" : ` (skipped: ${skipReason})`}`, () => {
  it("lists the eight functions with their French and English names, outside Office", async () => {
    const page = await openPane("fr-FR");
    const items = page.locator("#functions-list > li");
    expect(await items.count()).toBe(8);
    const text = await page.locator("#functions-list").innerText();
    for (const name of ["RELANCES.ECHEANCE", "RELANCES.DUEDATE", "RELANCES.PENALITES.RETARD", "RELANCES.BALANCE.AGEE"]) expect(text).toContain(name);
    expect(await page.locator("#host-status").innerText()).toMatch(/Hors d'Office/);
    await page.context().close();
  });

  it("shows what the metadata says as text, never as HTML", async () => {
    const page = await openPane("fr-FR", async (p) => {
      const metadata = JSON.parse(readFileSync(path.join(DIST, "functions", "functions-fr.json"), "utf8")) as { functions: { description: string }[] };
      metadata.functions[0]!.description = `<img src=x onerror="window.__injected = 1">`;
      await p.route("**/functions/functions-fr.json", (route) => route.fulfill({ json: metadata }));
    });
    expect(await page.locator("#functions-list").innerText()).toContain(`<img src=x onerror="window.__injected = 1">`);
    expect(await page.locator("#functions-list img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    await page.context().close();
  });
});
