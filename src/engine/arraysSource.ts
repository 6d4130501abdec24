// A workbook's sheets as Office.js hands them over, read for a reference date: the first step of
// every pane-facing entry (the plan, the report, an action, a contact), with its refusals in one place.
import { dayFromIso, type Day } from "../core/day";
import { memoryWorkbook, type MemorySheet } from "./memoryWorkbook";
import { readWorkbook, type WorkbookSource } from "./readWorkbook";

/** The refusal of a reference date that is none (one French / English line). */
export function invalidDateProblem(asOf: string): string {
  return `Date «${asOf}» invalide : AAAA-MM-JJ attendu / invalid date: YYYY-MM-DD expected`;
}

/**
 * Reads sheets for a reference date.
 *
 * @param sheets - the sheets in tab order
 * @param asOf - the reference date, ISO (2026-06-30)
 * @param options - sheet (the one tracking sheet to read), headerRow
 * @returns what the workbook holds and the day, or why not: a date that is none, no tracking sheet
 */
export async function readArrays(
  sheets: readonly MemorySheet[],
  asOf: string,
  options: { readonly sheet?: string | undefined; readonly headerRow?: number | undefined } = {},
): Promise<{ readonly source: WorkbookSource; readonly day: Day } | { readonly problem: string }> {
  const day = dayFromIso(asOf);
  if (day === undefined) return { problem: invalidDateProblem(asOf) };
  const source = await readWorkbook(memoryWorkbook(sheets), { sheet: options.sheet, headerRow: options.headerRow, asOf: day });
  if (source.tracking.problem !== undefined) return { problem: source.tracking.problem.message };
  return { source, day };
}
