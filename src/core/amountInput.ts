import { centsFromEuros, type Cents } from "./money";
import { problem, type Problem } from "./problem";

/** Amounts are under EUR 1 billion (SPEC section 3): anything larger is a typing or formula accident. */
export const AMOUNT_LIMIT_CENTS: Cents = 100_000_000_000;

// Spaces people and Excel put in amounts: ordinary, no-break, narrow no-break, thin.
const SPACES = /[\s\u00a0\u202f\u2009]/g;
const CURRENCY = /€|eur(os?)?/gi;

/**
 * Reads an amount in euros as users type it: a number, or text such as "1 234,56 €", "1234.56",
 * "1.234,56", "(120,00)" or "-50 EUR".
 *
 * An amount is a finite number of euros under EUR 1 billion (either sign) with at most two
 * decimals once rounded: a number is first read to 15 significant digits, as Excel shows it, so
 * that float noise passes (0.1 + 0.2 is 0,30 €) but a third decimal does not (12.345 is refused,
 * not rounded: which cent was meant is the user's call, e.g. a TTC computed as HT x 1.2 wants
 * ARRONDI(...; 2) in the sheet).
 * @returns integer cents, or a Problem naming the value
 * @example parseAmountInput("1 234,56 €") // 123456
 * @example parseAmountInput(12.345)       // Problem «12.345» a plus de deux décimales
 */
export function parseAmountInput(value: unknown): Cents | Problem {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return notAnAmount(String(value));
    if (Math.abs(value) * 100 >= AMOUNT_LIMIT_CENTS) return tooLarge(String(value));
    if (!Number.isInteger(Number((value * 100).toPrecision(15)))) return tooManyDecimals(String(value));
    return centsFromEuros(value);
  }
  if (typeof value !== "string") {
    return value === null || value === undefined ? problem("Montant manquant") : notAnAmount(String(value));
  }
  const original = value.trim();
  if (original === "") return problem("Montant manquant");
  let text = original.replace(CURRENCY, "").replace(SPACES, "");
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1);
  }
  if (text.startsWith("-") || text.startsWith("−")) {
    sign = -sign;
    text = text.slice(1);
  } else if (text.endsWith("-")) {
    sign = -sign;
    text = text.slice(0, -1);
  } else if (text.startsWith("+")) {
    text = text.slice(1);
  }
  const normalised = normaliseSeparators(text);
  if (normalised === undefined || !/^\d+(\.\d+)?$/.test(normalised)) return notAnAmount(original);
  const decimals = normalised.split(".")[1];
  if (decimals !== undefined && decimals.length > 2 && !/^\d{2}0+$/.test(decimals)) return tooManyDecimals(original);
  const cents = centsFromEuros(Number(normalised));
  if (!(cents < AMOUNT_LIMIT_CENTS)) return tooLarge(original);
  return sign * cents;
}

/** Rewrites the digits with "." as the only decimal separator and no grouping, or undefined. */
function normaliseSeparators(text: string): string | undefined {
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the last one is the decimal separator, the other groups thousands.
    const decimal = lastComma > lastDot ? "," : ".";
    const group = decimal === "," ? "." : ",";
    const [whole, fraction, extra] = text.split(decimal);
    if (extra !== undefined || whole === undefined || !isGrouped(whole, group)) return undefined;
    return `${whole.split(group).join("")}.${fraction}`;
  }
  const separator = lastComma >= 0 ? "," : lastDot >= 0 ? "." : undefined;
  if (separator === undefined) return text;
  const parts = text.split(separator);
  if (parts.length > 2) return isGrouped(text, separator) ? parts.join("") : undefined;
  // One dot followed by exactly three digits is French thousands grouping ("1.234"); a comma is decimal.
  if (separator === "." && /^\d{1,3}\.\d{3}$/.test(text)) return parts.join("");
  return parts.join(".");
}

function isGrouped(whole: string, group: string): boolean {
  if (!whole.includes(group)) return /^\d+$/.test(whole);
  return new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole);
}

function notAnAmount(text: string): Problem {
  return problem(`«${text}» n'est pas un montant`);
}

function tooManyDecimals(text: string): Problem {
  return problem(`«${text}» a plus de deux décimales : arrondissez au centime / more than two decimals: round it to the cent`);
}

function tooLarge(text: string): Problem {
  return problem(`«${text}» n'est pas un montant inférieur à 1 milliard d'euros / not an amount under EUR 1 billion`);
}
