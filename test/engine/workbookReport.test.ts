import { describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { memoryWorkbook } from "../../src/engine/memoryWorkbook";
import { readWorkbook } from "../../src/engine/readWorkbook";
import { workbookReport } from "../../src/engine/workbookReport";
import { reportSheets } from "./reportWorkbook";

const asOf = dayFromIso("2026-06-30")!;
const reportOf = async () => workbookReport(await readWorkbook(memoryWorkbook(reportSheets()), { asOf }), asOf);

describe("the report of a workbook", () => {
  it("counts an invoice at its balance after partial payments and the credit note on it", async () => {
    const { report } = await reportOf();
    expect(report.paymentDelays.bands.map((c) => [c.count, c.amount])).toEqual([
      [1, 30_000],
      [1, 50_000],
      [0, 0],
      [0, 0],
    ]);
  });

  it("takes the credit note off the year's sales and gives each band its share", async () => {
    const { report } = await reportOf();
    // 1000 + 300 + 200 + 150 - 100 = 1550.
    expect(report.paymentDelays.sales).toBe(155_000);
    expect(report.paymentDelays.bands[0]!.percentOfSales).toBe(19.35); // 300 / 1550
    expect(report.paymentDelays.total).toEqual({ count: 2, amount: 80_000, percentOfSales: 51.61 });
  });

  it("puts the disputed invoice in (B) and in the outstanding total", async () => {
    const { report } = await reportOf();
    expect(report.paymentDelays.disputed).toEqual({ count: 1, amount: 15_000 });
    expect(report.totals).toEqual({ outstanding: 115_000, overdue: 95_000, notDue: 20_000 });
  });
});

describe("the fiscal year the settings name", () => {
  const withStart = (value: string) => [...reportSheets(), { name: "Paramètres Relances", values: [["Clé", "Valeur"], ["debut_exercice", value]] }];
  const reportWith = async (value: string) => workbookReport(await readWorkbook(memoryWorkbook(withStart(value)), { asOf }), asOf);

  it("counts the year's sales from debut_exercice", async () => {
    const { report, warnings } = await reportWith("1er avril");
    expect(report.paymentDelays.fiscalYear.from).toBe(dayFromIso("2026-04-01"));
    // F-4 (1 March) and its 150 fall before the fiscal year: 1000 + 300 + 200 - 100.
    expect(report.paymentDelays.sales).toBe(140_000);
    expect(warnings.join("\n")).not.toContain("debut_exercice");
  });

  it("keeps the calendar year, and says so, when debut_exercice is no day of the year", async () => {
    const { report, warnings } = await reportWith("31/02");
    expect(report.paymentDelays.fiscalYear.from).toBe(dayFromIso("2026-01-01"));
    expect(warnings.join("\n")).toContain("debut_exercice : «31/02»");
  });
});
