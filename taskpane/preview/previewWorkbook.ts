// The workbook the preview works on, held in the page: its sheets as Office.js arrays for the
// engine and, when it came from an .xlsx, the exceljs workbook the writes also go into, for the
// "download the updated workbook" button.
import type ExcelJS from "exceljs";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { updateSheets } from "../../src/engine/memoryWorkbookOutput";
import { sameSheetName } from "../../src/engine/sheetNames";
import type { CellUpdate, SheetAppend } from "../../src/engine/workbookOutput";
import { appendToWorkbook } from "./excelAppend";
import { excelJs, officeSheets } from "./excelSheets";

let opened = 0;

export class PreviewWorkbook {
  private current: readonly MemorySheet[];
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
    this.current = sheets;
  }

  static fromExcel(name: string, excel: ExcelJS.Workbook): PreviewWorkbook {
    return new PreviewWorkbook(name, officeSheets(excel), excel);
  }

  get sheets(): readonly MemorySheet[] {
    return this.current;
  }

  /** Applies one action's appends: to the file's workbook, then the arrays read again from it. */
  append(appends: readonly SheetAppend[]): void {
    const excel = this.excel ?? this.excelFromSheets();
    appendToWorkbook(excel, appends);
    this.current = officeSheets(excel);
  }

  /**
   * Changes cells of the settings sheet, each only while it holds what was read (updateSheets
   * checks them all first, so that nothing is written when one fails), then applies the appends.
   */
  update(updates: readonly CellUpdate[], appends: readonly SheetAppend[] = []): void {
    updateSheets(this.current, updates);
    const excel = this.excel ?? this.excelFromSheets();
    for (const { sheet, row, column, value } of updates) {
      const ws = excel.worksheets.find((w) => sameSheetName(w.name, sheet))!;
      ws.getCell(row, column + 1).value = value === "" ? null : value;
    }
    appendToWorkbook(excel, appends);
    this.current = officeSheets(excel);
  }

  /** The workbook as an .xlsx, with the writes made so far. */
  async xlsx(): Promise<Uint8Array> {
    const excel = this.excel ?? this.excelFromSheets();
    return new Uint8Array(await excel.xlsx.writeBuffer());
  }

  private built?: ExcelJS.Workbook;

  /** A workbook made from arrays (no file behind them: the benchmark's), kept once made. */
  private excelFromSheets(): ExcelJS.Workbook {
    if (this.built !== undefined) return this.built;
    const excel = new (excelJs().Workbook)();
    for (const sheet of this.current) {
      const ws = excel.addWorksheet(sheet.name);
      sheet.values.forEach((cells, i) => {
        const row = ws.getRow((sheet.firstRow ?? 1) + i);
        cells.forEach((value, c) => {
          if (value !== "" && value !== null) row.getCell(c + 1).value = value;
        });
      });
    }
    return (this.built = excel);
  }
}
