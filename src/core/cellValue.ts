/**
 * A cell's value as the core sees it: text, a number, a boolean or nothing. Dates are Excel serial
 * numbers (1900 date system); each edge (exceljs, Office.js) converts its own cell objects.
 */
export type CellValue = string | number | boolean | null;

/**
 * Whether a cell holds nothing: empty, missing, or spaces only.
 *
 * @param value - the cell
 * @returns true for null, undefined, "" and "   "
 * @example
 * isBlank("  ") // true
 */
export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" && (value.length === 0 || value.trim().length === 0);
}

/**
 * A cell as text, as a French Excel shows it: trimmed, numbers without ".0", booleans VRAI/FAUX.
 *
 * @param value - the cell
 * @returns the text, "" for a blank cell
 * @example
 * cellText(true) // "VRAI"
 * cellText(" F-1 ") // "F-1"
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return value ? "VRAI" : "FAUX";
}
