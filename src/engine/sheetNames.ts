// Sheet names as the reader matches them: case, accents and punctuation aside, as Excel's own
// names are case-insensitive (a "journal des relances" is the journal); and the sheets the
// product writes itself, never taken for a tracking sheet.
import { JOURNAL_SHEET } from "../core/journalEntry";
import { normalizeText } from "../core/normalizeText";

/** The sheets the product writes itself: never taken for the tracking sheet. */
export const PRODUCT_SHEETS: readonly string[] = [
  JOURNAL_SHEET,
  "Paramètres Relances",
  "Relance 1",
  "Relance 2",
  "Mise en demeure",
];

/**
 * Whether two sheet names name the same sheet, as the reader matches them.
 * @example sameSheetName("Journal des relances", "JOURNAL DES RELANCES") // true
 */
export function sameSheetName(a: string, b: string): boolean {
  return a === b || normalizeText(a) === normalizeText(b);
}

const PRODUCT_SHEET_KEYS = new Set(PRODUCT_SHEETS.map(normalizeText));

/**
 * Whether a sheet is one of the product's own (PRODUCT_SHEETS), named as the reader matches names.
 * @example isProductSheet("paramètres relances") // true
 */
export function isProductSheet(name: string): boolean {
  return PRODUCT_SHEET_KEYS.has(normalizeText(name));
}
