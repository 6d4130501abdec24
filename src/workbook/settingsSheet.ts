/**
 * The settings sheet "Paramètres Relances" in an exceljs workbook. The product writes it once, when
 * the workbook has none; from then on it is the user's, read and never overwritten.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/cellValue";
import { normalizeText } from "../core/normalizeText";
import { percentAsShown } from "../core/percentInput";
import { DEFAULT_SETTINGS, HEADER_KEY, HEADER_VALUE, SETTINGS_SHEET, type Settings, type SettingsProblem } from "../core/settings";
import { keyOf } from "../core/settingKey";
import { isTextSetting } from "../core/settingsCatalog";
import { settingsFromRows } from "../core/settingsFromRows";
import { settingsToRows } from "../core/settingsToRows";
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
 * @param required - keys whose description says that they must be filled (see requiredDescription)
 * @returns true when the sheet was written, false when it was there already
 * @example
 * writeSettingsSheet(workbook) // true the first time, false afterwards
 */
export function writeSettingsSheet(
  workbook: ExcelJS.Workbook,
  settings: Settings = DEFAULT_SETTINGS,
  required: ReadonlySet<string> = new Set(),
): boolean {
  if (findWorksheet(workbook, SETTINGS_SHEET) !== undefined) return false;
  const ws = workbook.addWorksheet(SETTINGS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  settingsToRows(settings).forEach((cells, i) => {
    const key = cells[0];
    const isRequired = i > 0 && typeof key === "string" && required.has(key);
    writeSettingRow(ws.getRow(i + 1), isRequired ? [key, cells[1] ?? null, requiredDescription(String(cells[2]))] : cells, i > 0);
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

function writeSettingRow(row: ExcelJS.Row, cells: readonly CellValue[], isSetting: boolean, columns: readonly number[] = [1, 2, 3]): void {
  cells.forEach((value, j) => writeCell(row.getCell(columns[j]!), value));
  const key = cells[0];
  if (isSetting && typeof key === "string" && isTextSetting(key)) {
    const cell = row.getCell(columns[1]!);
    cell.style = { ...cell.style, numFmt: TEXT_FORMAT };
  }
}

/**
 * The description of a setting that must be filled before anything goes out: its own description,
 * French then English, each after the word saying so.
 * @example
 * requiredDescription("IBAN (paiements) / IBAN for payments")
 * // "OBLIGATOIRE — à remplir : IBAN (paiements) / REQUIRED — fill in: IBAN for payments"
 */
export function requiredDescription(description: string): string {
  const at = description.indexOf(" / ");
  const [fr, en] = at < 0 ? [description, description] : [description.slice(0, at), description.slice(at + 3)];
  return `OBLIGATOIRE — à remplir : ${fr} / REQUIRED — fill in: ${en}`;
}

const DESCRIPTION_HEADERS = new Set(["description", "commentaire", "aide"]);

/**
 * Makes the settings sheet ready to fill for the keys a run needs (SPEC section 5): absent, it is
 * written whole with those keys marked required; present, a row is added at its end for each of
 * those keys it lacks, its value empty and its description saying it is required. The rows already
 * there, filled or not, are the user's and stay as they are.
 *
 * @param workbook - the workbook, changed in place
 * @param settings - the settings read from it (written when the sheet is absent)
 * @param keys - the sheet keys to fill (MissingSetting.key)
 * @returns the name of the settings sheet when it was written to, else nothing
 * @example
 * settingsToFill(workbook, DEFAULT_SETTINGS, ["societe_iban"]) // ["Paramètres Relances"]
 */
export function settingsToFill(workbook: ExcelJS.Workbook, settings: Settings, keys: readonly string[]): string[] {
  if (keys.length === 0) return [];
  if (writeSettingsSheet(workbook, settings, new Set(keys))) return [SETTINGS_SHEET];
  const ws = findWorksheet(workbook, SETTINGS_SHEET)!;
  // The columns as settingsFromRows finds them: by the header's words, else keys in A, values in B.
  let keyColumn = 1;
  let valueColumn = 2;
  let descriptionColumn = 3;
  let headerRow: number | undefined;
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (headerRow !== undefined) return;
    headerRow = number;
    const words = new Map<string, number>();
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = plainCellValue(cell.value);
      if (typeof value === "string" && !words.has(normalizeText(value))) words.set(normalizeText(value), column);
    });
    const find = (names: ReadonlySet<string>): number | undefined => [...words].find(([word]) => names.has(word))?.[1];
    const k = find(HEADER_KEY);
    const v = find(HEADER_VALUE);
    if (k === undefined && v === undefined) return;
    keyColumn = k ?? 1;
    valueColumn = v ?? keyColumn + 1;
    descriptionColumn = find(DESCRIPTION_HEADERS) ?? Math.max(keyColumn, valueColumn) + 1;
  });
  const present = new Set<string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    const key = plainCellValue(row.getCell(keyColumn).value);
    if (typeof key === "string" || typeof key === "number") present.add(keyOf(String(key)));
  });
  const descriptions = new Map(settingsToRows(settings).map((cells) => [cells[0], String(cells[2])]));
  const absent = keys.filter((key) => !present.has(keyOf(key)));
  let next = ws.rowCount + 1;
  for (const key of absent) {
    writeSettingRow(ws.getRow(next++), [key, null, requiredDescription(descriptions.get(key) ?? key)], true, [keyColumn, valueColumn, descriptionColumn]);
  }
  return absent.length > 0 ? [ws.name] : [];
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
        value = percentAsShown(value);
      }
      cells[column - 1] = value;
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return settingsFromRows(rows);
}
