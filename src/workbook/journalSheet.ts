/**
 * The journal sheet "Journal des relances" in an exceljs workbook: read, and appended to without
 * ever rewriting or deleting a line (SPEC section 4).
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/cellValue";
import { parseJournalRows, type CellRow, type JournalReading } from "../core/journal";
import { journalLine, newJournalEntries } from "../core/journalAppend";
import { findJournalColumns, JOURNAL_DATE_COLUMNS, type JournalColumn } from "../core/journalColumns";
import { JOURNAL_COLUMNS, JOURNAL_SHEET, type JournalEntry } from "../core/journalEntry";
import { findWorksheet } from "./readTrackingWorkbook";
import { plainCellValue, writeCell } from "./safeCell";

/** The name of the Excel table the journal is created as. */
export const JOURNAL_TABLE = "JournalRelances";

const COLUMN_WIDTHS: Readonly<Record<JournalColumn, number>> = {
  Date: 12, Client: 32, Facture: 14, Niveau: 17, Canal: 12, Référence: 30, Promesse: 12, Litige: 10, Note: 40, Utilisateur: 16,
};

/** The parts of exceljs's table model this module reads and adjusts (its typings do not show them). */
interface TableModel {
  name: string;
  /** The table's range with header and totals, e.g. "A1:J12". */
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean }[];
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let letters = "";
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function decodeRange(ref: string | undefined): Range | undefined {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref ?? "");
  if (m === null) return undefined;
  const left = columnNumber(m[1]!);
  const top = Number(m[2]);
  return { top, left, right: m[3] === undefined ? left : columnNumber(m[3]), bottom: m[4] === undefined ? top : Number(m[4]) };
}

function encodeRange({ top, left, bottom, right }: Range): string {
  return `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
}

function overlaps(a: Range, b: Range): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function tablesOf(ws: ExcelJS.Worksheet): TableModel[] {
  // exceljs 4.4 returns its Table objects here, whose `model` is the table's model.
  return (ws.getTables() as unknown as { model: TableModel }[]).map((table) => table.model);
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === "";
}

/** Every row of a sheet that holds a cell, as core values, and the last row holding a value. */
function sheetRows(ws: ExcelJS.Worksheet): { rows: CellRow[]; lastUsedRow: number } {
  const rows: CellRow[] = [];
  let lastUsedRow = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = plainCellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    if (cells.some((value) => !isBlank(value))) lastUsedRow = rowNumber;
    rows.push({ row: rowNumber, cells });
  });
  return { rows, lastUsedRow };
}

/**
 * Reads the journal sheet: every line an entry or rejected (see parseJournalRows), including the
 * lines below the table and the columns a user added or moved.
 *
 * @param ws - the journal sheet, or undefined when the workbook has none
 * @returns the entries and the rejected lines
 * @example
 * readJournalSheet(workbook.getWorksheet(JOURNAL_SHEET)).entries
 */
export function readJournalSheet(ws: ExcelJS.Worksheet | undefined): JournalReading {
  if (ws === undefined) return { entries: [], rejected: [] };
  return parseJournalRows(sheetRows(ws).rows);
}

/**
 * exceljs 4.4 reads a table's header row only from headerRowCount="1", which Excel leaves out (it
 * is the default), and would then write the table back without a header. Restores the header of
 * every table whose first row holds its column names. Call it on a loaded workbook before writing it.
 *
 * @param workbook - a workbook read by exceljs
 * @example
 * await workbook.xlsx.readFile(file); restoreTableHeaderRows(workbook);
 */
export function restoreTableHeaderRows(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    for (const table of tablesOf(ws)) {
      const range = decodeRange(table.tableRef);
      if (table.headerRow === true || range === undefined) continue;
      const header = ws.getRow(range.top);
      const named = table.columns.every(
        (column, i) => plainCellValue(header.findCell(range.left + i)?.value) === column.name,
      );
      if (named) table.headerRow = true;
    }
  }
}

function writeLine(row: ExcelJS.Row, entry: JournalEntry, columns: Readonly<Record<JournalColumn, number>>): void {
  journalLine(entry).forEach((value, i) => {
    const column = JOURNAL_COLUMNS[i]!;
    if (value === null) return;
    writeCell(row.getCell(columns[column] + 1), value, JOURNAL_DATE_COLUMNS.has(column) ? "date" : "value");
  });
}

function uniqueTableName(workbook: ExcelJS.Workbook): string {
  const taken = new Set(workbook.worksheets.flatMap((ws) => tablesOf(ws).map((table) => table.name.toLowerCase())));
  let name = JOURNAL_TABLE;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${JOURNAL_TABLE}${n}`;
  return name;
}

const STANDARD_COLUMNS = Object.fromEntries(JOURNAL_COLUMNS.map((column, i) => [column, i])) as Record<JournalColumn, number>;

/** The journal as an Excel table from A1, header and lines (an empty line when there is none yet). */
function createJournalTable(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, entries: readonly JournalEntry[]): void {
  const name = uniqueTableName(workbook);
  ws.addTable({
    name,
    displayName: name,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: JOURNAL_COLUMNS.map((column) => ({ name: column, filterButton: true })),
    // Placeholders: the values go through writeCell below, like every value the product writes.
    rows: Array.from({ length: Math.max(1, entries.length) }, () => JOURNAL_COLUMNS.map(() => null)),
  });
  entries.forEach((entry, i) => writeLine(ws.getRow(i + 2), entry, STANDARD_COLUMNS));
  JOURNAL_COLUMNS.forEach((column, i) => {
    ws.getColumn(i + 1).width = COLUMN_WIDTHS[column];
  });
}

/**
 * Appends entries to the journal. Creates the sheet "Journal des relances" as the Excel table
 * "JournalRelances" when the workbook has none; otherwise writes after the last row that holds a
 * value, in the columns the header names (a column missing from the header is added at its right),
 * and stretches the table that starts at the header row over the new lines. Existing cells are
 * never written. Entries the journal already holds (same date, invoice, level, channel, promise and
 * dispute) are left out, so that a run repeated the same day adds nothing twice.
 *
 * A table with a totals row is not stretched (the lines go below it, outside the table, where
 * readJournalSheet still reads them), nor one that would then overlap another table.
 *
 * @param workbook - the workbook, changed in place
 * @param entries - the lines to add
 * @returns the entries actually appended
 * @example
 * appendJournal(workbook, plannedJournalEntries(plan)).length // lines added
 */
export function appendJournal(workbook: ExcelJS.Workbook, entries: readonly JournalEntry[]): JournalEntry[] {
  const ws = findWorksheet(workbook, JOURNAL_SHEET);
  if (ws === undefined) {
    const added = newJournalEntries([], entries);
    const created = workbook.addWorksheet(JOURNAL_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
    createJournalTable(workbook, created, added);
    return added;
  }

  const { rows, lastUsedRow } = sheetRows(ws);
  const added = newJournalEntries(parseJournalRows(rows).entries, entries);
  const header = rows.find(({ cells }) => cells.some((value) => !isBlank(value)));
  const tables = tablesOf(ws);
  if (header === undefined && tables.length === 0) {
    createJournalTable(workbook, ws, added);
    return added;
  }

  const headerRow = header?.row ?? 1;
  const headerCells = header?.cells ?? [];
  const found = findJournalColumns(headerCells);
  const table = tables.find((model) => decodeRange(model.tableRef)?.top === headerRow);
  const tableRange = decodeRange(table?.tableRef);
  let nextColumn = Math.max(headerCells.length, tableRange?.right ?? 0); // 0-based index of the next free column
  const columns = {} as Record<JournalColumn, number>;
  for (const column of JOURNAL_COLUMNS) {
    const index = found[column];
    if (index !== undefined) {
      columns[column] = index;
      continue;
    }
    columns[column] = nextColumn;
    writeCell(ws.getRow(headerRow).getCell(nextColumn + 1), column);
    if (table !== undefined && tableRange !== undefined && tableRange.right === nextColumn) {
      table.columns.push({ name: column, filterButton: table.autoFilterRef !== undefined });
      tableRange.right += 1;
    }
    nextColumn += 1;
  }

  const firstRow = Math.max(lastUsedRow, headerRow) + 1;
  added.forEach((entry, i) => writeLine(ws.getRow(firstRow + i), entry, columns));

  if (table !== undefined && tableRange !== undefined && table.totalsRow !== true) {
    const stretched: Range = { ...tableRange, bottom: Math.max(tableRange.bottom, firstRow + added.length - 1) };
    const clash = tables.some((other) => {
      const range = other === table ? undefined : decodeRange(other.tableRef);
      return range !== undefined && overlaps(range, stretched);
    });
    if (!clash) {
      table.tableRef = encodeRange(stretched);
      if (table.autoFilterRef !== undefined) table.autoFilterRef = encodeRange(stretched);
      if (table.headerRow !== true) table.headerRow = true;
    }
  }
  return added;
}
