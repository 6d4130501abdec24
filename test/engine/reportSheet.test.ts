import { describe, expect, it } from "vitest";
import { dayFromIso, dayToExcelSerial } from "../../src/core/day";
import { isFormulaLike } from "../../src/engine/cellText";
import { reportFromArrays } from "../../src/engine/reportArrays";
import { REPORT_SHEET } from "../../src/engine/reportSheet";
import { HOSTILE_NAMES, reportSheets } from "./reportWorkbook";

const AS_OF = "2026-06-30";

describe("the report as a sheet", () => {
  it("goes to « Rapport Relances », each row dated with the reference date as a serial", async () => {
    const { sheet } = await reportFromArrays(reportSheets(), AS_OF);
    expect(sheet?.sheet).toBe(REPORT_SHEET);
    expect(sheet?.header[0]).toBe("Date de référence");
    expect(sheet?.rows.every((row) => row[0] === dayToExcelSerial(dayFromIso(AS_OF)!))).toBe(true);
    expect(sheet?.dateColumns).toEqual([0, 7, 8]);
  });

  it("holds amounts as numbers in euros and the D441-6 total beside its count and share", async () => {
    const { sheet } = await reportFromArrays(reportSheets(), AS_OF);
    const total = sheet?.rows.find((row) => row[2] === "(A) Total (1 jour et plus)");
    expect(total?.slice(3, 6)).toEqual([2, 800, 51.61]);
    const outstanding = sheet?.rows.find((row) => row[2] === "Total encours");
    expect(outstanding?.[4]).toBe(1150);
  });

  it("writes nothing a customer typed, and no cell Excel would run as a formula, whatever the names", async () => {
    const { sheet } = await reportFromArrays(reportSheets(HOSTILE_NAMES.slice(0, 3)), AS_OF);
    // The hostile rows were read: their invoices are in the figures.
    expect(sheet?.rows.find((row) => row[2] === "(A) Total (1 jour et plus)")?.[3]).toBe(2);
    for (const cell of [...sheet!.header, ...sheet!.rows.flat()]) {
      if (typeof cell !== "string") continue;
      expect(isFormulaLike(cell), cell).toBe(false);
      for (const name of HOSTILE_NAMES) expect(cell).not.toContain(name);
    }
    for (const cell of sheet!.rows.flat()) expect(["string", "number", "object"]).toContain(typeof cell);
  });

  it("labels the rows in English when asked", async () => {
    const { sheet } = await reportFromArrays(reportSheets(), AS_OF, { lang: "en" });
    expect(sheet?.header[0]).toBe("Reference date");
    expect(sheet?.rows.some((row) => row[2] === "(A) 91 days or more")).toBe(true);
  });
});

describe("reportFromArrays", () => {
  it("gives the same JSON figures as the report", async () => {
    const { json } = await reportFromArrays(reportSheets(), AS_OF);
    expect(json?.paymentDelays.total).toEqual({ band: "Total (1 jour et plus)", bandEn: "Total (1 day or more)", count: 2, amount: 800, percentOfSales: 51.61 });
    expect(json?.totals).toEqual({ outstanding: 1150, overdue: 950, notDue: 200 });
  });

  it("answers a problem, not a report, for a date that is none or a workbook without a tracking sheet", async () => {
    expect((await reportFromArrays(reportSheets(), "2026-02-30")).problem).toContain("invalide");
    const none = await reportFromArrays([{ name: "Notes", values: [["rien"]] }], AS_OF);
    expect(none.problem).toBeTruthy();
    expect(none.report).toBeUndefined();
  });
});
