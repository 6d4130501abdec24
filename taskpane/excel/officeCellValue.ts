// A core value as Office.js writes it into a cell. Excel reads range.values as if the user typed
// them: "=HYPERLINK(...)" would become a formula, "00123" a number, "01/02/2026" a date. A text
// that Excel could read as anything but text gets a leading apostrophe, which Excel keeps out of
// the value (the cell holds the text exactly, marked as text) and which makes it inert.
import type { CellValue } from "../../src/core/cellValue";
import { cleanText, isFormulaLike } from "../../src/engine/cellText";

/** Words Excel reads as booleans in French or English. */
const BOOLEAN_WORDS = /^\s*(vrai|faux|true|false)\s*$/i;

/**
 * Whether Excel could read a text typed into a cell as something else than that text: a formula,
 * a number, a date, a boolean or an error.
 * @example readAsOtherThanText("00123") // true
 */
export function readAsOtherThanText(text: string): boolean {
  return isFormulaLike(text) || /\d/.test(text) || /^\s*['#]/.test(text) || BOOLEAN_WORDS.test(text);
}

/**
 * The value to put in range.values for a core value: text cleaned and, where Excel would read it
 * otherwise, written as text; a number that is not finite, and null, as an empty cell.
 *
 * @param value - a core cell value
 * @returns a string, number or boolean for Office.js
 * @example
 * officeCellValue('=HYPERLINK("http://x","y")') // `'=HYPERLINK("http://x","y")`
 */
export function officeCellValue(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : "";
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") throw new TypeError(`officeCellValue: unexpected ${typeof value}`);
  const text = cleanText(value);
  return text !== "" && readAsOtherThanText(text) ? `'${text}` : text;
}

/**
 * Whether a cell written gets Excel's Text format too, as the product's other writers give it
 * (src/workbook/safeCell.ts): formula-like text, so that editing it in Excel keeps it text.
 * @example needsTextFormat("=1+1") // true
 */
export function needsTextFormat(value: CellValue): boolean {
  return typeof value === "string" && isFormulaLike(cleanText(value));
}
