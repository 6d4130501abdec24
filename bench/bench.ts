// npm run bench [-- functions|plan|run|documents|statements|engine|pane|drafts]: each figure is printed beside a reference
// measured in the same run, as a ratio.
import { isMainThread } from "node:worker_threads";
import { runDocumentsBenchmark } from "./documentsBench";
import { DRAFTS_WORKERS, runDraftsBenchmark } from "./draftsBench";
import { runEngineBenchmark } from "./engineBench";
import { measureSelf } from "./freshProcess";
import { runFunctionsBenchmark } from "./functionsBench";
import { runPaneBenchmark } from "./paneBench";
import { PLAN_WORKERS, runPlanBenchmark } from "./planBench";
import { RUN_WORKERS, runRunBenchmark } from "./runBench";
import { runStatementBenchmark } from "./statementBench";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  functions: runFunctionsBenchmark,
  plan: runPlanBenchmark,
  run: runRunBenchmark,
  documents: runDocumentsBenchmark,
  statements: runStatementBenchmark,
  engine: runEngineBenchmark,
  pane: runPaneBenchmark,
  drafts: runDraftsBenchmark,
};

/** What a fresh process measures (bench/freshProcess.ts), by kind. */
const WORKERS = { ...PLAN_WORKERS, ...RUN_WORKERS, ...DRAFTS_WORKERS };

async function main(): Promise<void> {
  const [mode, kind, file] = process.argv.slice(2);
  if (mode === "--worker") return measureSelf(WORKERS[kind!]!, file!);
  const chosen = mode === undefined ? Object.keys(BENCHMARKS) : [mode];
  const unknown = chosen.find((name) => !(name in BENCHMARKS));
  if (unknown !== undefined) throw new Error(`Unknown benchmark "${unknown}": ${Object.keys(BENCHMARKS).join(", ")}`);
  console.log(`Relances benchmarks — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  for (const name of chosen) await BENCHMARKS[name]!();
}

// A worker thread started from this bundle (the run's document renderers) runs no benchmark.
if (isMainThread)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
