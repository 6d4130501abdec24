// The bundled sample workbook: its layout, its journal table, its formulas, and that the hand-made
// expectations name rows that are really there.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../../src/core/journalEntry";
import { missingSenderSettings } from "../../src/core/senderCheck";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { readSettingsSheet } from "../../src/workbook/settingsSheet";
import { planSample } from "../../src/sample/samplePlan";
import {
  SAMPLE_AS_OF,
  SAMPLE_COMPANY,
  SAMPLE_HEADERS,
  SAMPLE_SHEET,
  sampleExpectations,
  writeSampleWorkbook,
} from "../../src/sample/sampleWorkbook";

let dir: string;
let file: string;
let workbook: ExcelJS.Workbook;
const expected = sampleExpectations();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "relances-sample-"));
  file = path.join(dir, "exemple.xlsx");
  await writeSampleWorkbook(file);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sheet(): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(SAMPLE_SHEET);
  if (!ws) throw new Error(`no sheet ${SAMPLE_SHEET}`);
  return ws;
}

/** The text or number a cell shows, through formulas and rich text. */
function shown(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    if ("result" in value) return value.result;
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
  }
  return value;
}

function invoiceNumbersInSheet(): Map<string, number[]> {
  const ws = sheet();
  const rows = new Map<string, number[]>();
  for (let r = expected.firstDataRow; r < expected.totalRow; r++) {
    const value = ws.getCell(r, 3).value;
    if (typeof value === "string") rows.set(value, [...(rows.get(value) ?? []), r]);
  }
  return rows;
}

describe("the sample workbook", () => {
  it("is written whole, leaving no temporary file beside it", async () => {
    expect(await readdir(dir)).toEqual(["exemple.xlsx"]);
  });

  it("has the tracking sheet, the journal and the firm's settings with its letterhead", () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([SAMPLE_SHEET, JOURNAL_SHEET, SETTINGS_SHEET]);
    expect(readSettingsSheet(workbook.getWorksheet(SETTINGS_SHEET)).settings.company).toEqual(SAMPLE_COMPANY);
    expect(SAMPLE_AS_OF).toBe("2026-06-30");
  });

  it("has a complete sender, so that the demo's run writes every document (SPEC section 5)", async () => {
    const { plan, settings } = await planSample();
    expect(plan.actions.length).toBeGreaterThan(0);
    expect(missingSenderSettings(settings, plan.actions)).toEqual([]);
  });

  it("has a merged title, a subtitle, a blank row and the header on row 4", () => {
    const ws = sheet();
    expect(ws.getCell("A1").value).toBe("EGPL — Entreprise Générale de la Lèze — Suivi des encaissements");
    expect(ws.getCell("M1").isMerged).toBe(true);
    expect(ws.getCell("M1").master.address).toBe("A1");
    expect(ws.getCell("A2").value).toBe("Mis à jour le 29/06/2026");
    expect(ws.getRow(3).values).toEqual([]);
    const header = (ws.getRow(expected.headerRow).values as unknown[]).slice(1);
    expect(header).toEqual([...SAMPLE_HEADERS]);
    expect(expected.headerRow).toBe(4);
  });

  it("keeps the layout the expectations describe: blank rows, a TOTAL row with sums, nothing after it", () => {
    const ws = sheet();
    for (const r of expected.blankRows) {
      expect((ws.getRow(r).values as unknown[]).filter((v) => v !== null && v !== undefined)).toEqual([]);
    }
    expect(ws.getCell(expected.totalRow, 1).value).toBe("TOTAL");
    expect(ws.getCell(expected.totalRow, 7).value).toMatchObject({ formula: `SUM(G5:G${expected.totalRow - 1})` });
    expect(ws.actualRowCount).toBeGreaterThan(0);
    expect(ws.rowCount).toBe(expected.totalRow);
    expect(expected.counts.rows).toBe(expected.totalRow - expected.headerRow);
    const { rows, invoices, creditNotes, skipped, rejected } = expected.counts;
    expect(invoices + creditNotes + skipped + rejected).toBe(rows);
    expect(skipped).toBe(expected.blankRows.length + 1);
  });

  it("has the journal as an Excel table with exactly the ten journal columns", () => {
    const ws = workbook.getWorksheet(JOURNAL_SHEET)!;
    const table = ws.getTable(expected.journal.table) as unknown as { table?: { columns: { name: string }[]; ref: string }; columns?: { name: string }[] };
    expect(table).toBeDefined();
    const columns = (table.table?.columns ?? table.columns ?? []).map((c) => c.name);
    expect(columns).toEqual([...JOURNAL_COLUMNS]);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...JOURNAL_COLUMNS]);
    expect(ws.rowCount).toBe(expected.journal.lines + 1);
    for (let r = 2; r <= ws.rowCount; r++) {
      expect(ws.getCell(r, 1).value).toBeInstanceOf(Date);
      expect(ws.getCell(r, 10).value).toBe("Sarah");
    }
  });

  it("holds the journal lines the levels depend on, some typed by hand", () => {
    const ws = workbook.getWorksheet(JOURNAL_SHEET)!;
    const lines = [];
    for (let r = 2; r <= ws.rowCount; r++) lines.push((ws.getRow(r).values as unknown[]).slice(1));
    const levels = lines.map((line) => line[3]);
    expect(levels).toContain("R1");
    expect(levels).toContain(2);
    expect(levels).toContain("Mise en demeure");
    const call = lines.find((line) => line[4] === "téléphone" && line[8] === "M. Roux promet un virement");
    expect(call?.[3] ?? null).toBeNull();
    expect((call?.[6] as Date).toISOString().slice(0, 10)).toBe("2026-07-10");
    expect(lines.some((line) => line[7] === "ouvert")).toBe(true);
  });

  it("has only plain arithmetic and SUM formulas over its own cells, and no text that could run", () => {
    const allowed = /^(?:SUM\([A-Z]{1,2}\d+:[A-Z]{1,2}\d+\)|[A-Z]{1,2}\d+(?:[+-](?:[A-Z]{1,2}\d+|\d+))*)$/;
    let formulas = 0;
    for (const ws of workbook.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          const value = cell.value;
          if (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
            formulas++;
            expect(cell.formula, `${ws.name}!${cell.address}`).toMatch(allowed);
          }
          if (typeof value === "string") {
            expect(value, `${ws.name}!${cell.address}`).not.toMatch(/^[\s]*[=+\-@\t\r]/);
          }
          expect(cell.hyperlink, `${ws.name}!${cell.address}`).toBeUndefined();
        });
      });
    }
    expect(formulas).toBeGreaterThan(40);
  });

  it("caches the sums Excel would show, and one stale balance", () => {
    const ws = sheet();
    const cents = (x: unknown) => Math.round((x as number) * 100);
    let total = 0;
    for (let r = expected.firstDataRow; r < expected.totalRow; r++) {
      const amount = shown(ws.getCell(r, 7));
      if (typeof amount === "number") total += cents(amount);
    }
    expect(cents(shown(ws.getCell(expected.totalRow, 7)))).toBe(total);
    const { row, invoice, sheetBalance, expected: balance } = expected.balanceMismatch;
    expect(ws.getCell(row, 3).value).toBe(invoice);
    expect(cents(shown(ws.getCell(row, 9)))).toBe(sheetBalance);
    expect(cents(shown(ws.getCell(row, 7))) - cents(shown(ws.getCell(row, 8)))).toBe(balance);
  });

  it("writes values as people type them: real dates, text dates, an ISO date, formulas, amounts as text", () => {
    const ws = sheet();
    const column = (c: number) => {
      const values: unknown[] = [];
      for (let r = expected.firstDataRow; r < expected.totalRow; r++) values.push(ws.getCell(r, c).value);
      return values;
    };
    const invoiceDates = column(4);
    expect(invoiceDates.filter((v) => v instanceof Date).length).toBeGreaterThan(50);
    expect(invoiceDates).toContain("2026-02-01");
    expect(invoiceDates).toContain("24/02/2026");
    expect(column(6)).toContain("15/03/2026");
    const dueFormulas = column(6).filter((v) => v !== null && typeof v === "object" && "formula" in v) as ExcelJS.CellFormulaValue[];
    expect(dueFormulas.length).toBeGreaterThanOrEqual(2);
    for (const f of dueFormulas) expect(f.result).toBeInstanceOf(Date);
    const textAmounts = column(7).filter((v): v is string => typeof v === "string");
    expect(textAmounts.some((v) => v.includes("\u202f") && v.endsWith("€"))).toBe(true);
    expect(column(7).filter((v) => typeof v === "number" && v < 0)).toHaveLength(2);
    // Every date cell is a whole day at midnight UTC, so it reads the same in every time zone.
    for (const v of [...invoiceDates, ...column(6), ...column(10), ...column(12)]) {
      const date = v instanceof Date ? v : v !== null && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : undefined;
      if (date instanceof Date) expect(date.getTime() % 86_400_000).toBe(0);
    }
  });

  it("has every invoice number the expectations name, once, and nothing else", () => {
    const numbers = invoiceNumbersInSheet();
    const named = [
      ...Object.values(expected.levels).flat(),
      ...Object.values(expected.holds).flat(),
      ...expected.nothingDue,
    ];
    expect(new Set(named).size).toBe(named.length);
    expect(named).toHaveLength(expected.counts.invoices);
    for (const number of named) expect(numbers.has(number), number).toBe(true);
    for (const number of expected.brokenPromises) expect(numbers.has(number)).toBe(true);
    for (const document of expected.documents) for (const number of document.due) expect(named).toContain(number);
    for (const note of expected.creditNotes) {
      expect(sheet().getCell(note.row, 3).value).toBe(note.number);
      expect(shown(sheet().getCell(note.row, 7))).toBeLessThan(0);
      expect(sheet().getCell(note.row, 20).value ?? undefined).toBe(note.creditedInvoice);
    }
    // Every numbered row is an expected invoice, a credit note or a rejected row.
    const accounted = new Set([...named, ...expected.creditNotes.map((n) => n.number), "F2026-019", "F2026-039"]);
    for (const number of numbers.keys()) expect(accounted.has(number), number).toBe(true);
  });

  it("has the three bad rows where the expectations say", () => {
    const ws = sheet();
    for (const bad of expected.rejected) {
      const cell = ws.getCell(`${bad.column}${bad.row}`);
      expect(cell.value, `${bad.column}${bad.row}`).toBe(bad.value);
      expect(ws.getCell(`${bad.column}${expected.headerRow}`).value).toBe(bad.header);
    }
    // The duplicate number: once earlier in the sheet, again on the rejected row.
    const duplicate = expected.rejected.find((bad) => bad.header === "N° facture")!;
    const rows = invoiceNumbersInSheet().get(duplicate.value)!;
    expect(rows).toHaveLength(2);
    expect(rows[1]).toBe(duplicate.row);
  });

  it("spells some customers two ways and gives two accounts one e-mail", () => {
    const ws = sheet();
    const names = new Set<unknown>();
    const emailsByName = new Map<unknown, unknown>();
    for (let r = expected.firstDataRow; r < expected.totalRow; r++) {
      names.add(ws.getCell(r, 1).value);
      emailsByName.set(ws.getCell(r, 1).value, ws.getCell(r, 13).value);
    }
    for (const spellings of expected.sameCustomer) for (const name of spellings) expect(names.has(name), name).toBe(true);
    for (const name of expected.duplicateEmail.customers) expect(emailsByName.get(name)).toBe(expected.duplicateEmail.email);
    const languages = new Set<unknown>();
    for (let r = expected.firstDataRow; r < expected.totalRow; r++) languages.add(ws.getCell(r, 18).value);
    expect(languages).toContain("EN");
  });
});
