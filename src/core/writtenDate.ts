/**
 * Dates as letters write them (DOMAIN section 4): « le 30 juin 2026 », « le 1er juillet 2026 » in
 * French, « 21 July 2026 » in English; and the short English form of tables, « 21 Jul 2026 », which
 * no reader takes for 7 December.
 */
import { ymdFromDay, type Day } from "./day";

const FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A day written out, as a letter's running text gives it.
 * @param day - the day
 * @param lang - "fr": « 30 juin 2026 », the first of the month « 1er juillet 2026 »; "en": « 21 July 2026 »
 * @example writtenDate(dayFromIso("2026-07-01")!, "fr") // "1er juillet 2026"
 */
export function writtenDate(day: Day, lang: "fr" | "en"): string {
  const { year, month, day: date } = ymdFromDay(day);
  if (lang === "en") return `${date} ${ENGLISH_MONTHS[month - 1]!} ${year}`;
  return `${date === 1 ? "1er" : date} ${FRENCH_MONTHS[month - 1]!} ${year}`;
}

/**
 * A day in an English table: « 21 Jul 2026 » (the month's first three letters, « Sep » for
 * September). Plain spaces: a narrow column wraps it at a space rather than inside a word.
 * @example shortEnglishDate(dayFromIso("2026-09-03")!) // "3 Sep 2026"
 */
export function shortEnglishDate(day: Day): string {
  const { year, month, day: date } = ymdFromDay(day);
  return `${date} ${ENGLISH_MONTHS[month - 1]!.slice(0, 3)} ${year}`;
}
