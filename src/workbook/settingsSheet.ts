/**
 * The settings sheet "Paramètres Relances" in an exceljs workbook. The product writes it once, when
 * the workbook has none; from then on it is the user's, read and never overwritten.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/cellValue";
import {
  DEFAULT_SETTINGS,
  isTextSetting,
  settingsFromRows,
  settingsToRows,
  SETTINGS_SHEET,
  type Settings,
  type SettingsProblem,
} from "../core/settings";
import { findWorksheet } from "./readTrackingWorkbook";
import { plainCellValue, TEXT_FORMAT, writeCell } from "./safeCell";

const COLUMN_WIDTHS = [34, 26, 110] as const;

/**
 * Writes the settings sheet, only when the workbook has none: the user's edits are never overwritten.
 * The header is bold and frozen; the value cells of text settings (SIREN, phone...) have the Text
 * format, so that what the user types there stays as typed.
 *
 * @param workbook - the workbook, changed in place
 * @param settings - what to write (DEFAULT_SETTINGS by default)
 * @returns true when the sheet was written, false when it was there already
 * @example
 * writeSettingsSheet(workbook) // true the first time, false afterwards
 */
export function writeSettingsSheet(workbook: ExcelJS.Workbook, settings: Settings = DEFAULT_SETTINGS): boolean {
  if (findWorksheet(workbook, SETTINGS_SHEET) !== undefined) return false;
  const ws = workbook.addWorksheet(SETTINGS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  settingsToRows(settings).forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    cells.forEach((value, j) => writeCell(row.getCell(j + 1), value));
    const key = cells[0];
    if (i > 0 && typeof key === "string" && isTextSetting(key)) {
      const cell = row.getCell(2);
      cell.style = { ...cell.style, numFmt: TEXT_FORMAT };
    }
  });
  const header = ws.getRow(1);
  header.eachCell((cell) => {
    cell.style = { ...cell.style, font: { bold: true } };
  });
  COLUMN_WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  return true;
}

/**
 * Reads the settings sheet (see settingsFromRows). A number the user typed as a percentage
 * ("2,15 %", which Excel stores as 0.0215) is read in percent, as the sheet's rates are.
 *
 * @param ws - the settings sheet, or undefined when the workbook has none (then the defaults)
 * @returns the settings and the problems, located by row
 * @example
 * readSettingsSheet(workbook.getWorksheet(SETTINGS_SHEET)).settings.policy.graceDays.particulier // 14
 */
export function readSettingsSheet(ws: ExcelJS.Worksheet | undefined): { settings: Settings; problems: SettingsProblem[] } {
  if (ws === undefined) return { settings: DEFAULT_SETTINGS, problems: [] };
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      let value = plainCellValue(cell.value);
      if (typeof value === "number" && typeof cell.numFmt === "string" && cell.numFmt.includes("%")) {
        value = Number((value * 100).toPrecision(15));
      }
      cells[column - 1] = value;
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return settingsFromRows(rows);
}
