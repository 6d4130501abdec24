// The workbook-level rules of SPEC section 3: which sheets are read, a saved column mapping, cells
// merged across data rows, and the manual workflow's history sheets; on real .xlsx files.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { JOURNAL_SHEET } from "../../src/core/journalEntry";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { runWorkbook } from "../../src/workbook/runWorkbook";
import { withCompleteSender } from "../helpers/senderSettings";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-sheets-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const asOf = dayFromIso("2026-06-30")!;
const HEADER = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC"];
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A year's sheet: a title row, the header, then the invoices given. */
function yearSheet(workbook: ExcelJS.Workbook, name: string, rows: (string | number | Date | null)[][], header = HEADER): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([`Suivi des encaissements — ${name}`]);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

function settingsSheet(workbook: ExcelJS.Workbook, rows: (string | number)[][]): void {
  const sheet = workbook.addWorksheet(SETTINGS_SHEET);
  sheet.addRow(["Clé", "Valeur", "Description"]);
  for (const row of rows) sheet.addRow(row);
}

async function save(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function planOf(file: string, sheet?: string) {
  return planWorkbook(await readWorkbookSource(file, { asOf, sheet }), asOf);
}

const invoice = (customer: string, number: string, date: string, due: string, amount: number) => [customer, number, utc(date), utc(due), amount];

describe("which sheets are read", () => {
  it("every visible sheet whose header is recognised is read, each row keeping its sheet, and the counts add up", async () => {
    const workbook = new ExcelJS.Workbook();
    yearSheet(workbook, "Suivi 2025", [invoice("Dupont SARL", "F25-1", "2025-11-02", "2025-12-02", 1200), ["Total", null, null, null, 1200]]);
    workbook.addWorksheet("Notes").addRow(["Penser aux architectes"]);
    yearSheet(workbook, "Suivi 2026", [invoice("Martin SAS", "F26-1", "2026-03-02", "2026-04-02", 800), ["Bâtir", "F26-2", "31/02/2026", null, 5]]);
    const plan = await planOf(await save(workbook, "deux-annees.xlsx"));
    expect(plan.invoices.map((p) => [p.record.sheet, p.record.number])).toEqual([["Suivi 2025", "F25-1"], ["Suivi 2026", "F26-1"]]);
    expect(plan.rejected.map((r) => [r.sheet, r.row])).toEqual([["Suivi 2026", 4]]);
    expect(plan.counts).toEqual({ rows: 4, invoices: 2, creditNotes: 0, skipped: 1, rejected: 1 });
    expect(plan.sheets?.read).toEqual(["Suivi 2025", "Suivi 2026"]);
    expect(plan.sheets?.leftOut.map((s) => [s.sheet, s.reason])).toEqual([["Notes", "noHeader"]]);
  });

  it("an invoice number already on an earlier sheet is rejected, naming both sheets", async () => {
    const workbook = new ExcelJS.Workbook();
    yearSheet(workbook, "Suivi 2025", [invoice("Dupont SARL", "F-7", "2025-11-02", "2025-12-02", 1200)]);
    yearSheet(workbook, "Suivi 2026", [invoice("Dupont SARL", "f-7 ", "2026-03-02", "2026-04-02", 800)]);
    const plan = await planOf(await save(workbook, "doublon.xlsx"));
    expect(plan.invoices).toHaveLength(1);
    expect(plan.rejected).toEqual([
      { sheet: "Suivi 2026", row: 3, column: "N° facture", value: "f-7", message: "Facture «f-7» déjà présente feuille «Suivi 2025» ligne 3" },
    ]);
    expect(plan.counts).toEqual({ rows: 2, invoices: 1, creditNotes: 0, skipped: 0, rejected: 1 });
  });

  it("hidden and very hidden sheets are left out, saying why, even placed first", async () => {
    const workbook = new ExcelJS.Workbook();
    yearSheet(workbook, "Brouillon", [invoice("Fantôme SA", "X-1", "2026-01-02", "2026-02-02", 999)]).state = "veryHidden";
    yearSheet(workbook, "Archives 2024", [invoice("Ancien SARL", "A-1", "2024-01-02", "2024-02-02", 50)]).state = "hidden";
    yearSheet(workbook, "Suivi 2026", [invoice("Martin SAS", "F26-1", "2026-03-02", "2026-04-02", 800)]);
    const file = await save(workbook, "masquees.xlsx");
    const plan = await planOf(file);
    expect(plan.invoices.map((p) => p.record.number)).toEqual(["F26-1"]);
    expect(plan.sheets?.leftOut.map((s) => [s.sheet, s.reason])).toEqual([["Brouillon", "veryHidden"], ["Archives 2024", "hidden"]]);
    expect(plan.sheets?.leftOut[1]?.message).toMatch(/^feuille masquée/);
  });

  it("a hidden sheet is read when named by --sheet, the others then left out as not named", async () => {
    const workbook = new ExcelJS.Workbook();
    yearSheet(workbook, "Archives 2024", [invoice("Ancien SARL", "A-1", "2024-01-02", "2024-02-02", 50)]).state = "hidden";
    yearSheet(workbook, "Suivi 2026", [invoice("Martin SAS", "F26-1", "2026-03-02", "2026-04-02", 800)]);
    const plan = await planOf(await save(workbook, "masquee-nommee.xlsx"), "Archives 2024");
    expect(plan.invoices.map((p) => p.record.number)).toEqual(["A-1"]);
    expect(plan.sheets?.leftOut.map((s) => [s.sheet, s.reason])).toEqual([["Suivi 2026", "notNamed"]]);
  });
});

describe("a column mapping saved in the settings sheet", () => {
  it("a header the automatic match does not know, named in the settings sheet after the tracking sheet, is used", async () => {
    const workbook = new ExcelJS.Workbook();
    yearSheet(workbook, "Suivi", [["Dupont SARL", "P-1", utc("2026-03-02"), utc("2026-04-02"), 800, "ignoré"]], ["Client", "Code document", "Date facture", "Échéance", "Montant TTC", "Notes"]);
    settingsSheet(workbook, [["colonne_facture", "Code document"]]);
    const source = await readWorkbookSource(await save(workbook, "mapping-entete.xlsx"), { asOf });
    expect(source.tracking.invoices.map((i) => i.number)).toEqual(["P-1"]);
    expect(source.sheets.read[0]?.mapping.headers.number).toBe("Code document");
    expect(source.settingsProblems).toEqual([]);
  });

  it("a column letter wins over the automatic match", async () => {
    const workbook = new ExcelJS.Workbook();
    // The automatic match takes « Montant TTC » (D); the user's amount is the balance in E.
    yearSheet(workbook, "Suivi", [["Dupont SARL", "F-1", utc("2026-03-02"), 1000, 400, utc("2026-04-02")]], ["Client", "N° facture", "Date facture", "Montant TTC", "À encaisser", "Échéance"]);
    settingsSheet(workbook, [["colonne_montant_ttc", "E"]]);
    const source = await readWorkbookSource(await save(workbook, "mapping-lettre.xlsx"), { asOf });
    expect(source.tracking.invoices[0]?.amount).toBe(40000);
    expect(source.sheets.read[0]?.mapping.columns.amount).toBe(4);
  });

  it("feuilles_suivi names the sheets to read, a hidden one included, and ligne_entete the header row", async () => {
    const workbook = new ExcelJS.Workbook();
    yearSheet(workbook, "Suivi 2026", [invoice("Martin SAS", "F26-1", "2026-03-02", "2026-04-02", 800)]);
    const hidden = yearSheet(workbook, "Clients cachés", [invoice("Discret SA", "H-1", "2026-03-02", "2026-04-02", 300)]);
    hidden.state = "hidden";
    settingsSheet(workbook, [["feuilles_suivi", "Clients cachés"], ["ligne_entete", 2]]);
    const plan = await planOf(await save(workbook, "mapping-feuilles.xlsx"));
    expect(plan.invoices.map((p) => p.record.number)).toEqual(["H-1"]);
    expect(plan.sheets?.leftOut.map((s) => [s.sheet, s.reason])).toEqual([["Suivi 2026", "notNamed"], [SETTINGS_SHEET, "product"]]);
  });


  it("a sheet named in feuilles_suivi that the workbook lacks makes the workbook unreadable, saying where it was named", async () => {
    const workbook = new ExcelJS.Workbook();
    yearSheet(workbook, "Suivi 2026", [invoice("Martin SAS", "F26-1", "2026-03-02", "2026-04-02", 800)]);
    settingsSheet(workbook, [["feuilles_suivi", "Suivi 2027"]]);
    await expect(readWorkbookSource(await save(workbook, "mapping-absente.xlsx"), { asOf })).rejects.toThrow(
      "Feuille «Suivi 2027» (feuilles_suivi des Paramètres Relances) introuvable ; feuilles du classeur : «Suivi 2026», «Paramètres Relances»",
    );
  });
});

describe("cells merged across data rows", () => {
  it("the customer merged over its three invoice rows gives its name to each of them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = yearSheet(workbook, "Suivi", [
      invoice("Dupont SARL", "F-1", "2026-03-02", "2026-04-02", 100),
      [null, "F-2", utc("2026-03-03"), utc("2026-04-03"), 200],
      [null, "F-3", utc("2026-03-04"), utc("2026-04-04"), 300],
      invoice("Martin SAS", "F-4", "2026-03-05", "2026-04-05", 400),
    ]);
    sheet.mergeCells("A3:A5");
    const source = await readWorkbookSource(await save(workbook, "fusion-client.xlsx"), { asOf });
    expect(source.tracking.rejected).toEqual([]);
    expect(source.tracking.invoices.map((i) => [i.number, i.customer.name])).toEqual([
      ["F-1", "Dupont SARL"], ["F-2", "Dupont SARL"], ["F-3", "Dupont SARL"], ["F-4", "Martin SAS"],
    ]);
  });
});

describe("the manual workflow's history sheets", () => {
  /** Seed 000: the tracking sheet, then « EGPL clients 1ère relance » and « EGPL clients 2ème relance » (which dates the 1st). */
  function egpl(): ExcelJS.Workbook {
    const workbook = new ExcelJS.Workbook();
    yearSheet(workbook, "Suivi 2026", [
      invoice("Dupont SARL", "F-1", "2026-01-02", "2026-02-01", 1000),
      invoice("Martin SAS", "F-2", "2026-01-05", "2026-02-04", 2000),
      invoice("Bâtir SA", "F-3", "2026-01-06", "2026-02-05", 3000),
    ]);
    const first = workbook.addWorksheet("EGPL clients 1ère relance");
    first.addRow(["Raison sociale", "N° de Facture", "Montant"]);
    first.addRow(["Dupont SARL", "F-1", 1000]);
    first.addRow(["Martin SAS", "F-2", 2000]);
    // No customer column here: the journal takes the tracking sheet's name.
    const second = workbook.addWorksheet("EGPL clients 2ème relance");
    second.addRow(["N° de Facture", "date 1ère relance"]);
    second.addRow(["F-2", utc("2026-05-04")]);
    return workbook;
  }

  it("they are read as history, never as tracking sheets; an undated level counts as long ago, in one warning", async () => {
    const plan = await planOf(await save(egpl(), "egpl.xlsx"));
    expect(plan.sheets?.read).toEqual(["Suivi 2026"]);
    expect(plan.sheets?.leftOut.map((s) => [s.sheet, s.reason])).toEqual([["EGPL clients 1ère relance", "history"], ["EGPL clients 2ème relance", "history"]]);
    const byNumber = new Map(plan.invoices.map((p) => [p.record.number, p]));
    // F-1: on the 1st reminder sheet, no date: reminder 2 is due now.
    expect(byNumber.get("F-1")?.history?.lastLevel).toBe(1);
    // No made-up date for a document to cite.
    expect(byNumber.get("F-1")?.history?.lastLevelDate).toBeUndefined();
    expect(byNumber.get("F-1")?.nextLevel).toBe(2);
    // F-2: on the 2nd reminder sheet, its 1st reminder dated 04/05/2026, the 2nd undated.
    expect(byNumber.get("F-2")?.history?.lastLevel).toBe(2);
    expect(byNumber.get("F-2")?.history?.levelDates[1]).toBe(dayFromIso("2026-05-04"));
    expect(byNumber.get("F-2")?.nextLevel).toBe(3);
    // F-3: not listed, reminder 1.
    expect(byNumber.get("F-3")?.nextLevel).toBe(1);
    const warnings = plan.warnings.filter((w) => w.startsWith("Relances reprises sans date"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("F-1 (EGPL clients 1ère relance), F-2 (EGPL clients 2ème relance)");
  });

  it("run journals them once, noting the sheet: a run on its copy adds none of them again", async () => {
    const file = await save(withCompleteSender(egpl()), "egpl-run.xlsx");
    const first = await runWorkbook(file, { asOf, outDir: path.join(dir, "egpl-1") });
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(first.workbookFile);
    const notes = (workbook: ExcelJS.Workbook) =>
      workbook.getWorksheet(JOURNAL_SHEET)!.getSheetValues().flatMap((row) => (Array.isArray(row) && typeof row[9] === "string" && row[9].startsWith("repris") ? [[row[2], row[3], row[4], row[9]]] : []));
    expect(notes(copy)).toEqual([
      ["Dupont SARL", "F-1", "Relance 1", "repris de la feuille «EGPL clients 1ère relance», date inconnue"],
      ["Martin SAS", "F-2", "Relance 1", "repris de la feuille «EGPL clients 2ème relance»"],
      ["Martin SAS", "F-2", "Relance 2", "repris de la feuille «EGPL clients 2ème relance», date inconnue"],
    ]);
    const next = dayFromIso("2026-07-01")!;
    const second = await runWorkbook(first.workbookFile, { asOf: next, outDir: path.join(dir, "egpl-2") });
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(second.workbookFile);
    expect(notes(again)).toHaveLength(3);
    expect(second.plan.warnings.filter((w) => w.startsWith("Relances reprises"))).toEqual([]);
  });

  it("the product's own « Relance 1 » stage sheet is not history", async () => {
    const workbook = new ExcelJS.Workbook();
    yearSheet(workbook, "Suivi 2026", [invoice("Dupont SARL", "F-1", "2026-01-02", "2026-02-01", 1000)]);
    const stage = workbook.addWorksheet("relance 1");
    stage.addRow(["Client", "Facture", "Montant"]);
    stage.addRow(["Dupont SARL", "F-1", 1000]);
    const plan = await planOf(await save(workbook, "etape-produit.xlsx"));
    expect(plan.invoices[0]?.history).toBeUndefined();
    expect(plan.sheets?.leftOut.map((s) => [s.sheet, s.reason])).toEqual([["relance 1", "product"]]);
  });
});
