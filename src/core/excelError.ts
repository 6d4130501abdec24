/**
 * Excel's error values as the adapters hand them over: exceljs gives an error cell (or a formula's
 * cached error) as its text, Office.js gives the same text in `values`.
 */
import type { CellValue } from "./cellValue";

// Every error Excel shows in a cell, the dynamic-array and data-type ones included.
const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
  "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#BUSY!", "#EXTERNAL!", "#PYTHON!", "#TIMEOUT!",
]);

/** The longest cell text that may be an error, spaces around it included: longer texts are not read. */
export const LONGEST_EXCEL_ERROR = 24;

/**
 * The Excel error a cell holds, if any: such a cell has no value to read, and saying "missing" or
 * "not a date" would hide the broken formula behind it.
 *
 * @param value - the cell's value
 * @returns the error as Excel shows it ("#REF!"), or undefined
 * @example
 * excelErrorOf("#N/A")   // "#N/A"
 * excelErrorOf(" #ref!") // "#REF!"
 * excelErrorOf("N/A")    // undefined
 */
export function excelErrorOf(value: CellValue | undefined): string | undefined {
  if (typeof value !== "string" || value.length > LONGEST_EXCEL_ERROR) return undefined;
  const text = value.trim().toUpperCase();
  return text.startsWith("#") && EXCEL_ERRORS.has(text) ? text : undefined;
}
