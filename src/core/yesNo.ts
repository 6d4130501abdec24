import type { CellValue } from "./cellValue";
import { normalizeText } from "./normalizeText";

/** The words (normalised) that say yes in a cell, French and English, Excel's VRAI and 1 among them. */
export const YES_WORDS: readonly string[] = ["oui", "o", "yes", "y", "vrai", "true", "x", "1"];
/** The words (normalised) that say no. */
export const NO_WORDS: readonly string[] = ["non", "n", "no", "faux", "false", "0"];

const YES_NO: ReadonlyMap<string, boolean> = new Map([
  ...YES_WORDS.map((word) => [word, true] as const),
  ...NO_WORDS.map((word) => [word, false] as const),
]);

/**
 * A yes/no cell as people fill it: oui/non, x, yes/no, VRAI/FAUX, 1/0, a boolean cell.
 *
 * @param value - the cell
 * @returns true or false, or undefined for a blank cell or any other text
 * @example
 * parseYesNo("Oui") // true
 * parseYesNo(0) // false
 * parseYesNo("peut-être") // undefined
 */
export function parseYesNo(value: CellValue | undefined): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === null || value === undefined) return undefined;
  // Excel's 1/0 cells read as "1"/"0".
  return YES_NO.get(typeof value === "number" ? String(value) : normalizeText(value));
}
