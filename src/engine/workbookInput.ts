// The workbook as every host can hand it to the engine: Office.js (range.values and numberFormat,
// loaded in blocks), Graph's usedRange and exceljs's streaming reader all give sheet names with
// their visibility, then each sheet's rows of plain values, top to bottom, in blocks.
import type { CellValue } from "../core/cellValue";

/** As Excel keeps it: a "veryHidden" sheet can only be shown again by a macro. */
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/**
 * Consecutive rows of a sheet: values[i] is row firstRow + i, its cells from column A. An empty
 * cell is null or "" (Office.js gives ""), a date its Excel serial, a formula its result, an error
 * cell its text ("#N/A"). A row may be shorter than others, or empty.
 */
export interface RowBlock {
  /** The 1-based row of values[0]. */
  readonly firstRow: number;
  readonly values: readonly (readonly CellValue[])[];
  /**
   * The number format of each cell where the host knows it ("0.00%"), when asked for: the
   * settings sheet means a percentage as the figure shown. Only number cells' formats are read.
   */
  readonly numberFormats?: readonly (readonly (string | undefined)[])[] | undefined;
}

/** A merged range: 1-based rows, 0-based columns, inclusive. */
export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * What a sheet's rows do not carry: the ranges merged across rows (their value is in the top cell
 * only), and the cells whose value the host reads as blank although they hold an Excel error
 * (exceljs's streaming reader reads a formula's cached error as NaN).
 */
export interface SheetExtras {
  readonly mergedAcrossRows: readonly MergedRange[];
  /** The Excel error of each error cell, by 1-based row, then by 0-based column ("#DIV/0!"). */
  readonly errors: ReadonlyMap<number, ReadonlyMap<number, string>>;
}

/** One sheet of the pass. */
export interface InputSheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Asked before rows(), for the sheets read; undefined when there is nothing to add. */
  extras(): Promise<SheetExtras | undefined>;
  /**
   * The sheet's rows, top to bottom, in blocks; rows absent from a block are blank. The reader
   * may stop early; the host then skips the rest.
   */
  rows(options?: { readonly numberFormats?: boolean }): AsyncIterable<RowBlock>;
}

/** A workbook, read in one pass over its sheets. */
export interface WorkbookInput {
  /**
   * A small sheet's rows read ahead of the pass (rows[0] is row 1), matched by name as sheet names
   * are; undefined when there is no such sheet. The settings sheet's saved column mapping decides
   * how the tracking sheets are read, and it may come after them.
   */
  sheetRows(name: string): Promise<CellValue[][] | undefined>;
  /** The sheets one after another, in the order the host gives them (a file's, for a stream). */
  sheets(): AsyncIterable<InputSheet>;
  /** The sheets' names in tab order, asked once the pass is over (a stream may learn it last). */
  tabOrder(): readonly string[];
}
