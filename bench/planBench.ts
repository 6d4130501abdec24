// `relances plan` and `relances plan --json` on a generated workbook of 100,000 invoices and
// 10,000 customers, beside a bare exceljs streaming read of the same file, each in a fresh process
// (bench/freshProcess.ts).
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import os from "node:os";
import ExcelJS from "exceljs";
import { runCli } from "../src/cli/relances";
import { dayFromIso } from "../src/core/day";
import { planWorkbook } from "../src/engine/planWorkbook";
import { readWorkbookSource } from "../src/workbook/workbookSource";
import { COMPLETE_SENDER } from "../test/helpers/senderSettings";
import { measureInFreshProcess, measureLine, ratioLines, type Measure, type WorkerKinds } from "./freshProcess";
import { ensureLargeWorkbook, LARGE_AS_OF } from "./largeWorkbook";

export const INVOICES = 100_000;
export const CUSTOMERS = 10_000;
const RUNS = 5;

/** The benchmarks' workbook: 100,000 invoices, a journal, and a complete sender so that `run` writes documents. */
export function benchWorkbook(): Promise<string> {
  return ensureLargeWorkbook(undefined, INVOICES, CUSTOMERS, COMPLETE_SENDER);
}

export const PLAN_WORKERS: WorkerKinds = {
  async bare(file) {
    let rows = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit" });
    for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<{ values: unknown }>>) {
      for await (const row of sheet) if (row.values !== undefined) rows++;
    }
    return `${rows.toLocaleString("en-US")} rows`;
  },
  async plan(file) {
    const asOf = dayFromIso(LARGE_AS_OF)!;
    const source = await readWorkbookSource(file, { asOf });
    const plan = planWorkbook(source, asOf);
    return `${(plan.counts.rows + source.journal.entries.length).toLocaleString("en-US")} rows`;
  },
  /** The command itself, its JSON streamed to the null device as it would be to a pipe. */
  async "plan-json"(file) {
    const stdout = createWriteStream(os.devNull);
    const err: string[] = [];
    const status = await runCli(["plan", file, "--as-of", LARGE_AS_OF, "--json"], { out: () => undefined, err: (t) => err.push(t), env: process.env, stdout });
    stdout.end();
    await finished(stdout);
    if (status !== 0) throw new Error(`relances plan --json: exit ${status}\n${err.join("\n")}`);
    return `${(stdout.bytesWritten / 1e6).toFixed(0)} MB of JSON`;
  },
};

export async function runPlanBenchmark(): Promise<void> {
  console.log(`## relances plan: ${INVOICES.toLocaleString("en-US")} invoices, ${CUSTOMERS.toLocaleString("en-US")} customers`);
  const file = await benchWorkbook();
  const bare: Measure[] = [];
  const plan: Measure[] = [];
  const json: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate them so that a busy moment of the machine weighs on all.
    bare.push(measureInFreshProcess("bare", file));
    plan.push(measureInFreshProcess("plan", file));
    json.push(measureInFreshProcess("plan-json", file));
  }
  console.log(measureLine("relances plan (read, journal, settings, plan)", plan));
  console.log(measureLine("relances plan --json (streamed to stdout)", json));
  console.log(measureLine("reference: bare exceljs streaming read", bare));
  for (const line of ratioLines("plan / bare read", plan, bare, { time: 1.5, memory: 2 })) console.log(line);
  for (const line of ratioLines("plan --json / bare read", json, bare, { time: 1.5, memory: 1.5 })) console.log(line);
  console.log(`(${RUNS} runs each, medians; file ${file})\n`);
}
