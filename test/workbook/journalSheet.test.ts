import ExcelJS from "exceljs";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { dayFromIso, type Day } from "../../src/core/day";
import { invoiceHistories } from "../../src/core/invoiceHistories";
import { invoiceKey } from "../../src/core/journal";
import { JOURNAL_COLUMNS, JOURNAL_SHEET, type JournalEntry } from "../../src/core/journalEntry";
import { appendJournal, JOURNAL_TABLE, readJournalSheet, restoreTableHeaderRows } from "../../src/workbook/journalSheet";
import { DATE_FORMAT, TEXT_FORMAT } from "../../src/workbook/safeCell";
import { loadPackage, packageOf, withWrites } from "../helpers/productSheetWrites";

function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
}

/** Writes the workbook's package through exceljs and reads it back. */
async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadPackage(await packageOf(workbook));
}

/** Appends to the journal in the workbook's package, as the run does; what was added and the workbook read back. */
async function appended(workbook: ExcelJS.Workbook, entries: readonly JournalEntry[]): Promise<{ added: JournalEntry[]; back: ExcelJS.Workbook }> {
  const { result, workbook: back } = await withWrites(workbook, (graft) => appendJournal(graft, entries));
  return { added: result.added, back };
}

interface TableModel {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
  headerRow: boolean;
  columns: { name: string }[];
}

function tables(ws: ExcelJS.Worksheet): TableModel[] {
  return (ws.getTables() as unknown as { model: TableModel }[]).map((t) => t.model);
}

/** Every cell of a sheet: address -> type, value and number format, to compare before and after. */
function snapshot(ws: ExcelJS.Worksheet): Map<string, string> {
  const cells = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.set(cell.address, JSON.stringify([cell.type, cell.value, cell.numFmt ?? null]));
    });
  });
  return cells;
}

function strip(entries: readonly JournalEntry[]): JournalEntry[] {
  return entries.map(({ row: _row, ...rest }) => rest);
}

const R1: JournalEntry = {
  date: day("2021-05-05"),
  customer: "SCI Les Tilleuls",
  invoice: "F2021-014",
  level: 1,
  channel: "email",
  reference: "Relance 1 - SCI Les Tilleuls.eml",
  user: "relances",
};
const PHONE: JournalEntry = {
  date: day("2021-05-12"),
  customer: "Dupont",
  invoice: "F2021-020",
  channel: "téléphone",
  promiseDate: day("2021-05-31"),
  note: "virement promis fin mai",
  user: "Julie",
};
const DISPUTE: JournalEntry = {
  date: day("2021-05-13"),
  customer: "Mairie de Lyon",
  invoice: "F2021-031",
  dispute: "ouvert",
  note: "conteste la quantité",
};

describe("the journal sheet, created", () => {
  it("is the Excel table JournalRelances with the ten columns, and reads back through a file", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Suivi");
    const { added, back } = await appended(workbook, [R1, PHONE, DISPUTE]);
    expect(added).toEqual([R1, PHONE, DISPUTE]);

    const ws = back.getWorksheet(JOURNAL_SHEET)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...JOURNAL_COLUMNS]);
    const [table] = tables(ws);
    expect(table).toMatchObject({ name: JOURNAL_TABLE, tableRef: "A1:J4", autoFilterRef: "A1:J4", headerRow: true });
    expect(table!.columns.map((c) => c.name)).toEqual([...JOURNAL_COLUMNS]);

    const { entries, rejected } = readJournalSheet(ws);
    expect(rejected).toEqual([]);
    expect(strip(entries)).toEqual([R1, PHONE, DISPUTE]);
    expect(entries.map((e) => e.row)).toEqual([2, 3, 4]);
  });

  it("holds the dates as real Excel dates, shown dd/mm/yyyy, on the right day", async () => {
    const ws = (await appended(new ExcelJS.Workbook(), [PHONE])).back.getWorksheet(JOURNAL_SHEET)!;
    for (const [address, iso] of [["A2", "2021-05-12T00:00:00.000Z"], ["G2", "2021-05-31T00:00:00.000Z"]] as const) {
      const cell = ws.getCell(address);
      expect(cell.type).toBe(ExcelJS.ValueType.Date);
      expect(cell.numFmt).toBe(DATE_FORMAT);
      expect((cell.value as Date).toISOString()).toBe(iso);
    }
    expect(ws.getCell("D2").value).toBeNull();
    expect(ws.getCell("H2").value).toBeNull();
  });

  it("writes the level as its label and the dispute as ouvert", async () => {
    const ws = (await appended(new ExcelJS.Workbook(), [R1, DISPUTE])).back.getWorksheet(JOURNAL_SHEET)!;
    expect(ws.getCell("D2").value).toBe("Relance 1");
    expect(ws.getCell("E2").value).toBe("email");
    expect(ws.getCell("H3").value).toBe("ouvert");
  });

  it("is an empty table, ready for lines, when there is nothing to write yet", async () => {
    const empty = await appended(new ExcelJS.Workbook(), []);
    expect(empty.added).toEqual([]);
    const ws = empty.back.getWorksheet(JOURNAL_SHEET)!;
    expect(tables(ws)[0]!.tableRef).toBe("A1:J2");
    expect(readJournalSheet(ws)).toEqual({ entries: [], rejected: [] });

    const again = (await appended(empty.back, [R1])).back.getWorksheet(JOURNAL_SHEET)!;
    expect(again.getCell("C2").value).toBe("F2021-014");
    expect(tables(again)[0]!.tableRef).toBe("A1:J2");
  });

  it("keeps formula-like customer names as text, with no formula", async () => {
    const names = ['=HYPERLINK("http://x","y")', "+33 1 23", "-12", "@Home", "=cmd|' /C calc'!A0"];
    const { back } = await appended(
      new ExcelJS.Workbook(),
      names.map((customer, i) => ({ date: day("2025-01-02"), customer, invoice: `F${i}`, level: 1 as const, note: customer })),
    );
    const ws = back.getWorksheet(JOURNAL_SHEET)!;
    names.forEach((name, i) => {
      for (const column of ["B", "I"]) {
        const cell = ws.getCell(`${column}${i + 2}`);
        expect(cell.formula).toBeUndefined();
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(name);
        expect(cell.numFmt).toBe(TEXT_FORMAT);
      }
    });
    expect(strip(readJournalSheet(ws).entries).map((e) => e.customer)).toEqual(names);
  });
});

describe("appending to an existing journal", () => {
  async function existingJournal(): Promise<ExcelJS.Workbook> {
    const { back } = await appended(new ExcelJS.Workbook(), [R1, PHONE]);
    // A line typed by hand below, as a person does: R2 as a number, the date as text, LRAR.
    const ws = back.getWorksheet(JOURNAL_SHEET)!;
    ws.getRow(4).values = ["20/05/2021", "SCI Les Tilleuls", "f2021-014", 2, "LRAR", null, null, null, "tapé à la main"];
    return roundTrip(back);
  }

  it("adds the new lines after the last line and stretches the table over them", async () => {
    const workbook = await existingJournal();
    const next: JournalEntry = { ...R1, date: day("2021-06-01"), level: 3, channel: "recommandé" };
    const { added, back } = await appended(workbook, [next]);
    expect(added).toEqual([next]);
    const ws = back.getWorksheet(JOURNAL_SHEET)!;
    expect(tables(ws)[0]).toMatchObject({ tableRef: "A1:J5", autoFilterRef: "A1:J5", headerRow: true });
    const { entries, rejected } = readJournalSheet(ws);
    expect(rejected).toEqual([]);
    expect(entries.map((e) => [e.row, e.level])).toEqual([
      [2, 1],
      [3, undefined],
      [4, 2],
      [5, 3],
    ]);
    expect(invoiceHistories(entries).get(invoiceKey("F2021-014"))).toMatchObject({
      lastLevel: 3,
      levelDates: { 1: day("2021-05-05"), 2: day("2021-05-20"), 3: day("2021-06-01") },
    });
  });

  it("leaves every existing cell exactly as it was", async () => {
    const workbook = await existingJournal();
    const before = snapshot(workbook.getWorksheet(JOURNAL_SHEET)!);
    const { back } = await appended(workbook, [
      { ...DISPUTE, customer: "=1+1" },
      { ...R1, date: day("2021-06-01"), level: 3, channel: "recommandé" },
    ]);
    const after = snapshot(back.getWorksheet(JOURNAL_SHEET)!);
    expect(before.size).toBeGreaterThan(20);
    for (const [address, cell] of before) expect(after.get(address), address).toBe(cell);
    expect(after.size).toBeGreaterThan(before.size);
  });

  it("adds nothing the second time the same day, even through a file", async () => {
    const workbook = await existingJournal();
    const run = [{ ...R1, date: day("2021-06-01"), level: 3 as const, channel: "recommandé" as const }, DISPUTE];
    const first = await appended(workbook, run);
    expect(first.added).toHaveLength(2);
    const back = first.back;
    const before = snapshot(back.getWorksheet(JOURNAL_SHEET)!);
    const second = await appended(back, run);
    expect(second.added).toEqual([]);
    const again = second.back;
    expect(snapshot(again.getWorksheet(JOURNAL_SHEET)!)).toEqual(before);
    expect(tables(again.getWorksheet(JOURNAL_SHEET)!)[0]!.tableRef).toBe("A1:J6");
    expect(readJournalSheet(again.getWorksheet(JOURNAL_SHEET)).entries).toHaveLength(5);
  });

  it("writes into the columns a user moved, adds the ones missing at the right, keeps a column the user added", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet(JOURNAL_SHEET);
    ws.addRow(["N° facture", "Date", "Vu par", "Client", "Niveau"]);
    ws.addRow(["F1", "02/01/2025", "Paul", "Dupont", "R1"]);
    const back = (await appended(workbook, [{ ...PHONE, invoice: "F2" }])).back.getWorksheet(JOURNAL_SHEET)!;
    expect(back.getRow(1).values).toEqual([
      undefined, "N° facture", "Date", "Vu par", "Client", "Niveau", "Canal", "Référence", "Promesse", "Litige", "Note", "Utilisateur",
    ]);
    expect(back.getRow(3).getCell(1).value).toBe("F2");
    expect(back.getRow(3).getCell(3).value).toBeNull();
    expect(back.getRow(3).getCell(6).value).toBe("téléphone");
    const { entries, rejected } = readJournalSheet(back);
    expect(rejected).toEqual([]);
    expect(entries.map((e) => [e.invoice, e.level, e.promiseDate])).toEqual([
      ["F1", 1, undefined],
      ["F2", undefined, day("2021-05-31")],
    ]);
  });

  it("adds the columns a user's table lacks to the table itself, and stretches it", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet(JOURNAL_SHEET);
    ws.addTable({
      name: "MonJournal",
      ref: "A1",
      headerRow: true,
      columns: ["Date", "Client", "Facture", "Niveau", "Canal"].map((name) => ({ name, filterButton: true })),
      rows: [["02/01/2025", "Dupont", "F1", "Relance 1", "email"]],
    });
    const { added, back } = await appended(workbook, [PHONE]);
    expect(added).toEqual([PHONE]);
    const sheet = back.getWorksheet(JOURNAL_SHEET)!;
    const [table] = tables(sheet);
    expect(table).toMatchObject({ name: "MonJournal", tableRef: "A1:J3", headerRow: true });
    expect(table!.columns.map((c) => c.name)).toEqual([...JOURNAL_COLUMNS]);
    expect(sheet.getRow(1).values).toEqual([undefined, ...JOURNAL_COLUMNS]);
    expect(strip(readJournalSheet(sheet).entries).at(-1)).toEqual(PHONE);
  });

  it("keeps the table's header row that exceljs loses when Excel leaves headerRowCount out", async () => {
    const workbook = await existingJournal();
    // What exceljs 4.4 reads from a table saved by Excel (headerRowCount is then implicit).
    const model = tables(workbook.getWorksheet(JOURNAL_SHEET)!)[0]!;
    model.headerRow = false;
    restoreTableHeaderRows(workbook);
    expect(model.headerRow).toBe(true);

    // A table as Excel saves it, without headerRowCount: the journal stretches it, header kept.
    const zip = new PizZip(await packageOf(await existingJournal()));
    const tablePart = Object.keys(zip.files).find((name) => /^xl\/tables\/[^/]+\.xml$/.test(name))!;
    zip.file(tablePart, zip.file(tablePart)!.asText().replace(/\sheaderRowCount="1"/, ""));
    const asExcelSavesIt = zip.generate({ type: "uint8array" });
    expect(tables((await loadPackage(asExcelSavesIt)).getWorksheet(JOURNAL_SHEET)!)[0]!.headerRow).toBe(false);
    const { workbook: back } = await withWrites(asExcelSavesIt, (graft) => appendJournal(graft, [DISPUTE]));
    expect(tables(back.getWorksheet(JOURNAL_SHEET)!)[0]).toMatchObject({ headerRow: true, tableRef: "A1:J5" });
  });

  it("reads lines below the table and rejected lines with their rows", async () => {
    const workbook = await existingJournal();
    const ws = workbook.getWorksheet(JOURNAL_SHEET)!;
    ws.getRow(7).values = ["bientôt", "X", "F9"];
    ws.getRow(8).values = [null, "Y", "F10"];
    const { entries, rejected } = readJournalSheet(ws);
    expect(entries).toHaveLength(3);
    expect(rejected.map((r) => [r.row, r.column, r.message])).toEqual([
      [7, "Date", "Date «bientôt» n'est pas une date"],
      [8, "Date", "Date manquante"],
    ]);
  });
});
