// One real add-in server and one Debian Chromium for a whole test file, and the preview's page
// driven through them: opened on the sample or on sheets given as arrays, its worklist read whole
// (the list is virtualised: it is scrolled through).
import { createHash, X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { getDevCertificate, type DevCertificate } from "../../src/server/devCertificate";
import { createAddinServer, type AddinServer } from "../../src/server/server";
import { DIST, distExists } from "../helpers/addin";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = existsSync(CHROMIUM) && existsSync(path.join(DIST, "preview", "preview.js")) && distExists();
export const skipReason = existsSync(CHROMIUM) ? "dist/ not built (npm run build)" : "Debian chromium not installed";

export interface PreviewSession {
  readonly server: AddinServer;
  readonly browser: Browser;
  /** A new page (its own context: downloads accepted, the given language) on the preview. */
  open(query?: string, options?: { readonly locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * @param options - certificate: the server's (default: one of its own); the browser trusts it,
 *   and any other origin that shows it (the Microsoft 365 stand-in, given the same)
 */
export async function startPreviewSession(options: { readonly certificate?: DevCertificate } = {}): Promise<PreviewSession> {
  const certDir = mkdtempSync(path.join(os.tmpdir(), "relances-preview-certs-"));
  const certificate = options.certificate ?? (await getDevCertificate({ dir: certDir, env: {} }));
  const server = await createAddinServer({ root: DIST, port: 0, certificate });
  const spki = createHash("sha256").update(new X509Certificate(certificate.cert).publicKey.export({ type: "spki", format: "der" })).digest("base64");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", `--ignore-certificate-errors-spki-list=${spki}`,
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async open(query = "", { locale = "fr-FR" } = {}) {
      const context = await browser.newContext({ locale, acceptDownloads: true, viewport: { width: 900, height: 1200 } });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${server.url.replace(/\/$/, "")}/preview${query}`);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the worklist (or its empty message) of the current plan. */
export async function waitForWorklist(page: Page): Promise<void> {
  await page.locator("[data-testid=worklist], [data-testid=worklist-empty]").first().waitFor({ timeout: 30_000 });
}

/** Shows sheets given as arrays in the preview (what its file input does with an .xlsx). */
export async function openSheets(page: Page, name: string, sheets: readonly MemorySheet[]): Promise<void> {
  await page.waitForFunction(() => "relancesPreview" in globalThis);
  await page.evaluate(([n, s]) => (globalThis as unknown as { relancesPreview: { openSheets(n: string, s: unknown): void } }).relancesPreview.openSheets(n, s), [name, sheets] as const);
}

export interface WorklistEntry {
  readonly customer: string;
  readonly level: number;
}

/** Every customer of the worklist with its level, scrolling the virtualised list from top to bottom. */
export async function readWorklist(page: Page): Promise<WorklistEntry[]> {
  await waitForWorklist(page);
  const seen = new Map<string, number>();
  const scroller = page.getByTestId("worklist");
  if ((await scroller.count()) === 0) return [];
  await scroller.evaluate((el) => (el.scrollTop = 0));
  for (;;) {
    for (const row of await page.locator("[data-testid=worklist-customer]").all()) {
      seen.set((await row.getAttribute("data-customer"))!, Number(await row.getAttribute("data-level")));
    }
    const moved = await scroller.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight * 0.8;
      return el.scrollTop !== before;
    });
    if (!moved) break;
    await page.waitForTimeout(50);
  }
  return [...seen].map(([customer, level]) => ({ customer, level }));
}

/** Scrolls the virtualised worklist until a customer's row is in the page; its row. */
export async function customerRow(page: Page, customer: string) {
  const scroller = page.getByTestId("worklist");
  const row = page.locator(`[data-testid=worklist-customer][data-customer="${customer.replace(/(["\\])/g, "\\$1")}"]`);
  await scroller.evaluate((el) => (el.scrollTop = 0));
  for (let i = 0; i < 500 && (await row.count()) === 0; i++) {
    const moved = await scroller.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight * 0.5;
      return el.scrollTop !== before;
    });
    if (!moved) break;
    await page.waitForTimeout(30);
  }
  return row;
}

/** Clicks an action's button and waits for its summary; the file the browser was given, if any. */
export async function runAction(page: Page, kind: string): Promise<{ name: string; bytes: Buffer } | undefined> {
  const last = page.getByTestId("action-summary");
  const number = (await last.count()) > 0 ? Number(await last.getAttribute("data-run")) : 0;
  const download = page.waitForEvent("download", { timeout: 60_000 });
  download.catch(() => undefined);
  await page.locator(`[data-action=${kind}]`).click();
  // The summary of this run (each is numbered), not the last one's.
  await page.locator(`[data-testid=action-summary][data-run="${number + 1}"]`).waitFor({ timeout: 60_000 });
  const produced = await page.getByTestId("summary-produced").innerText();
  if (/^Rien|^Nothing/.test(produced)) return undefined;
  const file = await download;
  const path = await file.path();
  const { readFile } = await import("node:fs/promises");
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** The workbook as the preview holds it now, through its "download the updated workbook" button. */
export async function downloadWorkbook(page: Page): Promise<Buffer> {
  const download = page.waitForEvent("download", { timeout: 30_000 });
  await page.getByTestId("download-workbook").click();
  const { readFile } = await import("node:fs/promises");
  return readFile(await (await download).path());
}

/** The rows of a sheet of an .xlsx, as plain values (a formula would show as { formula }). */
export async function sheetRows(xlsx: Buffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) return [];
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
