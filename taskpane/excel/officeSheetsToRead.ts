// Which sheets the Office.js reader loads rows of, as the engine's scan will use them
// (src/engine/workbookScan.ts): loading a sheet the engine then leaves out costs a 100,000-row read.
import { historySheetLevel } from "../../src/core/historySheets";
import { JOURNAL_SHEET } from "../../src/core/journalEntry";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { isProductSheet, sameSheetName } from "../../src/engine/sheetNames";
import type { SheetVisibility } from "../../src/engine/workbookInput";

/** How a sheet is read: not at all, its values, or its values with its merged areas (a tracking sheet). */
export type SheetRead = "skip" | "values" | "tracking";

/**
 * How the reader loads one sheet.
 *
 * @param name - the sheet's name
 * @param visibility - its visibility
 * @param named - the tracking sheets the saved mapping names (feuilles_suivi); empty for every visible one
 * @returns "tracking" for a sheet the engine may read invoices from, "values" for the journal, the
 *   settings and the manual workflow's history sheets, "skip" otherwise
 * @example
 * sheetRead("Archives", "hidden", []) // "skip"
 */
export function sheetRead(name: string, visibility: SheetVisibility, named: readonly string[]): SheetRead {
  if (sameSheetName(name, JOURNAL_SHEET) || sameSheetName(name, SETTINGS_SHEET)) return "values";
  if (named.some((wanted) => sameSheetName(wanted, name))) return "tracking";
  if (isProductSheet(name)) return "skip";
  if (historySheetLevel(name) !== undefined) return "values";
  if (named.length > 0 || visibility !== "visible") return "skip";
  return "tracking";
}
