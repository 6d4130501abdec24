// The workbook the preview works on, held in the page: its sheets as Office.js arrays, written
// through the engine's in-memory output (MemoryWorkbookOutput), and, when it came from an .xlsx,
// the exceljs workbook read from it, onto which "download the updated workbook" carries the cells
// the pane wrote (nothing else of the user's file changes).
import type ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/cellValue";
import { MemoryWorkbookOutput } from "../../src/engine/memoryWorkbookOutput";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { CellUpdate, SheetAppend, WorkbookOutput } from "../../src/engine/workbookOutput";
import { excelJs, officeSheets } from "./excelSheets";

let opened = 0;

export class PreviewWorkbook implements WorkbookOutput {
  private readonly output: MemoryWorkbookOutput;
  /** Tells two workbooks of the same name apart (the pane starts afresh on each). */
  readonly id = ++opened;

  /**
   * @param name - the file's name
   * @param sheets - the sheets as arrays
   * @param excel - the workbook read from the file, when there is one
   */
  constructor(
    readonly name: string,
    sheets: readonly MemorySheet[],
    private readonly excel?: ExcelJS.Workbook,
  ) {
    this.output = new MemoryWorkbookOutput(sheets);
  }

  static fromExcel(name: string, excel: ExcelJS.Workbook): PreviewWorkbook {
    return new PreviewWorkbook(name, officeSheets(excel), excel);
  }

  /** The workbook as it is now. */
  get sheets(): readonly MemorySheet[] {
    return this.output.sheets;
  }

  append(appends: readonly SheetAppend[]): Promise<void> {
    return this.output.append(appends);
  }

  update(updates: readonly CellUpdate[], appends?: readonly SheetAppend[]): Promise<void> {
    return this.output.update(updates, appends);
  }

  /** The workbook as an .xlsx: the file's, with the cells the pane wrote. */
  async xlsx(): Promise<Uint8Array> {
    const excel = this.excel ?? new (excelJs().Workbook)();
    const before = new Map(officeSheets(excel).map((s) => [s.name, s]));
    for (const sheet of this.sheets) {
      const ws = excel.getWorksheet(sheet.name) ?? excel.addWorksheet(sheet.name);
      writeChangedCells(ws, sheet, before.get(sheet.name));
    }
    return new Uint8Array(await excel.xlsx.writeBuffer());
  }
}

/** Writes the cells of `now` that differ from `was`, with their number format (dates, Text). */
function writeChangedCells(ws: ExcelJS.Worksheet, now: MemorySheet, was: MemorySheet | undefined): void {
  const first = now.firstRow ?? 1;
  now.values.forEach((cells, i) => {
    const old = was?.values[first + i - (was.firstRow ?? 1)];
    cells.forEach((value, c) => {
      if (same(value, old?.[c])) return;
      const cell = ws.getCell(first + i, c + 1);
      // A string goes in as a shared string: exceljs writes a formula only for { formula }.
      cell.value = value === "" ? null : value;
      const format = now.numberFormats?.[i]?.[c];
      if (format !== undefined && format !== "General") cell.numFmt = format;
    });
  });
}

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const blank = (v: CellValue | undefined): boolean => v === undefined || v === null || v === "";
  return blank(a) ? blank(b) : a === b;
}
