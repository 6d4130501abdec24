// npm run bench: each figure is printed beside a reference measured in the same run, as a ratio.
import { runFunctionsBenchmark } from "./functionsBench";

async function main(): Promise<void> {
  console.log(`Relances benchmarks — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  await runFunctionsBenchmark();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
