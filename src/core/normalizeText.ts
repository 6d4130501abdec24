/**
 * Reduce a text to a comparable form: lower case, accents removed, every character
 * that is not a letter or a digit turned into a space, spaces collapsed and trimmed.
 *
 * Compatibility forms are folded too (NFKD: "ﬁ" -> "fi", no-break spaces -> spaces) and the
 * ligatures œ, æ and ß, which Unicode does not decompose, are spelled out.
 *
 * @param s - any text (a header, a customer name, a category typed by a user)
 * @returns the normalised text, "" when nothing but punctuation or spaces was given
 * @example
 * normalizeText("  Collectivité  territoriale ! ") // "collectivite territoriale"
 * normalizeText("L'État") // "l etat"
 */
export function normalizeText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(SEPARATORS, " ")
    .trim();
}

// Excel's older custom-functions runtime knows ES2016 only, without \p{...}: marks and separators
// are given by Unicode block. Letters and digits of every script are kept.
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
const SEPARATORS =
  /[\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u2000-\u2bff\u2e00-\u2e7f\u3000-\u303f\ufe10-\ufe6f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/g;
