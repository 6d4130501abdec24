// The payment-delay table of the management report (Code de commerce D441-6, model table of the
// arrêté of 20 March 2017): « factures émises non réglées à la date de clôture de l'exercice dont le
// terme est échu », by band of days past due, on the balances still unpaid (DOMAIN section 6).
import { agingBandIndex, type AgingBounds } from "./aging";
import type { Day } from "./day";
import { fiscalYear, CALENDAR_YEAR, type DayPeriod, type FiscalYearStart } from "./fiscalYear";
import type { Cents } from "./money";
import { PAID_BELOW } from "./nextLevel";
import { percentOf } from "./percentOf";
import { periodSales, type SaleCreditNote } from "./periodSales";

// The arrêté's bands, fixed by the text: not the user's ageing bounds, though the same by default.
const LEGAL_BOUNDS: AgingBounds = Object.freeze([30, 60, 90]);

/** The columns of the table after « 0 jour », in order: 1-30, 31-60, 61-90, 91 and more. */
export const PAYMENT_DELAY_BANDS: Readonly<Record<"fr" | "en", readonly string[]>> = Object.freeze({
  fr: Object.freeze(["1 à 30 jours", "31 à 60 jours", "61 à 90 jours", "91 jours et plus"]),
  en: Object.freeze(["1 to 30 days", "31 to 60 days", "61 to 90 days", "91 days or more"]),
});

/** An invoice as the table reads it. */
export interface DelayInvoice {
  readonly invoiceDate: Day;
  readonly dueDate: Day;
  /** Amount incl. VAT, for the year's sales. */
  readonly amount: Cents;
  /** What is still unpaid: amount - payments - credit notes allocated to it. */
  readonly balance: Cents;
  /** A dispute is open on it: left out of (A), counted in (B). */
  readonly disputed: boolean;
}

/** One column of the table: invoices concerned, their unpaid amount incl. VAT, its share of the year's sales. */
export interface DelayColumn {
  readonly count: number;
  readonly amount: Cents;
  /** Percent of the year's sales incl. VAT, two decimals; null when those sales are not positive. */
  readonly percentOfSales: number | null;
}

export interface PaymentDelayTable {
  readonly asOf: Day;
  /** The fiscal year (exercice) that holds the reference date. */
  readonly fiscalYear: DayPeriod;
  /** The sales counted: from the start of the fiscal year to the reference date. */
  readonly salesPeriod: DayPeriod;
  /** Sales incl. VAT over salesPeriod, net of credit notes. */
  readonly sales: Cents;
  /** (A) by band, in PAYMENT_DELAY_BANDS order. */
  readonly bands: readonly DelayColumn[];
  /** (A) Total (1 jour et plus). */
  readonly total: DelayColumn;
  /** (B) invoices left out of (A) because disputed: count and unpaid amount. */
  readonly disputed: { readonly count: number; readonly amount: Cents };
}

/**
 * The D441-6 table at a reference date (the closing date): invoices issued on or before it whose
 * due date is before it (1 day late or more) and whose balance is still unpaid (EUR 1 or more, as
 * everywhere in the product), by days past due; those due that very day or later are not in it.
 *
 * @param invoices - every invoice, paid or not (paid ones count in the year's sales)
 * @param creditNotes - every credit note, which reduce the year's sales
 * @param asOf - the reference date
 * @param start - the first day of the fiscal year (default 1 January: the calendar year)
 * @returns the table
 * @example
 * paymentDelayTable([{ invoiceDate: d("2026-05-01"), dueDate: d("2026-05-31"), amount: 120000, balance: 120000, disputed: false }],
 *   [], d("2026-06-30")).bands[0] // { count: 1, amount: 120000, percentOfSales: 100 }
 */
export function paymentDelayTable(
  invoices: readonly DelayInvoice[],
  creditNotes: Iterable<SaleCreditNote>,
  asOf: Day,
  start: FiscalYearStart = CALENDAR_YEAR,
): PaymentDelayTable {
  const year = fiscalYear(asOf, start);
  const salesPeriod = { from: year.from, to: asOf };
  const sales = periodSales(invoices, creditNotes, salesPeriod);
  const counts = [0, 0, 0, 0];
  const amounts = [0, 0, 0, 0];
  const disputed = { count: 0, amount: 0 };
  for (const invoice of invoices) {
    const late = asOf - invoice.dueDate;
    if (late < 1 || invoice.invoiceDate > asOf || invoice.balance < PAID_BELOW) continue;
    if (invoice.disputed) {
      disputed.count += 1;
      disputed.amount += invoice.balance;
      continue;
    }
    const band = agingBandIndex(late, LEGAL_BOUNDS) - 1;
    counts[band]! += 1;
    amounts[band]! += invoice.balance;
  }
  const column = (count: number, amount: Cents): DelayColumn => ({ count, amount, percentOfSales: percentOf(amount, sales) });
  const bands = counts.map((count, i) => column(count, amounts[i]!));
  const total = column(
    counts.reduce((a, b) => a + b, 0),
    amounts.reduce((a, b) => a + b, 0),
  );
  return { asOf, fiscalYear: year, salesPeriod, sales, bands, total, disputed };
}
