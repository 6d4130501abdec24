/** Late-payment interest (pénalités de retard, intérêts moratoires): DOMAIN.md sections 2 and 3. */
import { dayFromYmd, type Day } from "./day";
import { mulDivRoundHalfUp, type Cents } from "./money";
import { problem, isProblem, type Problem } from "./problem";
import {
  DEFAULT_RATES,
  formatRate,
  halfYearLabel,
  halfYearOf,
  ratesFor,
  type RateUnits,
  type RatesTable,
} from "./rates";

/** How the annual rate of each half-year is found. */
export type RateRule =
  /** ECB main refinancing rate of the half-year plus a margin. */
  | { readonly kind: "ecb"; readonly margin: RateUnits }
  /** A contractual (or user-given) annual rate, the same for every half-year. */
  | { readonly kind: "fixed"; readonly rate: RateUnits }
  /** A multiple of the taux de l'intérêt légal of the half-year (P: individual creditor, A: other cases). */
  | { readonly kind: "legal"; readonly category: "P" | "A"; readonly multiple: number };

/** Between businesses, by default: ECB + 10 points (Code de commerce L441-10). */
export const B2B_RULE: RateRule = Object.freeze({ kind: "ecb", margin: 100000 });
/** Public buyers: ECB + 8 points (Code de la commande publique R2192-31). */
export const PUBLIC_BUYER_RULE: RateRule = Object.freeze({ kind: "ecb", margin: 80000 });
/** Consumers, after a mise en demeure: the taux de l'intérêt légal, "autres cas" for a business creditor. */
export const CONSUMER_RULE: RateRule = Object.freeze({ kind: "legal", category: "A", multiple: 1 });

export interface LateInterestInput {
  /** Balance claimed, including VAT. */
  readonly amount: Cents;
  /** Due date (B2B), or the day the mise en demeure was received (consumers). */
  readonly from: Day;
  /** Payment date, or the reference date. */
  readonly to: Day;
  readonly rule: RateRule;
  /** Default true: each day at the rate of its own half-year; false: the whole delay at the rate of the first day late. */
  readonly splitByHalfYear?: boolean;
}

/** Days late from `from` to `to` inclusive, all at one annual rate. */
export interface InterestPart {
  readonly from: Day;
  readonly to: Day;
  readonly days: number;
  readonly rate: RateUnits;
}

export interface LateInterest {
  /** Interest in cents, rounded once on the total. */
  readonly amount: Cents;
  /** Days late (0 when not late). */
  readonly days: number;
  /** Consecutive periods at one rate (adjacent half-years with the same rate are merged). */
  readonly parts: readonly InterestPart[];
}

/** amount x rate x days / 365 with rates in 1/10000 of a percent: the one divisor, 365 x 100 x 10000. */
const DIVISOR = 365 * 100 * 10000;

/**
 * The largest interest computed, 2^52 cents (about 45,000 billion euros): below it the float
 * estimate of the check cannot hide a result beyond 2^53 - 1, which mulDivRoundHalfUp refuses.
 */
const MAX_INTEREST = 2 ** 52;

const TOO_LARGE = problem("Pénalités trop élevées pour être calculées au centime près : vérifiez le montant, le taux et les dates");

/** Scale a rate by a multiple, rounded half away from zero after reading it to 15 digits. */
function scaleRate(units: RateUnits, multiple: number): RateUnits {
  const read = Number((units * multiple).toPrecision(15));
  return Math.sign(read) * Math.round(Math.abs(read)) + 0;
}

/** The annual rate of a half-year under a rule, or the Problem of an unknown half-year. */
function rateOf(rule: RateRule, year: number, half: 1 | 2, table: RatesTable): RateUnits | Problem {
  if (rule.kind === "fixed") return rule.rate;
  const rates = ratesFor(table, year, half);
  if (isProblem(rates)) return rates;
  if (rule.kind === "ecb") return rates.ecb + rule.margin;
  return scaleRate(rule.category === "P" ? rates.tilP : rates.tilA, rule.multiple);
}

function lastDayOfHalf(year: number, half: 1 | 2): Day {
  return half === 1 ? dayFromYmd(year, 6, 30) : dayFromYmd(year, 12, 31);
}

function ruleProblem(rule: RateRule): Problem | undefined {
  if (rule.kind === "fixed" && !(Number.isSafeInteger(rule.rate) && rule.rate >= 0)) {
    return problem("Taux de pénalités invalide : un taux annuel positif est attendu");
  }
  if (rule.kind === "ecb" && !Number.isSafeInteger(rule.margin)) {
    return problem("Marge sur le taux BCE invalide");
  }
  if (rule.kind === "legal" && !(Number.isFinite(rule.multiple) && rule.multiple >= 0)) {
    return problem("Multiple du taux de l'intérêt légal invalide");
  }
  return undefined;
}

function inputProblem(input: LateInterestInput): Problem | undefined {
  const { amount, from, to } = input;
  if (!Number.isSafeInteger(amount)) {
    return problem("Montant invalide : un nombre entier de centimes est attendu");
  }
  if (amount < 0) return problem("Montant négatif : les pénalités se calculent sur un solde dû positif");
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return problem("Date invalide");
  return ruleProblem(input.rule);
}

/** The periods of the delay, one per half-year (or one in all), each with its rate. */
function periods(input: LateInterestInput, table: RatesTable): InterestPart[] | Problem {
  const first = input.from + 1;
  const split = input.splitByHalfYear ?? true;
  if (!split || input.rule.kind === "fixed") {
    const { year, half } = halfYearOf(first);
    const rate = rateOf(input.rule, year, half, table);
    if (isProblem(rate)) return rate;
    return [{ from: first, to: input.to, days: input.to - first + 1, rate }];
  }
  const parts: InterestPart[] = [];
  for (let start = first; start <= input.to; ) {
    const { year, half } = halfYearOf(start);
    const rate = rateOf(input.rule, year, half, table);
    if (isProblem(rate)) return rate;
    const end = Math.min(lastDayOfHalf(year, half), input.to);
    const previous = parts[parts.length - 1];
    if (previous !== undefined && previous.rate === rate) {
      parts[parts.length - 1] = { from: previous.from, to: end, days: previous.days + end - start + 1, rate };
    } else {
      parts.push({ from: start, to: end, days: end - start + 1, rate });
    }
    start = end + 1;
  }
  return parts;
}

/**
 * Simple late-payment interest on one invoice: amount x rate x days / 365 (always 365), each
 * day late (from + 1 to `to`, inclusive) at the rate of its half-year, computed exactly and
 * rounded half up once, to the cent, on the invoice's total (never on each part).
 *
 * @param input - amount (cents, incl. VAT), from (due date or receipt of the mise en demeure),
 *   to (payment or reference date), rate rule, and whether to split by half-year (default true)
 * @param table - the rates table, DEFAULT_RATES unless the user corrected it
 * @returns the interest with its days and parts; a Problem ("na") for a half-year the table
 *   does not know, a Problem ("value") for a negative amount, an invalid rule, or interest beyond
 *   2^52 cents (which could not be exact to the cent)
 * @example
 * lateInterest({ amount: 240000, from: dayFromIso("2024-05-31")!, to: dayFromIso("2024-07-15")!, rule: B2B_RULE })
 * // { amount: 4266, days: 45, parts: [30 days at 145000, 15 days at 142500] }
 */
export function lateInterest(
  input: LateInterestInput,
  table: RatesTable = DEFAULT_RATES,
): LateInterest | Problem {
  const invalid = inputProblem(input);
  if (invalid) return invalid;
  const days = input.to - input.from;
  if (days <= 0) return { amount: 0, days: 0, parts: [] };
  const parts = periods(input, table);
  if (isProblem(parts)) return parts;
  for (const part of parts) {
    if (part.rate < 0) return problem(`Taux de pénalités négatif : ${formatRate(part.rate)}`);
  }
  // Σ amount x rate x days = amount x Σ rate x days, exact while Σ rate x days is a safe integer
  // (a float of 2^53 or more is never safe, so an overflow is caught); then one exact division,
  // rounded half up once.
  let rateDays = 0;
  for (const part of parts) {
    rateDays += part.rate * part.days;
    if (!Number.isSafeInteger(rateDays)) return TOO_LARGE;
  }
  if ((input.amount * rateDays) / DIVISOR > MAX_INTEREST) return TOO_LARGE;
  return { amount: mulDivRoundHalfUp(input.amount, rateDays, DIVISOR), days, parts };
}

/**
 * The lowest contractual rate the law allows on a day: 3 x the taux de l'intérêt légal
 * "autres cas" of that day's half-year (Code de commerce L441-10).
 *
 * @param day - the day (typically the due date)
 * @param table - the rates table
 * @returns the floor in rate units, or the Problem ("na") of an unknown half-year
 * @example
 * legalFloor(dayFromIso("2026-02-01")!) // 78600 (3 x 2.62 %)
 */
export function legalFloor(day: Day, table: RatesTable = DEFAULT_RATES): RateUnits | Problem {
  const { year, half } = halfYearOf(day);
  return rateOf({ kind: "legal", category: "A", multiple: 3 }, year, half, table);
}

/**
 * A French warning when a contractual rate is below the legal floor on a day.
 *
 * @param rate - the contractual annual rate
 * @param day - the day to check (typically the due date)
 * @param table - the rates table
 * @returns the warning, or undefined when the rate is at or above the floor, or when the floor
 *   of that half-year is unknown (ratesFor reports that when interest is computed)
 * @example
 * contractualRateWarning(50000, dayFromIso("2026-02-01")!)
 * // "Taux contractuel de 5,00 % inférieur au minimum légal de 7,86 % (3 fois le taux de l'intérêt légal du 1er semestre 2026, art. L441-10 du Code de commerce)"
 */
export function contractualRateWarning(
  rate: RateUnits,
  day: Day,
  table: RatesTable = DEFAULT_RATES,
): string | undefined {
  const floor = legalFloor(day, table);
  if (isProblem(floor) || rate >= floor) return undefined;
  const { year, half } = halfYearOf(day);
  return (
    `Taux contractuel de ${formatRate(rate)} inférieur au minimum légal de ${formatRate(floor)} ` +
    `(3 fois le taux de l'intérêt légal du ${halfYearLabel(year, half)}, art. L441-10 du Code de commerce)`
  );
}
