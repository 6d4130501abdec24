import { endOfMonth, type Day } from "./day";
import type { PaymentTerms } from "./paymentTerms";

/** The clamped d-th of the month that starts on firstOfMonth ("le 31" in February is the 28th/29th). */
function clampedDayOfMonth(firstOfMonth: Day, d: number): Day {
  const length = endOfMonth(firstOfMonth) - firstOfMonth + 1;
  return firstOfMonth + Math.min(d, length) - 1;
}

/**
 * The due date of an invoice (DOMAIN section 1). Runs once per row of large sheets, so it only
 * does integer arithmetic and allocates nothing.
 *
 * @param invoiceDate - the invoice date
 * @param terms - the payment terms
 * @returns the due date, never before the invoice date
 * @example
 * // 2021-06-01, "30 jours fin de mois" (method A): +30 days is 07-01, end of that month
 * dayToIso(dueDate(dayFromIso("2021-06-01")!, { kind: "endOfMonthA", days: 30 })) // "2021-07-31"
 * // same invoice, "fin de mois + 30 jours" (method B): 06-30, then +30 days
 * dayToIso(dueDate(dayFromIso("2021-06-01")!, { kind: "endOfMonthB", days: 30 })) // "2021-07-30"
 */
export function dueDate(invoiceDate: Day, terms: PaymentTerms): Day {
  switch (terms.kind) {
    case "immediate":
      return invoiceDate;
    case "net":
      return invoiceDate + terms.days;
    case "endOfMonthA": {
      const end = endOfMonth(invoiceDate + terms.days);
      return terms.thenDay === undefined ? end : clampedDayOfMonth(end + 1, terms.thenDay);
    }
    case "endOfMonthB":
      return endOfMonth(invoiceDate) + terms.days;
    case "dayOfNextMonth":
      return clampedDayOfMonth(endOfMonth(invoiceDate) + 1, terms.day);
  }
}
