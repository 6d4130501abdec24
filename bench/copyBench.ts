// The run's copy alone on the large workbook (100,000 invoices, 10,000 customers, as of 2026-06-30):
// the workbook read and planned as `run` does, then writeRunCopy timed with its journal lines and
// stage rows, its peak RSS sampled. Not part of `npm run bench`; run it by hand:
//   npx esbuild bench/copyBench.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=dist/bench/copyBench.js && node --expose-gc dist/bench/copyBench.js
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { dayFromIso } from "../src/core/day";
import { newJournalEntries } from "../src/core/journalAppend";
import { plannedJournalEntries } from "../src/core/plan";
import { writeRunCopy } from "../src/workbook/runCopy";
import { historyJournalEntries } from "../src/engine/historyJournalEntries";
import { planWorkbook } from "../src/engine/planWorkbook";
import { readWorkbookSource } from "../src/workbook/workbookSource";
import { ensureLargeWorkbook, LARGE_AS_OF } from "./largeWorkbook";

const file = await ensureLargeWorkbook(os.tmpdir(), 100_000, 10_000);
const asOf = dayFromIso(LARGE_AS_OF)!;
const source = await readWorkbookSource(file, { asOf });
const plan = planWorkbook(source, asOf);
const planned = plannedJournalEntries(plan, "bench", (action) => ({ reference: `Relance ${action.level} - ${action.customerKey}.pdf` }));
const fresh = newJournalEntries(source.journal.entries, [...historyJournalEntries(source, asOf).entries, ...planned]);
const bytes = new Uint8Array(await readFile(file));
const output = path.join(os.tmpdir(), `relances-copy-bench-${process.pid}.xlsx`);
(globalThis as { gc?: () => void }).gc?.();
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
const cpu = process.cpuUsage();
const start = performance.now();
const copy = await writeRunCopy(bytes, file, { output, inPlace: false, beforeWrite: async () => undefined }, asOf, { journal: fresh, plan, settings: source.settings });
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await rm(output, { force: true });
console.log(
  JSON.stringify({
    journalLines: copy.written.journalLines,
    stageRows: Object.fromEntries(copy.written.stageRows),
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    rssBeforeMb: Math.round(rssBefore / 1e6),
    rssPeakMb: Math.round(peak / 1e6),
  }),
);
