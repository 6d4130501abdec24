import type { DayPeriod } from "./fiscalYear";
import type { Day } from "./day";
import type { Cents } from "./money";

/** An invoice as sales count it: its date and its amount incl. VAT. */
export interface SaleInvoice {
  readonly invoiceDate: Day;
  readonly amount: Cents;
}

/** A credit note (avoir) as sales count it: its date and the credited amount, positive. */
export interface SaleCreditNote {
  readonly date: Day;
  readonly amount: Cents;
}

/**
 * Sales incl. VAT over a period: the invoices dated in it, less the credit notes dated in it
 * (chiffre d'affaires net des avoirs), whether paid or not.
 *
 * @param invoices - every invoice of the workbook
 * @param creditNotes - every credit note
 * @param period - both ends included
 * @returns cents, negative when the credit notes exceed the invoices
 * @example
 * periodSales([{ invoiceDate: d("2026-03-01"), amount: 120000 }], [{ date: d("2026-03-10"), amount: 20000 }],
 *   { from: d("2026-01-01"), to: d("2026-06-30") }) // 100000
 */
export function periodSales(invoices: Iterable<SaleInvoice>, creditNotes: Iterable<SaleCreditNote>, period: DayPeriod): Cents {
  let sales = 0;
  for (const invoice of invoices) if (invoice.invoiceDate >= period.from && invoice.invoiceDate <= period.to) sales += invoice.amount;
  for (const note of creditNotes) if (note.date >= period.from && note.date <= period.to) sales -= note.amount;
  return sales;
}
