// What a host writes back into the user's workbook, as a port: the Excel task pane through
// Office.js, the preview into its workbook in memory, later Graph's workbook API. The engine
// decides the rows; the host only appends them, below what is there, never over a user's cell.
import type { CellValue } from "../core/cellValue";

/** Rows to add to one of the product's sheets (the journal, a stage sheet, the settings). */
export interface SheetAppend {
  /** The sheet's name ("Journal des relances", "Relance 1", "Paramètres Relances"). */
  readonly sheet: string;
  /** The header row: written only when the host creates the sheet. */
  readonly header: readonly string[];
  /** The rows to add below the sheet's last used row. No cell is formula-like (isFormulaLike). */
  readonly rows: readonly (readonly CellValue[])[];
  /** The Excel table the rows join when the sheet holds it ("JournalRelances"); created with the sheet. */
  readonly table?: string | undefined;
  /** The 0-based columns that hold dates (Excel serials), for the host to show as dates. */
  readonly dateColumns?: readonly number[] | undefined;
}

export interface WorkbookOutput {
  /**
   * Appends the rows of one action, all sheets in one batch: values first, then formats. A sheet
   * or table that is missing is created with its header. Cells that hold something are never written.
   * @throws when the host refuses; nothing of the action is then partly written where the host allows it
   */
  append(appends: readonly SheetAppend[]): Promise<void>;
}
