/**
 * The exceljs edge of the workbook input: an .xlsx file read with exceljs's streaming reader
 * (large workbooks, SPEC section 10) as the engine's WorkbookInput, its cells turned into the
 * core's CellValue; what the stream cannot give (the settings sheet ahead of the pass, merged
 * ranges, formula error cells) comes from the package itself (workbookPrelude.ts).
 */
import { createReadStream, type ReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { CellValue } from "../core/cellValue";
import { isProductSheet, sameSheetName } from "../engine/sheetNames";
import type { InputSheet, RowBlock, SheetVisibility, WorkbookInput } from "../engine/workbookInput";
import { scanWorkbook, type TrackingWorkbookResult, type WorkbookScanOptions } from "../engine/workbookScan";
import { readWorkbookPrelude, type WorkbookPrelude } from "./workbookPrelude";

export interface ReadTrackingWorkbookOptions extends WorkbookScanOptions {
  /** The package read ahead (settings, merged cells), when the caller has opened it already. */
  readonly prelude?: WorkbookPrelude | undefined;
  /** Told every 1,024 rows how many rows have been read (for a progress line on long reads). */
  readonly onProgress?: ((rowsRead: number) => void) | undefined;
}

/** A workbook file that cannot be read at all; the message is one French / English line. */
export class UnreadableWorkbookError extends Error {
  override readonly name = "UnreadableWorkbookError";
}

const MS_PER_DAY = 86_400_000;
/** The Excel serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/**
 * One exceljs cell value as the core reads it. exceljs gives dates as JS Dates at UTC midnight of
 * the day the sheet shows, whatever the machine's time zone, so the UTC day is the sheet's day.
 *
 * @param value - an exceljs cell value
 * @returns a Date as its Excel serial, a formula as its cached result (null without one), rich
 *   text and hyperlinks as their text, an error as its text ("#N/A")
 * @example
 * cellValueOf(new Date(Date.UTC(2021, 2, 31)))      // 44286
 * cellValueOf({ formula: "B2*1.2", result: 120 })  // 120
 * cellValueOf({ richText: [{ text: "SCI " }, { text: "Les Tilleuls" }] }) // "SCI Les Tilleuls"
 */
export function cellValueOf(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isNaN(value) ? null : value;
    default:
      break;
  }
  if (value instanceof Date) return serialOfDate(value);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : cellValueOf(result as ExcelJS.CellValue);
  }
  if ("richText" in value) {
    let text = "";
    const runs = value.richText;
    for (let i = 0; i < runs.length; i++) text += runs[i]?.text ?? "";
    return text;
  }
  if ("error" in value) return value.error;
  if ("text" in value) return cellValueOf(value.text as ExcelJS.CellValue);
  // An index into shared strings exceljs never loaded: reading on would make every text cell blank.
  if ("sharedString" in value) throw new Error("exceljs: shared strings missing");
  return null;
}

function serialOfDate(date: Date): CellValue {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  return Math.floor(ms / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
}

/** exceljs's Row.values: 1-based and sparse. */
function cellsOfValues(values: readonly ExcelJS.CellValue[]): CellValue[] {
  const cells: CellValue[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellValueOf(values[i]));
  return cells;
}

/**
 * A sheet of a loaded workbook by name, matched as the streaming reader matches it (case, accents
 * and punctuation aside), the exact name first. Excel's own names are case-insensitive: a
 * "journal des relances" is the journal, and adding "Journal des relances" beside it would fail.
 *
 * @param workbook - an exceljs workbook
 * @param name - the sheet's name, e.g. JOURNAL_SHEET
 * @returns the worksheet, or undefined
 * @example
 * findWorksheet(workbook, "Journal des relances") // also the sheet "JOURNAL DES RELANCES"
 */
export function findWorksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.getWorksheet(name) ?? workbook.worksheets.find((ws) => sameSheetName(name, ws.name));
}

function unreadable(file: string, french: string, english: string, cause?: unknown): UnreadableWorkbookError {
  return new UnreadableWorkbookError(`Impossible de lire «${file}» : ${french} / cannot read «${file}»: ${english}`, { cause });
}

function notAWorkbook(file: string, cause?: unknown, detailFr = "", detailEn = ""): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    `«${file}» n'est pas un classeur Excel (.xlsx) valide${detailFr} / «${file}» is not a valid Excel workbook (.xlsx)${detailEn}`,
    { cause },
  );
}

const ZIP_MAGIC = 0x04034b50; // "PK\3\4", little-endian
const OLE_MAGIC = 0xe011cfd0; // the compound file of .xls and of password-protected workbooks

/**
 * Checks that a file is there, readable and a zip (as .xlsx workbooks are) before exceljs opens
 * it: exceljs's own errors for these are unhandled stream errors or obscure messages.
 *
 * @param file - the path
 * @throws UnreadableWorkbookError with one French / English line: not found, a folder, access
 *   denied, an old .xls or password-protected workbook, not an .xlsx
 * @example
 * await checkWorkbookFile("suivi.xlsx");
 */
export async function checkWorkbookFile(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw unreadable(file, "c'est un dossier", "it is a folder");
    const handle = await open(file, "r");
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
      const magic = bytesRead === 4 ? buffer.readUInt32LE(0) : 0;
      if (magic === OLE_MAGIC) {
        throw notAWorkbook(
          file,
          undefined,
          " (ancien format .xls ou classeur protégé par mot de passe)",
          " (old .xls format or password-protected)",
        );
      }
      if (magic !== ZIP_MAGIC) throw notAWorkbook(file);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw unreadable(file, "fichier introuvable", "file not found", error);
    if (code === "EACCES" || code === "EPERM") throw unreadable(file, "accès refusé", "permission denied", error);
    throw unreadable(file, (error as Error).message, (error as Error).message, error);
  }
}

/**
 * The file as a stream for exceljs, mending a race in its streaming reader (exceljs issue 3064):
 * the unzip parser emits "end" as soon as it has read the whole file, while entries it has parsed
 * may still wait in its buffer; exceljs then stops and loses them, and the last entry of a
 * workbook exceljs wrote is xl/workbook.xml ("Cannot read properties of undefined (reading
 * 'sheets')", or shared strings silently missing). The parser is the stream exceljs pipes ours
 * into: there, an early "end" is held back until the buffer has been delivered.
 */
function zipInput(file: string): ReadStream {
  const source = createReadStream(file);
  const pipe = source.pipe;
  source.pipe = function <T extends NodeJS.WritableStream>(this: ReadStream, destination: T, options?: { end?: boolean }): T {
    const parser = destination as unknown as NodeJS.EventEmitter & { readonly readableLength?: number };
    holdEndUntilDrained(parser);
    // exceljs pipes without listening to the file's errors: a read error must fail the parse, not the process.
    source.on("error", (error) => parser.emit("error", error));
    return pipe.call(this, destination, options) as T;
  };
  return source;
}

/**
 * Holds back an "end" a stream emits while objects still wait in its buffer, until a "data" event
 * has delivered the last of them (the mend of zipInput).
 *
 * @param stream - a readable stream (unzipper's Parse)
 * @example
 * holdEndUntilDrained(parser); // parser.emit("end") now waits for parser.readableLength === 0
 */
export function holdEndUntilDrained(stream: NodeJS.EventEmitter & { readonly readableLength?: number }): void {
  const emit = stream.emit;
  let endHeld = false;
  stream.emit = function (this: typeof stream, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "end" && (this.readableLength ?? 0) > 0) {
      endHeld = true;
      return false;
    }
    const listened = emit.call(this, event, ...args);
    if (event === "data" && endHeld && (this.readableLength ?? 0) === 0) {
      endHeld = false;
      emit.call(this, "end");
    }
    return listened;
  };
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
          const rows = countedRows(worksheet[Symbol.asyncIterator](), () => {
            if ((++rowsRead & 1023) === 0) onProgress?.(rowsRead);
          });
          const name = worksheet.name ?? `Feuille ${worksheet.id ?? count}`;
          yield {
            name,
            visibility: visibilityOf(worksheet.state),
            extras: async () => extras.get(name),
            rows: (options) => streamedRows(rows, options?.numberFormats === true, damaged),
          };
          try {
            while ((await rows.next()).done !== true);
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

/** A sheet's rows, each one counted as it is read, wanted or drained (a progress line counts them). */
function countedRows(rows: AsyncIterator<ExcelJS.Row>, tick: () => void): AsyncIterator<ExcelJS.Row> {
  return {
    async next() {
      const next = await rows.next();
      if (next.done !== true) tick();
      return next;
    },
  };
}

/** A streamed sheet's rows in blocks of consecutive rows; the caller drains what is left. */
async function* streamedRows(
  rows: AsyncIterator<ExcelJS.Row>,
  withFormats: boolean,
  damaged: (error: unknown) => Error,
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
