import { addDays, addMonthsClamped, daysInMonth, dayFromYmd, ymdFromDay, type Day } from "./day";

/** The first day of a fiscal year (exercice), as a day of the year: month 1-12, day 1-31. */
export interface FiscalYearStart {
  readonly month: number;
  readonly day: number;
}

/** The calendar year, the default when the settings name no other start. */
export const CALENDAR_YEAR: FiscalYearStart = Object.freeze({ month: 1, day: 1 });

/** A span of whole days, both ends included. */
export interface DayPeriod {
  readonly from: Day;
  readonly to: Day;
}

/**
 * The fiscal year (exercice) that holds a date: from its start to the day before the next start. A
 * start on a day the month lacks (29 February) falls on that month's last day.
 *
 * @param date - any day of the year sought (the report's reference date)
 * @param start - the first day of every fiscal year (default 1 January)
 * @returns the fiscal year, both ends included
 * @example
 * fiscalYear(d("2026-06-30"))                       // 2026-01-01 to 2026-12-31
 * fiscalYear(d("2026-06-30"), { month: 7, day: 1 }) // 2025-07-01 to 2026-06-30
 */
export function fiscalYear(date: Day, start: FiscalYearStart = CALENDAR_YEAR): DayPeriod {
  const { year } = ymdFromDay(date);
  const startIn = (y: number): Day => dayFromYmd(y, start.month, Math.min(start.day, daysInMonth(y, start.month)));
  const from = startIn(year) <= date ? startIn(year) : startIn(year - 1);
  return { from, to: addDays(startIn(ymdFromDay(from).year + 1), -1) };
}

/**
 * The twelve months that end on a date, both ends included: 365 days, or 366 across a 29 February.
 *
 * @param date - the last day of the period
 * @returns the period
 * @example
 * twelveMonthsTo(d("2026-06-30")) // 2025-07-01 to 2026-06-30
 */
export function twelveMonthsTo(date: Day): DayPeriod {
  return { from: addDays(addMonthsClamped(date, -12), 1), to: date };
}
