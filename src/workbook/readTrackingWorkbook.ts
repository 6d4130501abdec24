/**
 * The exceljs edge of the tracking sheets: turns exceljs cells into the core's CellValue and feeds
 * the core's row reader, from a file through exceljs's streaming reader (large workbooks, SPEC
 * section 10), choosing the sheets as SPEC section 3 says (which sheets, hidden ones, the manual
 * workflow's history sheets) and filling the cells merged across data rows.
 */
import { createReadStream, type ReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import { savedMappingWarnings, SHEETS_KEY } from "../core/columnMapping";
import type { Day } from "../core/day";
import { historySheetLevel, type HistorySheet } from "../core/historySheets";
import { JOURNAL_SHEET } from "../core/journalEntry";
import { normalizeText } from "../core/normalizeText";
import { problem, type Problem } from "../core/problem";
import { SETTINGS_SHEET } from "../core/settings";
import {
  createTrackingSheetReader,
  type CellValue,
  type TrackingSheetReader,
  type TrackingSheetResult,
} from "../core/trackingSheet";
import type { ReminderLevel } from "../core/reminderLevel";
import type { TrackingField } from "../core/trackingColumns";
import { leftOut as leftOutSheet, mergeTrackingSheets, type LeftOutReason, type SheetLeftOut, type SheetRead } from "../core/trackingSheets";
import { readWorkbookPrelude, type MergedRange, type SheetExtras, type WorkbookPrelude } from "./workbookPrelude";

/** The sheets the product writes itself: never taken for the tracking sheet. */
export const PRODUCT_SHEETS: readonly string[] = [
  JOURNAL_SHEET,
  "Paramètres Relances",
  "Relance 1",
  "Relance 2",
  "Mise en demeure",
];

/** One row of a sheet as the core reads it. */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
}

export interface ReadTrackingWorkbookOptions {
  /** The one tracking sheet to read (--sheet), hidden or not; otherwise `sheets`. */
  readonly sheet?: string | undefined;
  /** The tracking sheets to read (the saved mapping's feuilles_suivi); otherwise every visible sheet recognised. */
  readonly sheets?: readonly string[] | undefined;
  /** The columns saved in the settings sheet, which win over the automatic match. */
  readonly savedColumns?: Readonly<Partial<Record<TrackingField, string>>> | undefined;
  /** The package read ahead (settings, merged cells), when the caller has opened it already. */
  readonly prelude?: WorkbookPrelude | undefined;
  /** The 1-based header row; otherwise it is searched for. */
  readonly headerRow?: number | undefined;
  /** The reference date (invoices dated after it get a warning). */
  readonly today?: Day | undefined;
  /** Other sheets whose rows the caller wants from the same pass (the journal, the settings). */
  readonly otherSheets?: readonly string[] | undefined;
  /** Told every 1,024 rows how many rows have been read (for a progress line on long reads). */
  readonly onProgress?: ((rowsRead: number) => void) | undefined;
}

export interface TrackingWorkbookResult extends TrackingSheetResult {
  /** Every sheet of the workbook, in tab order. */
  readonly sheetNames: string[];
  /** The rows of each of otherSheets found, under the name the caller gave. */
  readonly otherRows: Map<string, SheetRow[]>;
  /** The tracking sheets read, with their mappings, and the sheets left out, with why. */
  readonly sheets: { readonly read: readonly SheetRead[]; readonly leftOut: readonly SheetLeftOut[] };
  /** The sheets of the manual workflow (« 1ère relance »...), with their rows. */
  readonly historySheets: readonly HistorySheet[];
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
 * A number shown as a percentage ("2,15 %", stored 0.0215) read as the figure the user typed, as
 * the settings sheet means it (readSettingsSheet does the same on a loaded workbook).
 */
function readPercentagesAsShown(row: { getCell(column: number): { numFmt?: unknown } }, cells: CellValue[]): void {
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (typeof value !== "number") continue;
    const format = row.getCell(i + 1).numFmt;
    if (typeof format === "string" && format.includes("%")) cells[i] = Number((value * 100).toPrecision(15));
  }
}

function sameSheetName(a: string, b: string): boolean {
  return a === b || normalizeText(a) === normalizeText(b);
}

const PRODUCT_SHEET_KEYS = new Set(PRODUCT_SHEETS.map(normalizeText));

/** Whether a sheet is one of the product's own (PRODUCT_SHEETS), named as the reader matches names. */
export function isProductSheet(name: string): boolean {
  return PRODUCT_SHEET_KEYS.has(normalizeText(name));
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

/** Gives a cell merged across data rows to every row it covers, as the rows stream by. */
class MergeFill {
  private readonly pending: MergedRange[];
  private active: { range: MergedRange; value: CellValue }[] = [];

  constructor(ranges: readonly MergedRange[]) {
    this.pending = [...ranges].sort((a, b) => b.top - a.top);
  }

  /** Fills the row in place; merges that start on the header row or above are left alone. */
  fill(row: number, cells: CellValue[], headerRow: number | undefined): void {
    if (this.active.length > 0) this.active = this.active.filter(({ range }) => range.bottom >= row);
    let next = this.pending.at(-1);
    while (next !== undefined && next.top <= row) {
      this.pending.pop();
      if (next.top === row && headerRow !== undefined && row > headerRow) this.active.push({ range: next, value: cells[next.left] ?? null });
      next = this.pending.at(-1);
    }
    for (const { range, value } of this.active) {
      if (row === range.top || value === null) continue;
      while (cells.length <= range.left) cells.push(null);
      cells[range.left] = value;
    }
  }
}

/**
 * Reads the tracking sheets while the streamed sheets go by: every visible sheet whose header is
 * recognised, or the sheets named (--sheet, or feuilles_suivi); keeps the history sheets of the
 * manual workflow and the rows of the other sheets asked for.
 */
class WorkbookScan {
  private readonly sheetNames: string[] = [];
  private readonly otherRows = new Map<string, SheetRow[]>();
  private readonly failures: { sheet: string; problem: Problem }[] = [];
  private readonly results: TrackingSheetResult[] = [];
  private readonly read: SheetRead[] = [];
  private readonly leftOut: SheetLeftOut[] = [];
  private readonly history: { sheet: string; level: ReminderLevel; rows: SheetRow[] }[] = [];
  private readonly named: readonly string[];
  private reader: TrackingSheetReader | undefined;
  private headerCells: readonly CellValue[] = [];
  private merges: MergeFill | undefined;
  private errors: ReadonlyMap<number, ReadonlyMap<number, string>> | undefined;
  private collecting: SheetRow[] | undefined;
  private historyRows: SheetRow[] | undefined;

  constructor(
    private readonly options: ReadTrackingWorkbookOptions,
    private readonly extras: ReadonlyMap<string, SheetExtras>,
  ) {
    this.named = options.sheet !== undefined ? [options.sheet] : (options.sheets ?? []);
  }

  /** Starts a sheet; returns whether its rows are wanted at all. */
  beginSheet(name: string, state: string | undefined): boolean {
    this.sheetNames.push(name);
    this.reader = undefined;
    this.collecting = undefined;
    this.historyRows = undefined;
    this.merges = undefined;
    this.errors = undefined;
    this.headerCells = [];
    const other = this.options.otherSheets?.find((wanted) => sameSheetName(wanted, name));
    if (other !== undefined && !this.otherRows.has(other)) {
      this.collecting = [];
      this.otherRows.set(other, this.collecting);
    }
    const use = this.use(name, state);
    if (use === "read") {
      this.reader = createTrackingSheetReader(name, {
        headerRow: this.options.headerRow,
        today: this.options.today,
        savedColumns: this.options.savedColumns,
      });
      const extras = this.extras.get(name);
      if (extras !== undefined && extras.mergedAcrossRows.length > 0) this.merges = new MergeFill(extras.mergedAcrossRows);
      this.errors = extras?.errors;
    } else {
      const level = use === "history" ? historySheetLevel(name) : undefined;
      if (level !== undefined) {
        this.historyRows = [];
        this.history.push({ sheet: name, level, rows: this.historyRows });
      }
      this.leftOut.push(leftOutSheet(name, use));
    }
    return this.wantsRows();
  }

  private use(name: string, state: string | undefined): "read" | LeftOutReason {
    if (this.named.some((wanted) => sameSheetName(wanted, name))) return "read";
    if (isProductSheet(name)) return "product";
    if (historySheetLevel(name) !== undefined) return "history";
    if (this.named.length > 0) return "notNamed";
    if (state === "hidden" || state === "veryHidden") return state;
    return "read";
  }

  /** Whether the rows still matter: false once a candidate sheet has no header row. */
  wantsRows(): boolean {
    return this.collecting !== undefined || this.historyRows !== undefined || (this.reader !== undefined && !this.reader.headerMissing);
  }

  /** Whether the current sheet is one of the other sheets asked for (the journal, the settings). */
  collectingOther(): boolean {
    return this.collecting !== undefined;
  }

  row(row: number, cells: CellValue[]): void {
    const reader = this.reader;
    if (reader !== undefined && !reader.headerMissing) {
      // A formula's cached error reaches here as nothing (exceljs reads it as NaN): put its text back.
      const errors = this.errors?.get(row);
      if (errors !== undefined) {
        for (const [column, error] of errors) {
          while (cells.length < column) cells.push(null);
          cells[column] = error;
        }
      }
      this.merges?.fill(row, cells, reader.headerRow);
      const before = reader.headerRow;
      reader.push(row, cells);
      if (before === undefined && reader.headerRow === row) this.headerCells = cells;
    }
    this.collecting?.push({ row, cells });
    this.historyRows?.push({ row, cells });
  }

  endSheet(): void {
    const reader = this.reader;
    this.reader = undefined;
    this.collecting = undefined;
    this.historyRows = undefined;
    if (reader === undefined) return;
    const result = reader.finish();
    if (result.problem !== undefined || result.mapping === null) {
      const why = result.problem ?? problem("Aucune ligne d'en-tête");
      this.failures.push({ sheet: result.sheet, problem: why });
      this.leftOut.push(leftOutSheet(result.sheet, "noHeader", why.message));
      return;
    }
    const saved = this.options.savedColumns;
    const warnings = saved === undefined ? [] : savedMappingWarnings(result.sheet, saved, result.mapping, this.headerCells);
    this.results.push(warnings.length === 0 ? result : { ...result, warnings: [...result.warnings, ...warnings] });
    this.read.push({ sheet: result.sheet, mapping: result.mapping, headerCells: this.headerCells });
  }

  result(tabOrder?: readonly string[]): TrackingWorkbookResult {
    const sheetNames = tabOrder !== undefined && tabOrder.length > 0 ? [...tabOrder] : this.sheetNames;
    const missing = this.named.filter((wanted) => !sheetNames.some((name) => sameSheetName(wanted, name)));
    const found = this.results.length === 0 || missing.length > 0 ? this.nothingFound(sheetNames, missing) : mergeTrackingSheets(this.results);
    return {
      ...found,
      sheetNames,
      otherRows: this.otherRows,
      sheets: { read: this.read, leftOut: this.leftOut },
      historySheets: this.history,
    };
  }

  private nothingFound(sheetNames: readonly string[], missing: readonly string[]): TrackingSheetResult {
    const first = this.failures[0];
    let why: Problem;
    if (missing.length > 0) {
      const from = this.options.sheet === undefined ? ` (${SHEETS_KEY} des ${SETTINGS_SHEET})` : "";
      why = problem(
        `Feuille ${missing.map((s) => `«${s}»`).join(", ")}${from} introuvable ; feuilles du classeur : ${sheetNames.map((s) => `«${s}»`).join(", ")}`,
      );
    } else if (first === undefined) {
      why = problem("Aucune feuille de suivi dans le classeur");
    } else if (this.failures.length === 1) {
      why = problem(`Feuille «${first.sheet}» : ${first.problem.message}`);
    } else {
      why = problem(
        `Aucune feuille de suivi reconnue : ${this.failures.map((f) => `feuille «${f.sheet}» : ${f.problem.message}`).join(" ; ")}`,
      );
    }
    return {
      sheet: missing[0] ?? first?.sheet ?? "",
      mapping: null,
      invoices: [],
      creditNotes: [],
      rejected: [],
      skipped: 0,
      rows: 0,
      warnings: [],
      problem: why,
    };
  }
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

/**
 * Reads the tracking sheets of an .xlsx file with exceljs's streaming reader, in one pass: the
 * sheets named, or every visible sheet whose header row is found (the product's own sheets and
 * the manual workflow's history sheets aside), as one; the rows of otherSheets and of the
 * history sheets are kept for the caller. A cell merged across data rows gives its value to every
 * row it covers (the merges are read ahead from the package: see workbookPrelude.ts).
 *
 * @param file - the path of the .xlsx file
 * @param options - sheet or sheets, savedColumns, headerRow, today, otherSheets
 * @returns the sheets' invoices, credit notes, rejected rows and counts, with `problem` set when
 *   no tracking sheet was found; the sheets read and left out; the workbook's sheet names; the
 *   other sheets' rows
 * @throws UnreadableWorkbookError when the file is missing, unreadable or not an .xlsx workbook
 * @example
 * const result = await readTrackingWorkbook("suivi.xlsx", { otherSheets: ["Journal des relances"] });
 * result.invoices.length + result.creditNotes.length + result.skipped + result.rejected.length === result.rows
 */
export async function readTrackingWorkbook(
  file: string,
  options: ReadTrackingWorkbookOptions = {},
): Promise<TrackingWorkbookResult> {
  await checkWorkbookFile(file);
  const prelude = options.prelude ?? (await readWorkbookPrelude(file));
  const scan = new WorkbookScan(options, await prelude.sheetExtras(prelude.sheetNames.filter((name) => !isProductSheet(name))));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(zipInput(file), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Styles tell exceljs which numbers are dates.
    styles: "cache",
    worksheets: "emit",
  });
  // Errors thrown by the reading code itself are bugs, not a damaged file: they go through unchanged.
  let ownError: unknown;
  let sheets = 0;
  let rowsRead = 0;
  try {
    for await (const worksheet of reader as unknown as AsyncIterable<StreamedSheet>) {
      sheets++;
      let wanted: boolean;
      try {
        wanted = scan.beginSheet(worksheet.name ?? `Feuille ${worksheet.id ?? sheets}`, worksheet.state);
      } catch (error) {
        throw (ownError = error);
      }
      for await (const row of worksheet) {
        if ((++rowsRead & 1023) === 0) options.onProgress?.(rowsRead);
        // Every row is iterated, wanted or not: exceljs needs the sheet drained to go on.
        if (!wanted || !scan.wantsRows()) continue;
        const cells = cellsOfValues(row.values as ExcelJS.CellValue[]);
        if (scan.collectingOther()) readPercentagesAsShown(row, cells);
        try {
          scan.row(row.number, cells);
        } catch (error) {
          throw (ownError = error);
        }
      }
      try {
        scan.endSheet();
      } catch (error) {
        throw (ownError = error);
      }
    }
  } catch (error) {
    if (error === ownError) throw error;
    throw notAWorkbook(file, error);
  }
  if (sheets === 0) throw notAWorkbook(file);
  const model = (reader as unknown as { model?: { sheets?: { name?: string }[] } }).model;
  const tabOrder = model?.sheets?.map((s) => s.name ?? "").filter((s) => s !== "");
  return scan.result(tabOrder);
}
