// Everything plan and run read from a tracking workbook, in one place: the tracking sheets, the
// journal, the settings and the manual workflow's history sheets, streamed from the file (the
// settings' saved column mapping read ahead, since it decides how the sheets are read).
import { isEmptyMapping, NO_SAVED_MAPPING, savedMappingFromRows, type SavedMapping } from "../core/columnMapping";
import { addDays, type Day } from "../core/day";
import { historyEntries, type HistorySheet } from "../core/historySheets";
import { invoiceHistories, invoiceKey, parseJournalRows, type JournalReading } from "../core/journal";
import { JOURNAL_SHEET, type InvoiceHistory, type JournalEntry } from "../core/journalEntry";
import { planRun, type Plan } from "../core/plan";
import type { ReminderLevel } from "../core/reminderLevel";
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsFromRows, type Settings, type SettingsProblem } from "../core/settings";
import type { CellValue, TrackingSheetResult } from "../core/trackingSheet";
import type { SheetLeftOut, SheetRead, SheetsReport } from "../core/trackingSheets";
import { checkWorkbookFile, readTrackingWorkbook, UnreadableWorkbookError, type SheetRow } from "./readTrackingWorkbook";
import { readWorkbookPrelude } from "./workbookPrelude";

export interface WorkbookSource {
  readonly tracking: TrackingSheetResult;
  readonly journal: JournalReading;
  readonly settings: Settings;
  readonly settingsProblems: readonly SettingsProblem[];
  /** The column mapping saved in the settings sheet (empty when none). */
  readonly savedMapping: SavedMapping;
  /** The tracking sheets read, with their mappings, and the sheets left out. */
  readonly sheets: { readonly read: readonly SheetRead[]; readonly leftOut: readonly SheetLeftOut[] };
  /** The manual workflow's « 1ère relance »... sheets. */
  readonly historySheets: readonly HistorySheet[];
}

export interface SourceOptions {
  readonly sheet?: string | undefined;
  readonly headerRow?: number | undefined;
  readonly asOf?: Day | undefined;
  /** Told how many rows have been read so far, as the file streams by. */
  readonly onProgress?: ((rowsRead: number) => void) | undefined;
}

/**
 * Reads a workbook file in one streaming pass, after the settings sheet's saved mapping (a
 * --sheet or a header row given wins over it). Throws UnreadableWorkbookError when it cannot.
 */
export async function readWorkbookSource(file: string, options: SourceOptions = {}): Promise<WorkbookSource> {
  await checkWorkbookFile(file);
  const prelude = await readWorkbookPrelude(file);
  const savedRows = await prelude.sheetRows(SETTINGS_SHEET);
  const saved = savedRows === undefined ? NO_SAVED_MAPPING : savedMappingFromRows(savedRows);
  const result = await readTrackingWorkbook(file, {
    sheet: options.sheet,
    sheets: saved.sheets.length > 0 ? saved.sheets : undefined,
    savedColumns: Object.keys(saved.columns).length > 0 ? saved.columns : undefined,
    headerRow: options.headerRow ?? saved.headerRow,
    today: options.asOf,
    otherSheets: [JOURNAL_SHEET, SETTINGS_SHEET],
    prelude,
    onProgress: options.onProgress,
  });
  const journalRows = result.otherRows.get(JOURNAL_SHEET) ?? [];
  const settingsRows = result.otherRows.get(SETTINGS_SHEET);
  const { settings, problems } = settingsRows === undefined ? { settings: undefined, problems: [] } : settingsFromRows(rowsFromFirst(settingsRows));
  return checked(file, {
    tracking: result,
    journal: parseJournalRows(journalRows),
    settings: settings ?? DEFAULT_SETTINGS,
    settingsProblems: problems,
    savedMapping: isEmptyMapping(saved) && saved.problems.length === 0 ? NO_SAVED_MAPPING : saved,
    sheets: result.sheets,
    historySheets: result.historySheets,
  });
}

/**
 * The journal lines the manual workflow's history sheets stand for, for the invoices the journal
 * does not cover: plan counts them in, run appends them. An undated level counts as reached long
 * enough ago for every delay of the policy.
 */
export function historyJournalEntries(
  source: WorkbookSource,
  asOf: Day,
): { histories: ReadonlyMap<string, InvoiceHistory>; entries: JournalEntry[]; warnings: string[] } {
  if (source.historySheets.length === 0) return { histories: new Map(), entries: [], warnings: [] };
  const { policy } = source.settings;
  const longest = Math.max(policy.reminder2AfterDays, policy.formalNoticeAfterDays, policy.injunctionAfterDays);
  const found = historyEntries(source.historySheets, invoiceHistories(source.journal.entries), addDays(asOf, -longest));
  // A history sheet without a customer column: the journal's Client is the tracking sheet's.
  const names = new Map(source.tracking.invoices.map((i) => [invoiceKey(i.number), i.customer.name]));
  const entries = found.entries.map((e) => (e.customer !== "" ? e : { ...e, customer: names.get(invoiceKey(e.invoice)) ?? "" }));
  return { ...found, entries };
}

/** The sheets a plan read and left out, by name. */
function sheetsReport(source: WorkbookSource): SheetsReport {
  return { read: source.sheets.read.map((s) => s.sheet), leftOut: source.sheets.leftOut };
}

/** The plan of a run on what the workbook holds. */
export function planWorkbook(source: WorkbookSource, asOf: Day, forcedLevels?: ReadonlyMap<string, ReminderLevel>): Plan {
  const { tracking, journal, settings } = source;
  const history = historyJournalEntries(source, asOf);
  const warnings = [
    ...tracking.warnings,
    ...source.settingsProblems.map((p) => p.message),
    ...source.savedMapping.problems,
    ...history.warnings,
    ...journal.rejected.map((r) => `${JOURNAL_SHEET} ligne ${r.row}, ${r.column} «${r.value}» : ${r.message}`),
  ];
  const plan = planRun(
    {
      invoices: tracking.invoices,
      creditNotes: tracking.creditNotes,
      rejected: tracking.rejected,
      rows: tracking.rows,
      skipped: tracking.skipped,
      warnings,
      histories: new Map([...invoiceHistories(journal.entries), ...history.histories]),
    },
    { asOf, policy: settings.policy, rates: settings.rates, splitByHalfYear: settings.splitByHalfYear, forcedLevels },
  );
  return { ...plan, sheets: sheetsReport(source) };
}

/** A workbook without a tracking sheet cannot be used at all: that is an unreadable file. */
function checked(file: string, source: WorkbookSource): WorkbookSource {
  const problem = source.tracking.problem;
  if (problem !== undefined) throw new UnreadableWorkbookError(`«${file}» : ${problem.message}`);
  return source;
}

/** Sheet rows (1-based, some missing) as the array settingsFromRows reads, rows[0] being row 1. */
function rowsFromFirst(rows: readonly SheetRow[]): CellValue[][] {
  const all: CellValue[][] = [];
  for (const { row, cells } of rows) all[row - 1] = [...cells];
  for (let i = 0; i < all.length; i++) all[i] ??= [];
  return all;
}
