// A stand-in workbook written back as an .xlsx, as Excel on the web saves a workbook whose session
// persists its changes: what the product wrote through Graph is in the file a download gives (and
// the command line then reads). Values, formulas with their results, number formats, visibility,
// tables.
import ExcelJS from "exceljs";
import { encodeRange } from "../workbook/cellRange";
import type { WorkbookModel } from "./standinWorkbookModel";

const ERROR = /^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!)$/;

/**
 * The workbook as .xlsx bytes.
 * @example drive.replaceContent(item, await workbookXlsx(model));
 */
export async function workbookXlsx(model: WorkbookModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = workbook.addWorksheet(sheet.name, { state: sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible" });
    // Tables first: exceljs writes a table's cells itself, which the cells below then complete.
    for (const table of model.tables.filter((t) => t.sheet === sheet)) {
      const { top, left, bottom, right } = table.range;
      const valuesOf = (r: number): (string | number | boolean | null)[] =>
        Array.from({ length: right - left + 1 }, (_, j) => {
          const value = sheet.rows[r - 1]?.[left - 1 + j]?.value;
          return value === undefined || value === "" ? null : value;
        });
      const header = valuesOf(top);
      ws.addTable({
        name: table.name,
        ref: encodeRange({ top, left, bottom: top, right: left }).split(":")[0]!,
        headerRow: true,
        style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
        columns: header.map((name, j) => ({ name: name === null ? `Colonne${j + 1}` : String(name) })),
        rows: Array.from({ length: bottom - top }, (_, i) => valuesOf(top + 1 + i)),
      });
    }
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === undefined) return;
        const target = ws.getRow(r + 1).getCell(c + 1);
        if (cell.formula !== undefined) {
          const result = typeof cell.value === "string" && ERROR.test(cell.value) ? { error: cell.value as ExcelJS.CellErrorValue["error"] } : cell.value;
          target.value = { formula: cell.formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
        } else {
          target.value = cell.value === "" ? null : cell.value;
        }
        if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
