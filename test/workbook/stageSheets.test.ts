import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { dayToExcelSerial } from "../../src/core/day";
import { planRun } from "../../src/core/plan";
import { DEFAULT_RATES } from "../../src/core/rates";
import { DEFAULT_POLICY } from "../../src/core/reminderPolicy";
import { appendStageSheets } from "../../src/workbook/stageSheets";
import { withWrites } from "../helpers/productSheetWrites";
import { customer, d, invoice } from "../core/records";

// A reminder 1 due on 2021-06-15 for one invoice, typed "CS-1" in the tracking sheet.
function reminderPlan() {
  return planRun(
    {
      invoices: [invoice({ number: "CS-1", customer: customer("Garage Moreau"), dueDate: d("2021-06-01") })],
      creditNotes: [],
      rejected: [],
      rows: 1,
      skipped: 0,
      warnings: [],
      histories: new Map(),
    },
    { asOf: d("2021-06-15"), policy: DEFAULT_POLICY, rates: DEFAULT_RATES, splitByHalfYear: true },
  );
}

describe("the stage sheets", () => {
  it("add one row per invoice reminded, under the level's sheet, with its formats", async () => {
    const { result, workbook } = await withWrites(new ExcelJS.Workbook(), (graft) => appendStageSheets(graft, reminderPlan()));
    expect([...result.rows]).toEqual([["Relance 1", 1]]);
    expect(result.sheets).toEqual(["Relance 1"]);
    const sheet = workbook.getWorksheet("Relance 1")!;
    expect(sheet.getRow(2).getCell(7).value).toBe("CS-1");
    expect(sheet.getRow(1).getCell(1).value).toBe("Date de relance");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(30);
    expect(sheet.getRow(2).getCell(1).value).toEqual(new Date("2021-06-15T00:00:00Z"));
    expect(sheet.getRow(2).getCell(1).numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getRow(2).getCell(10).numFmt).toBe('#,##0.00 "€"');
  });

  it("append after the last row holding a value, and never twice for the same invoice", async () => {
    const first = await withWrites(new ExcelJS.Workbook(), (graft) => appendStageSheets(graft, reminderPlan()));
    const again = await withWrites(first.bytes, (graft) => appendStageSheets(graft, reminderPlan()));
    expect([...again.result.rows]).toEqual([]);
    expect(again.workbook.getWorksheet("Relance 1")!.actualRowCount).toBe(2);
    const later = await withWrites(first.bytes, (graft) => appendStageSheets(graft, { ...reminderPlan(), asOf: d("2021-06-20") }));
    expect(later.workbook.getWorksheet("Relance 1")!.getRow(3).getCell(7).value).toBe("CS-1");
  });

  it("know an invoice already there under another spelling of its number (cs-1, N° CS-1)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Relance 1");
    sheet.addRow(["Date de relance", "Raison sociale", "Adresse", "Code postal", "Ville", "E-mail", "N° de facture"]);
    sheet.addRow([dayToExcelSerial(d("2021-06-15")), "Garage Moreau", null, null, null, null, " n° cs-1 "]);
    const { result, workbook: back } = await withWrites(workbook, (graft) => appendStageSheets(graft, reminderPlan()));
    expect(result.rows.get("Relance 1") ?? 0).toBe(0);
    expect(back.getWorksheet("Relance 1")!.actualRowCount).toBe(2);
  });
});
