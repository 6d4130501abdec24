// The benchmark's generated workbook, read back with exceljs's streaming reader.
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LARGE_HEADERS,
  LARGE_HEADER_ROW,
  LARGE_SHEET,
  ensureLargeWorkbook,
  writeLargeTrackingWorkbook,
} from "../../bench/largeWorkbook";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../../src/core/journalEntry";

const INVOICES = 2_000;
const CUSTOMERS = 200;

interface SheetRead {
  name: string;
  rows: unknown[][];
}

/** Every sheet's rows as arrays of values (index 0 = column A), through the streaming reader. */
async function readStreaming(file: string): Promise<SheetRead[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "emit" });
  const sheets: SheetRead[] = [];
  for await (const worksheet of reader) {
    const rows: unknown[][] = [];
    for await (const row of worksheet) {
      rows[row.number - 1] = (row.values as unknown[]).slice(1);
    }
    sheets.push({ name: (worksheet as unknown as { name: string }).name, rows });
  }
  return sheets;
}

let dir: string;
let file: string;
let sheets: SheetRead[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "relances-large-"));
  file = path.join(dir, "large.xlsx");
  await writeLargeTrackingWorkbook(file, { invoices: INVOICES, customers: CUSTOMERS, seed: 7 });
  sheets = await readStreaming(file);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the large tracking workbook", () => {
  it("has the tracking sheet then the journal", () => {
    expect(sheets.map((s) => s.name)).toEqual([LARGE_SHEET, JOURNAL_SHEET]);
  });

  it("has a title row, the header row, then one row per invoice", () => {
    const { rows } = sheets[0]!;
    expect(String(rows[0]?.[0])).toMatch(/^Suivi des encaissements/);
    expect(rows[LARGE_HEADER_ROW - 1]).toEqual([...LARGE_HEADERS]);
    const data = rows.slice(LARGE_HEADER_ROW);
    expect(data).toHaveLength(INVOICES);
    expect(data.every((row) => row !== undefined && typeof row[2] === "string")).toBe(true);
    expect(new Set(data.map((row) => row[2])).size).toBe(INVOICES);
  });

  it("spreads the invoices over exactly the requested customers", () => {
    const data = sheets[0]!.rows.slice(LARGE_HEADER_ROW);
    expect(new Set(data.map((row) => row[0])).size).toBe(CUSTOMERS);
  });

  it("writes real dates, amounts as numbers, six terms, credit notes and disputes", () => {
    const data = sheets[0]!.rows.slice(LARGE_HEADER_ROW);
    const col = (header: (typeof LARGE_HEADERS)[number]) => data.map((row) => row[LARGE_HEADERS.indexOf(header)]);
    expect(col("Date facture").every((v) => v instanceof Date && v.getTime() % 86_400_000 === 0)).toBe(true);
    expect(col("Montant TTC").every((v) => typeof v === "number")).toBe(true);
    const positive = col("Montant TTC").filter((v) => (v as number) > 0) as number[];
    expect(Math.min(...positive)).toBeGreaterThanOrEqual(350);
    expect(Math.max(...positive)).toBeLessThanOrEqual(48_000);
    expect(new Set(col("Conditions").filter((v) => v !== undefined && v !== null))).toHaveProperty("size", 6);
    expect(col("Échéance").filter((v) => v instanceof Date).length).toBeGreaterThan(INVOICES * 0.4);
    // Every invoice (not the credit notes) has a due date or terms.
    const invoices = data.filter((row) => (row[LARGE_HEADERS.indexOf("Montant TTC")] as number) > 0);
    const dueOrTerms = (row: unknown[]) => row[LARGE_HEADERS.indexOf("Échéance")] instanceof Date || typeof row[LARGE_HEADERS.indexOf("Conditions")] === "string";
    expect(invoices.every(dueOrTerms)).toBe(true);
    const credits = col("Montant TTC").filter((v) => (v as number) < 0).length;
    expect(credits).toBeGreaterThan(INVOICES * 0.01);
    expect(credits).toBeLessThan(INVOICES * 0.04);
    const disputes = col("Litige").filter((v) => v === "x" || v === "oui").length;
    expect(disputes).toBeGreaterThan(0);
    expect(disputes).toBeLessThan(INVOICES * 0.03);
    expect(col("Réglé").filter((v) => typeof v === "number").length).toBeGreaterThan(INVOICES * 0.3);
  });

  it("has a journal with the ten columns and one line for every five invoices, about", () => {
    const { rows } = sheets[1]!;
    expect(rows[0]).toEqual([...JOURNAL_COLUMNS]);
    expect(rows.length - 1).toBe(INVOICES / 5);
    const numbers = new Set(sheets[0]!.rows.slice(LARGE_HEADER_ROW).map((row) => row[2]));
    expect(rows.slice(1).every((row) => row[0] instanceof Date && numbers.has(row[2]))).toBe(true);
  });

  it("is the same file for the same seed", async () => {
    const again = path.join(dir, "again.xlsx");
    await writeLargeTrackingWorkbook(again, { invoices: INVOICES, customers: CUSTOMERS, seed: 7 });
    const other = await readStreaming(again);
    expect(other[0]!.rows).toEqual(sheets[0]!.rows);
    expect(other[1]!.rows).toEqual(sheets[1]!.rows);
    await rm(again);
  });

  it("is written once by ensureLargeWorkbook and then reused", async () => {
    const cache = await mkdtemp(path.join(dir, "cache-"));
    const first = await ensureLargeWorkbook(cache, 300, 40);
    expect(path.basename(first)).toBe("relances-bench-300.xlsx");
    const { mtimeMs } = await stat(first);
    const second = await ensureLargeWorkbook(cache, 300, 40);
    expect(second).toBe(first);
    expect((await stat(second)).mtimeMs).toBe(mtimeMs);
    // Other parameters under the same name: written again.
    await ensureLargeWorkbook(cache, 300, 50);
    const customers = new Set((await readStreaming(first))[0]!.rows.slice(LARGE_HEADER_ROW).map((row) => row[0]));
    expect(customers.size).toBe(50);
    expect((await readdir(cache)).sort()).toEqual(["relances-bench-300.xlsx", "relances-bench-300.xlsx.json"]);
  });
});
