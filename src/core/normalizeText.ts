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
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
