// Writes the live columns a manager asks for (src/engine/liveColumns.ts) through Office.js: the
// reference-date cell made or brought up to date first, then, once every target cell has been
// found empty, the headers and one spilled formula per column right of the tracking table, and
// the aged balance on its own sheet; formats last. Nothing anyone typed is written over.
import { problem, type Problem } from "../../src/core/problem";
import type { ColumnMapping } from "../../src/core/trackingColumns";
import { liveColumns, type LiveColumns } from "../../src/engine/liveColumns";
import { DATE_FORMAT } from "../../src/workbook/safeCell";
import { blockRows, inBlocks } from "./officeBlocks";
import { officeCellValue } from "./officeCellValue";
import { setOfficeReferenceDate } from "./officeReferenceDate";

export interface LiveColumnsOrder {
  readonly sheet: string;
  readonly mapping: ColumnMapping;
  /** The 1-based last data row of the table. */
  readonly lastRow: number;
  /** The reference date the formulas point at, "2026-06-30" (the pane's, today by default). */
  readonly referenceDate: string;
  readonly language?: "fr" | "en" | undefined;
}

/** Every header a live column may carry, in either language: a sheet holding one has them already. */
const LIVE_HEADERS = new Set(
  (["fr", "en"] as const).flatMap((language) => {
    const sample = liveColumns({
      sheet: "x",
      mapping: { headerRow: 1, columns: { invoiceDate: 0, terms: 1, amount: 2 }, headers: {} },
      lastRow: 2,
      startColumn: 3,
      language,
    }) as LiveColumns;
    return sample.columns.map((column) => column.header);
  }),
);

/**
 * Adds the live columns and the aged balance to the workbook.
 *
 * @param order - the tracking sheet, its mapping and last row, the reference date, the language
 * @returns what was written, or a Problem (French / English) saying why nothing was: the columns
 *   are there already, a target cell holds something, no due date can be had
 * @example await writeOfficeLiveColumns({ sheet: "Suivi 2026", mapping, lastRow: 1203, referenceDate: "2026-06-30" });
 */
export async function writeOfficeLiveColumns(order: LiveColumnsOrder): Promise<LiveColumns | Problem> {
  await setOfficeReferenceDate(order.referenceDate);
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(order.sheet);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("isNullObject,columnIndex,columnCount");
    await context.sync();
    const width = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
    const header = sheet.getRangeByIndexes(order.mapping.headerRow - 1, 0, 1, Math.max(1, width));
    header.load("values");
    await context.sync();
    if (header.values[0]!.some((cell) => typeof cell === "string" && LIVE_HEADERS.has(cell.trim()))) {
      return problem(`Les colonnes Relances sont déjà sur la feuille «${order.sheet}» / The Relances columns are already on sheet "${order.sheet}"`);
    }

    const live = liveColumns({ sheet: order.sheet, mapping: order.mapping, lastRow: order.lastRow, startColumn: width, language: order.language });
    if ("kind" in live) return live;
    const height = live.lastRow - live.headerRow + 1;
    const target = sheet.getRangeByIndexes(live.headerRow - 1, width, height, live.columns.length).getUsedRangeOrNullObject(true);
    target.load("isNullObject,address");
    const summarySheet = context.workbook.worksheets.getItemOrNullObject(live.summary.sheet);
    summarySheet.load("isNullObject");
    await context.sync();
    if (!target.isNullObject) {
      return problem(`Des cellules sont remplies là où iraient les colonnes Relances (${target.address}) : rien n'a été écrit / Cells are filled where the Relances columns would go: nothing was written`);
    }
    const summaryUsed = summarySheet.isNullObject ? undefined : summarySheet.getUsedRangeOrNullObject(true);
    summaryUsed?.load("isNullObject");
    if (summaryUsed !== undefined) await context.sync();
    if (summaryUsed !== undefined && !summaryUsed.isNullObject) {
      return problem(`La feuille «${live.summary.sheet}» existe et n'est pas vide : rien n'a été écrit / Sheet "${live.summary.sheet}" exists and is not empty: nothing was written`);
    }

    // Values and formulas first.
    sheet.getRangeByIndexes(live.headerRow - 1, width, 1, live.columns.length).values = [live.columns.map((column) => officeCellValue(column.header))];
    for (const column of live.columns) sheet.getRangeByIndexes(live.firstRow - 1, column.column, 1, 1).formulas = [[column.formula]];
    const summary = summarySheet.isNullObject ? context.workbook.worksheets.add(live.summary.sheet) : summarySheet;
    summary.getRangeByIndexes(0, 0, 1, 1).values = [[officeCellValue(live.summary.label)]];
    summary.getRangeByIndexes(0, 1, 1, 1).formulas = [[live.summary.referenceFormula]];
    summary.getRangeByIndexes(2, 0, 1, 1).formulas = [[live.summary.tableFormula]];
    await context.sync();

    // Then formats: the due dates over the rows they spill to, the reference date, the headers.
    summary.getRangeByIndexes(0, 1, 1, 1).numberFormat = [[DATE_FORMAT]];
    sheet.getRangeByIndexes(live.headerRow - 1, width, 1, live.columns.length).format.font.bold = true;
    const dates = live.columns.filter((column) => column.date);
    const rows = live.lastRow - live.firstRow + 1;
    await inBlocks(rows, blockRows(1), async (start, count) => {
      const formats = Array.from({ length: count }, () => [DATE_FORMAT]);
      for (const column of dates) sheet.getRangeByIndexes(live.firstRow - 1 + start, column.column, count, 1).numberFormat = formats;
      await context.sync();
    });
    return live;
  });
}
