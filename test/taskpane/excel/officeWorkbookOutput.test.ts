// The Office.js writer against office-addin-mock: the journal's lines join its table, a missing
// sheet is made with its header (and its table), rows go below what is there and never over a
// cell someone filled, values before formats, in blocks, and no text can become a formula.
import { afterEach, describe, expect, it } from "vitest";
import type { SheetAppend } from "../../../src/engine/workbookOutput";
import { officeWorkbookOutput } from "../../../taskpane/excel/officeWorkbookOutput";
import { installFakeExcel, removeFakeExcel, type Cell, type FakeExcel, type FakeSheet } from "./fakeExcel";

const JOURNAL_HEADER = ["Date", "Client", "Facture", "Niveau", "Canal", "Référence", "Promesse", "Litige", "Note", "Utilisateur"];
const HOSTILE = ['=HYPERLINK("http://x.example","y")', "@SUM(A1)", "+33 1 23 45 67 89", "-12", "00123", "<img src=x onerror=alert(1)>", "'déjà cité", "VRAI"];

function journalLine(i: number, customer = `Client ${i}`): Cell[] {
  return [46203, customer, `F-${i}`, "Relance 1", "email", "", "", "", "", "assistante"];
}

const install = (sheets: FakeSheet[]): FakeExcel => installFakeExcel(sheets);

afterEach(removeFakeExcel);

const journalAppend = (rows: Cell[][]): SheetAppend => ({ sheet: "Journal des relances", header: JOURNAL_HEADER, rows, table: "JournalRelances", dateColumns: [0, 6] });

describe("officeWorkbookOutput().append", () => {
  it("adds the journal's lines to its table, dates shown as dates, what was below the table moved down, not overwritten", async () => {
    const excel = install([{ name: "Journal des relances", cells: [JOURNAL_HEADER, journalLine(1), journalLine(2), [], ["Note de l'assistante sous le tableau"]] }]);
    excel.tables.push({ name: "JournalRelances", sheet: "Journal des relances", headerRow: 0, column: 0, width: 10, bodyRows: 2 });
    await officeWorkbookOutput().append([journalAppend([journalLine(3), journalLine(4)])]);
    expect(excel.tables[0]!.bodyRows).toBe(4);
    expect(excel.cell("Journal des relances", 3, 2)).toBe("F-3");
    expect(excel.cell("Journal des relances", 4, 2)).toBe("F-4");
    expect(excel.cell("Journal des relances", 6, 0)).toBe("Note de l'assistante sous le tableau");
    expect(excel.format("Journal des relances", 3, 0)).toBe("dd/mm/yyyy");
    expect(excel.format("Journal des relances", 4, 6)).toBe("dd/mm/yyyy");
    expect(excel.format("Journal des relances", 1, 0)).toBe("General");
  });

  it("creates a missing sheet with its header and its table", async () => {
    const excel = install([{ name: "Suivi", cells: [["Client"]] }]);
    await officeWorkbookOutput().append([journalAppend([journalLine(1)])]);
    expect(excel.sheet("Journal des relances")!.cells.slice(0, 2)).toEqual([JOURNAL_HEADER, journalLine(1)]);
    expect(excel.tables.map((t) => [t.name, t.sheet, t.headerRow, t.width, t.bodyRows])).toEqual([["JournalRelances", "Journal des relances", 0, 10, 1]]);
    expect(excel.format("Journal des relances", 1, 0)).toBe("dd/mm/yyyy");
  });

  it("fills a new table's empty data row first, leaving no blank line", async () => {
    const excel = install([{ name: "Journal des relances", cells: [JOURNAL_HEADER] }]);
    excel.tables.push({ name: "JournalRelances", sheet: "Journal des relances", headerRow: 0, column: 0, width: 10, bodyRows: 1 });
    await officeWorkbookOutput().append([journalAppend([journalLine(1), journalLine(2)])]);
    expect(excel.cell("Journal des relances", 1, 2)).toBe("F-1");
    expect(excel.cell("Journal des relances", 2, 2)).toBe("F-2");
    expect(excel.tables[0]!.bodyRows).toBe(2);
  });

  it("appends a stage sheet's rows below its last used row, never over the user's cells", async () => {
    const user: Cell[][] = [["Client", "Facture"], ["SCI Les Tilleuls", "F-1"], [], ["", "", "", "à rappeler lundi"]];
    const excel = install([{ name: "Relance 1", cells: user.map((row) => [...row]) }]);
    await officeWorkbookOutput().append([{ sheet: "Relance 1", header: ["Client", "Facture"], rows: [["SARL Martin", "F-2"]] }]);
    expect(excel.sheet("Relance 1")!.cells.slice(0, 4)).toEqual(user);
    expect(excel.cell("Relance 1", 4, 0)).toBe("SARL Martin");
  });

  it("writes nothing when someone filled a target cell meanwhile, and says where", async () => {
    const excel = install([
      { name: "Relance 1", cells: [["Client", "Facture"], ["SCI Les Tilleuls", "F-1"]] },
      { name: "Journal des relances", cells: [JOURNAL_HEADER] },
    ]);
    excel.tables.push({ name: "JournalRelances", sheet: "Journal des relances", headerRow: 0, column: 0, width: 10, bodyRows: 1 });
    // After the used ranges are known, someone types on the row the rows were to go to.
    excel.afterSync = (index) => {
      if (index === 1) excel.sheet("Relance 1")!.cells[2] = ["", "tapé pendant ce temps"];
    };
    const appends = [journalAppend([journalLine(1)]), { sheet: "Relance 1", header: ["Client", "Facture"], rows: [["SARL Martin", "F-2"]] }];
    await expect(officeWorkbookOutput().append(appends)).rejects.toThrow(/Relance 1.*ligne 3.*nothing was written/s);
    expect(excel.cell("Relance 1", 2, 1)).toBe("tapé pendant ce temps");
    expect(excel.cell("Relance 1", 2, 0)).toBe("");
    expect(excel.cell("Journal des relances", 1, 2)).toBe("");
  });

  it("writes hostile text exactly, as inert text: no formula, no number, no date", async () => {
    const excel = install([]);
    await officeWorkbookOutput().append([{ sheet: "Relance 2", header: ["Client"], rows: HOSTILE.map((name) => [name]) }]);
    HOSTILE.forEach((name, i) => expect(excel.cell("Relance 2", i + 1, 0)).toBe(name));
  });

  it("writes long appends in blocks, all values before any format, and a refused block again at half size", async () => {
    const excel = install([{ name: "Journal des relances", cells: [JOURNAL_HEADER] }]);
    excel.tables.push({ name: "JournalRelances", sheet: "Journal des relances", headerRow: 0, column: 0, width: 10, bodyRows: 1 });
    excel.payloadLimit = 70_000;
    const rows = Array.from({ length: 30_000 }, (_, i) => journalLine(i + 1));
    await officeWorkbookOutput().append([journalAppend(rows)]);
    expect(excel.refusals).toBeGreaterThan(0);
    expect(excel.tables[0]!.bodyRows).toBe(30_000);
    for (let i = 0; i < 30_000; i += 997) expect(excel.cell("Journal des relances", i + 1, 2)).toBe(`F-${i + 1}`);
    const kinds = excel.syncs.map((sync) => sync.writes);
    const lastValues = kinds.reduce((last, w, i) => (w.includes("rows") || w.includes("values") ? i : last), -1);
    const firstFormats = kinds.findIndex((w) => w.includes("formats"));
    expect(firstFormats).toBeGreaterThan(lastValues);
    const valueSyncs = kinds.filter((w) => w.includes("rows") || w.includes("values")).length;
    expect(valueSyncs).toBeGreaterThanOrEqual(3);
    expect(valueSyncs).toBeLessThanOrEqual(12);
    for (const sync of excel.syncs) expect(sync.written).toBeLessThanOrEqual(70_000);
  });
});
