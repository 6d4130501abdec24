// The engine on in-memory arrays, as Office.js hands the task pane its sheets (numbers, strings,
// booleans, dates as serial numbers) through the in-memory adapter: settings, tracking sheet and
// journal read, then the plan, beside JSON.parse of the same rows in the same process. Also the heap the plan keeps.
import { dayFromIso, dayToExcelSerial } from "../src/core/day";
import { JOURNAL_SHEET } from "../src/core/journalEntry";
import type { Plan } from "../src/core/plan";
import { DEFAULT_SETTINGS, SETTINGS_SHEET } from "../src/core/settings";
import { settingsToRows } from "../src/core/settingsToRows";
import type { CellValue } from "../src/core/trackingSheet";
import { memoryWorkbook } from "../src/engine/memoryWorkbook";
import { planWorkbook } from "../src/engine/planWorkbook";
import { readWorkbook } from "../src/engine/readWorkbook";
import { LARGE_AS_OF, LARGE_SHEET, largeWorkbookRows } from "./largeWorkbook";

const INVOICES = 100_000;
const CUSTOMERS = 10_000;
const RUNS = 7;
const MS_PER_DAY = 86_400_000;

/** The sheets as the pane receives them: 2D arrays of values, one per sheet, row 1 first. */
export interface ArrayWorkbook {
  readonly tracking: CellValue[][];
  readonly journal: CellValue[][];
  readonly settings: CellValue[][];
}

/** The large workbook's rows as Office.js values: Date cells become Excel serials, holes null. */
export function arrayWorkbook(invoices: number, customers: number): ArrayWorkbook {
  const { tracking, journal } = largeWorkbookRows({ invoices, customers });
  const width = (rows: unknown[][]): number => rows.reduce((max, row) => Math.max(max, row.length), 0);
  const values = (rows: unknown[][]): CellValue[][] => {
    const columns = width(rows);
    return rows.map((row) => {
      const out: CellValue[] = new Array(columns);
      for (let i = 0; i < columns; i++) {
        const value = row[i];
        out[i] = value instanceof Date ? dayToExcelSerial(Math.round(value.getTime() / MS_PER_DAY)) : ((value ?? null) as CellValue);
      }
      return out;
    });
  };
  return { tracking: values(tracking), journal: values(journal), settings: settingsToRows(DEFAULT_SETTINGS) };
}

/** The engine on the arrays, as the pane will run it: the in-memory adapter, readWorkbook, planWorkbook. */
export async function planArrays(workbook: ArrayWorkbook): Promise<Plan> {
  const asOf = dayFromIso(LARGE_AS_OF)!;
  const input = memoryWorkbook([
    { name: LARGE_SHEET, values: workbook.tracking },
    { name: JOURNAL_SHEET, values: workbook.journal },
    { name: SETTINGS_SHEET, values: workbook.settings },
  ]);
  const source = await readWorkbook(input, { asOf });
  return planWorkbook(source, asOf);
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(work: () => unknown): Promise<number> {
  gc();
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const heapMb = (): number => process.memoryUsage().heapUsed / 1024 / 1024;

export async function runEngineBenchmark(): Promise<void> {
  console.log(`## engine on in-memory arrays: ${INVOICES.toLocaleString("en-US")} invoices, ${CUSTOMERS.toLocaleString("en-US")} customers`);
  const workbook = arrayWorkbook(INVOICES, CUSTOMERS);
  const text = JSON.stringify(workbook);
  let plan: Plan | undefined;
  // The first run is the pane's case (a cold JIT); then alternate the two so that a busy moment of
  // the machine weighs on both.
  const firstParse = await timed(() => JSON.parse(text));
  const firstEngine = await timed(() => planArrays(workbook));
  const parse: number[] = [];
  const engine: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    parse.push(await timed(() => JSON.parse(text)));
    engine.push(await timed(async () => (plan = await planArrays(workbook))));
  }
  // What a plan keeps: the heap with the plan held, less the heap once it is dropped.
  plan = undefined;
  gc();
  const before = heapMb();
  plan = await planArrays(workbook);
  gc();
  const held = heapMb() - before;
  const row = (name: string, ms: number): void => console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
  row("engine: memoryWorkbook, readWorkbook, plan", median(engine));
  row("reference: JSON.parse of the same rows", median(parse));
  console.log(`ratio engine / JSON.parse, time:   ${(median(engine) / median(parse)).toFixed(2)}x (target <= 4x)`);
  console.log(`first run (cold), engine / parse:  ${firstEngine.toFixed(0)} / ${firstParse.toFixed(0)} ms = ${(firstEngine / firstParse).toFixed(2)}x`);
  console.log(`heap held by the plan:             ${held.toFixed(0)} MB (${plan.invoices.length.toLocaleString("en-US")} invoices planned, ${plan.actions.length.toLocaleString("en-US")} actions)`);
  console.log(`(${RUNS} runs each, medians; JSON text ${(text.length / 1024 / 1024).toFixed(0)} MB)\n`);
}
