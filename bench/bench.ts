// npm run bench [-- functions|plan|documents]: each figure is printed beside a reference measured
// in the same run, as a ratio.
import { runDocumentsBenchmark } from "./documentsBench";
import { runEngineBenchmark } from "./engineBench";
import { runFunctionsBenchmark } from "./functionsBench";
import { planBenchWorker, runPlanBenchmark } from "./planBench";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  functions: runFunctionsBenchmark,
  plan: runPlanBenchmark,
  documents: runDocumentsBenchmark,
  engine: runEngineBenchmark,
};

async function main(): Promise<void> {
  const [mode, kind, file] = process.argv.slice(2);
  if (mode === "--plan-worker") return planBenchWorker(kind!, file!);
  const chosen = mode === undefined ? Object.keys(BENCHMARKS) : [mode];
  const unknown = chosen.find((name) => !(name in BENCHMARKS));
  if (unknown !== undefined) throw new Error(`Unknown benchmark "${unknown}": ${Object.keys(BENCHMARKS).join(", ")}`);
  console.log(`Relances benchmarks — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  for (const name of chosen) await BENCHMARKS[name]!();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
