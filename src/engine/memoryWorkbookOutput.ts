// The WorkbookOutput of a workbook held in memory as Office.js-shaped arrays (the preview's): rows
// appended below each sheet's last used row, a missing sheet created with its header, no cell that
// holds something ever written. The sheets given are never changed: each write makes new arrays.
import { isBlank, type CellValue } from "../core/cellValue";
import { SETTINGS_SHEET } from "../core/settings";
import { cleanText, isFormulaLike } from "./cellText";
import type { MemorySheet } from "./memoryWorkbook";
import { sameSheetName } from "./sheetNames";
import type { CellUpdate, SheetAppend, WorkbookOutput } from "./workbookOutput";

/** The number format of the dates written (Office.js's numberFormat, as the exceljs adapter writes them). */
export const MEMORY_DATE_FORMAT = "dd/mm/yyyy";
/** Excel's Text format: a formula-like text written with it stays text. */
export const MEMORY_TEXT_FORMAT = "@";

/** A sheet being written: its rows from row 1, dense. */
interface Grid {
  readonly name: string;
  readonly source?: MemorySheet | undefined;
  values: CellValue[][];
  formats: string[][];
}

/**
 * The sheets with the appends written: each append's rows below its sheet's last used row (a sheet
 * holding nothing gets the header first), a missing sheet added last with its header. Dates of
 * `dateColumns` get a date format, formula-like text the Text format; text is kept exactly as given
 * (characters an .xlsx cannot hold aside), so that `=HYPERLINK(…)` stays inert text.
 *
 * @param sheets - the workbook, in tab order; not changed
 * @param appends - what one action adds
 * @returns the workbook after the action (untouched sheets are the same objects)
 * @throws TypeError for a cell that is no cell value (a bug of the caller); nothing is then written
 * @example
 * appendToSheets([], [{ sheet: "Journal des relances", header: ["Date"], rows: [[46203]], dateColumns: [0] }])[0].values // [["Date"], [46203]]
 */
export function appendToSheets(sheets: readonly MemorySheet[], appends: readonly SheetAppend[]): MemorySheet[] {
  const grids = new Map<MemorySheet | string, Grid>();
  const added: Grid[] = [];
  const gridOf = (name: string): Grid => {
    const sheet = sheets.find((s) => s.name === name) ?? sheets.find((s) => sameSheetName(s.name, name));
    const made = added.find((g) => sameSheetName(g.name, name));
    if (made !== undefined) return made;
    if (sheet === undefined) {
      const grid: Grid = { name, values: [], formats: [] };
      added.push(grid);
      return grid;
    }
    let grid = grids.get(sheet);
    if (grid === undefined) grids.set(sheet, (grid = gridFrom(sheet)));
    return grid;
  };
  for (const append of appends) {
    if (append.rows.length === 0) continue;
    const grid = gridOf(append.sheet);
    const dates = new Set(append.dateColumns ?? []);
    let next = lastUsedRow(grid.values);
    if (next === 0) {
      // A sheet holding nothing (or created now) starts with the header.
      writeRow(grid, 0, append.header, new Set());
      next = 1;
    }
    append.rows.forEach((row, i) => writeRow(grid, next + i, row, dates));
  }
  const out = sheets.map((sheet) => {
    const grid = grids.get(sheet);
    return grid === undefined ? sheet : sheetOf(grid);
  });
  return [...out, ...added.map(sheetOf)];
}

/**
 * The sheets with cells of the settings sheet changed, each only while it holds what the pane read.
 *
 * @param sheets - the workbook; not changed
 * @param updates - the cells to change
 * @returns the workbook after the change
 * @throws Error (French / English) for a cell outside the settings sheet, or one changed since it was read; nothing is then written
 */
export function updateSheets(sheets: readonly MemorySheet[], updates: readonly CellUpdate[]): MemorySheet[] {
  const grids = new Map<MemorySheet, Grid>();
  for (const update of updates) {
    const sheet = sheets.find((s) => sameSheetName(s.name, update.sheet));
    if (!sameSheetName(update.sheet, SETTINGS_SHEET) || sheet === undefined) {
      throw new Error(`Seule la feuille «${SETTINGS_SHEET}» peut être modifiée, pas «${update.sheet}» / only the settings sheet can be changed`);
    }
    if (!Number.isInteger(update.row) || update.row < 1 || !Number.isInteger(update.column) || update.column < 0) {
      throw new Error(`Cellule ligne ${update.row}, colonne ${update.column} invalide / invalid cell`);
    }
    let grid = grids.get(sheet);
    if (grid === undefined) grids.set(sheet, (grid = gridFrom(sheet)));
    const now = grid.values[update.row - 1]?.[update.column] ?? "";
    if (!sameCell(now, update.expected)) {
      throw new Error(
        `«${sheet.name}» ligne ${update.row} : la cellule a changé depuis sa lecture («${String(now)}»), rien n'a été écrit / ` +
          `the cell changed since it was read, nothing was written`,
      );
    }
    writeCell(grid, update.row - 1, update.column, update.value, false);
  }
  return sheets.map((sheet) => {
    const grid = grids.get(sheet);
    return grid === undefined ? sheet : sheetOf(grid);
  });
}

/**
 * A WorkbookOutput over a workbook in memory: what the preview writes into, and reads again (sheets).
 * @example
 * const output = new MemoryWorkbookOutput(sheets);
 * await output.append(result.appends);
 * planFromArrays(output.sheets, "2026-06-30") // the plan after the action
 */
export class MemoryWorkbookOutput implements WorkbookOutput {
  private current: MemorySheet[];

  constructor(sheets: readonly MemorySheet[]) {
    this.current = [...sheets];
  }

  /** The workbook as it is now, in tab order, sheets created last. */
  get sheets(): readonly MemorySheet[] {
    return this.current;
  }

  async append(appends: readonly SheetAppend[]): Promise<void> {
    this.current = appendToSheets(this.current, appends);
  }

  async update(updates: readonly CellUpdate[], appends: readonly SheetAppend[] = []): Promise<void> {
    // Both computed before either is kept: the action is written whole or not at all.
    this.current = appendToSheets(updateSheets(this.current, updates), appends);
  }
}

function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  return a === b;
}

/** A sheet's rows from row 1, dense, with a number format for each cell. */
function gridFrom(sheet: MemorySheet): Grid {
  const first = sheet.firstRow ?? 1;
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let row = 1; row < first; row++) {
    values.push([]);
    formats.push([]);
  }
  sheet.values.forEach((cells, i) => {
    values.push([...cells]);
    formats.push(cells.map((_, c) => sheet.numberFormats?.[i]?.[c] ?? "General"));
  });
  return { name: sheet.name, source: sheet, values, formats };
}

/** The 1-based number of the last row holding a value, 0 when none does. */
function lastUsedRow(values: readonly (readonly CellValue[])[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i]!.some((cell) => !isBlank(cell))) return i + 1;
  return 0;
}

function writeRow(grid: Grid, index: number, cells: readonly CellValue[], dates: ReadonlySet<number>): void {
  cells.forEach((value, column) => writeCell(grid, index, column, value, dates.has(column)));
}

function writeCell(grid: Grid, index: number, column: number, value: CellValue, date: boolean): void {
  const cell = officeValue(value);
  while (grid.values.length <= index) {
    grid.values.push([]);
    grid.formats.push([]);
  }
  const row = grid.values[index]!;
  const formats = grid.formats[index]!;
  while (row.length <= column) {
    row.push("");
    formats.push("General");
  }
  row[column] = cell;
  formats[column] = typeof cell === "string" && isFormulaLike(cell) ? MEMORY_TEXT_FORMAT : date && typeof cell === "number" ? MEMORY_DATE_FORMAT : "General";
}

/** A cell as Office.js holds it: "" for nothing, text an .xlsx can hold. */
function officeValue(value: CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return cleanText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  throw new TypeError(`appendToSheets: unexpected ${typeof value}`);
}

/** The grid as a sheet from row 1, rectangular as Office.js's used range. */
function sheetOf(grid: Grid): MemorySheet {
  const width = Math.max(0, ...grid.values.map((row) => row.length));
  const values = grid.values.map((row) => [...row, ...Array<CellValue>(width - row.length).fill("")]);
  const numberFormats = grid.formats.map((row) => [...row, ...Array<string>(width - row.length).fill("General")]);
  const { source } = grid;
  return {
    name: grid.name,
    ...(source?.visibility === undefined ? {} : { visibility: source.visibility }),
    values,
    numberFormats,
    ...(source?.merged === undefined ? {} : { merged: source.merged }),
  };
}
