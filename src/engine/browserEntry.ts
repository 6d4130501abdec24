// The engine as a browser page gets it (scripts/check-browser-bundle.mjs bundles this file for
// platform "browser", which fails on any Node import): a workbook's sheets as Office.js arrays in,
// the plan out, as `relances plan --json` prints it.
import { dayFromIso } from "../core/day";
import type { Plan } from "../core/plan";
import { planToJson, type PlanJson } from "../core/planJson";
import { memoryWorkbook, type MemorySheet } from "./memoryWorkbook";
import { planWorkbook } from "./planWorkbook";
import { readWorkbook } from "./readWorkbook";

export type { MemorySheet };

export interface ArraysPlan {
  /** The plan; undefined when the workbook holds no tracking sheet. */
  readonly plan?: Plan | undefined;
  /** The plan as `relances plan --json` prints it. */
  readonly json?: PlanJson | undefined;
  /** Why there is no plan: no tracking sheet, or a date that is none (one French line). */
  readonly problem?: string | undefined;
}

/**
 * Plans a run on a workbook's sheets as Office.js hands them over.
 *
 * @param sheets - the sheets in tab order: values (and number formats, merged areas, visibility)
 * @param asOf - the run's date, ISO (2026-06-30)
 * @param options - sheet (the one tracking sheet to read), headerRow
 * @returns the plan and its JSON, or the problem
 * @example
 * (await planFromArrays([{ name: "Suivi", values }], "2026-06-30")).json?.actions
 */
export async function planFromArrays(
  sheets: readonly MemorySheet[],
  asOf: string,
  options: { readonly sheet?: string; readonly headerRow?: number } = {},
): Promise<ArraysPlan> {
  const day = dayFromIso(asOf);
  if (day === undefined) return { problem: `Date «${asOf}» invalide : AAAA-MM-JJ attendu / invalid date: YYYY-MM-DD expected` };
  const source = await readWorkbook(memoryWorkbook(sheets), { ...options, asOf: day });
  if (source.tracking.problem !== undefined) return { problem: source.tracking.problem.message };
  const plan = planWorkbook(source, day);
  return { plan, json: planToJson(plan) };
}
