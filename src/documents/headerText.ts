// A value that goes into a mail header (a subject, a display name) comes from what a customer or a
// user typed: it is kept on one line, so that it can never start a header of its own.

/**
 * A header value on one line: control characters (CR, LF, NUL, tab, U+2028…) become spaces.
 * @example headerText("Evil\r\nBcc: x@y.fr") // "Evil Bcc: x@y.fr"
 */
export function headerText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim();
}
