// The pane's writes applied to the workbook the preview holds (exceljs in the page), so that the
// updated workbook can be downloaded: a missing sheet is created with its header, rows go below the
// last used row, a filled cell is never written over, text stays text (never a formula).
import type ExcelJS from "exceljs";
import type { SheetAppend } from "../../src/engine/workbookOutput";
import { sameSheetName } from "../../src/engine/sheetNames";

const DATE_FORMAT = "dd/mm/yyyy";

/** Appends each SheetAppend to the workbook, in order. */
export function appendToWorkbook(workbook: ExcelJS.Workbook, appends: readonly SheetAppend[]): void {
  for (const append of appends) {
    let ws = workbook.worksheets.find((w) => w.name === append.sheet) ?? workbook.worksheets.find((w) => sameSheetName(append.sheet, w.name));
    if (ws === undefined) {
      ws = workbook.addWorksheet(append.sheet);
      ws.getRow(1).values = [...append.header];
      ws.getRow(1).font = { bold: true };
    }
    const dates = new Set(append.dateColumns ?? []);
    let at = lastUsedRow(ws) + 1;
    for (const values of append.rows) {
      const row = ws.getRow(at++);
      values.forEach((value, c) => {
        if (value === null || value === "") return;
        const cell = row.getCell(c + 1);
        if (cell.value !== null && cell.value !== undefined && cell.value !== "") return;
        // A string is stored as a shared string: exceljs writes a formula only for { formula }.
        cell.value = value;
        if (dates.has(c) && typeof value === "number") cell.numFmt = DATE_FORMAT;
      });
    }
    growTable(ws, append.table, at - 1);
  }
}

function lastUsedRow(ws: ExcelJS.Worksheet): number {
  for (let r = ws.rowCount; r >= 1; r--) {
    const row = ws.getRow(r);
    if (row.values !== undefined && (row.values as unknown[]).some((v) => v !== null && v !== undefined && v !== "")) return r;
  }
  return 0;
}

/** Stretches the Excel table the rows join over them (exceljs keeps a table's ref in its model). */
function growTable(ws: ExcelJS.Worksheet, name: string | undefined, lastRow: number): void {
  if (name === undefined) return;
  const table = (ws as unknown as { tables?: Record<string, { table?: { ref?: string; tableRef?: string } }> }).tables?.[name]?.table;
  if (table === undefined) return;
  for (const key of ["ref", "tableRef"] as const) {
    const ref = table[key];
    if (typeof ref === "string") table[key] = ref.replace(/(\d+)$/, String(lastRow));
  }
}
