// The stage sheets of the seeds ("1ère relance", "2ème relance", "mis en demeure"): one row per
// invoice reminded at that level, with the merge fields the assistants used in Word.
import { invoiceKey } from "../core/invoiceKey";
import type { Plan } from "../core/plan";
import type { CellValue } from "../core/trackingSheet";
import { STAGE_COLUMNS as COLUMNS, STAGE_SHEETS, stageRow } from "../engine/stageRows";
import { safeCellOut } from "./safeCell";
import type { GraftedSheet, SheetGraft } from "./sheetGraft";
import { newSheetXml, readSheetRows, rowOut, writeSheetRows, type CellOut, type RowOut } from "./sheetXml";

const MONEY_FORMAT = '#,##0.00 "€"';

/**
 * Appends this run's rows to the stage sheets in the package's sheet XML, after each sheet's last
 * row holding a value, creating the sheets when absent (bold frozen header, the columns' widths). A
 * row already there for the same date and invoice is not written again, so a repeated run adds
 * nothing.
 *
 * @param graft - the package, written to
 * @param plan - the run's plan
 * @returns how many rows were added per sheet (by STAGE_SHEETS name), and the sheets written to by
 *   their names in the workbook
 */
export function appendStageSheets(graft: SheetGraft, plan: Plan): { rows: Map<string, number>; sheets: string[] } {
  const added = new Map<string, number>();
  // Each sheet's rows are read once: a large run appends thousands of rows to a sheet.
  const opened = new Map<string, StageSheet>();
  for (const action of plan.actions) {
    const name = STAGE_SHEETS[action.level];
    if (name === undefined) continue;
    let stage = opened.get(name);
    if (stage === undefined) {
      stage = openStageSheet(graft, name);
      opened.set(name, stage);
    }
    for (const invoice of action.invoices) {
      const values = stageRow(plan, action, invoice);
      const key = `${values[0]}|${invoiceKey(invoice.record.number)}`;
      if (stage.keys.has(key)) continue;
      stage.keys.add(key);
      stage.rows.set(stage.nextRow, rowOut(stage.nextRow, rowCells(graft, values)));
      stage.nextRow += 1;
      added.set(name, (added.get(name) ?? 0) + 1);
    }
  }
  const sheets: string[] = [];
  for (const [name, stage] of opened) {
    if (stage.rows.size === 0) continue;
    if (stage.sheet === undefined) {
      stage.rows.set(1, rowOut(1, new Map(COLUMNS.map((c, i) => [i + 1, safeCellOut(c.header, graft, { bold: true })!]))));
      sheets.push(graft.addSheet(name, newSheetXml(stage.rows, COLUMNS.map((c) => c.width), true)).name);
    } else {
      graft.setSheetXml(stage.sheet, writeSheetRows(graft.sheetXml(stage.sheet), stage.rows));
      sheets.push(stage.sheet.name);
    }
  }
  return { rows: added, sheets };
}

function rowCells(graft: SheetGraft, values: readonly CellValue[]): Map<number, CellOut> {
  const cells = new Map<number, CellOut>();
  values.forEach((value, i) => {
    const column = COLUMNS[i]!;
    const cell = safeCellOut(value, graft, { date: "date" in column, numberFormat: "money" in column ? MONEY_FORMAT : undefined });
    if (cell !== undefined) cells.set(i + 1, cell);
  });
  return cells;
}

interface StageSheet {
  /** The sheet in the package, undefined when it is to be added. */
  readonly sheet: GraftedSheet | undefined;
  /** Date|invoice of the rows already there, and of those this run adds. */
  readonly keys: Set<string>;
  readonly rows: Map<number, RowOut>;
  nextRow: number;
}

function openStageSheet(graft: SheetGraft, name: string): StageSheet {
  const sheet = graft.sheet(name);
  if (sheet === undefined) return { sheet, keys: new Set(), rows: new Map(), nextRow: 2 };
  const { rows, lastUsedRow } = readSheetRows(graft.sheetXml(sheet), graft.sharedStrings());
  const keys = new Set<string>();
  for (const { row, cells } of rows) {
    if (row === 1) continue;
    keys.add(`${cells[0] ?? null}|${invoiceKey(String(cells[6] ?? ""))}`);
  }
  return { sheet, keys, rows: new Map(), nextRow: lastUsedRow + 1 };
}
