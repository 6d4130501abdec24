// The Office.js reader against office-addin-mock, on a workbook shaped like the real ones: title
// rows above the header, 12,000 invoices on 12 columns, a merged customer cell, a hidden archive
// sheet, the settings (a percentage) and the journal.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readWorkbook } from "../../../src/engine/readWorkbook";
import { memoryWorkbook } from "../../../src/engine/memoryWorkbook";
import { readOfficeWorkbook } from "../../../taskpane/excel/officeWorkbook";
import { FakeExcel, type Cell, type FakeSheet } from "./fakeExcel";

const HEADER = ["Client", "N° facture", "Date facture", "Montant TTC", "Échéance", "Réglé", "Reste à payer", "Catégorie", "E-mail", "Ville", "Litige", "Commentaire"];
const INVOICES = 12_000;

function trackingSheet(): FakeSheet {
  const cells: Cell[][] = [["Suivi des encaissements 2026"], [], HEADER];
  for (let i = 0; i < INVOICES; i++) {
    const amount = 1000 + (i % 97) * 10;
    cells.push([`Client ${i % 400}`, `F-2026-${String(i + 1).padStart(5, "0")}`, 46000 + (i % 200), amount, 46030 + (i % 200), 0, amount, "professionnel", `compta${i % 400}@exemple.fr`, "Lyon", "non", ""]);
  }
  // Rows 4 and 5 share one merged customer cell, its value in the top cell (Excel gives "" below).
  cells[4]![0] = "";
  return { name: "Suivi 2026", cells, merged: [{ top: 3, left: 0, bottom: 4, right: 0 }] };
}

function workbook(): FakeExcel {
  return new FakeExcel([
    trackingSheet(),
    { name: "Archives 2019", visibility: "Hidden", cells: [HEADER, ["Ancien client", "F-2019-1", 43500, 100, 43530, 0, 100, "pro", "", "", "", ""]] },
    {
      name: "Paramètres Relances",
      cells: [["Clé", "Valeur", "Description"], ["grace_particulier", 14, ""], ["taux_penalites", 0.12, ""]],
      formats: new Map([["2,1", "0.00%"]]),
    },
    { name: "Journal des relances", cells: [["Date", "Client", "Facture", "Niveau", "Canal", "Référence", "Promesse", "Litige", "Note", "Utilisateur"]] },
  ]);
}

let excel: FakeExcel;
beforeEach(() => {
  excel = workbook();
  (globalThis as Record<string, unknown>).Excel = excel.global();
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

describe("readOfficeWorkbook", () => {
  it("reads a long sheet in blocks of 5,000 to 20,000 rows, with one context.sync() per block", async () => {
    const sheets = await readOfficeWorkbook();
    const tracking = sheets.find((sheet) => sheet.name === "Suivi 2026")!;
    expect(tracking.values).toHaveLength(INVOICES + 3);
    expect(tracking.values[INVOICES + 2]![1]).toBe(`F-2026-${INVOICES}`);
    const blocks = excel.syncs.flatMap((sync) => sync.blocks.filter((rows) => rows > 100));
    expect(blocks.reduce((a, b) => a + b, 0)).toBe(INVOICES + 3);
    for (const rows of blocks.slice(0, -1)) expect(rows).toBeGreaterThanOrEqual(5_000);
    for (const rows of blocks) expect(rows).toBeLessThanOrEqual(20_000);
    // Each sync loads one block at most: none per row.
    for (const sync of excel.syncs) expect(sync.blocks.length).toBeLessThanOrEqual(1);
    expect(excel.syncs.length).toBeLessThanOrEqual(blocks.length + 8);
  });

  it("tries a block Excel refuses as too large again at half its size, and reads every row once", async () => {
    const whole = await readOfficeWorkbook();
    excel = workbook();
    excel.payloadLimit = 60_000;
    (globalThis as Record<string, unknown>).Excel = excel.global();
    const progress: number[] = [];
    const halved = await readOfficeWorkbook({ onProgress: (rows) => progress.push(rows) });
    expect(excel.refusals).toBeGreaterThan(0);
    expect(halved).toEqual(whole);
    for (const sync of excel.syncs) expect(sync.loaded).toBeLessThanOrEqual(60_000);
    expect(progress.at(-1)).toBe(INVOICES + 3 + 3 + 1);
  });

  it("gives the sheets in tab order with their visibility, and leaves a hidden sheet unread unless the mapping names it", async () => {
    const sheets = await readOfficeWorkbook();
    expect(sheets.map((sheet) => [sheet.name, sheet.visibility ?? "visible"])).toEqual([
      ["Suivi 2026", "visible"],
      ["Archives 2019", "hidden"],
      ["Paramètres Relances", "visible"],
      ["Journal des relances", "visible"],
    ]);
    expect(sheets[1]!.values).toEqual([]);

    excel = workbook();
    excel.sheet("Paramètres Relances")!.cells.push(["feuilles_suivi", "Archives 2019", ""]);
    (globalThis as Record<string, unknown>).Excel = excel.global();
    const named = await readOfficeWorkbook();
    expect(named[1]!.values).toHaveLength(2);
  });

  it("loads number formats for the settings sheet only, and the tracking sheet's merged areas", async () => {
    const sheets = await readOfficeWorkbook();
    const settings = sheets.find((sheet) => sheet.name === "Paramètres Relances")!;
    expect(settings.numberFormats?.[2]?.[1]).toBe("0.00%");
    expect(sheets[0]!.numberFormats).toBeUndefined();
    expect(sheets[0]!.merged).toEqual([{ top: 4, left: 0, bottom: 5, right: 0 }]);
  });

  it("hands the engine what it reads from the same sheets held in memory", async () => {
    const sheets = await readOfficeWorkbook();
    const source = await readWorkbook(memoryWorkbook(sheets));
    expect(source.tracking.problem).toBeUndefined();
    expect(source.tracking.invoices).toHaveLength(INVOICES);
    // Row 5 holds nothing in its customer cell: the merged area gives it row 4's customer.
    expect(source.tracking.invoices[1]!.customer.name).toBe("Client 0");
    expect(source.sheets.leftOut.map((s) => s.sheet)).toContain("Archives 2019");
  });
});
