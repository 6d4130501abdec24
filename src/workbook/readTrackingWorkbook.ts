/**
 * The exceljs edge of the workbook input: an .xlsx file read with exceljs's streaming reader
 * (large workbooks, SPEC section 10) as the engine's WorkbookInput, its cells turned into the
 * core's CellValue; what the stream cannot give (the settings sheet ahead of the pass, merged
 * ranges, formula error cells) comes from the package itself (workbookPrelude.ts).
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../core/cellValue";
import { isProductSheet } from "../engine/sheetNames";
import type { InputSheet, RowBlock, SheetVisibility, WorkbookInput } from "../engine/workbookInput";
import { scanWorkbook, type TrackingWorkbookResult, type WorkbookScanOptions } from "../engine/workbookScan";
import { cellsOfValues } from "./exceljsCells";
import { readWorkbookPrelude, type WorkbookPrelude } from "./workbookPrelude";
import { checkWorkbookFile, notAWorkbook, UnreadableWorkbookError } from "./workbookFile";
import { zipInput } from "./zipInput";

export interface ReadTrackingWorkbookOptions extends WorkbookScanOptions {
  /** The package read ahead (settings, merged cells), when the caller has opened it already. */
  readonly prelude?: WorkbookPrelude | undefined;
  /** Told every 1,024 rows how many rows have been read (for a progress line on long reads). */
  readonly onProgress?: ((rowsRead: number) => void) | undefined;
}

interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  readonly name?: string;
  readonly id?: number;
  /** From xl/workbook.xml: "visible", "hidden" or "veryHidden". */
  readonly state?: string;
}

/** Rows per block handed to the engine: enough to make the block's cost nothing beside the rows'. */
const BLOCK_ROWS = 128;

function visibilityOf(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/** The number formats of a row's number cells (the only ones the engine reads). */
function numberFormatsOf(row: ExcelJS.Row, cells: readonly CellValue[]): (string | undefined)[] {
  const formats: (string | undefined)[] = [];
  for (let i = 0; i < cells.length; i++) {
    const format = typeof cells[i] === "number" ? row.getCell(i + 1).numFmt : undefined;
    formats.push(typeof format === "string" ? format : undefined);
  }
  return formats;
}

/**
 * An .xlsx file as the engine's WorkbookInput, read in one pass by exceljs's streaming reader.
 * A sheet's rows are iterated to its end, wanted or not: exceljs needs each sheet drained to go on.
 *
 * @param file - an .xlsx file checked by checkWorkbookFile
 * @param prelude - its package read ahead (readWorkbookPrelude)
 * @returns the input; its pass throws UnreadableWorkbookError when exceljs cannot read the file
 * @example
 * const source = await readWorkbook(streamedWorkbookInput("suivi.xlsx", await readWorkbookPrelude("suivi.xlsx")));
 */
export function streamedWorkbookInput(file: string, prelude: WorkbookPrelude, onProgress?: (rowsRead: number) => void): WorkbookInput {
  let tabOrder: readonly string[] = [];
  let rowsRead = 0;
  const tick = (): void => {
    if ((++rowsRead & 1023) === 0) onProgress?.(rowsRead);
  };
  // What exceljs throws is a damaged file; what the engine throws while it reads goes through unchanged.
  const damaged = (error: unknown): UnreadableWorkbookError => (error instanceof UnreadableWorkbookError ? error : notAWorkbook(file, error));
  return {
    sheetRows: (name) => prelude.sheetRows(name),
    tabOrder: () => tabOrder,
    async *sheets(): AsyncGenerator<InputSheet> {
      // Read from the package before the stream starts, each part scanned on its own; the
      // product's own sheets are never tracking sheets, and the journal may be long.
      const extras = await prelude.sheetExtras(prelude.sheetNames.filter((name) => !isProductSheet(name)));
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(zipInput(file), {
        sharedStrings: "cache",
        hyperlinks: "ignore",
        // Styles tell exceljs which numbers are dates.
        styles: "cache",
        worksheets: "emit",
      });
      let count = 0;
      const worksheets = (reader as unknown as AsyncIterable<StreamedSheet>)[Symbol.asyncIterator]();
      let finished = false;
      try {
        for (;;) {
          let worksheet: StreamedSheet;
          try {
            const next = await worksheets.next();
            if (next.done === true) break;
            worksheet = next.value;
          } catch (error) {
            throw damaged(error);
          }
          count++;
          const rows = worksheet[Symbol.asyncIterator]();
          const name = worksheet.name ?? `Feuille ${worksheet.id ?? count}`;
          yield {
            name,
            visibility: visibilityOf(worksheet.state),
            extras: async () => extras.get(name),
            rows: (options) => streamedRows(rows, options?.numberFormats === true, damaged, tick),
          };
          try {
            // Rows the engine did not want are drained, and counted too (a progress line counts them).
            while ((await rows.next()).done !== true) tick();
          } catch (error) {
            throw damaged(error);
          }
        }
        finished = true;
      } finally {
        // The engine stopped the pass (it threw): exceljs is told, as a for-await loop would tell it.
        if (!finished) await worksheets.return?.();
      }
      if (count === 0) throw notAWorkbook(file);
      const model = (reader as unknown as { model?: { sheets?: { name?: string }[] } }).model;
      tabOrder = model?.sheets?.map((s) => s.name ?? "").filter((s) => s !== "") ?? [];
    },
  };
}

/** A streamed sheet's rows in blocks of consecutive rows; the caller drains what is left. */
async function* streamedRows(
  rows: AsyncIterator<ExcelJS.Row>,
  withFormats: boolean,
  damaged: (error: unknown) => Error,
  tick: () => void,
): AsyncGenerator<RowBlock> {
  let firstRow = 0;
  let values: CellValue[][] = [];
  let numberFormats: (string | undefined)[][] = [];
  for (;;) {
    let row: ExcelJS.Row;
    let cells: CellValue[];
    try {
      const next = await rows.next();
      if (next.done === true) break;
      row = next.value;
      tick();
      cells = cellsOfValues(row.values as ExcelJS.CellValue[]);
    } catch (error) {
      throw damaged(error);
    }
    if (values.length > 0 && (row.number !== firstRow + values.length || values.length >= BLOCK_ROWS)) {
      yield withFormats ? { firstRow, values, numberFormats } : { firstRow, values };
      values = [];
      numberFormats = [];
    }
    if (values.length === 0) firstRow = row.number;
    values.push(cells);
    if (withFormats) numberFormats.push(numberFormatsOf(row, cells));
  }
  if (values.length > 0) yield withFormats ? { firstRow, values, numberFormats } : { firstRow, values };
}

/**
 * Reads the tracking sheets of an .xlsx file with exceljs's streaming reader, in one pass (the
 * engine's scanWorkbook: which sheets, hidden ones, history sheets, merged cells).
 *
 * @param file - the path of the .xlsx file
 * @param options - sheet or sheets, savedColumns, headerRow, today, otherSheets, prelude
 * @returns the sheets' invoices, credit notes, rejected rows and counts, with `problem` set when
 *   no tracking sheet was found; the sheets read and left out; the workbook's sheet names; the
 *   other sheets' rows
 * @throws UnreadableWorkbookError when the file is missing, unreadable or not an .xlsx workbook
 * @example
 * const result = await readTrackingWorkbook("suivi.xlsx", { otherSheets: ["Journal des relances"] });
 * result.invoices.length + result.creditNotes.length + result.skipped + result.rejected.length === result.rows
 */
export async function readTrackingWorkbook(file: string, options: ReadTrackingWorkbookOptions = {}): Promise<TrackingWorkbookResult> {
  await checkWorkbookFile(file);
  const prelude = options.prelude ?? (await readWorkbookPrelude(file));
  return scanWorkbook(streamedWorkbookInput(file, prelude, options.onProgress), options);
}
