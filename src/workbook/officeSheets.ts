// An exceljs workbook's sheets as Office.js hands them over: each sheet's used range from A1, dense,
// "" for an empty cell and for the cells a merge covers, dates as serials, formulas as their cached
// result, an error as its text, "General" where no number format is set. Type-only exceljs import:
// the preview runs it in the page on exceljs's browser build, the contract test on Node's.
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/cellValue";
import type { MemorySheet } from "../engine/memoryWorkbook";
import { plainCellValue } from "./safeCell";

/** The workbook's sheets as Office.js arrays, in tab order. */
export function officeSheets(workbook: ExcelJS.Workbook): MemorySheet[] {
  return workbook.worksheets.map((ws) => {
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: CellValue[] = [];
      const formats: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        const covered = cell.isMerged && cell.master !== cell;
        cells.push(covered ? "" : (plainCellValue(cell.value) ?? ""));
        formats.push(cell.numFmt ?? "General");
      }
      values.push(cells);
      numberFormats.push(formats);
    }
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    const merged = merges.map((ref) => {
      const [from, to] = ref.split(":");
      const a = ws.getCell(from!);
      const b = ws.getCell(to ?? from!);
      return { top: Number(a.row), left: Number(a.col) - 1, bottom: Number(b.row), right: Number(b.col) - 1 };
    });
    return { name: ws.name, visibility: ws.state === "visible" ? "visible" : ws.state, values, numberFormats, merged };
  });
}
