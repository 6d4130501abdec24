import { expect } from "vitest";

/** A folded header line that holds one MIME parameter alone, e.g. ` filename=Releve-….pdf`. */
const PARAMETER_LINE = /^ [A-Za-z0-9*-]+=("[^"]*"|[\x21-\x7e]+);?$/;

/**
 * Every line ends with CRLF, the text is ASCII, and no line passes 78 characters, except a lone
 * parameter, which stays within RFC 5322's 998: MailComposer leaves an ASCII parameter under 75
 * characters unfolded (a long statement name passes 78 on its own line).
 */
export function expectWellFormed(eml: string): void {
  expect(/[^\r]\n|\r[^\n]/.test(eml)).toBe(false);
  expect(/^[\x00-\x7f]*$/.test(eml)).toBe(true);
  for (const line of eml.split("\r\n")) expect(line.length, line).toBeLessThanOrEqual(PARAMETER_LINE.test(line) ? 998 : 78);
}
