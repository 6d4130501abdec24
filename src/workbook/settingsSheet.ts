/**
 * The settings sheet "Paramètres Relances": written into an exceljs workbook (the sample) or into a
 * package's sheet XML (the run's copy), read from an exceljs workbook. The product writes it once,
 * when the workbook has none; from then on it is the user's, read and never overwritten.
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
import { findWorksheet } from "./findWorksheet";
import { plainCellValue, safeCellOut, TEXT_FORMAT, writeCell } from "./safeCell";
import type { SheetGraft } from "./sheetGraft";
import { newSheetXml, readSheetRows, rowOut, writeSheetRows, type CellOut, type RowOut } from "./sheetXml";

const COLUMN_WIDTHS = [34, 26, 110] as const;

/** A row of the settings sheet as the product writes it, and whether its value cell has the Text format. */
interface SettingsRowOut {
  readonly cells: readonly CellValue[];
  readonly textValue: boolean;
}

/** The settings sheet's rows, header first: the keys in `required` with their value empty and their description saying so. */
function settingsSheetRows(settings: Settings, required: ReadonlySet<string>): SettingsRowOut[] {
  return settingsToRows(settings).map((cells, i) => {
    const key = cells[0];
    const isSetting = i > 0 && typeof key === "string";
    const isRequired = isSetting && required.has(key);
    return { cells: isRequired ? [key, cells[1] ?? null, requiredDescription(String(cells[2]))] : cells, textValue: isSetting && isTextSetting(key) };
  });
}

/**
 * Writes the settings sheet into an exceljs workbook, only when it has none: the user's edits are
 * never overwritten. The header is bold and frozen; the value cells of text settings (SIREN,
 * phone...) have the Text format, so that what the user types there stays as typed.
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
  settingsSheetRows(settings, new Set()).forEach(({ cells, textValue }, i) => {
    const row = ws.getRow(i + 1);
    cells.forEach((value, j) => writeCell(row.getCell(j + 1), value));
    if (textValue) row.getCell(2).style = { ...row.getCell(2).style, numFmt: TEXT_FORMAT };
  });
  ws.getRow(1).eachCell((cell) => {
    cell.style = { ...cell.style, font: { bold: true } };
  });
  COLUMN_WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  return true;
}

/**
 * The same in the package's sheet XML (see writeSettingsSheet), with the keys in `required` marked
 * required (see requiredDescription).
 *
 * @param graft - the package, written to
 * @param settings - what to write
 * @param required - keys whose description says that they must be filled
 * @returns the sheet's name when it was written, else undefined
 */
export function addSettingsSheet(graft: SheetGraft, settings: Settings, required: ReadonlySet<string> = new Set()): string | undefined {
  if (graft.sheet(SETTINGS_SHEET) !== undefined) return undefined;
  const rows = new Map<number, RowOut>();
  settingsSheetRows(settings, required).forEach(({ cells, textValue }, i) => {
    const row = new Map<number, CellOut>();
    cells.forEach((value, j) => {
      const cell = safeCellOut(value, graft, { bold: i === 0, text: j === 1 && textValue });
      if (cell !== undefined) row.set(j + 1, cell);
    });
    rows.set(i + 1, rowOut(i + 1, row));
  });
  return graft.addSheet(SETTINGS_SHEET, newSheetXml(rows, COLUMN_WIDTHS, true)).name;
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
 * Makes the settings sheet ready to fill for the keys a run needs (SPEC section 5), in the
 * package's sheet XML: absent, it is written whole with those keys marked required; present, a row
 * is added after its last row for each of those keys it lacks, its value empty and its description
 * saying it is required. The rows already there, filled or not, are the user's and stay as they are.
 *
 * @param graft - the package, written to
 * @param settings - the settings read from it (written when the sheet is absent)
 * @param keys - the sheet keys to fill (MissingSetting.key)
 * @returns the name of the settings sheet when it was written to, else nothing
 * @example
 * settingsToFill(graft, DEFAULT_SETTINGS, ["societe_iban"]) // ["Paramètres Relances"]
 */
export function settingsToFill(graft: SheetGraft, settings: Settings, keys: readonly string[]): string[] {
  if (keys.length === 0) return [];
  const created = addSettingsSheet(graft, settings, new Set(keys));
  if (created !== undefined) return [created];
  const sheet = graft.sheet(SETTINGS_SHEET)!;
  const xml = graft.sheetXml(sheet);
  const { rows, lastUsedRow } = readSheetRows(xml, graft.sharedStrings());
  // The columns as settingsFromRows finds them: by the header's words, else keys in A, values in B.
  let keyColumn = 1;
  let valueColumn = 2;
  let descriptionColumn = 3;
  const words = new Map<string, number>();
  (rows[0]?.cells ?? []).forEach((value, i) => {
    if (typeof value === "string" && !words.has(normalizeText(value))) words.set(normalizeText(value), i + 1);
  });
  const find = (names: ReadonlySet<string>): number | undefined => [...words].find(([word]) => names.has(word))?.[1];
  const k = find(HEADER_KEY);
  const v = find(HEADER_VALUE);
  if (k !== undefined || v !== undefined) {
    keyColumn = k ?? 1;
    valueColumn = v ?? keyColumn + 1;
    descriptionColumn = find(DESCRIPTION_HEADERS) ?? Math.max(keyColumn, valueColumn) + 1;
  }
  const present = new Set<string>();
  for (const { cells } of rows) {
    const key = cells[keyColumn - 1];
    if (typeof key === "string" || typeof key === "number") present.add(keyOf(String(key)));
  }
  const descriptions = new Map(settingsToRows(settings).map((cells) => [cells[0], String(cells[2])]));
  const absent = keys.filter((key) => !present.has(keyOf(key)));
  const writes = new Map<number, RowOut>();
  absent.forEach((key, i) => {
    const row = new Map<number, CellOut>();
    row.set(keyColumn, safeCellOut(key, graft)!);
    const value = safeCellOut(null, graft, { text: isTextSetting(key) });
    if (value !== undefined) row.set(valueColumn, value);
    row.set(descriptionColumn, safeCellOut(requiredDescription(descriptions.get(key) ?? key), graft)!);
    writes.set(lastUsedRow + 1 + i, rowOut(lastUsedRow + 1 + i, row));
  });
  if (absent.length === 0) return [];
  graft.setSheetXml(sheet, writeSheetRows(xml, writes));
  return [sheet.name];
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
