// `relances run` on the benchmarks' workbook (100,000 invoices, a complete sender), into a temp
// folder, beside `relances plan` on the same file, each in a fresh process (bench/freshProcess.ts).
// The runs' folders are removed once every run is measured, and the disk is synced before each
// measure: a run then never pays for the previous one's deletions (discard) or pending writes.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runCli } from "../src/cli/relances";
import { measureInFreshProcess, measureLine, ratioLines, type Measure, type WorkerKinds } from "./freshProcess";
import { LARGE_AS_OF } from "./largeWorkbook";
import { benchWorkbook, CUSTOMERS, INVOICES } from "./planBench";

const RUNS = 3;
/** The folder under which the measured runs write, named by the benchmark for its fresh processes. */
const OUT_ROOT = "RELANCES_BENCH_OUT_ROOT";

const syncDisk = (): void => void execFileSync("sync");

export const RUN_WORKERS: WorkerKinds = {
  /** The command itself: documents and the workbook's copy written into a fresh folder, removed afterwards (not timed). */
  async run(file) {
    const out = await mkdtemp(path.join(process.env[OUT_ROOT] ?? os.tmpdir(), "relances-bench-run-"));
    const printed: string[] = [];
    const status = await runCli(["run", file, "--as-of", LARGE_AS_OF, "--out", out], {
      out: (t) => printed.push(t),
      err: (t) => printed.push(t),
      env: { ...process.env, USER: "bench" },
    });
    if (status !== 0) throw new Error(`relances run: exit ${status}\n${printed.join("\n").slice(-2000)}`);
    const documents = /Documents \((\d+)\)/.exec(printed.join("\n"))?.[1] ?? "?";
    return `${Number(documents).toLocaleString("en-US")} documents`;
  },
};

export async function runRunBenchmark(): Promise<void> {
  console.log(`## relances run: ${INVOICES.toLocaleString("en-US")} invoices, ${CUSTOMERS.toLocaleString("en-US")} customers, --as-of ${LARGE_AS_OF}`);
  const file = await benchWorkbook();
  const run: Measure[] = [];
  const plan: Measure[] = [];
  const root = await mkdtemp(path.join(os.tmpdir(), "relances-bench-runs-"));
  process.env[OUT_ROOT] = root;
  try {
    for (let i = 0; i < RUNS; i++) {
      syncDisk();
      plan.push(measureInFreshProcess("plan", file));
      syncDisk();
      run.push(measureInFreshProcess("run", file));
    }
  } finally {
    delete process.env[OUT_ROOT];
    await rm(root, { recursive: true, force: true });
  }
  console.log(measureLine("relances run (documents, journal, copy)", run));
  console.log(measureLine("reference: relances plan", plan));
  for (const line of ratioLines("run / plan", run, plan, { time: 3, memory: 2 })) console.log(line);
  console.log(`(${RUNS} runs each, medians; file ${file})\n`);
}
