import { parsePaymentTerms, paymentTermsFromDays, type PaymentTerms } from "./paymentTerms";
import type { Problem } from "./problem";

// A sheet repeats the same few terms texts: each is parsed once, across sheets and calls (Excel
// calls a custom function cell by cell when a column is not one spilled call).
const cache = new Map<string | number, PaymentTerms | Problem>();
/** Past this many distinct values the cache starts again, so that it stays small. */
const CACHE_LIMIT = 10_000;

/**
 * The payment terms of a cell: a text of the grammar (SPEC section 6) or a number of days, parsed
 * once per distinct value.
 *
 * @param value - the cell's text or number
 * @returns the terms, or the Problem of a text the grammar does not read
 * @example
 * cellPaymentTerms("45 jours fin de mois") // the same object on every call
 * cellPaymentTerms(30) // 30 days net
 */
export function cellPaymentTerms(value: string | number): PaymentTerms | Problem {
  let terms = cache.get(value);
  if (terms === undefined) {
    terms = typeof value === "number" ? paymentTermsFromDays(value) : parsePaymentTerms(value);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(value, terms);
  }
  return terms;
}
