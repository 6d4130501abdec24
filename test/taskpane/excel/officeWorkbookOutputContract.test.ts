// The Office.js writer passes the contract every WorkbookOutput adapter passes
// (test/engine/workbookOutputContract.ts), on an Excel made with office-addin-mock.
import { afterEach } from "vitest";
import type { MemorySheet } from "../../../src/engine/memoryWorkbook";
import { officeWorkbookOutput } from "../../../taskpane/excel/officeWorkbookOutput";
import { workbookOutputContract } from "../../engine/workbookOutputContract";
import { installFakeExcel, removeFakeExcel, type Cell, type FakeExcel, type FakeSheet } from "./fakeExcel";

afterEach(removeFakeExcel);

function fakeSheet(sheet: MemorySheet): FakeSheet {
  const cells: Cell[][] = [];
  const formats = new Map<string, string>();
  for (let row = 1; row < (sheet.firstRow ?? 1); row++) cells.push([]);
  sheet.values.forEach((values, r) => {
    cells.push(values.map((value) => (value === null ? "" : value)));
    sheet.numberFormats?.[r]?.forEach((format, c) => format !== undefined && formats.set(`${cells.length - 1},${c}`, format));
  });
  return { name: sheet.name, visibility: sheet.visibility === "hidden" ? "Hidden" : sheet.visibility === "veryHidden" ? "VeryHidden" : "Visible", cells, formats };
}

/** The fake's sheets as MemorySheet, each cell's number format beside its value. */
function memorySheets(excel: FakeExcel): MemorySheet[] {
  return excel.sheets.map((sheet) => {
    const width = Math.max(0, ...sheet.cells.map((row) => row.length), ...[...(sheet.formats?.keys() ?? [])].map((key) => Number(key.split(",")[1]) + 1));
    const height = Math.max(sheet.cells.length, ...[...(sheet.formats?.keys() ?? [])].map((key) => Number(key.split(",")[0]) + 1));
    const values = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => excel.cell(sheet.name, r, c)));
    const numberFormats = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => excel.format(sheet.name, r, c)));
    return { name: sheet.name, values, numberFormats };
  });
}

workbookOutputContract("the Office.js output", {
  async open(sheets) {
    const excel = installFakeExcel(sheets.map(fakeSheet));
    return { output: officeWorkbookOutput(), read: async () => memorySheets(excel) };
  },
});
