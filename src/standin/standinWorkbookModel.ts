// A workbook held by the stand-in as Excel on the web holds it behind Graph: sheets of cells (a
// value, the formula it came from, a number format), tables over ranges. Loaded from an .xlsx with
// exceljs; values as Graph gives them (dates as serials, "" for an empty cell, a formula's cached
// result, an error as its text "#N/A", nothing in the cells a merge covers). Values written are
// read as if typed, as Graph documents for range values: "=…" becomes a formula, "12" a number,
// a leading apostrophe keeps the rest as text.
import ExcelJS from "exceljs";
import type { CellValue } from "../core/cellValue";
import { dayFromYmd, dayToExcelSerial, isValidYmd } from "../core/day";
import { decodeRange, encodeRange, type Range } from "../workbook/cellRange";
import { officeSheets } from "../workbook/officeSheets";

export type GraphVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface ModelCell {
  /** As Graph gives it in values: text, a number, a boolean; "" for none. */
  value: string | number | boolean;
  /** "=…" for a formula cell. */
  formula?: string | undefined;
  numberFormat: string;
}

export interface ModelSheet {
  readonly id: string;
  name: string;
  visibility: GraphVisibility;
  /** rows[r][c], 0-based; holes are empty cells in the General format. */
  readonly rows: (ModelCell | undefined)[][];
}

export interface ModelTable {
  readonly id: string;
  name: string;
  sheet: ModelSheet;
  /** The whole table, header row included, 1-based. */
  range: Range;
  readonly style: string;
}

/** A cell as written: values read as typed input, a format kept. */
export interface CellWrite {
  readonly value?: unknown;
  readonly numberFormat?: unknown;
}

const GENERAL = "General";

export class WorkbookModel {
  readonly sheets: ModelSheet[] = [];
  readonly tables: ModelTable[] = [];
  private nextSheet = 1;
  private nextTable = 1;

  /** An .xlsx's sheets and tables. */
  static async fromXlsx(bytes: Uint8Array): Promise<WorkbookModel> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const model = new WorkbookModel();
    const arrays = officeSheets(workbook);
    workbook.worksheets.forEach((ws, index) => {
      const arraysSheet = arrays[index]!;
      const sheet = model.addSheet(ws.name);
      sheet.visibility = arraysSheet.visibility === "hidden" ? "Hidden" : arraysSheet.visibility === "veryHidden" ? "VeryHidden" : "Visible";
      arraysSheet.values.forEach((cells, r) => {
        cells.forEach((value, c) => {
          const numberFormat = arraysSheet.numberFormats?.[r]?.[c] ?? GENERAL;
          const formula = ws.getRow(r + 1).getCell(c + 1).formula;
          if (value === "" && numberFormat === GENERAL && !formula) return;
          setCell(sheet, r, c, { value: value ?? "", numberFormat, ...(formula ? { formula: `=${formula}` } : {}) });
        });
      });
      for (const table of ws.getTables() as unknown as { model: { name: string; tableRef?: string; ref?: string; style?: { theme?: string } } }[]) {
        const range = decodeRange(table.model.tableRef ?? table.model.ref);
        if (range !== undefined) model.addTable(sheet, range, table.model.name, table.model.style?.theme);
      }
    });
    return model;
  }

  addSheet(name: string): ModelSheet {
    const sheet: ModelSheet = { id: `{00000000-000${this.nextSheet++}-0000-0000-000000000000}`, name, visibility: "Visible", rows: [] };
    this.sheets.push(sheet);
    return sheet;
  }

  addTable(sheet: ModelSheet, range: Range, name?: string, style = "TableStyleMedium2"): ModelTable {
    const id = String(this.nextTable++);
    const table: ModelTable = { id, name: name ?? `Table${id}`, sheet, range: { ...range }, style };
    this.tables.push(table);
    return table;
  }

  /** A sheet by id or name (names compared as Excel does, case aside). */
  sheet(idOrName: string): ModelSheet | undefined {
    const wanted = idOrName.toLowerCase();
    return this.sheets.find((s) => s.id === idOrName) ?? this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  table(idOrName: string): ModelTable | undefined {
    const wanted = idOrName.toLowerCase();
    return this.tables.find((t) => t.id === idOrName) ?? this.tables.find((t) => t.name.toLowerCase() === wanted);
  }

  clone(): WorkbookModel {
    const copy = new WorkbookModel();
    for (const sheet of this.sheets) {
      copy.sheets.push({ ...sheet, rows: sheet.rows.map((row) => row.map((cell) => (cell === undefined ? undefined : { ...cell }))) });
    }
    for (const table of this.tables) copy.tables.push({ ...table, sheet: copy.sheet(table.sheet.id)!, range: { ...table.range } });
    copy.nextSheet = this.nextSheet;
    copy.nextTable = this.nextTable;
    return copy;
  }
}

/** The cell at 0-based row and column, or undefined when it was never set. */
export function cellAt(sheet: ModelSheet, r: number, c: number): ModelCell | undefined {
  return sheet.rows[r]?.[c];
}

export function setCell(sheet: ModelSheet, r: number, c: number, cell: ModelCell): void {
  while (sheet.rows.length <= r) sheet.rows.push([]);
  sheet.rows[r]![c] = cell;
}

/**
 * The used range (1-based), as usedRange answers it: the cells holding a value, or with
 * valuesOnly false the formatted ones too; A1 alone for a sheet holding nothing.
 */
export function usedRange(sheet: ModelSheet, valuesOnly: boolean): Range {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === undefined || (cell.value === "" && (valuesOnly || cell.numberFormat === GENERAL))) return;
      top = Math.min(top, r + 1);
      left = Math.min(left, c + 1);
      bottom = Math.max(bottom, r + 1);
      right = Math.max(right, c + 1);
    }),
  );
  return bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
}

/** The sheet name as an address spells it: quoted when it holds anything but letters, digits and _. */
export function quotedSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'Suivi 2026'!A1:V69" */
export function rangeAddress(sheet: ModelSheet, range: Range): string {
  const cells = range.top === range.bottom && range.left === range.right ? encodeRange(range).split(":")[0]! : encodeRange(range);
  return `${quotedSheetName(sheet.name)}!${cells}`;
}

/** An address as range(address='…') takes it: "A1:K7", "B3", "'Suivi 2026'!A1:B2" (the sheet part checked against the sheet). */
export function parseAddress(address: string): { sheetName?: string | undefined; range: Range } | undefined {
  const bang = address.lastIndexOf("!");
  const cells = bang < 0 ? address : address.slice(bang + 1);
  let sheetName: string | undefined;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheetName = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  }
  const range = decodeRange(cells.trim());
  return range === undefined ? undefined : { sheetName, range };
}

/** What Graph tells of a cell's value. */
function valueType(cell: ModelCell | undefined): string {
  if (cell === undefined || cell.value === "") return "Empty";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return /^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(cell.value) ? "Error" : "String";
}

/** A range as the workbookRange resource Graph answers (https://learn.microsoft.com/graph/api/resources/range). */
export function rangeResource(sheet: ModelSheet, range: Range): Record<string, unknown> {
  const values: CellValue[][] = [];
  const numberFormat: string[][] = [];
  const formulas: CellValue[][] = [];
  const text: string[][] = [];
  const valueTypes: string[][] = [];
  for (let r = range.top - 1; r < range.bottom; r++) {
    const row = sheet.rows[r];
    const v: CellValue[] = [];
    const f: string[] = [];
    const fo: CellValue[] = [];
    const t: string[] = [];
    const vt: string[] = [];
    for (let c = range.left - 1; c < range.right; c++) {
      const cell = row?.[c];
      v.push(cell?.value ?? "");
      f.push(cell?.numberFormat ?? GENERAL);
      fo.push(cell?.formula ?? cell?.value ?? "");
      t.push(cell === undefined ? "" : String(cell.value));
      vt.push(valueType(cell));
    }
    values.push(v);
    numberFormat.push(f);
    formulas.push(fo);
    text.push(t);
    valueTypes.push(vt);
  }
  const address = rangeAddress(sheet, range);
  return {
    "@odata.type": "#microsoft.graph.workbookRange",
    address,
    addressLocal: address,
    cellCount: (range.bottom - range.top + 1) * (range.right - range.left + 1),
    columnCount: range.right - range.left + 1,
    columnHidden: false,
    columnIndex: range.left - 1,
    formulas,
    formulasLocal: formulas,
    formulasR1C1: formulas,
    hidden: false,
    numberFormat,
    rowCount: range.bottom - range.top + 1,
    rowHidden: false,
    rowIndex: range.top - 1,
    text,
    valueTypes,
    values,
  };
}

/** Why a write is refused, as Graph words it. */
export class RangeWriteError extends Error {}

/**
 * Writes a range's values and number formats as PATCH …/range(address=…) does: the arrays must be
 * the range's shape; null leaves a cell as it is.
 */
export function writeRange(sheet: ModelSheet, range: Range, body: { readonly values?: unknown; readonly numberFormat?: unknown }): void {
  const rows = range.bottom - range.top + 1;
  const columns = range.right - range.left + 1;
  for (const key of ["values", "numberFormat"] as const) {
    const grid = body[key];
    if (grid === undefined) continue;
    if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== columns)) {
      throw new RangeWriteError(`The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
    }
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const r = range.top - 1 + i;
      const c = range.left - 1 + j;
      const format = (body.numberFormat as unknown[][] | undefined)?.[i]?.[j];
      const value = (body.values as unknown[][] | undefined)?.[i]?.[j];
      if (format !== undefined && format !== null) setCell(sheet, r, c, { ...(cellAt(sheet, r, c) ?? { value: "", numberFormat: GENERAL }), numberFormat: String(format) });
      if (value !== undefined && value !== null) {
        const before = cellAt(sheet, r, c);
        setCell(sheet, r, c, { ...typedInput(value, before?.numberFormat ?? GENERAL), numberFormat: before?.numberFormat ?? GENERAL });
      }
    }
  }
}

/**
 * A value as Excel reads it when it is typed (or set through range values): a leading apostrophe
 * keeps the rest as text, a cell in the Text format keeps text as given, "=…" (and + - @ before
 * anything but a number) is a formula, numbers, percentages, TRUE/FALSE and dates become values.
 */
export function typedInput(value: unknown, numberFormat: string): Omit<ModelCell, "numberFormat"> {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeWriteError("The argument is invalid or missing or has an incorrect format.");
    return { value };
  }
  if (typeof value === "boolean") return { value };
  if (typeof value !== "string") throw new RangeWriteError("The argument is invalid or missing or has an incorrect format.");
  if (value.startsWith("'")) return { value: value.slice(1) };
  if (numberFormat === "@") return { value };
  const trimmed = value.trim();
  const number = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(%?)$/.exec(trimmed);
  if (number !== null) return { value: Number(trimmed.replace("%", "")) / (number[4] === "%" ? 100 : 1) };
  if (/^[=+\-@]/.test(value) || /^[\t\r\n]+\s*=/.test(value)) return { value: "#NAME?", formula: value.startsWith("=") ? value : `=${value}` };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (date !== null) {
    // Graph reads dates as en-US does: month first.
    const [y, m, d] = date[0].includes("-") ? [Number(date[1]), Number(date[2]), Number(date[3])] : [Number(date[3]), Number(date[1]), Number(date[2])];
    if (isValidYmd(y, m, d)) return { value: dayToExcelSerial(dayFromYmd(y, m, d)) };
  }
  return { value };
}

/**
 * Adds rows at the end of a table, as POST …/tables/{name}/rows/add does: the cells below the
 * table, in its columns, move down; each new cell takes the number format of the row above it.
 *
 * @returns the 0-based index of the first row added in the table's body
 */
export function addTableRows(table: ModelTable, values: unknown): number {
  const columns = table.range.right - table.range.left + 1;
  if (!Array.isArray(values) || values.length === 0 || values.some((row) => !Array.isArray(row) || row.length !== columns)) {
    throw new RangeWriteError(`The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
  }
  const { sheet, range } = table;
  const count = values.length;
  // Cells below the table in its columns move down, from the bottom up.
  for (let r = sheet.rows.length - 1; r >= range.bottom; r--) {
    for (let c = range.left - 1; c < range.right; c++) {
      const cell = cellAt(sheet, r, c);
      if (cell === undefined) continue;
      setCell(sheet, r + count, c, cell);
      sheet.rows[r]![c] = undefined;
    }
  }
  const index = range.bottom - range.top;
  (values as unknown[][]).forEach((row, i) => {
    row.forEach((value, j) => {
      const c = range.left - 1 + j;
      const numberFormat = range.bottom > range.top ? (cellAt(sheet, range.bottom - 1, c)?.numberFormat ?? GENERAL) : GENERAL;
      setCell(sheet, range.bottom + i, c, { ...typedInput(value ?? "", numberFormat), numberFormat });
    });
  });
  table.range = { ...range, bottom: range.bottom + count };
  return index;
}
