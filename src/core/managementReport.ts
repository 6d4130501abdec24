// The manager's figures at a reference date (SPEC section 7, « Rapport »; DOMAIN section 6): the
// totals, the ageing summary with BALANCE.AGEE's bands, DSO and the D441-6 payment-delay table.
import { agingSummary, DEFAULT_AGING_BOUNDS, type AgingBounds, type AgingSummary } from "./aging";
import type { Day } from "./day";
import { dso } from "./dso";
import { CALENDAR_YEAR, twelveMonthsTo, type DayPeriod, type FiscalYearStart } from "./fiscalYear";
import type { Cents } from "./money";
import { paymentDelayTable, type DelayInvoice, type PaymentDelayTable } from "./paymentDelayTable";
import { periodSales, type SaleCreditNote } from "./periodSales";
import { isProblem } from "./problem";

/** An invoice as the report reads it (a planned invoice: its balance after payments and credit notes). */
export type ReportInvoice = DelayInvoice;

/** DSO, simple method of DOMAIN section 6, over the twelve months to the reference date. */
export interface DsoFigure {
  readonly period: DayPeriod;
  readonly periodDays: number;
  /** Receivables incl. VAT at the reference date: the outstanding total. */
  readonly receivables: Cents;
  /** Sales incl. VAT over the period, net of credit notes. */
  readonly sales: Cents;
  /** Days, unrounded; null when the sales are not positive (problem says why). */
  readonly days: number | null;
  readonly problem?: string | undefined;
}

export interface ManagementReport {
  readonly asOf: Day;
  /** Open balances issued on or before the reference date: all, past due (1 day or more), not yet due. */
  readonly totals: { readonly outstanding: Cents; readonly overdue: Cents; readonly notDue: Cents };
  /** Open balances by band, as BALANCE.AGEE sums them (balances under EUR 1 either way left out). */
  readonly ageing: AgingSummary;
  readonly ageingBounds: AgingBounds;
  readonly dso: DsoFigure;
  readonly paymentDelays: PaymentDelayTable;
  /** Invoices read, and those dated after the reference date (not yet issued then: left out of every figure). */
  readonly counts: { readonly invoices: number; readonly issuedAfter: number };
}

export interface ReportOptions {
  /** The first day of the fiscal year, for the share of the year's sales (default 1 January). */
  readonly fiscalYearStart?: FiscalYearStart | undefined;
}

/**
 * The manager's report at a reference date. Balances are today's (the sheet gives no payment
 * dates); invoices dated after the reference date are left out of every figure.
 *
 * @param invoices - every invoice of the workbook, with its balance
 * @param creditNotes - every credit note (they reduce the sales; their allocation is in the balances)
 * @param asOf - the reference date
 * @param options - the fiscal year's start
 * @returns the report
 * @example
 * managementReport(invoices, creditNotes, d("2026-06-30")).paymentDelays.total.amount
 */
export function managementReport(
  invoices: readonly ReportInvoice[],
  creditNotes: readonly SaleCreditNote[],
  asOf: Day,
  options: ReportOptions = {},
): ManagementReport {
  const issued = invoices.filter((invoice) => invoice.invoiceDate <= asOf);
  const ageing = agingSummary(issued, asOf, DEFAULT_AGING_BOUNDS);
  const notDue = ageing.amounts[0]!;
  const period = twelveMonthsTo(asOf);
  const periodDays = period.to - period.from + 1;
  const sales = periodSales(issued, creditNotes, period);
  const days = dso(ageing.total, sales, periodDays);
  return {
    asOf,
    totals: { outstanding: ageing.total, overdue: ageing.total - notDue, notDue },
    ageing,
    ageingBounds: DEFAULT_AGING_BOUNDS,
    dso: {
      period,
      periodDays,
      receivables: ageing.total,
      sales,
      days: isProblem(days) ? null : days,
      problem: isProblem(days) ? days.message : undefined,
    },
    paymentDelays: paymentDelayTable(issued, creditNotes, asOf, options.fiscalYearStart ?? CALENDAR_YEAR),
    counts: { invoices: invoices.length, issuedAfter: invoices.length - issued.length },
  };
}
