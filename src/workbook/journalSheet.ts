/**
 * The journal sheet "Journal des relances": read from an exceljs workbook, and appended to in the
 * package's sheet XML without ever rewriting or deleting a line (SPEC section 4).
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/cellValue";
import { parseJournalRows, type CellRow, type JournalReading } from "../core/journal";
import { journalLine, newJournalEntries } from "../core/journalAppend";
import { findJournalColumns, JOURNAL_DATE_COLUMNS, type JournalColumn } from "../core/journalColumns";
import { JOURNAL_COLUMNS, JOURNAL_SHEET, type JournalEntry } from "../core/journalEntry";
import { JOURNAL_TABLE } from "../engine/journalSheetAppend";
import { plainCellValue, safeCellOut } from "./safeCell";
import type { GraftedSheet, SheetGraft } from "./sheetGraft";
import { decodeRange, encodeRange, overlaps, type Range } from "./cellRange";
import { colsXml, newSheetXml, readSheetRows, rowOut, withSheetElement, writeSheetRows, type CellOut, type RowOut } from "./sheetXml";
import { attributes, escapeXml } from "./xmlText";

/** The name of the Excel table the journal is created as: the engine's, so that every host creates the same one. */
export { JOURNAL_TABLE };

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


const STANDARD_COLUMNS = Object.fromEntries(JOURNAL_COLUMNS.map((column, i) => [column, i])) as Record<JournalColumn, number>;

/** A journal line as row `number`, in the columns given (0-based), dates as dates. */
function lineRow(graft: SheetGraft, entry: JournalEntry, columns: Readonly<Record<JournalColumn, number>>, number: number): RowOut {
  const cells = new Map<number, CellOut>();
  journalLine(entry).forEach((value, i) => {
    const column = JOURNAL_COLUMNS[i]!;
    const cell = safeCellOut(value, graft, { date: JOURNAL_DATE_COLUMNS.has(column) });
    if (cell !== undefined) cells.set(columns[column] + 1, cell);
  });
  return rowOut(number, cells);
}

function tableXml(id: number, name: string, ref: string): string {
  const columns = JOURNAL_COLUMNS.map((column, i) => `<tableColumn id="${i + 1}" name="${escapeXml(column)}"/>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${JOURNAL_COLUMNS.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** The journal as an Excel table from A1 of a sheet, header and lines (an empty line when there is none yet). */
function withJournalTable(graft: SheetGraft, sheet: GraftedSheet, xml: string, entries: readonly JournalEntry[]): string {
  const rows = new Map<number, RowOut>();
  rows.set(1, rowOut(1, new Map(JOURNAL_COLUMNS.map((column, i) => [i + 1, safeCellOut(column, graft)!]))));
  entries.forEach((entry, i) => rows.set(i + 2, lineRow(graft, entry, STANDARD_COLUMNS, i + 2)));
  const widths = withSheetElement(writeSheetRows(xml, rows), "cols", colsXml(JOURNAL_COLUMNS.map((column) => COLUMN_WIDTHS[column])));
  const ref = encodeRange({ top: 1, left: 1, bottom: 1 + Math.max(1, entries.length), right: JOURNAL_COLUMNS.length });
  return graft.addTable(sheet, widths, JOURNAL_TABLE, (id, name) => tableXml(id, name, ref));
}

/** A table of the sheet with its range and what the journal reads of it. */
interface JournalTable {
  readonly part: string;
  readonly xml: string;
  readonly range: Range | undefined;
  readonly totalsRow: boolean;
}

function tableOf(part: string, xml: string): JournalTable {
  const a = attributes(/<table\b[^>]*>/.exec(xml)?.[0] ?? "");
  return { part, xml, range: decodeRange(a.get("ref")), totalsRow: Number(a.get("totalsRowCount") ?? 0) > 0 };
}

/**
 * A table's XML stretched over `range`, with the columns added at its right. Its header row is
 * said in so many words (headerRowCount="1", Excel's default, which Excel leaves out): exceljs 4.4
 * reads a table without it as one without a header.
 */
function stretchedTable(xml: string, range: Range, added: readonly string[]): string {
  const ref = encodeRange(range);
  let out = xml
    .replace(/<table\b[^>]*>/, (tag) => (/\sheaderRowCount=/.test(tag) ? tag : tag.replace(/\sref="/, ' headerRowCount="1" ref="')))
    .replace(/(<table\b[^>]*?\sref=")[^"]*(")/, (_m, a: string, b: string) => `${a}${ref}${b}`)
    .replace(/(<autoFilter\b[^>]*?\sref=")[^"]*(")/, (_m, a: string, b: string) => `${a}${ref}${b}`);
  if (added.length === 0) return out;
  const ids = [...out.matchAll(/<tableColumn\b[^>]*?\sid="(\d+)"/g)].map((m) => Number(m[1]));
  let id = Math.max(0, ...ids);
  const columns = added.map((name) => `<tableColumn id="${++id}" name="${escapeXml(name)}"/>`).join("");
  out = out.replace(/<\/tableColumns>/, () => `${columns}</tableColumns>`);
  return out.replace(/(<tableColumns\b[^>]*?\scount=")\d+(")/, (_m, a: string, b: string) => `${a}${ids.length + added.length}${b}`);
}

/**
 * Appends entries to the journal in the package's sheet XML. Creates the sheet "Journal des
 * relances" with the Excel table "JournalRelances" when the workbook has none; otherwise writes
 * after the last row that holds a value, in the columns the header names (a column missing from the
 * header is added at its right), and stretches the table that starts at the header row over the new
 * lines. Existing cells are never written. Entries the journal already holds (same date, invoice,
 * level, channel, promise and dispute) are left out, so that a run repeated the same day adds
 * nothing twice; with nothing to add, the sheet is left as it is.
 *
 * A table with a totals row is not stretched (the lines go below it, outside the table, where
 * readJournalSheet still reads them), nor one that would then overlap another table.
 *
 * @param graft - the package, written to
 * @param entries - the lines to add
 * @returns the entries actually appended, and the journal sheet's name when it was written to
 * @example
 * appendJournal(graft, plannedJournalEntries(plan)).added.length // lines added
 */
export function appendJournal(graft: SheetGraft, entries: readonly JournalEntry[]): { added: JournalEntry[]; sheet?: string | undefined } {
  const sheet = graft.sheet(JOURNAL_SHEET);
  if (sheet === undefined) {
    const added = newJournalEntries([], entries);
    const created = graft.addSheet(JOURNAL_SHEET, newSheetXml(new Map(), [], true));
    graft.setSheetXml(created, withJournalTable(graft, created, graft.sheetXml(created), added));
    return { added, sheet: created.name };
  }

  let xml = graft.sheetXml(sheet);
  const { rows, lastUsedRow } = readSheetRows(xml, graft.sharedStrings());
  const added = newJournalEntries(parseJournalRows(rows).entries, entries);
  if (added.length === 0) return { added };
  const header = rows[0];
  const tables = graft.tables(sheet).map((table) => tableOf(table.part, table.xml));
  if (header === undefined && tables.length === 0) {
    graft.setSheetXml(sheet, withJournalTable(graft, sheet, xml, added));
    return { added, sheet: sheet.name };
  }

  const headerRow = header?.row ?? 1;
  const headerCells = header?.cells ?? [];
  const found = findJournalColumns(headerCells);
  const table = tables.find((t) => t.range?.top === headerRow);
  const range = table?.range === undefined ? undefined : { ...table.range };
  let nextColumn = Math.max(headerCells.length, range?.right ?? 0); // 0-based index of the next free column
  const columns = {} as Record<JournalColumn, number>;
  const headerWrites = new Map<number, CellOut>();
  const tableColumns: string[] = [];
  for (const column of JOURNAL_COLUMNS) {
    const index = found[column];
    if (index !== undefined) {
      columns[column] = index;
      continue;
    }
    columns[column] = nextColumn;
    headerWrites.set(nextColumn + 1, safeCellOut(column, graft)!);
    if (range !== undefined && range.right === nextColumn) {
      tableColumns.push(column);
      range.right += 1;
    }
    nextColumn += 1;
  }

  const firstRow = Math.max(lastUsedRow, headerRow) + 1;
  const writes = new Map<number, RowOut>();
  if (headerWrites.size > 0) writes.set(headerRow, rowOut(headerRow, headerWrites));
  added.forEach((entry, i) => writes.set(firstRow + i, lineRow(graft, entry, columns, firstRow + i)));
  xml = writeSheetRows(xml, writes);
  graft.setSheetXml(sheet, xml);

  if (table !== undefined && range !== undefined && !table.totalsRow) {
    const stretched: Range = { ...range, bottom: Math.max(range.bottom, firstRow + added.length - 1) };
    const clash = tables.some((other) => other !== table && other.range !== undefined && overlaps(other.range, stretched));
    if (!clash) graft.setTableXml(table, stretchedTable(table.xml, stretched, tableColumns));
  }
  return { added, sheet: sheet.name };
}
