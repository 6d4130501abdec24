// The preview's worklist in Debian's Chromium: the time from a workbook's rows in the page's memory
// to its worklist painted (the engine's plan, the totals, the ageing chart and the virtualised list
// rendered, then one frame), beside the engine's plan alone on the same rows in the same page.
// Targets (issue 11): 10,000 invoices under 1 s, 100,000 under 3 s.
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { JOURNAL_SHEET } from "../src/core/journalEntry";
import { SETTINGS_SHEET } from "../src/core/settings";
import type { MemorySheet } from "../src/engine/memoryWorkbook";
import { packageRoot } from "../src/packageRoot";
import { createAddinServer } from "../src/server/server";
import { arrayWorkbook } from "./engineBench";
import { LARGE_AS_OF, LARGE_SHEET } from "./largeWorkbook";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SIZES = [
  { invoices: 10_000, customers: 1_000, target: 1_000 },
  { invoices: 100_000, customers: 10_000, target: 3_000 },
] as const;
const RUNS = 3;

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type PreviewHook = { relancesPreview: { openSheets(name: string, sheets: unknown): void; planMilliseconds(sheets: unknown, date: string): Promise<number> } };

export async function runPaneBenchmark(): Promise<void> {
  console.log("## pane: worklist painted in Chromium, from rows in memory");
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM}\n`);
    return;
  }
  const server = await createAddinServer({ root: path.join(packageRoot(), "dist"), port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--ignore-certificate-errors", "--no-first-run"] });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await page.goto(`${server.url}preview?asOf=${LARGE_AS_OF}`);
    await page.waitForFunction(() => "relancesPreview" in globalThis);
    for (const size of SIZES) {
      const workbook = arrayWorkbook(size.invoices, size.customers);
      const sheets: MemorySheet[] = [
        { name: LARGE_SHEET, values: workbook.tracking },
        { name: JOURNAL_SHEET, values: workbook.journal },
        { name: SETTINGS_SHEET, values: workbook.settings },
      ];
      // The rows go into the page once; each run shows them from there.
      await page.evaluate((given) => ((globalThis as unknown as { benchSheets: unknown }).benchSheets = given), sheets);
      const painted: number[] = [];
      const planned: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        painted.push(await page.evaluate(paintOnce, size.invoices));
        planned.push(await page.evaluate((date) => {
          const g = globalThis as unknown as PreviewHook & { benchSheets: unknown };
          return g.relancesPreview.planMilliseconds(g.benchSheets, date);
        }, LARGE_AS_OF));
      }
      const row = (name: string, ms: number, note = ""): void => console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms${note}`);
      const paint = median(painted);
      row(`${size.invoices.toLocaleString("en-US")} invoices: worklist painted`, paint, `  (target < ${size.target} ms: ${paint < size.target ? "met" : "missed"})`);
      row(`${size.invoices.toLocaleString("en-US")} invoices: engine's plan alone`, median(planned), `  (pane's own share ${(paint - median(planned)).toFixed(0)} ms)`);
      console.log(`  first run (cold) ${painted[0]!.toFixed(0)} ms; runs ${painted.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    }
    console.log(`(${RUNS} runs each, medians; Chromium ${browser.version()})\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * In the page: an empty workbook first, then the rows; the time until the worklist's first heading
 * is painted, as Chromium's Element Timing reports it (what the user sees, whatever runs after).
 */
async function paintOnce(invoices: number): Promise<number> {
  const g = globalThis as unknown as PreviewHook & { benchSheets: unknown };
  const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  g.relancesPreview.openSheets("empty.xlsx", []);
  while (document.querySelector("[data-testid=worklist]") !== null || !document.body.textContent!.includes("empty.xlsx")) await frame();
  await frame();
  const start = performance.now();
  const painted = new Promise<number>((resolve) => {
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { identifier?: string; renderTime?: number })[]) {
        if (entry.identifier === "worklist" && (entry.renderTime ?? 0) > start) {
          observer.disconnect();
          resolve(entry.renderTime! - start);
        }
      }
    });
    observer.observe({ type: "element", buffered: false });
  });
  g.relancesPreview.openSheets(`${invoices}.xlsx`, g.benchSheets);
  return painted;
}
