import { halfYearLabel } from "./rates";

// The rates are three rows per half-year, each a plain number in %: a person adds a half-year by
// copying three rows, Excel checks and formats each number in the user's locale, and a typo is
// reported at its own cell.
export type RatePart = "ecb" | "tilP" | "tilA";
export const RATE_PARTS: readonly RatePart[] = ["ecb", "tilP", "tilA"];
const RATE_PREFIX: Readonly<Record<RatePart, string>> = { ecb: "taux_bce", tilP: "til_particulier", tilA: "til_autres" };
export const RATE_KEY = /^(taux_bce|til_particulier|til_autres)_(\d{4})_s([12])$/;
export const PART_BY_PREFIX = new Map<string, RatePart>(RATE_PARTS.map((part) => [RATE_PREFIX[part], part]));

/**
 * The key of one rate of a half-year in the settings sheet.
 *
 * @param part - "ecb" (taux BCE), "tilP" (intérêt légal, créancier particulier) or "tilA" (autres cas)
 * @param year - the year
 * @param half - 1 or 2
 * @returns "taux_bce_2026_S2", "til_particulier_2026_S2" or "til_autres_2026_S2"
 * @example
 * rateKey("ecb", 2026, 2) // "taux_bce_2026_S2"
 */
export function rateKey(part: RatePart, year: number, half: 1 | 2): string {
  return `${RATE_PREFIX[part]}_${year}_S${half}`;
}

/** The description of a rate row, French then English. */
export function rateDescription(part: RatePart, year: number, half: 1 | 2): string {
  const fr = halfYearLabel(year, half);
  const en = `H${half} ${year}`;
  switch (part) {
    case "ecb": {
      const [onFr, onEn] = half === 1 ? ["1er janvier", "1 January"] : ["1er juillet", "1 July"];
      return `Taux BCE (refinancement principal) au ${onFr} ${year}, en % / ECB main refinancing rate on ${onEn} ${year}, in %`;
    }
    case "tilP":
      return `Taux de l'intérêt légal, créancier particulier, ${fr}, en % / Statutory interest rate, creditor an individual, ${en}, in %`;
    case "tilA":
      return `Taux de l'intérêt légal, autres cas, ${fr}, en % / Statutory interest rate, other cases, ${en}, in %`;
  }
}
