// Workbooks for the contract test, both ways: as the Excel task pane hands them over from Office.js
// (2D arrays of values: "" for an empty cell, dates as serials, an error as its text, number
// formats beside them, merged areas) and as an .xlsx file holding the same cells, for the exceljs
// adapter. Each adapter then reads its side, and the two must give the same plan and documents.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Day } from "../../src/core/day";
import type { Plan } from "../../src/core/plan";
import { planToJson } from "../../src/core/planJson";
import type { Settings } from "../../src/core/settings";
import { writeRunDocuments } from "../../src/node/writeRunDocuments";
import { memoryWorkbook, type MemorySheet, type MemoryWorkbookOptions } from "../../src/engine/memoryWorkbook";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbook, type SourceOptions } from "../../src/engine/readWorkbook";
import { officeSheets } from "../../src/workbook/officeSheets";
import { readWorkbookSource } from "../../src/workbook/workbookSource";

const EXCEL_ERRORS = new Set(["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]);

/**
 * Writes sheets given as Office.js arrays into an .xlsx, as Excel would hold them: "" as an empty
 * cell, a number with its number format, an error text as a formula whose cached result is that
 * error, the merged areas merged, a hidden sheet hidden.
 */
export async function writeOfficeSheets(sheets: readonly MemorySheet[], file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { state: sheet.visibility ?? "visible" });
    const first = sheet.firstRow ?? 1;
    sheet.values.forEach((cells, i) => {
      const row = ws.getRow(first + i);
      cells.forEach((value, c) => {
        const format = sheet.numberFormats?.[i]?.[c];
        if (value === "" || value === null) return;
        const cell = row.getCell(c + 1);
        cell.value = typeof value === "string" && EXCEL_ERRORS.has(value) ? { formula: "NA()", result: { error: value as ExcelJS.CellErrorValue["error"] } } : value;
        if (format !== undefined && format !== "General") cell.numFmt = format;
      });
      row.commit();
    });
    for (const m of sheet.merged ?? []) ws.mergeCells(m.top, m.left + 1, m.bottom, m.right + 1);
  }
  await workbook.xlsx.writeFile(file);
}

/**
 * An .xlsx file's sheets as Office.js hands them over: each sheet's used range from A1, dense,
 * "" for an empty cell and for the cells a merge covers, dates as serials, formulas as their
 * cached result, an error as its text, "General" where no number format is set.
 */
export async function officeSheetsOf(file: string): Promise<MemorySheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return officeSheets(workbook);
}

export interface BothSides {
  readonly arrays: { readonly plan: Plan; readonly settings: Settings };
  readonly file: { readonly plan: Plan; readonly settings: Settings };
}

/** The plan of the same workbook from the arrays (memory adapter) and from the .xlsx (exceljs adapter). */
export async function planBothSides(
  sheets: readonly MemorySheet[],
  file: string,
  asOf: Day,
  options: Omit<SourceOptions, "asOf"> = {},
  memory: MemoryWorkbookOptions = {},
): Promise<BothSides> {
  const fromArrays = await readWorkbook(memoryWorkbook(sheets, memory), { ...options, asOf });
  if (fromArrays.tracking.problem !== undefined) throw new Error(fromArrays.tracking.problem.message);
  const fromFile = await readWorkbookSource(file, { ...options, asOf });
  return {
    arrays: { plan: planWorkbook(fromArrays, asOf), settings: fromArrays.settings },
    file: { plan: planWorkbook(fromFile, asOf), settings: fromFile.settings },
  };
}

/** The plan as `relances plan --json` prints it. */
export function planJsonText(plan: Plan): string {
  return JSON.stringify(planToJson(plan), null, 2);
}

/** Every file a run's documents step writes for a plan, by relative path. */
export async function documentsOf(plan: Plan, settings: Settings): Promise<Map<string, Buffer>> {
  const dir = await mkdtemp(path.join(tmpdir(), "relances-contract-"));
  try {
    await writeRunDocuments(plan, settings, dir);
    const files = new Map<string, Buffer>();
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, full), await readFile(full));
    }
    return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
