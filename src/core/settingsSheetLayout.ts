import { isBlank, type CellValue } from "./cellValue";
import { normalizeText } from "./normalizeText";
import { HEADER_KEY, HEADER_VALUE } from "./settings";

/** Where a settings sheet keeps its keys and values, and where its settings start. */
export interface SettingsSheetLayout {
  /** The 0-based columns of the keys and of the values. */
  readonly keyColumn: number;
  readonly valueColumn: number;
  /** The 0-based index of the first settings row (after the header, when there is one). */
  readonly start: number;
}

/**
 * The layout of a settings sheet: the first non-blank row is its header when it names the key or
 * the value column (Clé | Valeur | Description, in any order); otherwise keys are in column A and
 * values in column B.
 *
 * @param rows - the sheet's cells, rows[0] being its first row
 * @returns the columns, and the first settings row
 * @example
 * settingsSheetLayout([["Valeur", "Clé"], [10, "delai_relance_2"]]) // { keyColumn: 1, valueColumn: 0, start: 1 }
 */
export function settingsSheetLayout(rows: readonly (readonly CellValue[])[]): SettingsSheetLayout {
  const start = rows.findIndex((cells) => !cells.every(isBlank));
  if (start < 0) return { keyColumn: 0, valueColumn: 1, start: rows.length };
  const header = rows[start]!.map((cell) => (typeof cell === "string" ? normalizeText(cell) : ""));
  const k = header.findIndex((word) => HEADER_KEY.has(word));
  const v = header.findIndex((word) => HEADER_VALUE.has(word));
  if (k < 0 && v < 0) return { keyColumn: 0, valueColumn: 1, start };
  const keyColumn = k >= 0 ? k : 0;
  return { keyColumn, valueColumn: v >= 0 ? v : keyColumn + 1, start: start + 1 };
}
