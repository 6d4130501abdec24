// The stage sheets of the seeds ("1ère relance", "2ème relance", "mis en demeure"): one row per
// invoice reminded at that level, with the merge fields the assistants used in Word.
import ExcelJS from "exceljs";
import { invoiceKey } from "../core/invoiceKey";
import type { Plan } from "../core/plan";
import { findWorksheet } from "./readTrackingWorkbook";
import { plainCellValue, writeCell } from "./safeCell";
import { STAGE_COLUMNS as COLUMNS, STAGE_SHEETS, stageRow } from "../engine/stageRows";

const MONEY_FORMAT = '#,##0.00 "€"';

/**
 * Appends this run's rows to the stage sheets, creating them when absent. A row already there for
 * the same date and invoice is not written again, so a repeated run adds nothing.
 * @returns how many rows were added per sheet
 */
export function appendStageSheets(workbook: ExcelJS.Workbook, plan: Plan): Map<string, number> {
  const added = new Map<string, number>();
  // Each sheet's rows are read once: a large run appends thousands of rows to a sheet.
  const opened = new Map<string, StageSheet>();
  for (const action of plan.actions) {
    const name = STAGE_SHEETS[action.level];
    if (name === undefined) continue;
    let stage = opened.get(name);
    if (stage === undefined) {
      const sheet = findWorksheet(workbook, name) ?? createStageSheet(workbook, name);
      stage = { sheet, keys: existingKeys(sheet), nextRow: lastUsedRow(sheet) + 1 };
      opened.set(name, stage);
    }
    for (const invoice of action.invoices) {
      const values = stageRow(plan, action, invoice);
      const key = `${values[0]}|${invoiceKey(invoice.record.number)}`;
      if (stage.keys.has(key)) continue;
      stage.keys.add(key);
      const row = stage.sheet.getRow(stage.nextRow++);
      values.forEach((value, i) => {
        const column = COLUMNS[i]!;
        const cell = row.getCell(i + 1);
        writeCell(cell, value, "date" in column ? "date" : "value");
        if ("money" in column && typeof value === "number") cell.numFmt = MONEY_FORMAT;
      });
      row.commit();
      added.set(name, (added.get(name) ?? 0) + 1);
    }
  }
  return added;
}

interface StageSheet {
  readonly sheet: ExcelJS.Worksheet;
  /** Date|invoice of the rows already there, and of those this run adds. */
  readonly keys: Set<string>;
  nextRow: number;
}

function createStageSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return sheet;
}

function existingKeys(sheet: ExcelJS.Worksheet): Set<string> {
  const keys = new Set<string>();
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    keys.add(`${plainCellValue(row.getCell(1).value)}|${invoiceKey(String(plainCellValue(row.getCell(7).value) ?? ""))}`);
  });
  return keys;
}

function lastUsedRow(sheet: ExcelJS.Worksheet): number {
  let last = 0;
  sheet.eachRow((_, number) => (last = number));
  return last;
}
