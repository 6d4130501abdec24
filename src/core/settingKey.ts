import { normalizeText } from "./normalizeText";

/**
 * The key of a settings row as it is compared: case, accents and punctuation aside, words joined
 * by underscores.
 *
 * @param text - a key as written in the sheet
 * @returns the comparable key
 * @example
 * keyOf("Délai relance 2") // "delai_relance_2"
 */
export function keyOf(text: string): string {
  return normalizeText(text).replace(/ /g, "_");
}
