// The pane's actions through the engine's browser bundle, in Debian's Chromium, as the pane runs
// them: on the sample, the letters action gives the same files and appends as on Node, the memory
// output writes them, and a call logged after it adds its line.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleForBrowser, ENGINE_GLOBAL } from "../../scripts/check-browser-bundle.mjs";
import { runPaneAction } from "../../src/engine/paneActions";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { SAMPLE_AS_OF } from "../../src/sample/sampleWorkbook";
import { sampleSheets, shippedTemplateFiles, worklist } from "./paneFixtures";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);

let browser: Browser | undefined;
let code: string | undefined;

beforeAll(async () => {
  ({ code } = await bundleForBrowser());
  if (available) browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const base64 = (data: Uint8Array | string): string => Buffer.from(data).toString("base64");

describe("the pane's actions in the browser bundle", () => {
  it.skipIf(!available)("make the letters and their journal lines in Chromium as on Node, and write them into the sheets in memory", async () => {
    const sheets = await sampleSheets();
    const templates = await shippedTemplateFiles();
    const customers = (await worklist(sheets)).map((c) => c.customer);
    const onNode = await runPaneAction({ sheets, asOf: SAMPLE_AS_OF, kind: "letters", selection: { customers }, templates, user: "test" });
    const given = Object.fromEntries(Object.entries(templates).map(([name, data]) => [name, typeof data === "string" ? { text: data } : { base64: base64(data) }]));
    const page = await browser!.newPage();
    try {
      await page.goto("about:blank");
      await page.addScriptTag({ content: code! });
      const inBrowser = await page.evaluate(
        async ([name, sheetsGiven, date, files, ticked]) => {
          const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
          const toBase64 = (data: Uint8Array | string): string =>
            typeof data === "string" ? btoa(unescape(encodeURIComponent(data))) : btoa(Array.from(data, (b) => String.fromCharCode(b)).join(""));
          const templatesIn = Object.fromEntries(Object.entries(files).map(([file, v]) => [file, "text" in v ? v.text! : fromBase64(v.base64!)]));
          // The bundle's exports, as the pane's page sees them (typed on the Node side of the test).
          const engine = (globalThis as unknown as Record<string, typeof import("../../src/engine/browserEntry")>)[name]!;
          const made = await engine.runPaneAction({ sheets: sheetsGiven, asOf: date, kind: "letters", selection: { customers: ticked }, templates: templatesIn, user: "test" });
          const output = new engine.MemoryWorkbookOutput(sheetsGiven);
          await output.append(made.appends);
          const first = made.summary.produced.find((p) => p.kind === "letter")!.customer;
          const invoices = (await engine.planFromArrays(output.sheets, date)).json!.invoices.filter((i) => i.customer === first).map((i) => i.number);
          const call = await engine.logContact({ sheets: output.sheets, asOf: date, customer: first, invoices, event: { kind: "call" } });
          await output.append(call.appends);
          const again = await engine.runPaneAction({ sheets: output.sheets, asOf: date, kind: "letters", selection: { customers: ticked }, templates: templatesIn, user: "test" });
          return {
            files: Object.fromEntries(Object.entries(made.files as Record<string, Uint8Array | string>).map(([file, data]) => [file, toBase64(data)])),
            appends: JSON.stringify(made.appends),
            summary: JSON.stringify(made.summary),
            called: call.journalled,
            invoices: invoices.length,
            journalRows: output.sheets.find((s) => s.name === "Journal des relances")!.values.length,
            againAppends: again.appends.length,
          };
        },
        [ENGINE_GLOBAL, sheets, SAMPLE_AS_OF, given, customers] as [string, MemorySheet[], string, Record<string, { text?: string; base64?: string }>, string[]],
      );
      const nodeFiles = Object.fromEntries(Object.entries(onNode.files).map(([name, data]) => [name, base64(data)]));
      expect(Object.keys(nodeFiles).some((name) => name.endsWith(".docx"))).toBe(true);
      expect(inBrowser.files).toEqual(nodeFiles);
      expect(inBrowser.appends).toBe(JSON.stringify(onNode.appends));
      expect(inBrowser.summary).toBe(JSON.stringify(onNode.summary));
      const journal = sheets.find((s) => s.name === "Journal des relances")!;
      const lastUsed = journal.values.reduce((last, r, i) => (r.some((c) => c !== "" && c !== null) ? i + 1 : last), 0);
      expect(inBrowser.invoices).toBeGreaterThan(0);
      expect(inBrowser.called).toBe(inBrowser.invoices);
      expect(inBrowser.journalRows).toBe(lastUsed + onNode.summary.journalled + inBrowser.called);
      expect(inBrowser.againAppends).toBe(0);
    } finally {
      await page.close();
    }
  }, 120_000);
});
