// Text as the product writes it into a cell, whatever the host: never read as a formula (SPEC
// section 8), and always one an .xlsx file can hold.

/** The most characters an Excel cell holds. */
export const MAX_CELL_TEXT = 32767;

// Characters XML 1.0 forbids (a file holding one does not open in Excel), and lone surrogates.
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Whether a text would be read as a formula if a person typed it into Excel or a program imported
 * it from CSV (OWASP's list: =, +, -, @, and a leading tab or carriage return).
 *
 * @param text - any text
 * @returns true for "=1+1", "+33 1 23", "-12", "@Home", " =cmd|' /C calc'!A0"
 * @example
 * isFormulaLike("@Home") // true
 */
export function isFormulaLike(text: string): boolean {
  return /^[\t\r\n]/.test(text) || /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(text);
}

/**
 * A text as an Excel cell can hold it: characters XML cannot hold are dropped, and it is cut at
 * Excel's 32,767 characters, so that the file always opens.
 *
 * @param text - any text
 * @returns the text, cleaned
 * @example
 * cleanText("a\u0000b") // "ab"
 */
export function cleanText(text: string): string {
  let clean = text.replace(XML_INVALID, "");
  if (clean.length > MAX_CELL_TEXT) {
    // Cut before a surrogate pair rather than through it.
    const cut = /[\uD800-\uDBFF]/.test(clean.charAt(MAX_CELL_TEXT - 1)) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
    clean = clean.slice(0, cut);
  }
  return clean;
}
