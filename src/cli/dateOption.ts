import type { Day } from "../core/day";
import { parseDateInput } from "../core/dateInput";
import { isProblem } from "../core/problem";

// The two forms SPEC section 10 gives for DATE; Excel's other forms (31.03.25) are left out on the
// command line, where a two-digit year is more likely a typing slip.
const DATE_SHAPE = /^(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})$/;

/**
 * A date option as the user types it: YYYY-MM-DD or dd/mm/yyyy.
 *
 * @param name - the option, for the message ("as-of")
 * @param text - what follows it
 * @returns the day, or a French / English usage message
 * @example
 * dateInputOption("as-of", "30/06/2026") // the day of 2026-06-30
 * dateInputOption("as-of", "31/02/2026") // "--as-of «31/02/2026» n'est pas une date..."
 */
export function dateInputOption(name: string, text: string): Day | string {
  const day = DATE_SHAPE.test(text.trim()) ? parseDateInput(text) : undefined;
  if (day !== undefined && !isProblem(day)) return day;
  return `--${name} «${text}» n'est pas une date AAAA-MM-JJ ou jj/mm/aaaa / is not a YYYY-MM-DD or dd/mm/yyyy date`;
}
