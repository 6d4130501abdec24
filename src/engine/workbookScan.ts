// The one pass over a workbook's sheets: the tracking sheets chosen as SPEC section 3 says (the
// sheets named, or every visible sheet whose header is recognised; the product's own sheets and
// hidden ones left out), the manual workflow's history sheets kept, the rows of the other sheets
// asked for (the journal, the settings) collected, and the cells merged across data rows filled.
import type { CellValue } from "../core/cellValue";
import { savedMappingWarnings, SHEETS_KEY } from "../core/columnMapping";
import type { Day } from "../core/day";
import { historySheetLevel, type HistorySheet } from "../core/historySheets";
import { problem, type Problem } from "../core/problem";
import type { ReminderLevel } from "../core/reminderLevel";
import { SETTINGS_SHEET } from "../core/settings";
import type { TrackingField } from "../core/trackingColumns";
import { createTrackingSheetReader, type TrackingSheetReader, type TrackingSheetResult } from "../core/trackingSheet";
import { leftOut as leftOutSheet, mergeTrackingSheets, type LeftOutReason, type SheetLeftOut, type SheetRead } from "../core/trackingSheets";
import { MergeFill } from "./mergeFill";
import { rowPercentAsShown } from "./percentAsShown";
import { isProductSheet, sameSheetName } from "./sheetNames";
import type { SheetExtras, SheetVisibility, WorkbookInput } from "./workbookInput";

/** One row of a sheet as the core reads it. */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
}

export interface WorkbookScanOptions {
  /** The one tracking sheet to read (--sheet), hidden or not; otherwise `sheets`. */
  readonly sheet?: string | undefined;
  /** The tracking sheets to read (the saved mapping's feuilles_suivi); otherwise every visible sheet recognised. */
  readonly sheets?: readonly string[] | undefined;
  /** The columns saved in the settings sheet, which win over the automatic match. */
  readonly savedColumns?: Readonly<Partial<Record<TrackingField, string>>> | undefined;
  /** The 1-based header row; otherwise it is searched for. */
  readonly headerRow?: number | undefined;
  /** The reference date (invoices dated after it get a warning). */
  readonly today?: Day | undefined;
  /** Other sheets whose rows the caller wants from the same pass (the journal, the settings). */
  readonly otherSheets?: readonly string[] | undefined;
}

export interface TrackingWorkbookResult extends TrackingSheetResult {
  /** Every sheet of the workbook, in tab order. */
  readonly sheetNames: string[];
  /** The rows of each of otherSheets found, under the name the caller gave; numbers shown as percentages read as shown. */
  readonly otherRows: Map<string, SheetRow[]>;
  /** The tracking sheets read, with their mappings, and the sheets left out, with why. */
  readonly sheets: { readonly read: readonly SheetRead[]; readonly leftOut: readonly SheetLeftOut[] };
  /** The sheets of the manual workflow (« 1ère relance »...), with their rows. */
  readonly historySheets: readonly HistorySheet[];
}

/**
 * Reads the tracking sheets of a workbook in one pass over its sheets: the sheets named, or every
 * visible sheet whose header row is found (the product's own sheets and the manual workflow's
 * history sheets aside), as one; the rows of otherSheets and of the history sheets are kept for
 * the caller. A cell merged across data rows gives its value to every row it covers.
 *
 * @param input - the workbook, from any host
 * @param options - sheet or sheets, savedColumns, headerRow, today, otherSheets
 * @returns the sheets' invoices, credit notes, rejected rows and counts, with `problem` set when
 *   no tracking sheet was found; the sheets read and left out; the workbook's sheet names; the
 *   other sheets' rows
 * @example
 * const result = await scanWorkbook(memoryWorkbook([{ name: "Suivi", values }]), { otherSheets: ["Journal des relances"] });
 * result.invoices.length + result.creditNotes.length + result.skipped + result.rejected.length === result.rows
 */
export async function scanWorkbook(input: WorkbookInput, options: WorkbookScanOptions = {}): Promise<TrackingWorkbookResult> {
  const scan = new WorkbookScan(options);
  for await (const sheet of input.sheets()) {
    if (scan.beginSheet(sheet.name, sheet.visibility)) {
      if (scan.readingTracking()) scan.useExtras(await sheet.extras());
      const formats = scan.collectingOther();
      rows: for await (const { firstRow, values, numberFormats } of sheet.rows({ numberFormats: formats })) {
        for (let i = 0; i < values.length; i++) {
          if (!scan.wantsRows()) break rows;
          scan.row(firstRow + i, formats ? rowPercentAsShown(values[i]!, numberFormats?.[i]) : values[i]!);
        }
      }
    }
    scan.endSheet();
  }
  return scan.result(input.tabOrder());
}

/** The state of the pass, sheet after sheet. */
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

  constructor(private readonly options: WorkbookScanOptions) {
    this.named = options.sheet !== undefined ? [options.sheet] : (options.sheets ?? []);
  }

  /** Starts a sheet; returns whether its rows are wanted at all. */
  beginSheet(name: string, visibility: SheetVisibility): boolean {
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
    const use = this.use(name, visibility);
    if (use === "read") {
      this.reader = createTrackingSheetReader(name, {
        headerRow: this.options.headerRow,
        today: this.options.today,
        savedColumns: this.options.savedColumns,
      });
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

  private use(name: string, visibility: SheetVisibility): "read" | LeftOutReason {
    if (this.named.some((wanted) => sameSheetName(wanted, name))) return "read";
    if (isProductSheet(name)) return "product";
    if (historySheetLevel(name) !== undefined) return "history";
    if (this.named.length > 0) return "notNamed";
    if (visibility !== "visible") return visibility;
    return "read";
  }

  /** Whether the current sheet is read as a tracking sheet. */
  readingTracking(): boolean {
    return this.reader !== undefined;
  }

  /** The current tracking sheet's merged ranges and error cells. */
  useExtras(extras: SheetExtras | undefined): void {
    if (extras !== undefined && extras.mergedAcrossRows.length > 0) this.merges = new MergeFill(extras.mergedAcrossRows);
    this.errors = extras !== undefined && extras.errors.size > 0 ? extras.errors : undefined;
  }

  /** Whether the rows still matter: false once a candidate sheet has no header row. */
  wantsRows(): boolean {
    return this.collecting !== undefined || this.historyRows !== undefined || (this.reader !== undefined && !this.reader.headerMissing);
  }

  /** Whether the current sheet is one of the other sheets asked for (the journal, the settings). */
  collectingOther(): boolean {
    return this.collecting !== undefined;
  }

  row(row: number, given: readonly CellValue[]): void {
    let cells = given;
    const reader = this.reader;
    if (reader !== undefined && !reader.headerMissing) {
      // An error cell the host read as nothing: its text is put back.
      const errors = this.errors?.get(row);
      if (errors !== undefined) {
        const mended = [...cells];
        for (const [column, error] of errors) {
          while (mended.length < column) mended.push(null);
          mended[column] = error;
        }
        cells = mended;
      }
      if (this.merges !== undefined) cells = this.merges.fill(row, cells, reader.headerRow);
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
