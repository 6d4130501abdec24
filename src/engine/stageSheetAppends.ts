// The stage sheets of the seeds (« Relance 1 », « Relance 2 », « Mise en demeure ») as rows for a
// host to append: one row per invoice an action lists, as the command line's run writes them, and
// none that the sheet holds already (same date and invoice), so that a repeated action adds nothing.
import { cellText, isBlank } from "../core/cellValue";
import { invoiceKey } from "../core/invoiceKey";
import type { Plan, PlannedAction } from "../core/plan";
import type { MemorySheet } from "./memoryWorkbook";
import { sameSheetName } from "./sheetNames";
import { STAGE_COLUMNS, STAGE_SHEETS, stageRow } from "./stageRows";
import type { SheetAppend } from "./workbookOutput";

const INVOICE_COLUMN = STAGE_COLUMNS.findIndex((c) => c.header === "N° de facture");
const HEADER = STAGE_COLUMNS.map((c) => c.header);
const DATE_COLUMNS = STAGE_COLUMNS.flatMap((c, i) => ("date" in c ? [i] : []));

/**
 * The stage sheets' rows for some actions of a plan.
 *
 * @param sheets - the workbook as read (the stage sheets already there)
 * @param plan - the plan (its date starts each row)
 * @param actions - the actions to write, of levels 1 to 3 (others have no stage sheet)
 * @returns one append per stage sheet that gains rows, and the rows each action gained
 * @example
 * stageSheetAppends(sheets, plan, plan.actions).appends.map((a) => a.sheet) // ["Relance 2", "Relance 1"]
 */
export function stageSheetAppends(
  sheets: readonly MemorySheet[],
  plan: Plan,
  actions: readonly PlannedAction[],
): { readonly appends: SheetAppend[]; readonly rowsByAction: ReadonlyMap<PlannedAction, number> } {
  const bySheet = new Map<string, { keys: Set<string>; rows: SheetAppend["rows"][number][] }>();
  const rowsByAction = new Map<PlannedAction, number>();
  for (const action of actions) {
    const name = STAGE_SHEETS[action.level];
    if (name === undefined) continue;
    let stage = bySheet.get(name);
    if (stage === undefined) bySheet.set(name, (stage = { keys: existingKeys(sheets.find((s) => sameSheetName(s.name, name))), rows: [] }));
    let count = 0;
    for (const invoice of action.invoices) {
      const row = stageRow(plan, action, invoice);
      const key = rowKey(row[0], row[INVOICE_COLUMN]);
      if (stage.keys.has(key)) continue;
      stage.keys.add(key);
      stage.rows.push(row);
      count += 1;
    }
    rowsByAction.set(action, count);
  }
  const appends = [...bySheet]
    .filter(([, stage]) => stage.rows.length > 0)
    .map(([sheet, stage]): SheetAppend => ({ sheet, header: HEADER, rows: stage.rows, dateColumns: DATE_COLUMNS }));
  return { appends, rowsByAction };
}

function rowKey(date: unknown, invoice: unknown): string {
  return `${typeof date === "number" ? date : String(date ?? "")}|${invoiceKey(typeof invoice === "string" || typeof invoice === "number" ? cellText(invoice) : "")}`;
}

/** Date|invoice of the rows a stage sheet holds, its header (first non-blank row) aside. */
function existingKeys(sheet: MemorySheet | undefined): Set<string> {
  const keys = new Set<string>();
  if (sheet === undefined) return keys;
  let header = true;
  for (const row of sheet.values) {
    if (row.every((cell) => isBlank(cell))) continue;
    if (header) {
      header = false;
      continue;
    }
    keys.add(rowKey(row[0], row[INVOICE_COLUMN]));
  }
  return keys;
}
