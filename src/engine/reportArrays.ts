// The manager's report on a workbook's sheets as Office.js hands them over (the pane's « Rapport »):
// the same figures as `relances report --json`, and the rows of its export sheet.
import type { ManagementReport } from "../core/managementReport";
import { reportToJson, type ReportJson } from "../core/reportJson";
import { readArrays } from "./arraysSource";
import type { MemorySheet } from "./memoryWorkbook";
import { reportSheet } from "./reportSheet";
import type { SheetAppend } from "./workbookOutput";
import { workbookReport } from "./workbookReport";

export interface ArraysReport {
  readonly report?: ManagementReport | undefined;
  /** The report as `relances report --json` prints it. */
  readonly json?: ReportJson | undefined;
  /** The « Rapport Relances » rows, for WorkbookOutput.append. */
  readonly sheet?: SheetAppend | undefined;
  /** Why there is no report: no tracking sheet, or a date that is none (one French line). */
  readonly problem?: string | undefined;
}

/**
 * The report of a workbook's sheets at a reference date.
 *
 * @param sheets - the sheets in tab order
 * @param asOf - the reference date, ISO (2026-06-30)
 * @param options - sheet (the one tracking sheet to read), headerRow, lang (of the sheet's labels)
 * @returns the report, its JSON and its sheet, or the problem
 * @example
 * (await reportFromArrays([{ name: "Suivi", values }], "2026-06-30")).json?.paymentDelays.total
 */
export async function reportFromArrays(
  sheets: readonly MemorySheet[],
  asOf: string,
  options: { readonly sheet?: string; readonly headerRow?: number; readonly lang?: "fr" | "en" } = {},
): Promise<ArraysReport> {
  const read = await readArrays(sheets, asOf, options);
  if ("problem" in read) return read;
  const { report, warnings } = workbookReport(read.source, read.day);
  return { report, json: reportToJson(report, warnings), sheet: reportSheet(report, options.lang) };
}
