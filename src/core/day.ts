/**
 * Calendar dates as whole days. A JS Date carries a time and a time zone, and the same Excel
 * serial would land on different days in Paris and in Los Angeles; integer day numbers cannot.
 * The arithmetic is Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
 */

/** Whole days since 1970-01-01 (which is 0; negative before). */
export type Day = number;

/** A calendar date; month is 1-12. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days from 0000-03-01 to 1970-01-01 in Hinnant's shifted calendar. */
const EPOCH_SHIFT = 719468;
const DAYS_PER_ERA = 146097;
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** 1899-12-31: Excel serial 0, the base of serials 1..59 (before the fictitious 1900-02-29). */
const EXCEL_BASE_BEFORE_LEAP_BUG = -25568;
/** 1899-12-30: the base of serials 61 and later, which count the fictitious 1900-02-29. */
const EXCEL_BASE = -25569;
/** 1900-03-01, the first day after the fictitious 1900-02-29. */
const FIRST_DAY_AFTER_LEAP_BUG = -25508;
const MAX_EXCEL_SERIAL = 2958465;

/** 1900-01-01, Excel serial 1: the first day the 1900 date system can hold. */
export const MIN_EXCEL_DAY: Day = -25567;
/** 9999-12-31, Excel serial 2958465: the last day Excel can hold. */
export const MAX_EXCEL_DAY: Day = 2932896;

// Scratch results of splitDay: the hot paths (endOfMonth, addMonthsClamped) read them instead of
// allocating a Ymd per call.
let splitYear = 0;
let splitMonth = 0;
let splitDayOfMonth = 0;

function splitDay(day: Day): void {
  const z = day + EPOCH_SHIFT;
  const era = Math.floor(z / DAYS_PER_ERA);
  const doe = z - era * DAYS_PER_ERA;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  splitDayOfMonth = doy - Math.floor((153 * mp + 2) / 5) + 1;
  splitMonth = mp < 10 ? mp + 3 : mp - 9;
  splitYear = yoe + era * 400 + (splitMonth <= 2 ? 1 : 0);
}

/**
 * Whether a year has a 29 February (Gregorian rule).
 *
 * @param year - the year
 * @returns true for 2000 and 2024, false for 1900 and 2023
 * @example
 * isLeapYear(2024) // true
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days in a month.
 *
 * @param year - the year (matters for February)
 * @param month - 1-12; any other value gives 0
 * @returns 28 to 31, or 0 for a month that does not exist
 * @example
 * daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return MONTH_LENGTHS[month - 1] ?? 0;
}

/**
 * Whether year, month and day name a real calendar date.
 *
 * @param year - any safe integer
 * @param month - 1-12
 * @param day - 1 to the length of the month
 * @returns false for 31/02 or 29/02 of a common year, and for non-integers
 * @example
 * isValidYmd(2024, 2, 29) // true
 * isValidYmd(2023, 2, 29) // false
 */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isSafeInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * The day number of a calendar date (check it with isValidYmd first when it comes from a user).
 *
 * @param year - the year
 * @param month - 1-12
 * @param day - day of the month; a day past the month's end runs on into the next month
 * @returns days since 1970-01-01
 * @example
 * dayFromYmd(1970, 1, 1) // 0
 * dayFromYmd(2025, 1, 1) // 20089
 */
export function dayFromYmd(year: number, month: number, day: number): Day {
  // Count from 1 March so that the leap day is the last day of the shifted year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * DAYS_PER_ERA + doe - EPOCH_SHIFT;
}

/**
 * The calendar date of a day number.
 *
 * @param day - days since 1970-01-01
 * @returns year, month (1-12) and day of the month
 * @example
 * ymdFromDay(20089) // { year: 2025, month: 1, day: 1 }
 */
export function ymdFromDay(day: Day): Ymd {
  splitDay(day);
  return { year: splitYear, month: splitMonth, day: splitDayOfMonth };
}

/**
 * Moves a day by a number of days.
 *
 * @param day - the start
 * @param n - days to add, negative to go back
 * @returns the day n days later
 * @example
 * addDays(dayFromIso("2025-01-15")!, 60) // the day of 2025-03-16
 */
export function addDays(day: Day, n: number): Day {
  return day + n;
}

/**
 * The last day of the month a day falls in.
 *
 * @param day - any day
 * @returns the 28th to 31st of the same month
 * @example
 * dayToIso(endOfMonth(dayFromIso("2024-02-10")!)) // "2024-02-29"
 */
export function endOfMonth(day: Day): Day {
  const offset = day - TABLE_FIRST_DAY;
  if (offset >= 0 && offset < TABLE_SPAN) {
    // Guess the month from the mean month length, then step to the right one (at most one step).
    let month = Math.floor(offset * MONTHS_PER_DAY);
    if (MONTH_STARTS[month]! > day) month--;
    else if (MONTH_STARTS[month + 1]! <= day) month++;
    return MONTH_STARTS[month + 1]! - 1;
  }
  splitDay(day);
  return day - splitDayOfMonth + daysInMonth(splitYear, splitMonth);
}

// First days of the months of 1900-2299: the due dates of a 100,000-row sheet need month ends
// fast, and a table lookup beats the civil-calendar arithmetic.
const TABLE_FIRST_YEAR = 1900;
const TABLE_MONTHS = 400 * 12;
const MONTH_STARTS = new Int32Array(TABLE_MONTHS + 1);
for (let i = 0; i <= TABLE_MONTHS; i++) {
  MONTH_STARTS[i] = dayFromYmd(TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);
}
const TABLE_FIRST_DAY = MONTH_STARTS[0]!;
const TABLE_SPAN = MONTH_STARTS[TABLE_MONTHS]! - TABLE_FIRST_DAY;
const MONTHS_PER_DAY = TABLE_MONTHS / TABLE_SPAN;

/**
 * Moves a day by whole months, keeping the day of the month when it exists and otherwise
 * stopping on the last day of the target month.
 *
 * @param day - the start
 * @param n - months to add, negative to go back
 * @returns the same day of the month n months later, clamped to that month's length
 * @example
 * dayToIso(addMonthsClamped(dayFromIso("2025-01-31")!, 1)) // "2025-02-28"
 */
export function addMonthsClamped(day: Day, n: number): Day {
  splitDay(day);
  const monthIndex = splitYear * 12 + (splitMonth - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return dayFromYmd(year, month, Math.min(splitDayOfMonth, daysInMonth(year, month)));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, "0");
  // Outside four digits, the ISO 8601 expanded form, as Date.prototype.toISOString writes it.
  return (year < 0 ? "-" : "+") + String(Math.abs(year)).padStart(6, "0");
}

/**
 * Writes a day as ISO 8601 text.
 *
 * @param day - the day
 * @returns "YYYY-MM-DD"
 * @example
 * dayToIso(20178) // "2025-03-31"
 */
export function dayToIso(day: Day): string {
  splitDay(day);
  return `${formatYear(splitYear)}-${pad2(splitMonth)}-${pad2(splitDayOfMonth)}`;
}

// The time part is tolerated because Excel and CSV exports often write midnight after the date.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const FRENCH_DATE =
  /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?\s*$/;

function isValidTime(hours?: string, minutes?: string, seconds?: string): boolean {
  if (hours === undefined) return true;
  return Number(hours) <= 23 && Number(minutes) <= 59 && (seconds === undefined || Number(seconds) <= 59);
}

function dayFromParts(year: number, month: number, day: number): Day | undefined {
  return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : undefined;
}

/**
 * Reads strict ISO 8601 date text; a time after the date is allowed and ignored.
 *
 * @param text - "YYYY-MM-DD", optionally followed by "T10:00", " 10:00:00", "T00:00:00Z"...
 * @returns the day, or undefined when the text is not a real date
 * @example
 * dayToIso(dayFromIso("2025-03-31T00:00:00")!) // "2025-03-31"
 * dayFromIso("2021-02-31") // undefined
 */
export function dayFromIso(text: string): Day | undefined {
  const m = ISO_DATE.exec(text);
  if (m === null || !isValidTime(m[4], m[5], m[6])) return undefined;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Writes a day as French users read it.
 *
 * @param day - the day
 * @returns "dd/mm/yyyy"
 * @example
 * dayToFrench(20178) // "31/03/2025"
 */
export function dayToFrench(day: Day): string {
  splitDay(day);
  return `${pad2(splitDayOfMonth)}/${pad2(splitMonth)}/${formatYear(splitYear)}`;
}

/**
 * Reads a French date: day first, then month, then year.
 *
 * @param text - d/m/yyyy or dd/mm/yyyy with "/", "-" or "." (the same one twice), surrounding
 *   spaces allowed, a two-digit year meaning 20yy, an optional time ("10:00", "10h00") ignored
 * @returns the day, or undefined when the text is not a real date
 * @example
 * dayToIso(dayFromFrench("1.3.25")!) // "2025-03-01"
 * dayFromFrench("31/02/2021") // undefined
 */
export function dayFromFrench(text: string): Day | undefined {
  const m = FRENCH_DATE.exec(text);
  if (m === null || !isValidTime(m[5], m[6], m[7])) return undefined;
  const yearText = m[4] ?? "";
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return dayFromParts(year, Number(m[3]), Number(m[1]));
}

/**
 * Reads an Excel serial number (1900 date system). Serial 60 is the 29 February 1900 that Excel
 * invented for Lotus 1-2-3 compatibility: it is no day, so it gives undefined.
 *
 * @param serial - 1 (1900-01-01) to 2958465 (9999-12-31); a fraction (the time) is dropped
 * @returns the day, or undefined for 60, for serials out of range, NaN and infinities
 * @example
 * dayToIso(dayFromExcelSerial(45658)!) // "2025-01-01"
 * dayFromExcelSerial(60) // undefined
 */
export function dayFromExcelSerial(serial: number): Day | undefined {
  const whole = Math.floor(serial);
  // NaN fails both comparisons below, so it needs its own test.
  if (!(whole >= 1 && whole <= MAX_EXCEL_SERIAL) || whole === 60) return undefined;
  return whole < 60 ? whole + EXCEL_BASE_BEFORE_LEAP_BUG : whole + EXCEL_BASE;
}

/**
 * Writes a day as an Excel serial number (1900 date system), the inverse of dayFromExcelSerial.
 *
 * @param day - the day; days before 1900-03-01 get serials 1..59 (0 and below before 1900)
 * @returns the serial Excel shows for that date
 * @example
 * dayToExcelSerial(0) // 25569
 */
export function dayToExcelSerial(day: Day): number {
  return day >= FIRST_DAY_AFTER_LEAP_BUG ? day - EXCEL_BASE : day - EXCEL_BASE_BEFORE_LEAP_BUG;
}

/**
 * The day of a JS Date as its local calendar shows it. The edges call it with getFullYear(),
 * getMonth() and getDate(), so that the core never sees a Date nor a time zone.
 *
 * @param year - getFullYear()
 * @param monthIndex0 - getMonth(), 0 for January
 * @param date - getDate(), 1-31
 * @returns the day
 * @example
 * dayToIso(dayFromLocalParts(2025, 0, 1)) // "2025-01-01"
 */
export function dayFromLocalParts(year: number, monthIndex0: number, date: number): Day {
  return dayFromYmd(year, monthIndex0 + 1, date);
}
