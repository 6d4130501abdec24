// A column's letters as Excel names it ("A", "Z", "AA") and back, 0-based as the core counts columns.

/** The most columns a sheet holds (XFD). */
export const MAX_COLUMNS = 16384;

/**
 * The column letters Excel shows for a 0-based column index.
 *
 * @param index - 0 for A
 * @returns "A", "Z", "AA"...
 * @example
 * columnLetter(27) // "AB"
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * @param letters - "A", "ab", "XFD" (case aside)
 * @returns the column's 0-based index, or undefined when the text is no column of a sheet
 * @example
 * columnIndex("AB") // 27
 */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + letter.charCodeAt(0) - 64;
  return n <= MAX_COLUMNS ? n - 1 : undefined;
}
