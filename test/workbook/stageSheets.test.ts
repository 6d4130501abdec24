import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { dayToExcelSerial } from "../../src/core/day";
import { planRun } from "../../src/core/plan";
import { DEFAULT_RATES } from "../../src/core/rates";
import { DEFAULT_POLICY } from "../../src/core/reminderPolicy";
import { appendStageSheets } from "../../src/workbook/stageSheets";
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
  it("add one row per invoice reminded, under the level's sheet", () => {
    const workbook = new ExcelJS.Workbook();
    expect([...appendStageSheets(workbook, reminderPlan())]).toEqual([["Relance 1", 1]]);
    expect(workbook.getWorksheet("Relance 1")!.getRow(2).getCell(7).value).toBe("CS-1");
  });

  it("know an invoice already there under another spelling of its number (cs-1, N° CS-1)", () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Relance 1");
    sheet.addRow(["Date de relance", "Raison sociale", "Adresse", "Code postal", "Ville", "E-mail", "N° de facture"]);
    sheet.addRow([dayToExcelSerial(d("2021-06-15")), "Garage Moreau", null, null, null, null, " n° cs-1 "]);
    expect(appendStageSheets(workbook, reminderPlan()).get("Relance 1") ?? 0).toBe(0);
    expect(sheet.actualRowCount).toBe(2);
  });
});
