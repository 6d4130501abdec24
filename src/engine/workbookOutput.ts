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
  /**
   * The rows to add below the sheet's last used row. Text is written exactly as given and kept as
   * text: a customer named like a formula (isFormulaLike: "=HYPERLINK(…)") stays inert, the host
   * storing it as text (Text number format), never as a formula.
   */
  readonly rows: readonly (readonly CellValue[])[];
  /** The Excel table the rows join when the sheet holds it ("JournalRelances"); created with the sheet. */
  readonly table?: string | undefined;
  /** The 0-based columns that hold dates (Excel serials), for the host to show as dates. */
  readonly dateColumns?: readonly number[] | undefined;
}

/**
 * One cell of the product's settings sheet to change: a value the product wrote earlier (a setting changed in
 * the pane, a corrected column mapping in the settings sheet). Rows are never added this way.
 */
export interface CellUpdate {
  /** The settings sheet ("Paramètres Relances"); any other sheet is refused. */
  readonly sheet: string;
  /** The 1-based row. */
  readonly row: number;
  /** The 0-based column. */
  readonly column: number;
  readonly value: CellValue;
  /**
   * What the cell held when the pane read it: the host refuses the update when the cell holds
   * something else by now (a co-author's edit), so that no one's typing is silently written over.
   */
  readonly expected: CellValue;
}

export interface WorkbookOutput {
  /**
   * Appends the rows of one action, all sheets in one batch: values first, then formats. A sheet
   * or table that is missing is created with its header. Cells that hold something are never written.
   * @throws when the host refuses; nothing of the action is then partly written where the host allows it
   */
  append(appends: readonly SheetAppend[]): Promise<void>;

  /**
   * Optional (hosts that let the pane edit settings): changes cells the product wrote in its
   * settings sheet « Paramètres Relances » (a setting's value, a saved column mapping), with the
   * appends of the same action, in one batch. No other sheet is ever changed this way (the journal
   * is never rewritten, a user's sheet never touched), and a cell only while it holds `expected`.
   * @throws when a cell is outside the settings sheet or no longer holds `expected`; nothing is then written
   */
  update?(updates: readonly CellUpdate[], appends?: readonly SheetAppend[]): Promise<void>;
}
