// The manager's report on what a workbook holds: the plan's balances (payments and credit notes
// allocated as for the reminders), then the figures, for the command line and the pane alike.
import type { Day } from "../core/day";
import type { FiscalYearStart } from "../core/fiscalYear";
import { parseFiscalYearStart } from "../core/fiscalYearStartInput";
import { managementReport, type ManagementReport, type ReportInvoice } from "../core/managementReport";
import { isProblem } from "../core/problem";
import { planWorkbook } from "./planWorkbook";
import type { WorkbookSource } from "./readWorkbook";

export interface WorkbookReport {
  readonly report: ManagementReport;
  /** What the reading found that bears on the figures: rejected rows (counted), the sheets' and the settings' warnings. */
  readonly warnings: readonly string[];
}

/**
 * The report of a workbook at a reference date.
 *
 * @param source - what readWorkbook read
 * @param asOf - the reference date
 * @param fiscalYearStart - the first day of the fiscal year (default: the settings' debut_exercice, else 1 January)
 * @returns the report and the reading's warnings
 * @example
 * workbookReport(await readWorkbook(input, { asOf }), asOf).report.dso.days
 */
export function workbookReport(source: WorkbookSource, asOf: Day, fiscalYearStart?: FiscalYearStart): WorkbookReport {
  const plan = planWorkbook(source, asOf);
  const invoices: ReportInvoice[] = plan.invoices.map((p) => ({
    invoiceDate: p.record.invoiceDate,
    dueDate: p.record.dueDate,
    amount: p.record.amount,
    balance: p.balance,
    disputed: p.hold === "dispute",
  }));
  const typed = source.settings.fiscalYearStart;
  const fromSettings = fiscalYearStart !== undefined || typed === undefined ? undefined : parseFiscalYearStart(typed);
  const start = fromSettings === undefined || isProblem(fromSettings) ? fiscalYearStart : fromSettings;
  const report = managementReport(invoices, source.tracking.creditNotes, asOf, { fiscalYearStart: start });
  const rejected = plan.rejected.length;
  const warnings = [
    ...(isProblem(fromSettings)
      ? [`Paramètres Relances, debut_exercice : ${fromSettings.message} ; l'année civile est retenue / fiscal year start not understood: the calendar year is used`]
      : []),
    ...(rejected > 0 ? [`${rejected} ligne(s) rejetée(s), hors du rapport : voir relances plan / row(s) rejected, left out of the report`] : []),
    ...source.tracking.warnings,
    ...source.settingsProblems.map((p) => p.message),
    ...source.savedMapping.problems,
  ];
  return { report, warnings };
}
