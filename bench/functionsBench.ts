// 100,000 rows of DUEDATE + DAYSOVERDUE + AGINGBUCKET called as Excel calls them (through the
// functions the bundle associates), beside HyperFormula computing the native-formula equivalents
// on the same rows and a bare loop over serial numbers.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import vm from "node:vm";
import { HyperFormula } from "hyperformula";
import { installCustomFunctionsGlobal } from "../test/functions/customFunctionsRuntime";

const ROWS = 100_000;
const REFERENCE = 46_349; // 2026-11-23 as an Excel serial
const TERMS = [
  { text: "30 jours fin de mois", kind: "A", days: 30 },
  { text: "45 jours fin de mois", kind: "A", days: 45 },
  { text: "fin de mois + 30 jours", kind: "B", days: 30 },
  { text: "60 jours date de facture", kind: "net", days: 60 },
  { text: "30 jours", kind: "net", days: 30 },
  { text: "comptant", kind: "net", days: 0 },
] as const;

type Fn = (...args: unknown[]) => unknown[][];

/** Loads dist/functions/functions.js the way Excel's runtime does: a script with a CustomFunctions global. */
function loadAssociatedFunctions(): Map<string, Fn> {
  const here = dirname(fileURLToPath(import.meta.url));
  const script = readFileSync(join(here, "..", "functions", "functions.js"), "utf8");
  const associated = installCustomFunctionsGlobal() as unknown as Map<string, Fn>;
  vm.runInThisContext(script, { filename: "functions.js" });
  return associated;
}

function makeRows(): { serials: number[]; terms: (typeof TERMS)[number][] } {
  let seed = 42;
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const serials: number[] = [];
  const terms: (typeof TERMS)[number][] = [];
  for (let i = 0; i < ROWS; i++) {
    serials.push(REFERENCE - 400 + Math.floor(random() * 460));
    terms.push(TERMS[Math.floor(random() * TERMS.length)]!);
  }
  return { serials, terms };
}


/**
 * Median and fastest of `runs` runs after `warmups` unmeasured ones (the JIT settles first). The
 * median counts the garbage collection a run causes; the fastest is least disturbed by the machine.
 */
function time(runs: number, work: () => unknown, warmups = 2): { ms: number; fastest: number; result: unknown } {
  let result: unknown;
  for (let i = 0; i < warmups; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    result = work();
    times.push(performance.now() - start);
  }
  return { ...summary(times), result };
}

function summary(times: readonly number[]): { ms: number; fastest: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { ms: sorted[Math.floor(sorted.length / 2)]!, fastest: sorted[0]! };
}

interface Timing {
  ms: number;
  fastest: number;
  result: unknown;
  /** Median of the run-by-run ratios of this computation's time to the reference's. */
  ratio: number;
}

/**
 * Computations timed in alternation, run after run, so that all meet the same machine: a virtual
 * machine's speed drifts by tens of percent within seconds, which separate series of runs would
 * read as a difference between them. The last one is the reference each ratio divides by.
 */
function timeAlternating(runs: number, works: readonly (() => unknown)[], warmups = 20): Timing[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < warmups; i++) for (const work of works) work();
  const times = works.map(() => [] as number[]);
  const results: unknown[] = [];
  for (let i = 0; i < runs; i++) {
    works.forEach((work, w) => {
      gc?.();
      const start = performance.now();
      results[w] = work();
      times[w]!.push(performance.now() - start);
    });
  }
  const reference = times[times.length - 1]!;
  return works.map((_, w) => ({
    ...summary(times[w]!),
    result: results[w],
    ratio: summary(times[w]!.map((t, i) => t / reference[i]!)).ms,
  }));
}

// --- The bare loop: plain integer arithmetic on serials, terms already decoded. ---
function civil(serial: number): [number, number, number] {
  const z = serial - 25_569 + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function endOfMonthSerial(serial: number): number {
  const [y, m, d] = civil(serial);
  const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0;
  return serial + MONTH_DAYS[m - 1]! + leap - d;
}
const LABELS = ["Non échu", "1-30", "31-60", "61-90", ">90"];
function bareLoop(serials: number[], terms: (typeof TERMS)[number][]): { due: Float64Array; late: Float64Array; band: string[] } {
  const due = new Float64Array(serials.length);
  const late = new Float64Array(serials.length);
  const band = new Array<string>(serials.length);
  for (let i = 0; i < serials.length; i++) {
    const t = terms[i]!;
    const s = serials[i]!;
    const dueSerial = t.kind === "net" ? s + t.days : t.kind === "A" ? endOfMonthSerial(s + t.days) : endOfMonthSerial(s) + t.days;
    const days = REFERENCE > dueSerial ? REFERENCE - dueSerial : 0;
    due[i] = dueSerial;
    late[i] = days;
    band[i] = LABELS[days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4]!;
  }
  return { due, late, band };
}

// --- HyperFormula: the same three columns as native formulas. ---
function nativeFormula(t: (typeof TERMS)[number], row: number): string {
  if (t.kind === "net") return `=A${row}+${t.days}`;
  if (t.kind === "A") return `=EOMONTH(A${row}+${t.days},0)`;
  return `=EOMONTH(A${row},0)+${t.days}`;
}
function hyperFormula(serials: number[], terms: (typeof TERMS)[number][]): unknown[][] {
  const sheet = serials.map((serial, i) => {
    const row = i + 1;
    return [
      serial,
      nativeFormula(terms[i]!, row),
      `=MAX(0,${REFERENCE}-B${row})`,
      `=IF(C${row}=0,"Non échu",IF(C${row}<=30,"1-30",IF(C${row}<=60,"31-60",IF(C${row}<=90,"61-90",">90"))))`,
    ];
  });
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3", maxRows: ROWS + 1 });
  const values = hf.getSheetValues(0);
  hf.destroy();
  return values;
}

const rate = (ms: number): string => `${Math.round(ROWS / (ms / 1000)).toLocaleString("en-US")} rows/s`;
const pad = (s: string, n: number): string => s.padEnd(n);

export async function runFunctionsBenchmark(): Promise<void> {
  console.log(`## Custom functions: DUEDATE + DAYSOVERDUE + AGINGBUCKET on ${ROWS.toLocaleString("en-US")} rows`);
  const fns = loadAssociatedFunctions();
  const DUEDATE = fns.get("DUEDATE")!;
  const DAYSOVERDUE = fns.get("DAYSOVERDUE")!;
  const AGINGBUCKET = fns.get("AGINGBUCKET")!;
  const { serials, terms } = makeRows();
  const dateColumn = serials.map((s) => [s]);
  const termsColumn = terms.map((t) => [t.text]);
  const reference = [[REFERENCE]];

  const [spilled, cellByCell, bare] = timeAlternating(31, [
    () => {
      const due = DUEDATE(dateColumn, termsColumn);
      return [due, DAYSOVERDUE(due, reference), AGINGBUCKET(due, reference)];
    },
    () => {
      const out: unknown[][] = new Array(ROWS);
      for (let i = 0; i < ROWS; i++) {
        const due = DUEDATE([dateColumn[i]], [termsColumn[i]]);
        out[i] = [due[0]![0], DAYSOVERDUE(due, reference)[0]![0], AGINGBUCKET(due, reference)[0]![0]];
      }
      return out;
    },
    () => bareLoop(serials, terms),
  ]) as [Timing, Timing, Timing];
  const hf = time(1, () => hyperFormula(serials, terms), 0);

  // The four must agree row by row, or the comparison means nothing.
  const [due, late, band] = spilled.result as unknown[][][];
  const bareResult = bare.result as ReturnType<typeof bareLoop>;
  const hfValues = hf.result as unknown[][];
  const cells = cellByCell.result as unknown[][];
  const displayed = (label: unknown): unknown => (label === "Not due" ? "Non échu" : label);
  for (let i = 0; i < ROWS; i++) {
    const ours = [due![i]![0], late![i]![0], displayed(band![i]![0])];
    const theirs = [bareResult.due[i], bareResult.late[i], bareResult.band[i]];
    const native = [hfValues[i]![1], hfValues[i]![2], hfValues[i]![3]];
    const single = [cells[i]![0], cells[i]![1], displayed(cells[i]![2])];
    if (JSON.stringify(ours) !== JSON.stringify(theirs) || JSON.stringify(ours) !== JSON.stringify(native) || JSON.stringify(ours) !== JSON.stringify(single)) {
      throw new Error(`Row ${i + 1} differs: functions ${JSON.stringify(ours)}, cell by cell ${JSON.stringify(single)}, bare ${JSON.stringify(theirs)}, HyperFormula ${JSON.stringify(native)}`);
    }
  }

  const line = (name: string, ms: number, note = ""): void =>
    console.log(`${pad(name, 44)} ${ms.toFixed(1).padStart(9)} ms  ${pad(rate(ms), 20)} ${note}`);
  line("Relances, one spilled call per column", spilled.ms);
  line("Relances, cell by cell (300,000 calls)", cellByCell.ms);
  line("reference: bare loop over serial numbers", bare.ms);
  line("reference: HyperFormula, native formulas", hf.ms, "(build + evaluate)");
  console.log(`ratio HyperFormula / spilled functions:   ${(hf.ms / spilled.ms).toFixed(1)}x faster (target >= 50x)`);
  console.log(`ratio spilled functions / bare loop:      ${spilled.ratio.toFixed(2)}x slower (target <= 3x; median of 31 alternated runs)`);
  console.log(`  same, medians: ${spilled.ms.toFixed(1)} ms / ${bare.ms.toFixed(1)} ms = ${(spilled.ms / bare.ms).toFixed(2)}x; fastest runs: ${spilled.fastest.toFixed(1)} ms / ${bare.fastest.toFixed(1)} ms = ${(spilled.fastest / bare.fastest).toFixed(2)}x`);
  console.log(`ratio HyperFormula / cell by cell:        ${(hf.ms / cellByCell.ms).toFixed(1)}x faster`);
  console.log(`ratio cell by cell / bare loop:           ${cellByCell.ratio.toFixed(2)}x slower (median of 31 alternated runs)`);
  console.log(`all ${ROWS.toLocaleString("en-US")} rows agree across the four computations\n`);
}
