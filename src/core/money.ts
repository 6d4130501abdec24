/** Money inside the core: integer cents; euros (floats) only at the edges. */

/** An amount in euro cents, always an integer inside the core. */
export type Cents = number;

/**
 * Round half away from zero, after reading the value to 15 significant digits as Excel
 * shows it, so that a binary float is rounded by the decimal a person typed or saw.
 */
function roundReadHalfUp(value: number): number {
  const read = Number(value.toPrecision(15));
  const rounded = Math.sign(read) * Math.round(Math.abs(read));
  return rounded + 0; // turns -0 into 0
}

/**
 * Convert an amount in euros (as typed or computed in a sheet) to integer cents.
 *
 * The float is first read to 15 significant digits, then rounded half away from zero, so that
 * binary noise never changes the cent: 0.1 + 0.2 gives 30, 1.005 gives 101, 19.99 gives 1999.
 *
 * @param euros - amount in euros
 * @returns the amount in cents, or NaN when `euros` is not a finite number
 * @example
 * centsFromEuros(19.99) // 1999
 * centsFromEuros(1.005) // 101
 */
export function centsFromEuros(euros: number): Cents {
  if (!Number.isFinite(euros)) return Number.NaN;
  return roundReadHalfUp(euros * 100);
}

/**
 * Convert integer cents to euros, for the edges (Excel cells, JSON).
 *
 * @param cents - amount in cents
 * @returns the amount in euros (the float nearest to the exact decimal)
 * @example
 * eurosFromCents(1999) // 19.99
 */
export function eurosFromCents(cents: Cents): number {
  return cents / 100;
}

/**
 * Integer division rounded half up, i.e. half away from zero for negative results: the one
 * rounding rule of penalties.
 *
 * @param numerator - the dividend
 * @param denominator - the divisor, not zero (a zero divisor is a bug and throws RangeError)
 * @returns numerator / denominator rounded to the nearest integer, halves away from zero
 * @example
 * roundHalfUpDiv(5n, 2n)  // 3n
 * roundHalfUpDiv(-5n, 2n) // -3n
 * roundHalfUpDiv(7n, 3n)  // 2n
 */
export function roundHalfUpDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("roundHalfUpDiv: division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

const NARROW_NBSP = "\u202F";
const NBSP = "\u00A0";

/**
 * Format cents as euros, written by hand so that it never depends on the host's locale data.
 *
 * French: "1 234,56 €" (narrow no-break space U+202F between thousands, no-break space U+00A0
 * before the sign, as Intl's fr-FR does); English: "€1,234.56". Negative amounts get a leading
 * "-". A non-integer is first rounded half away from zero; a non-finite value gives "".
 *
 * @param cents - amount in cents
 * @param locale - "fr" (default) or "en"
 * @returns the amount as text
 * @example
 * formatEuros(123456)       // "1 234,56 €"
 * formatEuros(123456, "en") // "€1,234.56"
 */
export function formatEuros(cents: Cents, locale: "fr" | "en" = "fr"): string {
  if (!Number.isFinite(cents)) return "";
  const rounded = roundReadHalfUp(cents);
  const digits = BigInt(Math.abs(rounded)).toString().padStart(3, "0");
  const whole = digits.slice(0, -2);
  const fraction = digits.slice(-2);
  const sign = rounded < 0 ? "-" : "";
  const groupSeparator = locale === "fr" ? NARROW_NBSP : ",";
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, groupSeparator);
  return locale === "fr"
    ? `${sign}${grouped},${fraction}${NBSP}€`
    : `${sign}€${grouped}.${fraction}`;
}
