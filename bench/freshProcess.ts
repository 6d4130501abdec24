// One measure in a process of its own, so that its time and peak memory (max RSS) are its own: the
// benchmark runs its own bundle again with --worker KIND FILE, and the worker prints one JSON line.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface Measure {
  readonly ms: number;
  readonly maxRssMb: number;
  /** What the worker did, for the reader (rows read, documents written). */
  readonly note: string;
}

/** What a worker does, by kind; each resolves with its note once the work is done. */
export type WorkerKinds = Readonly<Record<string, (file: string) => Promise<string>>>;

/** The worker's side: times the work, then prints the measure. */
export async function measureSelf(work: (file: string) => Promise<string>, file: string): Promise<void> {
  const start = performance.now();
  const note = await work(file);
  const ms = performance.now() - start;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, maxRssMb, note } satisfies Measure));
}

/** The benchmark's side: runs one worker in a fresh process and reads its measure. */
export function measureInFreshProcess(kind: string, file: string): Measure {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(process.execPath, [script, "--worker", kind, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output.trim().split("\n").pop()!) as Measure;
}

export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One line of a benchmark's table: median time and peak memory of the runs. */
export function measureLine(name: string, runs: readonly Measure[]): string {
  const ms = median(runs.map((m) => m.ms));
  const mb = median(runs.map((m) => m.maxRssMb));
  return `${name.padEnd(48)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${mb.toFixed(0).padStart(5)} MB peak  (${runs[0]?.note ?? ""})`;
}

/** "a / b" in time and memory, of the medians, with the target. */
export function ratioLines(name: string, a: readonly Measure[], b: readonly Measure[], targets: { time: number; memory: number }): string[] {
  const time = median(a.map((m) => m.ms)) / median(b.map((m) => m.ms));
  const memory = median(a.map((m) => m.maxRssMb)) / median(b.map((m) => m.maxRssMb));
  return [
    `ratio ${name}, time:   ${time.toFixed(2)}x (target <= ${targets.time}x)`,
    `ratio ${name}, memory: ${memory.toFixed(2)}x (target <= ${targets.memory}x)`,
  ];
}
