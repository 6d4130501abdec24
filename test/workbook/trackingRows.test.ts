// A sheet kept by hand, read from a real .xlsx as plan and run read it (SPEC section 3): short
// headers under a title, Excel error cells, amounts out of bounds, one invoice number spelled two ways.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../../src/core/journalEntry";
import type { Plan } from "../../src/core/plan";
import { planWorkbook } from "../../src/engine/planWorkbook";
import type { WorkbookSource } from "../../src/engine/readWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const asOf = dayFromIso("2026-07-15")!;

let dir: string;
let source: WorkbookSource;
let plan: Plan;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-rows-"));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Suivi 2026");
  sheet.addRow(["Suivi des encaissements 2026"]);
  sheet.addRow([]);
  sheet.addRow(["Clt", "N° Fact.", "Date fact", "Mt TTC", "Date éch.", "Règl.", "Type clt"]);
  const invoiceDate = utc("2026-05-15");
  const due = utc("2026-06-15");
  sheet.addRow(["Bâtir SARL", "cs-1", invoiceDate, 1200, due, null, "pro"]); // row 4
  sheet.addRow(["Bâtir SARL", "CS-1", invoiceDate, 300, due]); // row 5: the same number
  sheet.addRow(["Durand", "F-2", invoiceDate, 1e308, due]); // row 6
  sheet.addRow(["Durand", "F-3", invoiceDate, 12.345, due]); // row 7
  sheet.addRow(["Martin", "F-4", invoiceDate, { error: "#REF!" }, due]); // row 8
  sheet.addRow(["Martin", "F-5", { error: "#N/A" }, 400, due]); // row 9
  sheet.addRow(["Lefèvre", "F-6", invoiceDate, 500, due, 600]); // row 10: overpaid
  sheet.addRow(["Petit", "F-7", invoiceDate, 800, due, null, "grossiste"]); // row 11: unknown type
  sheet.addRow(["Roux", "F-8", invoiceDate, { formula: "1/0", result: { error: "#DIV/0!" } }, due]); // row 12
  const journal = workbook.addWorksheet(JOURNAL_SHEET);
  journal.addRow([...JOURNAL_COLUMNS]);
  journal.addRow([utc("2026-06-20"), "Bâtir SARL", "N° CS-1", "Relance 1", "email"]);
  const file = path.join(dir, "suivi.xlsx");
  await workbook.xlsx.writeFile(file);
  source = await readWorkbookSource(file, { asOf });
  plan = planWorkbook(source, asOf);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function rejectedAt(row: number) {
  return plan.rejected.find((r) => r.row === row);
}

describe("a tracking sheet kept by hand, from a real workbook", () => {
  it("finds the header row written in short forms under the title", () => {
    expect(source.tracking.mapping?.headerRow).toBe(3);
    expect(source.tracking.mapping?.columns).toEqual({
      customer: 0, number: 1, invoiceDate: 2, amount: 3, dueDate: 4, paid: 5, customerType: 6,
    });
  });

  it("accounts for every row", () => {
    expect(plan.counts).toEqual({ rows: 9, invoices: 3, creditNotes: 0, skipped: 0, rejected: 6 });
  });

  it("rejects the second spelling of an invoice number as a duplicate", () => {
    expect(rejectedAt(5)).toMatchObject({ sheet: "Suivi 2026", column: "N° Fact.", value: "CS-1" });
    expect(rejectedAt(5)!.message).toContain("déjà présente ligne 4");
  });

  it("matches the journal line to the invoice however its number is spelled", () => {
    const invoice = plan.invoices.find((i) => i.record.number === "cs-1")!;
    expect(invoice.history?.lastLevel).toBe(1);
    expect(invoice.nextLevel).toBe(2);
  });

  it("rejects an amount of 1e308 and one with a third decimal, naming sheet, row, column and value", () => {
    expect(rejectedAt(6)).toEqual({
      sheet: "Suivi 2026",
      row: 6,
      column: "Mt TTC",
      value: "1e+308",
      message: "Mt TTC «1e+308» n'est pas un montant inférieur à 1 milliard d'euros / not an amount under EUR 1 billion",
    });
    expect(rejectedAt(7)).toMatchObject({
      column: "Mt TTC",
      value: "12.345",
      message: "Mt TTC «12.345» a plus de deux décimales : arrondissez au centime / more than two decimals: round it to the cent",
    });
  });

  it("rejects error cells naming the error", () => {
    expect(rejectedAt(8)).toMatchObject({
      column: "Mt TTC",
      value: "#REF!",
      message: "Mt TTC : la cellule contient l'erreur Excel #REF! / the cell holds the Excel error #REF!",
    });
    expect(rejectedAt(9)).toMatchObject({ column: "Date fact", value: "#N/A" });
  });

  // exceljs's streaming reader parses a formula's cached error with parseFloat (NaN): the error's
  // text comes from the prelude's pass over the sheet.
  it("rejects a formula's cached error naming it", () => {
    expect(rejectedAt(12)).toMatchObject({ column: "Mt TTC", value: "#DIV/0!" });
  });

  it("warns of the overpaid invoice and of the unknown customer type, keeping both invoices", () => {
    expect(plan.warnings).toContain(
      "Suivi 2026 ligne 10 : Règl. supérieur au Mt TTC : le trop-perçu n'est reporté sur aucune autre facture / " +
        "overpaid invoice: the surplus is not carried to other invoices",
    );
    expect(plan.warnings).toContain(
      "Suivi 2026 ligne 11 : Type clt «grossiste» : type de client non reconnu, professionnel retenu / unrecognised customer type, professionnel assumed",
    );
    expect(plan.invoices.find((i) => i.record.number === "F-7")!.record.customer.customerType).toBe("professionnel");
  });
});

describe("a long sheet, read in large chunks", () => {
  it("finds every formula error and the merge at its end, wherever the chunks of its XML fall", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Suivi");
    sheet.addRow(["Client", "N° facture", "Date facture", "Montant TTC", "Échéance"]);
    const invoiceDate = utc("2026-05-15");
    const due = utc("2026-06-15");
    // About 1.5 MB of sheet XML: the prelude's chunks of 256 KB cut it several times.
    const errorRows: number[] = [];
    for (let i = 0; i < 12_000; i++) {
      const row = i + 2;
      const broken = i % 997 === 0;
      if (broken) errorRows.push(row);
      sheet.addRow([`Client ${i} avec un nom assez long pour grossir la feuille`, `F-${i}`, invoiceDate, broken ? { formula: "1/0", result: { error: "#DIV/0!" } } : 100 + i, due]);
    }
    sheet.addRow(["Dernier client", "F-LAST", invoiceDate, 500, due]);
    sheet.addRow([null, "F-LAST-2", invoiceDate, 600, due]);
    sheet.mergeCells(`A${12_002}:A${12_003}`);
    const file = path.join(dir, "long.xlsx");
    await workbook.xlsx.writeFile(file);
    const long = planWorkbook(await readWorkbookSource(file, { asOf }), asOf);
    expect(long.rejected.filter((r) => r.value === "#DIV/0!").map((r) => r.row)).toEqual(errorRows);
    expect(long.invoices.find((i) => i.record.number === "F-LAST-2")?.record.customer.name).toBe("Dernier client");
  });
});
