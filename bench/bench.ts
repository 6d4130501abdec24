// npm run bench: each figure is printed beside a reference measured in the same run, as a ratio.
import { runFunctionsBenchmark } from "./functionsBench";
import { planBenchWorker, runPlanBenchmark } from "./planBench";

async function main(): Promise<void> {
  const [mode, kind, file] = process.argv.slice(2);
  if (mode === "--plan-worker") return planBenchWorker(kind!, file!);
  console.log(`Relances benchmarks — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  await runFunctionsBenchmark();
  await runPlanBenchmark();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
