// The plan of a run on what a workbook holds: the tracking sheets, the journal and the history
// sheets' lines as each invoice's history, the settings' policy and rates.
import type { Day } from "../core/day";
import { invoiceHistories } from "../core/invoiceHistories";
import { JOURNAL_SHEET } from "../core/journalEntry";
import { planRun, type Plan } from "../core/plan";
import type { ReminderLevel } from "../core/reminderLevel";
import type { SheetsReport } from "../core/trackingSheets";
import { historyJournalEntries } from "./historyJournalEntries";
import type { WorkbookSource } from "./readWorkbook";

/**
 * The plan of a run on what the workbook holds.
 *
 * @param source - what readWorkbook read
 * @param asOf - the run's date
 * @param forcedLevels - levels the user forces, by customer key
 * @returns the plan, with every warning of the reading and the sheets read and left out
 * @example
 * planWorkbook(await readWorkbook(input, { asOf }), asOf).actions
 */
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

/** The sheets a plan read and left out, by name. */
function sheetsReport(source: WorkbookSource): SheetsReport {
  return { read: source.sheets.read.map((s) => s.sheet), leftOut: source.sheets.leftOut };
}
