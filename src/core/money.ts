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

/** The base of the limbs of mulDivRoundHalfUp: 1e7, so that a limb times a limb (< 1e14) is exact. */
const LIMB = 1e7;

/** The largest divisor of mulDivRoundHalfUp: any remainder x LIMB + a limb then stays below 2^53. */
export const MUL_DIV_MAX_DIVISOR = 900_000_000;

/** A non-negative safe integer as little-endian base-1e7 limbs (each step is exact). */
function toLimbs(n: number): number[] {
  const limbs: number[] = [];
  let rest = n;
  do {
    const limb = rest % LIMB;
    limbs.push(limb);
    rest = (rest - limb) / LIMB;
  } while (rest > 0);
  return limbs;
}

/** Seven decimal digits of a limb, with leading zeros (no String.prototype.padStart: ES2017). */
function limbText(limb: number): string {
  return ("000000" + String(limb)).slice(-7);
}

/**
 * a x b / divisor rounded half up, computed exactly: the one rounding rule of penalties
 * (interest = cents x (rate units x days) / 365,000,000).
 *
 * Plain numbers only (no BigInt: Excel's JavaScript-only custom-functions runtime of older
 * Office for Windows is ES2016). a and b are split into base-1e7 limbs, multiplied limb by limb
 * and divided by long division, so that every step stays an exact integer below 2^53 even when
 * a x b does not.
 *
 * Bounds: a and b non-negative safe integers (0 to 2^53 - 1); divisor an integer from 1 to
 * MUL_DIV_MAX_DIVISOR (900,000,000); the result a safe integer. Anything else is a bug of the
 * caller (a user's input is checked before, and answered with a Problem) and throws RangeError.
 *
 * @param a - a non-negative safe integer
 * @param b - a non-negative safe integer
 * @param divisor - an integer from 1 to 900,000,000
 * @returns a x b / divisor rounded to the nearest integer, halves up
 * @example
 * mulDivRoundHalfUp(5, 1, 2)                      // 3
 * mulDivRoundHalfUp(240000, 6487500, 365000000)   // 4266 (42.66 EUR of DOMAIN.md section 2)
 * mulDivRoundHalfUp(9007199254740991, 1000, 1000) // 9007199254740991 (a x b is above 2^53)
 */
export function mulDivRoundHalfUp(a: number, b: number, divisor: number): number {
  if (!(Number.isSafeInteger(a) && a >= 0) || !(Number.isSafeInteger(b) && b >= 0)) {
    throw new RangeError(`mulDivRoundHalfUp: ${a} x ${b}: both factors must be non-negative safe integers`);
  }
  if (!(Number.isSafeInteger(divisor) && divisor >= 1 && divisor <= MUL_DIV_MAX_DIVISOR)) {
    throw new RangeError(`mulDivRoundHalfUp: divisor ${divisor} is not an integer from 1 to ${MUL_DIV_MAX_DIVISOR}`);
  }
  // The product, limb by limb: each column sums at most 3 products below 1e14.
  const x = toLimbs(a);
  const y = toLimbs(b);
  const product: number[] = new Array<number>(x.length + y.length).fill(0);
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < y.length; j++) product[i + j]! += x[i]! * y[j]!;
  }
  let carry = 0;
  for (let k = 0; k < product.length; k++) {
    const column = product[k]! + carry;
    const limb = column % LIMB;
    product[k] = limb;
    carry = (column - limb) / LIMB;
  }
  // Long division from the top limb: remainder < divisor, so remainder x 1e7 + limb < 2^53 and
  // each quotient limb is below 1e7. With a divisor below 2^30 the rounded float quotient never
  // reaches the next integer (its distance to it, 1 / divisor or more, exceeds half an ulp), so
  // Math.floor is exact; the remainder check is kept so that raising the bound stays safe.
  let quotient = 0;
  let remainder = 0;
  for (let k = product.length - 1; k >= 0; k--) {
    const current = remainder * LIMB + product[k]!;
    let digit = Math.floor(current / divisor);
    remainder = current - digit * divisor;
    if (remainder < 0) {
      digit -= 1;
      remainder += divisor;
    } else if (remainder >= divisor) {
      digit += 1;
      remainder -= divisor;
    }
    // A true value of 2^53 or more never rounds below 2^53, so isSafeInteger catches overflow.
    quotient = quotient * LIMB + digit;
    if (!Number.isSafeInteger(quotient)) break;
  }
  if (2 * remainder >= divisor) quotient += 1;
  if (!Number.isSafeInteger(quotient)) {
    throw new RangeError(`mulDivRoundHalfUp: ${a} x ${b} / ${divisor} is beyond 2^53 - 1`);
  }
  return quotient;
}

/**
 * The decimal digits of a non-negative integer-valued float, exactly (String(1e25) would say
 * "1e+25"): above 2^53 it is mantissa x 2^k, doubled k times in base-1e7 limbs.
 */
function integerText(n: number): string {
  if (!(Number.isFinite(n) && n >= 0 && Math.floor(n) === n)) {
    throw new RangeError(`integerText: ${n} is not a non-negative finite integer`);
  }
  if (n <= Number.MAX_SAFE_INTEGER) return String(n);
  let mantissa = n;
  let twos = 0;
  while (mantissa > Number.MAX_SAFE_INTEGER) {
    mantissa /= 2; // exact: a float of 2^53 or more is an even integer
    twos += 1;
  }
  const limbs = toLimbs(mantissa);
  for (; twos > 0; twos--) {
    let carry = 0;
    for (let k = 0; k < limbs.length; k++) {
      const doubled = limbs[k]! * 2 + carry;
      carry = doubled >= LIMB ? 1 : 0;
      limbs[k] = doubled - carry * LIMB;
    }
    if (carry > 0) limbs.push(carry);
  }
  let text = String(limbs[limbs.length - 1]);
  for (let k = limbs.length - 2; k >= 0; k--) text += limbText(limbs[k]!);
  return text;
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
  if (!Number.isFinite(rounded)) return ""; // Number.MAX_VALUE read to 15 digits is Infinity
  const absolute = integerText(Math.abs(rounded));
  const digits = absolute.length < 3 ? ("00" + absolute).slice(-3) : absolute;
  const whole = digits.slice(0, -2);
  const fraction = digits.slice(-2);
  const sign = rounded < 0 ? "-" : "";
  const groupSeparator = locale === "fr" ? NARROW_NBSP : ",";
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, groupSeparator);
  return locale === "fr"
    ? `${sign}${grouped},${fraction}${NBSP}€`
    : `${sign}€${grouped}.${fraction}`;
}
