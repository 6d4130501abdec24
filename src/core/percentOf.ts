import type { Cents } from "./money";

/**
 * A part as a percentage of a whole, to two decimals, rounded half up (away from zero), computed
 * exactly in integers so that a share of the year's sales never shows a float's noise.
 *
 * @param part - in cents (may be negative)
 * @param whole - in cents, positive
 * @returns the percentage (12.35 for 12.35 %), or null when the whole is not positive
 * @example
 * percentOf(1_000, 3_000) // 33.33
 * percentOf(2_000, 3_000) // 66.67
 * percentOf(1, 0)         // null
 */
export function percentOf(part: Cents, whole: Cents): number | null {
  if (!(whole > 0)) return null;
  const sign = part < 0 ? -1 : 1;
  let rest = Math.abs(part);
  // Long division, one decimal digit at a time: every step stays an exact integer.
  let hundredths = Math.floor(rest / whole);
  rest -= hundredths * whole;
  for (let digit = 0; digit < 4; digit++) {
    rest *= 10;
    const next = Math.floor(rest / whole);
    hundredths = hundredths * 10 + next;
    rest -= next * whole;
  }
  if (2 * rest >= whole) hundredths += 1;
  return (sign * hundredths) / 100;
}
