// An .xlsx read in the page with exceljs's browser build, which the preview page loads as a script;
// its sheets become Office.js arrays through src/workbook/officeSheets.ts.
import type ExcelJS from "exceljs";
export { officeSheets } from "../../src/workbook/officeSheets";

/** exceljs's browser build, loaded by the preview page as a script (window.ExcelJS). */
export function excelJs(): typeof ExcelJS {
  const library = (globalThis as { ExcelJS?: typeof ExcelJS }).ExcelJS;
  if (library === undefined) throw new Error("exceljs n'est pas chargé / exceljs is not loaded");
  return library;
}

/** Reads an .xlsx's bytes. */
export async function loadWorkbook(bytes: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new (excelJs().Workbook)();
  await workbook.xlsx.load(bytes);
  return workbook;
}
