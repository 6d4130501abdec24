// A sheet of an exceljs workbook found by name, as the streaming reader matches names.
import type ExcelJS from "exceljs";
import { sameSheetName } from "../engine/sheetNames";

/**
 * A sheet of a loaded workbook by name, matched as the streaming reader matches it (case, accents
 * and punctuation aside), the exact name first. Excel's own names are case-insensitive: a
 * "journal des relances" is the journal, and adding "Journal des relances" beside it would fail.
 *
 * @param workbook - an exceljs workbook
 * @param name - the sheet's name, e.g. JOURNAL_SHEET
 * @returns the worksheet, or undefined
 * @example
 * findWorksheet(workbook, "Journal des relances") // also the sheet "JOURNAL DES RELANCES"
 */
export function findWorksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.getWorksheet(name) ?? workbook.worksheets.find((ws) => sameSheetName(name, ws.name));
}
