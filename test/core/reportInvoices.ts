// A hand-computed set of invoices at 30 June 2026, for the report's tests: each one's days past
// due, band and share worked out in the comments, amounts in cents.
import type { ReportInvoice } from "../../src/core/managementReport";
import type { SaleCreditNote } from "../../src/core/periodSales";
import { d } from "./records";

export const AS_OF = d("2026-06-30");

const inv = (invoiceDate: string, dueDate: string, amount: number, balance = amount, disputed = false): ReportInvoice => ({
  invoiceDate: d(invoiceDate),
  dueDate: d(dueDate),
  amount,
  balance,
  disputed,
});

export const HAND_INVOICES: readonly ReportInvoice[] = [
  inv("2026-05-01", "2026-05-31", 120_000, 100_000), // 30 days late: 1-30; EUR 200 paid
  inv("2026-04-30", "2026-05-30", 60_000), // 31 days: 31-60
  inv("2026-04-01", "2026-05-01", 30_000), // 60 days: 31-60
  inv("2026-03-31", "2026-04-30", 40_000), // 61 days: 61-90
  inv("2026-03-02", "2026-04-01", 50_000), // 90 days: 61-90
  inv("2026-03-01", "2026-03-31", 70_000), // 91 days: 91 and more
  inv("2026-05-31", "2026-06-30", 80_000), // due today: not past due
  inv("2026-06-15", "2026-07-15", 90_000), // not due
  inv("2026-04-15", "2026-05-15", 25_000, 25_000, true), // 46 days, disputed: (B)
  inv("2026-02-01", "2026-03-03", 100_000, 0), // paid: in the sales only
  inv("2025-12-15", "2026-01-14", 35_000), // 167 days: 91 and more; last fiscal year's sales
  inv("2026-07-05", "2026-08-04", 500_000), // issued after the reference date: left out
];

export const HAND_CREDIT_NOTES: readonly SaleCreditNote[] = [
  { date: d("2026-03-10"), amount: 10_000 },
  { date: d("2026-07-02"), amount: 99_000 }, // after the reference date: left out
];

// Sales of 2026 to 30 June: 1200 + 600 + 300 + 400 + 500 + 700 + 800 + 900 + 250 + 1000 - 100 = EUR 6,550.
export const YEAR_SALES = 655_000;
// Twelve months to 30 June 2026: the same and the invoice of December 2025: EUR 6,900.
export const TWELVE_MONTH_SALES = 690_000;
