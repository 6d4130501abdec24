// `relances plan` on a generated workbook of 100,000 invoices and 10,000 customers, beside a bare
// exceljs streaming read of the same file, each in a fresh process so that time and peak memory
// (max RSS) are its own.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { dayFromIso } from "../src/core/day";
import { planWorkbook } from "../src/engine/planWorkbook";
import { readWorkbookSource } from "../src/workbook/workbookSource";
import { ensureLargeWorkbook, LARGE_AS_OF } from "./largeWorkbook";

const INVOICES = 100_000;
const CUSTOMERS = 10_000;
const RUNS = 5;

interface Measure {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly rows: number;
}

/** What a worker process measures of itself, printed as one JSON line. */
export async function planBenchWorker(kind: string, file: string): Promise<void> {
  const start = performance.now();
  let rows = 0;
  if (kind === "bare") {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit" });
    for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<{ values: unknown }>>) {
      for await (const row of sheet) if (row.values !== undefined) rows++;
    }
  } else {
    const asOf = dayFromIso(LARGE_AS_OF)!;
    const source = await readWorkbookSource(file, { asOf });
    const plan = planWorkbook(source, asOf);
    rows = plan.counts.rows + source.journal.entries.length;
  }
  const ms = performance.now() - start;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, maxRssMb, rows }));
}

function measure(kind: "bare" | "plan", file: string): Measure {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(process.execPath, [script, "--plan-worker", kind, file], { encoding: "utf8" });
  return JSON.parse(output.trim().split("\n").pop()!) as Measure;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runPlanBenchmark(): Promise<void> {
  console.log(`## relances plan: ${INVOICES.toLocaleString("en-US")} invoices, ${CUSTOMERS.toLocaleString("en-US")} customers`);
  const file = await ensureLargeWorkbook(undefined, INVOICES, CUSTOMERS);
  const bare: Measure[] = [];
  const plan: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate the two so that a busy moment of the machine weighs on both.
    bare.push(measure("bare", file));
    plan.push(measure("plan", file));
  }
  const row = (name: string, runs: Measure[]): void =>
    console.log(`${name.padEnd(44)} ${median(runs.map((m) => m.ms)).toFixed(0).padStart(7)} ms  ${median(runs.map((m) => m.maxRssMb)).toFixed(0).padStart(5)} MB peak`);
  row("relances plan (read, journal, settings, plan)", plan);
  row("reference: bare exceljs streaming read", bare);
  const time = median(plan.map((m) => m.ms)) / median(bare.map((m) => m.ms));
  const memory = median(plan.map((m) => m.maxRssMb)) / median(bare.map((m) => m.maxRssMb));
  console.log(`ratio plan / bare read, time:     ${time.toFixed(2)}x (target <= 1.5x)`);
  console.log(`ratio plan / bare read, memory:   ${memory.toFixed(2)}x (target <= 2x)`);
  console.log(`(${RUNS} runs each, medians; file ${file})\n`);
}
