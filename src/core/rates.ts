/** Rates used for late-payment interest, as data: ECB main refinancing rate and taux de l'intérêt légal. */
import { ymdFromDay, type Day } from "./day";
import { problem, type Problem } from "./problem";

/** A rate in 1/10000 of a percent, always an integer: 131500 = 13.15 %. */
export type RateUnits = number;

/** Rates in force on the first day of a half-year (S1 from 1 January, S2 from 1 July). */
export interface HalfYearRates {
  readonly year: number;
  readonly half: 1 | 2;
  /** ECB main refinancing rate. */
  readonly ecb: RateUnits;
  /** Taux de l'intérêt légal, creditor an individual not acting professionally. */
  readonly tilP: RateUnits;
  /** Taux de l'intérêt légal, all other cases ("autres cas"). */
  readonly tilA: RateUnits;
}

/** Half-years sorted from the oldest, at most one entry per half-year. */
export type RatesTable = readonly HalfYearRates[];

/** Units in one percent. */
const UNITS_PER_PERCENT = 10000;

function row(year: number, half: 1 | 2, ecb: number, tilP: number, tilA: number): HalfYearRates {
  return Object.freeze({
    year,
    half,
    ecb: rateUnitsFromPercent(ecb),
    tilP: rateUnitsFromPercent(tilP),
    tilA: rateUnitsFromPercent(tilA),
  });
}

/**
 * The rates the product ships (DOMAIN.md section 2: ECB key rates; Trésor for the TIL),
 * 2015 S1 to 2026 S1. 2026 S2 is not confirmed, hence absent: a user adds it with `withHalfYear`.
 */
export const DEFAULT_RATES: RatesTable = Object.freeze([
  row(2015, 1, 0.05, 4.06, 0.93),
  row(2015, 2, 0.05, 4.29, 0.99),
  row(2016, 1, 0.05, 4.54, 1.01),
  row(2016, 2, 0.0, 4.35, 0.93),
  row(2017, 1, 0.0, 4.16, 0.9),
  row(2017, 2, 0.0, 3.94, 0.9),
  row(2018, 1, 0.0, 3.73, 0.89),
  row(2018, 2, 0.0, 3.6, 0.88),
  row(2019, 1, 0.0, 3.4, 0.86),
  row(2019, 2, 0.0, 3.26, 0.87),
  row(2020, 1, 0.0, 3.15, 0.87),
  row(2020, 2, 0.0, 3.11, 0.84),
  row(2021, 1, 0.0, 3.14, 0.79),
  row(2021, 2, 0.0, 3.12, 0.76),
  row(2022, 1, 0.0, 3.13, 0.76),
  row(2022, 2, 0.0, 3.15, 0.77),
  row(2023, 1, 2.5, 4.47, 2.06),
  row(2023, 2, 4.0, 6.82, 4.22),
  row(2024, 1, 4.5, 8.01, 5.07),
  row(2024, 2, 4.25, 8.16, 4.92),
  row(2025, 1, 3.15, 7.21, 3.71),
  row(2025, 2, 2.15, 6.65, 2.76),
  row(2026, 1, 2.15, 6.67, 2.62),
]);

/**
 * Convert a rate in percent to rate units (1/10000 of a percent), read to 15 significant digits
 * and rounded half away from zero, so that any rate with up to 4 decimals is exact.
 *
 * @param percent - annual rate in percent (13.15 for 13.15 %)
 * @returns the rate in units, or NaN when `percent` is not finite
 * @example
 * rateUnitsFromPercent(13.15) // 131500
 */
export function rateUnitsFromPercent(percent: number): RateUnits {
  if (!Number.isFinite(percent)) return Number.NaN;
  const read = Number((percent * UNITS_PER_PERCENT).toPrecision(15));
  return Math.sign(read) * Math.round(Math.abs(read)) + 0;
}

/**
 * Convert rate units back to a percent, for the edges.
 *
 * @param units - rate in 1/10000 of a percent
 * @returns the rate in percent
 * @example
 * percentFromRateUnits(131500) // 13.15
 */
export function percentFromRateUnits(units: RateUnits): number {
  return units / UNITS_PER_PERCENT;
}

/**
 * Format rate units as a French or English percentage, with 2 to 4 decimals.
 *
 * @param units - rate in 1/10000 of a percent
 * @param locale - "fr" (default: "7,86 %", no-break space before %) or "en" ("7.86%")
 * @returns the rate as text
 * @example
 * formatRate(78600) // "7,86 %"
 */
export function formatRate(units: RateUnits, locale: "fr" | "en" = "fr"): string {
  const sign = units < 0 ? "-" : "";
  const abs = Math.abs(Math.round(units));
  const whole = Math.floor(abs / UNITS_PER_PERCENT);
  const fraction = String(UNITS_PER_PERCENT + (abs % UNITS_PER_PERCENT)).slice(1).replace(/0{1,2}$/, "");
  return locale === "fr" ? `${sign}${whole},${fraction}\u00A0%` : `${sign}${whole}.${fraction}%`;
}

/**
 * The half-year a day belongs to: 1 January to 30 June is S1, 1 July to 31 December is S2.
 *
 * @param day - a calendar day
 * @returns its year and half
 * @example
 * halfYearOf(dayFromIso("2024-07-01")!) // { year: 2024, half: 2 }
 */
export function halfYearOf(day: Day): { year: number; half: 1 | 2 } {
  const { year, month } = ymdFromDay(day);
  return { year, half: month <= 6 ? 1 : 2 };
}

/**
 * The French name of a half-year, as used in messages.
 *
 * @param year - the year
 * @param half - 1 or 2
 * @returns "1er semestre 2026" or "2d semestre 2026"
 * @example
 * halfYearLabel(2026, 2) // "2d semestre 2026"
 */
export function halfYearLabel(year: number, half: 1 | 2): string {
  return `${half === 1 ? "1er" : "2d"} semestre ${year}`;
}

/**
 * The rates of one half-year, or a clear error when the table does not know it (never a guess).
 *
 * @param table - the rates table (DEFAULT_RATES or the user's)
 * @param year - the year
 * @param half - 1 or 2
 * @returns the half-year's rates, or a Problem of code "na"
 * @example
 * ratesFor(DEFAULT_RATES, 2024, 2)  // { year: 2024, half: 2, ecb: 42500, tilP: 81600, tilA: 49200 }
 * ratesFor(DEFAULT_RATES, 2026, 2)  // Problem "Taux inconnus pour le 2d semestre 2026 : …"
 */
export function ratesFor(table: RatesTable, year: number, half: 1 | 2): HalfYearRates | Problem {
  // A loop, not find(): the plan asks for every half-year of every late invoice.
  for (let i = 0; i < table.length; i++) {
    const entry = table[i]!;
    if (entry.year === year && entry.half === half) return entry;
  }
  return problem(
    `Taux inconnus pour le ${halfYearLabel(year, half)} : indiquez le taux ou ajoutez ce semestre aux paramètres`,
    "na",
  );
}

function compareHalfYears(a: HalfYearRates, b: HalfYearRates): number {
  return a.year - b.year || a.half - b.half;
}

/**
 * Add a half-year to a table, or correct it when the table has it already.
 *
 * @param table - the rates table, left unchanged
 * @param entry - the half-year's rates
 * @returns a new table, sorted from the oldest half-year
 * @example
 * withHalfYear(DEFAULT_RATES, { year: 2026, half: 2, ecb: 21500, tilP: 66700, tilA: 26200 })
 */
export function withHalfYear(table: RatesTable, entry: HalfYearRates): RatesTable {
  const others = table.filter((e) => !(e.year === entry.year && e.half === entry.half));
  return Object.freeze([...others, Object.freeze({ ...entry })].sort(compareHalfYears));
}

/**
 * The latest half-year a table knows, to show the user how far the rates go.
 *
 * @param table - a non-empty rates table (an empty one is a bug and throws RangeError)
 * @returns the latest half-year's rates
 * @example
 * lastKnownHalfYear(DEFAULT_RATES) // { year: 2026, half: 1, … }
 */
export function lastKnownHalfYear(table: RatesTable): HalfYearRates {
  let last: HalfYearRates | undefined;
  for (const entry of table) {
    if (last === undefined || compareHalfYears(entry, last) > 0) last = entry;
  }
  if (last === undefined) throw new RangeError("lastKnownHalfYear: empty rates table");
  return last;
}
