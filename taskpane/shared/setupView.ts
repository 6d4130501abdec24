// What the Set-up screen shows, from one reading of the workbook: the tracking sheets read, each
// with its column mapping, the sheets left out and why, the saved mapping's problems, and the
// sender settings the reminders due on the reference date need (SPEC sections 3 and 5).
import { dayFromIso } from "../../src/core/day";
import type { SheetLeftOut } from "../../src/core/trackingSheets";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { memoryWorkbook } from "../../src/engine/memoryWorkbook";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbook } from "../../src/engine/readWorkbook";
import { sheetMapping, type SheetMapping } from "./columnMappingView";
import type { PaneLanguage } from "./paneHost";
import { senderStatus, type SenderStatus } from "./senderStatus";

export interface SetupView {
  readonly mappings: readonly SheetMapping[];
  readonly leftOut: readonly SheetLeftOut[];
  /** Why no tracking sheet could be read, when none could. */
  readonly problem?: string | undefined;
  /** The saved mapping's values that cannot be used, and its columns no header matches. */
  readonly mappingProblems: readonly string[];
  readonly sender: SenderStatus;
  /** How many reminders are due on the reference date (0 when nothing can be planned). */
  readonly due: number;
  /** Per tracking sheet, its last row holding an invoice or a credit note (where live columns end). */
  readonly lastRows: Readonly<Record<string, number>>;
}

/**
 * The Set-up screen's content for a workbook's sheets on a reference date.
 *
 * @param sheets - the sheets as the host read them
 * @param asOf - the reference date, ISO
 * @param language - the pane's language
 * @returns the mappings, the sheets left out, the sender status
 * @example
 * (await setupView(await host.readSheets(), "2026-06-30", "fr")).mappings[0].sheet // "Suivi 2026"
 */
export async function setupView(sheets: readonly MemorySheet[], asOf: string, language: PaneLanguage): Promise<SetupView> {
  const day = dayFromIso(asOf);
  const source = await readWorkbook(memoryWorkbook(sheets), { asOf: day });
  const mappings = source.sheets.read.map((read) => sheetMapping(read, source.savedMapping));
  const mappingProblems = [
    ...source.savedMapping.problems,
    ...source.tracking.warnings.filter((w) => w.includes("ne désigne aucune colonne")),
  ];
  const problem = source.tracking.problem?.message;
  const actions = problem === undefined && day !== undefined ? planWorkbook(source, day).actions : [];
  const lastRows: Record<string, number> = {};
  for (const record of [...source.tracking.invoices, ...source.tracking.creditNotes]) {
    lastRows[record.sheet] = Math.max(lastRows[record.sheet] ?? 0, record.row);
  }
  return {
    lastRows,
    mappings,
    leftOut: source.sheets.leftOut,
    problem,
    mappingProblems,
    sender: senderStatus(source.settings, actions, language),
    due: actions.length,
  };
}
