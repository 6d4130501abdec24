// Everything plan and run read from a tracking workbook, in one place: the tracking sheets, the
// journal, the settings and the manual workflow's history sheets, from one pass over the sheets
// (the settings' saved column mapping read ahead, since it decides how the sheets are read).
import type { CellValue } from "../core/cellValue";
import { isEmptyMapping, NO_SAVED_MAPPING, savedMappingFromRows, type SavedMapping } from "../core/columnMapping";
import type { Day } from "../core/day";
import type { HistorySheet } from "../core/historySheets";
import { parseJournalRows, type JournalReading } from "../core/journal";
import { JOURNAL_SHEET } from "../core/journalEntry";
import { DEFAULT_SETTINGS, SETTINGS_SHEET, type Settings, type SettingsProblem } from "../core/settings";
import { settingsFromRows } from "../core/settingsFromRows";
import type { TrackingSheetResult } from "../core/trackingSheet";
import type { SheetLeftOut, SheetRead } from "../core/trackingSheets";
import type { WorkbookInput } from "./workbookInput";
import { scanWorkbook, type SheetRow } from "./workbookScan";

export interface WorkbookSource {
  /** The tracking sheets read, as one; `problem` says why when none could be. */
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
}

/**
 * Reads a workbook in one pass over its sheets, after the settings sheet's saved mapping (a
 * --sheet or a header row given wins over it).
 *
 * @param input - the workbook, from any host
 * @param options - sheet, headerRow, asOf (invoices dated after it get a warning)
 * @returns what the workbook holds; tracking.problem set when no tracking sheet could be read
 * @example
 * const source = await readWorkbook(memoryWorkbook(sheets), { asOf });
 * planWorkbook(source, asOf).actions
 */
export async function readWorkbook(input: WorkbookInput, options: SourceOptions = {}): Promise<WorkbookSource> {
  const savedRows = await input.sheetRows(SETTINGS_SHEET);
  const saved = savedRows === undefined ? NO_SAVED_MAPPING : savedMappingFromRows(savedRows);
  const result = await scanWorkbook(input, {
    sheet: options.sheet,
    sheets: saved.sheets.length > 0 ? saved.sheets : undefined,
    savedColumns: Object.keys(saved.columns).length > 0 ? saved.columns : undefined,
    headerRow: options.headerRow ?? saved.headerRow,
    today: options.asOf,
    otherSheets: [JOURNAL_SHEET, SETTINGS_SHEET],
  });
  const journalRows = result.otherRows.get(JOURNAL_SHEET) ?? [];
  const settingsRows = result.otherRows.get(SETTINGS_SHEET);
  const { settings, problems } = settingsRows === undefined ? { settings: undefined, problems: [] } : settingsFromRows(rowsFromFirst(settingsRows));
  return {
    tracking: result,
    journal: parseJournalRows(journalRows),
    settings: settings ?? DEFAULT_SETTINGS,
    settingsProblems: problems,
    savedMapping: isEmptyMapping(saved) && saved.problems.length === 0 ? NO_SAVED_MAPPING : saved,
    sheets: result.sheets,
    historySheets: result.historySheets,
  };
}

/** Sheet rows (1-based, some missing) as the array settingsFromRows reads, rows[0] being row 1. */
function rowsFromFirst(rows: readonly SheetRow[]): CellValue[][] {
  const all: CellValue[][] = [];
  for (const { row, cells } of rows) all[row - 1] = [...cells];
  for (let i = 0; i < all.length; i++) all[i] ??= [];
  return all;
}
