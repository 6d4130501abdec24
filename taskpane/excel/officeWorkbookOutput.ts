// WorkbookOutput through Office.js: one Excel.run per action. First what is there is looked at
// (sheets, tables, the last used rows, and that the cells to be written are empty); nothing is
// written before every sheet has passed. Then values in blocks (one sync each), then formats:
// date columns, the tables and headers of the sheets created.
import { isBlank, type CellValue } from "../../src/core/cellValue";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { sameSheetName } from "../../src/engine/sheetNames";
import type { CellUpdate, SheetAppend, WorkbookOutput } from "../../src/engine/workbookOutput";
import { DATE_FORMAT, TEXT_FORMAT } from "../../src/workbook/safeCell";
import { blockRows, inBlocks } from "./officeBlocks";
import { needsTextFormat, officeCellValue } from "./officeCellValue";

type OfficeRow = (string | number | boolean)[];

/** Where one append goes, once the workbook has been looked at. */
interface Placement {
  readonly append: SheetAppend;
  readonly sheet: Excel.Worksheet;
  /** "create": header and rows from A1 (a new or empty sheet); "table": rows added to the table; "below": rows under the last used row. */
  readonly kind: "create" | "table" | "below";
  readonly width: number;
  /** The 0-based row and column of the first appended row's first cell, when known before writing. */
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly table?: Excel.Table | undefined;
  /** A new table's empty first data row, which the first appended row fills. */
  readonly emptyRow?: Excel.Range | undefined;
}

/**
 * The Excel task pane's WorkbookOutput.
 * @example await officeWorkbookOutput().append([{ sheet: "Journal des relances", header, rows, table: "JournalRelances" }]);
 */
export function officeWorkbookOutput(): WorkbookOutput {
  return { append: appendInExcel, update: updateInExcel };
}

async function appendInExcel(appends: readonly SheetAppend[]): Promise<void> {
  if (appends.every((append) => append.rows.length === 0)) return;
  await Excel.run((context) => appendWithin(context, appends));
}

/**
 * Appends within an Excel.run of the caller's. Every cell is converted first: a value that is no
 * cell throws before anything is queued.
 */
export async function appendWithin(context: Excel.RequestContext, appends: readonly SheetAppend[], beforeWrites?: () => void): Promise<void> {
  const work = appends.filter((append) => append.rows.length > 0);
  const converted = new Map(work.map((append) => [append, append.rows.map((row) => row.map(officeCellValue))]));
  const placements = work.length === 0 ? [] : await place(context, work);
  beforeWrites?.();
  for (const placement of placements) await writeValues(context, placement, converted.get(placement.append)!);
  for (const placement of placements) await writeFormats(context, placement);
  finishCreated(placements);
  await context.sync();
}

/**
 * Changes cells the product wrote in its settings sheet, each only while it holds what the pane
 * read, with the appends of the same action: every check passes before anything is written.
 */
async function updateInExcel(updates: readonly CellUpdate[], appends: readonly SheetAppend[] = []): Promise<void> {
  for (const update of updates) {
    if (!sameSheetName(update.sheet, SETTINGS_SHEET)) {
      throw new Error(`Seule la feuille «${SETTINGS_SHEET}» peut être modifiée, pas «${update.sheet}» / Only sheet "${SETTINGS_SHEET}" can be changed`);
    }
  }
  const values = updates.map((update) => officeCellValue(update.value));
  await Excel.run(async (context) => {
    const cells = updates.map((update) => {
      const cell = context.workbook.worksheets.getItem(update.sheet).getRangeByIndexes(update.row - 1, update.column, 1, 1);
      cell.load("values");
      return cell;
    });
    if (cells.length > 0) await context.sync();
    cells.forEach((cell, i) => {
      const { sheet, row, column, expected } = updates[i]!;
      if (!sameCell(cell.values[0]![0] as CellValue, expected)) {
        throw new Error(
          `La cellule ligne ${row}, colonne ${column + 1} de «${sheet}» a changé depuis sa lecture : rien n'a été écrit / ` +
            `The cell on row ${row}, column ${column + 1} of "${sheet}" has changed since it was read: nothing was written`,
        );
      }
    });
    await appendWithin(context, appends, () => cells.forEach((cell, i) => (cell.values = [[values[i]!]])));
    updates.forEach((update, i) => needsTextFormat(update.value) && (cells[i]!.numberFormat = [[TEXT_FORMAT]]));
    await context.sync();
  });
}

/** Whether a cell still holds what was read: blanks alike, text and numbers exactly. */
function sameCell(found: CellValue, expected: CellValue): boolean {
  return (isBlank(found) && isBlank(expected)) || found === expected;
}

/** Looks at the workbook in three syncs and decides where each append goes; throws before any write. */
async function place(context: Excel.RequestContext, work: readonly SheetAppend[]): Promise<Placement[]> {
  const found = work.map((append) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(append.sheet);
    sheet.load("isNullObject");
    const table = append.table === undefined ? undefined : context.workbook.tables.getItemOrNullObject(append.table);
    table?.load("isNullObject");
    return { append, sheet, table };
  });
  await context.sync();

  const looked = found.map(({ append, sheet, table }) => {
    const used = sheet.isNullObject ? undefined : sheet.getUsedRangeOrNullObject(true);
    used?.load("isNullObject,rowIndex,rowCount");
    const existing = table !== undefined && !table.isNullObject ? table : undefined;
    const body = existing?.getDataBodyRange();
    body?.load("rowIndex,rowCount,columnIndex,columnCount");
    const bodyUsed = body?.getUsedRangeOrNullObject(true);
    bodyUsed?.load("isNullObject");
    existing?.worksheet.load("name");
    return { append, sheet, used, table: existing, body, bodyUsed };
  });
  await context.sync();

  const placements: Placement[] = [];
  const targets: { placement: Placement; used: Excel.Range }[] = [];
  for (const { append, sheet, used, table, body, bodyUsed } of looked) {
    const width = Math.max(append.header.length, ...append.rows.map((row) => row.length));
    if (table !== undefined && body !== undefined && bodyUsed !== undefined) {
      if (append.rows.some((row) => row.length > body.columnCount)) {
        throw new Error(
          `Le tableau «${append.table}» a ${body.columnCount} colonnes, les lignes à ajouter en ont ${width} : rien n'a été écrit. / ` +
            `Table "${append.table}" has ${body.columnCount} columns, the rows to add have ${width}: nothing was written.`,
        );
      }
      // A table with no line yet keeps one empty data row, which the first line fills.
      const empty = body.rowCount === 1 && bodyUsed.isNullObject;
      placements.push({
        append,
        sheet: context.workbook.worksheets.getItem(table.worksheet.name),
        kind: "table",
        width: body.columnCount,
        firstRow: body.rowIndex + (empty ? 0 : body.rowCount),
        firstColumn: body.columnIndex,
        table,
        emptyRow: empty ? body : undefined,
      });
    } else if (sheet.isNullObject || used === undefined || used.isNullObject) {
      const created = sheet.isNullObject ? context.workbook.worksheets.add(append.sheet) : sheet;
      placements.push({ append, sheet: created, kind: "create", width, firstRow: 1, firstColumn: 0 });
    } else {
      const placement: Placement = { append, sheet, kind: "below", width, firstRow: used.rowIndex + used.rowCount, firstColumn: 0 };
      const target = sheet.getRangeByIndexes(placement.firstRow, 0, append.rows.length, width).getUsedRangeOrNullObject(true);
      target.load("isNullObject,rowIndex");
      targets.push({ placement, used: target });
      placements.push(placement);
    }
  }
  if (targets.length > 0) {
    await context.sync();
    for (const { placement, used } of targets) {
      if (!used.isNullObject) {
        throw new Error(
          `La feuille «${placement.append.sheet}» a des cellules remplies ligne ${used.rowIndex + 1}, là où les lignes devaient s'ajouter : rien n'a été écrit. / ` +
            `Sheet "${placement.append.sheet}" has filled cells on row ${used.rowIndex + 1}, where the rows were to be added: nothing was written.`,
        );
      }
    }
  }
  return placements;
}

/** A converted row padded to the width. */
function officeRow(row: readonly (string | number | boolean)[], width: number): OfficeRow {
  const cells: OfficeRow = new Array<string | number | boolean>(width).fill("");
  for (let i = 0; i < Math.min(width, row.length); i++) cells[i] = row[i]!;
  return cells;
}

async function writeValues(context: Excel.RequestContext, placement: Placement, converted: readonly OfficeRow[]): Promise<void> {
  const { append, width } = placement;
  const rows = placement.kind === "create" ? [append.header.map(officeCellValue), ...converted] : converted;
  const top = placement.kind === "create" ? 0 : placement.firstRow;
  let first = true;
  await inBlocks(rows.length, blockRows(width), async (start, count) => {
    let block = rows.slice(start, start + count).map((row) => officeRow(row, width));
    if (placement.kind === "table") {
      if (first && placement.emptyRow !== undefined) {
        placement.emptyRow.values = [block[0]!];
        block = block.slice(1);
      }
      if (block.length > 0) placement.table!.rows.add(undefined, block);
    } else {
      placement.sheet.getRangeByIndexes(top + start, placement.firstColumn, count, width).values = block;
    }
    await context.sync();
    first = false;
  });
}

/** The date columns of the rows appended shown as dates, and formula-like text given the Text format. */
async function writeFormats(context: Excel.RequestContext, placement: Placement): Promise<void> {
  const { append, sheet } = placement;
  const columns = (append.dateColumns ?? []).filter((column) => column >= 0 && column < placement.width);
  const texts: [number, number][] = [];
  append.rows.forEach((row, r) => row.forEach((value, c) => c < placement.width && needsTextFormat(value) && texts.push([r, c])));
  if (columns.length === 0 && texts.length === 0) return;
  await inBlocks(append.rows.length, blockRows(Math.max(1, columns.length)), async (start, count) => {
    const formats = Array.from({ length: count }, () => [DATE_FORMAT]);
    for (const column of columns) sheet.getRangeByIndexes(placement.firstRow + start, placement.firstColumn + column, count, 1).numberFormat = formats;
    for (const [r, c] of texts) {
      if (r >= start && r < start + count) sheet.getRangeByIndexes(placement.firstRow + r, placement.firstColumn + c, 1, 1).numberFormat = [[TEXT_FORMAT]];
    }
    await context.sync();
  });
}

/** The sheets created get their table (or a bold header) and columns fitted to their text. */
function finishCreated(placements: readonly Placement[]): void {
  for (const placement of placements) {
    if (placement.kind !== "create") continue;
    const { append, sheet, width } = placement;
    const all = sheet.getRangeByIndexes(0, 0, append.rows.length + 1, width);
    if (append.table !== undefined) {
      const table = sheet.tables.add(all, true);
      table.name = append.table;
    } else {
      sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
    }
    all.format.autofitColumns();
  }
}
