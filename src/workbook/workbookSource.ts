// Everything plan and run read from a tracking workbook, in one place: the tracking sheet, the
// journal and the settings, streamed from the file.
import type { Day } from "../core/day";
import { invoiceHistories, parseJournalRows, type JournalReading } from "../core/journal";
import { JOURNAL_SHEET } from "../core/journalEntry";
import { planRun, type Plan } from "../core/plan";
import type { ReminderLevel } from "../core/reminderLevel";
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsFromRows, type Settings, type SettingsProblem } from "../core/settings";
import type { CellValue, TrackingSheetResult } from "../core/trackingSheet";
import { readTrackingWorkbook, UnreadableWorkbookError, type SheetRow } from "./readTrackingWorkbook";

export interface WorkbookSource {
  readonly tracking: TrackingSheetResult;
  readonly journal: JournalReading;
  readonly settings: Settings;
  readonly settingsProblems: readonly SettingsProblem[];
}

export interface SourceOptions {
  readonly sheet?: string | undefined;
  readonly headerRow?: number | undefined;
  readonly asOf?: Day | undefined;
}

/** Reads a workbook file in one streaming pass. Throws UnreadableWorkbookError when it cannot. */
export async function readWorkbookSource(file: string, options: SourceOptions = {}): Promise<WorkbookSource> {
  const result = await readTrackingWorkbook(file, {
    sheet: options.sheet,
    headerRow: options.headerRow,
    today: options.asOf,
    otherSheets: [JOURNAL_SHEET, SETTINGS_SHEET],
  });
  const journalRows = result.otherRows.get(JOURNAL_SHEET) ?? [];
  const settingsRows = result.otherRows.get(SETTINGS_SHEET);
  const { settings, problems } = settingsRows === undefined ? { settings: undefined, problems: [] } : settingsFromRows(rowsFromFirst(settingsRows));
  return checked(file, {
    tracking: result,
    journal: parseJournalRows(journalRows),
    settings: settings ?? DEFAULT_SETTINGS,
    settingsProblems: problems,
  });
}

/** The plan of a run on what the workbook holds. */
export function planWorkbook(source: WorkbookSource, asOf: Day, forcedLevels?: ReadonlyMap<string, ReminderLevel>): Plan {
  const { tracking, journal, settings } = source;
  const warnings = [
    ...tracking.warnings,
    ...source.settingsProblems.map((p) => p.message),
    ...journal.rejected.map((r) => `${JOURNAL_SHEET} ligne ${r.row}, ${r.column} «${r.value}» : ${r.message}`),
  ];
  return planRun(
    {
      invoices: tracking.invoices,
      creditNotes: tracking.creditNotes,
      rejected: tracking.rejected,
      rows: tracking.rows,
      skipped: tracking.skipped,
      warnings,
      histories: invoiceHistories(journal.entries),
    },
    { asOf, policy: settings.policy, rates: settings.rates, splitByHalfYear: settings.splitByHalfYear, forcedLevels },
  );
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
