/**
 * The one way invoice numbers are compared (SPEC section 3): duplicates in the sheet, credit notes
 * naming the invoice they credit, journal lines, stage sheets and the plan all key invoices by it.
 * The number shown to people stays as typed.
 */

// A leading "N°" as people type it: N°, Nº, n°, N˚ (with or without a space or a dot after), "No."
// or "No:" and "No " before the number, or "No" glued to a digit ("No12"). A bare "No" followed by
// letters ("NOV-12") is part of the number.
const NUMBER_SIGN = /^(?:n\s*[°º˚]\s*[.:]?|no\s*[.:]|no\s+|no(?=\d))\s*/i;

/**
 * The key under which two spellings of an invoice number are the same invoice: surrounding spaces,
 * case and a leading "N°" ignored.
 *
 * @param number - an invoice number as typed in the sheet or the journal
 * @returns its key (upper case); the trimmed number itself when nothing is left once "N°" is gone
 * @example
 * invoiceKey(" cs-1 ")    // "CS-1"
 * invoiceKey("N° CS-1")   // "CS-1"
 * invoiceKey("no.2021-7") // "2021-7"
 * invoiceKey("NOV-12")    // "NOV-12"
 */
export function invoiceKey(number: string): string {
  if (isKeyAlready(number)) return number;
  const trimmed = number.trim();
  const rest = trimmed.replace(NUMBER_SIGN, "");
  return (rest === "" ? trimmed : rest).toUpperCase();
}

/**
 * Whether a number is its own key: printable ASCII without lower case, no space at either end, and
 * not starting with N (which may be « N° »). Most numbers are (FA0000123, 2024-017): they are
 * returned as they are, without a new string per row.
 */
function isKeyAlready(number: string): boolean {
  const length = number.length;
  if (length === 0) return false;
  const first = number.charCodeAt(0);
  if (first === 78 /* N */ || first === 32 || number.charCodeAt(length - 1) === 32) return false;
  for (let i = 0; i < length; i++) {
    const code = number.charCodeAt(i);
    if (code < 32 || code > 126 || (code >= 97 && code <= 122)) return false;
  }
  return true;
}
