import type { Cents } from "./money";
import type { Day } from "./day";
import { problem, type Problem } from "./problem";

/** Upper bounds, in days past due, of the ageing bands after "not due" (DOMAIN section 6). */
export type AgingBounds = readonly number[];

export const DEFAULT_AGING_BOUNDS: AgingBounds = Object.freeze([30, 60, 90]);

/**
 * Checks user-given bounds: whole numbers of days, positive, strictly increasing.
 * @example checkAgingBounds([30, 60, 90]) // [30, 60, 90]
 */
export function checkAgingBounds(bounds: readonly number[]): AgingBounds | Problem {
  if (bounds.length === 0) return problem("Tranches d'âge vides : indiquez par exemple 30;60;90");
  let previous = 0;
  for (const bound of bounds) {
    if (!Number.isInteger(bound) || bound <= previous) {
      return problem(`Tranches d'âge invalides : «${bounds.join(";")}» (des nombres de jours entiers, croissants)`);
    }
    previous = bound;
  }
  return bounds;
}

/**
 * The band index of a number of days past due: 0 for not due, then 1 to bounds.length + 1.
 * @example agingBandIndex(31, [30, 60, 90]) // 2, the "31-60" band
 */
export function agingBandIndex(daysPastDue: number, bounds: AgingBounds = DEFAULT_AGING_BOUNDS): number {
  if (daysPastDue <= 0) return 0;
  for (let i = 0; i < bounds.length; i++) if (daysPastDue <= bounds[i]!) return i + 1;
  return bounds.length + 1;
}

/**
 * The labels of the bands, in order: "Non échu" (or "Not due"), "1-30", "31-60", "61-90", ">90".
 * @example agingBandLabels([30, 60]) // ["Non échu", "1-30", "31-60", ">60"]
 */
export function agingBandLabels(bounds: AgingBounds = DEFAULT_AGING_BOUNDS, lang: "fr" | "en" = "fr"): readonly string[] {
  const labels = [lang === "en" ? "Not due" : "Non échu"];
  let lower = 1;
  for (const bound of bounds) {
    labels.push(`${lower}-${bound}`);
    lower = bound + 1;
  }
  labels.push(`>${bounds[bounds.length - 1]}`);
  return labels;
}

/** One open item for the ageing summary. */
export interface AgingItem {
  readonly dueDate: Day;
  readonly balance: Cents;
}

/** Open balances by band (balance âgée): amounts per band index and their total. */
export interface AgingSummary {
  readonly amounts: readonly Cents[];
  readonly counts: readonly number[];
  readonly total: Cents;
}

/**
 * Sums open balances by age band on the reference date. Balances under EUR 1 either way count as
 * paid and are left out; unallocated credits (negative balances) reduce their band.
 * @example agingSummary([{ dueDate: d("2025-01-31"), balance: 10000 }], d("2025-02-15")).amounts // [0, 10000, 0, 0, 0]
 */
export function agingSummary(items: Iterable<AgingItem>, today: Day, bounds: AgingBounds = DEFAULT_AGING_BOUNDS): AgingSummary {
  const amounts = new Array<Cents>(bounds.length + 2).fill(0);
  const counts = new Array<number>(bounds.length + 2).fill(0);
  let total = 0;
  for (const item of items) {
    if (Math.abs(item.balance) < 100) continue;
    const band = agingBandIndex(today - item.dueDate, bounds);
    amounts[band]! += item.balance;
    counts[band]! += 1;
    total += item.balance;
  }
  return { amounts, counts, total };
}
