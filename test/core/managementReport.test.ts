import { describe, expect, it } from "vitest";
import { agingSummary } from "../../src/core/aging";
import { dayToIso } from "../../src/core/day";
import { managementReport } from "../../src/core/managementReport";
import { d } from "./records";
import { AS_OF, HAND_CREDIT_NOTES, HAND_INVOICES, TWELVE_MONTH_SALES } from "./reportInvoices";

describe("the management report", () => {
  const report = managementReport(HAND_INVOICES, HAND_CREDIT_NOTES, AS_OF);

  it("totals the open balances issued by the reference date: outstanding, overdue and not due", () => {
    // Not due: 800 (due today) + 900; overdue: 1000 + 600 + 300 + 400 + 500 + 700 + 250 + 350.
    expect(report.totals).toEqual({ outstanding: 580_000, overdue: 410_000, notDue: 170_000 });
  });

  it("sums the ageing summary exactly as BALANCE.AGEE does, leaving out the invoice issued later", () => {
    expect(report.ageing.amounts).toEqual([170_000, 100_000, 115_000, 90_000, 105_000]);
    expect(report.ageing.counts).toEqual([2, 1, 3, 2, 2]);
    const issued = HAND_INVOICES.filter((i) => i.invoiceDate <= AS_OF);
    expect(report.ageing).toEqual(agingSummary(issued, AS_OF));
    expect(report.counts).toEqual({ invoices: 12, issuedAfter: 1 });
  });

  it("computes DSO over the twelve months to the reference date: receivables / sales x 365", () => {
    expect([report.dso.period.from, report.dso.period.to].map(dayToIso)).toEqual(["2025-07-01", "2026-06-30"]);
    expect(report.dso.periodDays).toBe(365);
    expect(report.dso.receivables).toBe(580_000);
    expect(report.dso.sales).toBe(TWELVE_MONTH_SALES);
    expect(report.dso.days).toBeCloseTo((5800 / 6900) * 365, 10); // 306.81 days
  });

  it("says why DSO cannot be computed when the twelve months hold no sales", () => {
    const old = managementReport([{ invoiceDate: d("2020-01-01"), dueDate: d("2020-01-31"), amount: 10_000, balance: 10_000, disputed: false }], [], AS_OF);
    expect(old.dso.days).toBeNull();
    expect(old.dso.problem).toContain("Chiffre d'affaires nul");
    expect(old.totals.outstanding).toBe(10_000);
  });

  it("carries the D441-6 table of the same invoices", () => {
    expect(report.paymentDelays.total).toEqual({ count: 7, amount: 385_000, percentOfSales: 58.78 });
  });

  it("passes the settings' fiscal year on to the table", () => {
    const july = managementReport(HAND_INVOICES, HAND_CREDIT_NOTES, AS_OF, { fiscalYearStart: { month: 7, day: 1 } });
    expect(july.paymentDelays.sales).toBe(690_000);
  });
});
