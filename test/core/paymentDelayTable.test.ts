import { describe, expect, it } from "vitest";
import { dayToIso } from "../../src/core/day";
import { paymentDelayTable, PAYMENT_DELAY_BANDS } from "../../src/core/paymentDelayTable";
import { d } from "./records";
import { AS_OF, HAND_CREDIT_NOTES, HAND_INVOICES, YEAR_SALES } from "./reportInvoices";

const one = (dueDate: string, balance = 100_000, disputed = false) => ({
  invoiceDate: d("2026-01-05"),
  dueDate: d(dueDate),
  amount: balance,
  balance,
  disputed,
});
const bandOf = (dueDate: string): number => paymentDelayTable([one(dueDate)], [], AS_OF).bands.findIndex((c) => c.count === 1);

describe("the D441-6 payment-delay table", () => {
  it("has the arrêté's four bands", () => {
    expect(PAYMENT_DELAY_BANDS.fr).toEqual(["1 à 30 jours", "31 à 60 jours", "61 à 90 jours", "91 jours et plus"]);
  });

  it("puts 1 and 30 days late in 1-30, 31 and 60 in 31-60, 61 and 90 in 61-90, 91 in 91 and more", () => {
    expect(bandOf("2026-06-29")).toBe(0); // 1 day
    expect(bandOf("2026-05-31")).toBe(0); // 30 days
    expect(bandOf("2026-05-30")).toBe(1); // 31 days
    expect(bandOf("2026-05-01")).toBe(1); // 60 days
    expect(bandOf("2026-04-30")).toBe(2); // 61 days
    expect(bandOf("2026-04-01")).toBe(2); // 90 days
    expect(bandOf("2026-03-31")).toBe(3); // 91 days
  });

  it("leaves out an invoice due on the reference date and one not yet due", () => {
    expect(bandOf("2026-06-30")).toBe(-1);
    expect(bandOf("2026-07-01")).toBe(-1);
  });

  it("counts balances still unpaid: a paid invoice or a residue under EUR 1 is not in it", () => {
    const table = paymentDelayTable([one("2026-05-15", 0), one("2026-05-15", 99), one("2026-05-15", -5_000), one("2026-05-15", 100)], [], AS_OF);
    expect(table.total.count).toBe(1);
    expect(table.total.amount).toBe(100);
  });

  it("moves a disputed invoice from (A) to (B)", () => {
    const table = paymentDelayTable([one("2026-05-15", 30_000, true), one("2026-05-15", 20_000)], [], AS_OF);
    expect(table.disputed).toEqual({ count: 1, amount: 30_000 });
    expect(table.bands[1]).toMatchObject({ count: 1, amount: 20_000 });
  });

  it("gives the hand-computed count, unpaid amount and share of the year's sales per band", () => {
    const table = paymentDelayTable(HAND_INVOICES, HAND_CREDIT_NOTES, AS_OF);
    expect(table.sales).toBe(YEAR_SALES);
    expect(table.bands).toEqual([
      { count: 1, amount: 100_000, percentOfSales: 15.27 }, // 1000 / 6550
      { count: 2, amount: 90_000, percentOfSales: 13.74 },
      { count: 2, amount: 90_000, percentOfSales: 13.74 },
      { count: 2, amount: 105_000, percentOfSales: 16.03 },
    ]);
    expect(table.total).toEqual({ count: 7, amount: 385_000, percentOfSales: 58.78 });
    expect(table.disputed).toEqual({ count: 1, amount: 25_000 });
  });

  it("takes the calendar year of the reference date, to that date, as the year's sales", () => {
    const table = paymentDelayTable(HAND_INVOICES, HAND_CREDIT_NOTES, AS_OF);
    expect([table.fiscalYear.from, table.fiscalYear.to].map(dayToIso)).toEqual(["2026-01-01", "2026-12-31"]);
    expect([table.salesPeriod.from, table.salesPeriod.to].map(dayToIso)).toEqual(["2026-01-01", "2026-06-30"]);
  });

  it("takes the fiscal year the settings start, when they name one", () => {
    const table = paymentDelayTable(HAND_INVOICES, HAND_CREDIT_NOTES, AS_OF, { month: 7, day: 1 });
    expect(dayToIso(table.salesPeriod.from)).toBe("2025-07-01");
    expect(table.sales).toBe(690_000);
    expect(table.total.percentOfSales).toBe(55.8); // 3850 / 6900
  });

  it("has no share of sales when the year has none", () => {
    expect(paymentDelayTable([{ ...one("2026-05-15"), invoiceDate: d("2025-01-01") }], [], AS_OF).total.percentOfSales).toBeNull();
  });
});
