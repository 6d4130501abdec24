import { parseDateInput } from "./dateInput";
import { isValidYmd, ymdFromDay } from "./day";
import type { FiscalYearStart } from "./fiscalYear";
import { normalizeText } from "./normalizeText";
import { isProblem, problem, type Problem } from "./problem";

const MONTHS: readonly (readonly string[])[] = [
  ["janvier", "january"],
  ["fevrier", "february"],
  ["mars", "march"],
  ["avril", "april"],
  ["mai", "may"],
  ["juin", "june"],
  ["juillet", "july"],
  ["aout", "august"],
  ["septembre", "september"],
  ["octobre", "october"],
  ["novembre", "november"],
  ["decembre", "december"],
];

/**
 * The first day of the fiscal year as the settings sheet gives it (debut_exercice): "01/07",
 * "1er juillet", "juillet" (its 1st), or a whole date ("01/07/2025", or the serial Excel made of
 * "01/07"), of which only the day and the month count.
 *
 * @param text - the setting's text
 * @returns the day of the year, or a Problem in French
 * @example
 * parseFiscalYearStart("1er juillet") // { month: 7, day: 1 }
 * parseFiscalYearStart("31/02")       // problem("«31/02» n'est pas un jour de l'année (jj/mm)…")
 */
export function parseFiscalYearStart(text: string): FiscalYearStart | Problem {
  const shown = text.trim();
  const wrong = problem(`«${shown}» n'est pas un jour de l'année (jj/mm, ou 1er juillet)`);
  const dayMonth = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(shown);
  if (dayMonth !== null) {
    const day = Number(dayMonth[1]);
    const month = Number(dayMonth[2]);
    // A leap year, so that 29/02 is a day of the year.
    return isValidYmd(2024, month, day) ? { month, day } : wrong;
  }
  const named = /^(?:(\d{1,2})(?:er)?\s+)?([a-z]+)$/.exec(normalizeText(shown));
  if (named !== null) {
    const month = MONTHS.findIndex((names) => names.includes(named[2]!)) + 1;
    const day = named[1] === undefined ? 1 : Number(named[1]);
    return month > 0 && isValidYmd(2024, month, day) ? { month, day } : wrong;
  }
  const date = parseDateInput(/^\d+$/.test(shown) ? Number(shown) : shown);
  if (isProblem(date)) return wrong;
  const { month, day } = ymdFromDay(date);
  return { month, day };
}
