// What saving the pane's settings or a corrected column mapping writes into « Paramètres
// Relances »: a key already in the sheet gets its value cell changed (a CellUpdate, which the host
// writes only while the cell holds what was read), a key missing gets a row of its own, and a
// workbook without the sheet gets it whole, as the command line writes it, with the values given.
import { cellText, isBlank, type CellValue } from "../core/cellValue";
import { isSavedMappingKey, savedMappingFromRows } from "../core/columnMapping";
import { normalizeText } from "../core/normalizeText";
import { DEFAULT_SETTINGS, HEADER_KEY, HEADER_VALUE, SETTINGS_HEADER, SETTINGS_SHEET } from "../core/settings";
import { keyOf } from "../core/settingKey";
import { SETTING_BY_KEY } from "../core/settingsCatalog";
import { settingsFromRows } from "../core/settingsFromRows";
import { RATE_KEY } from "../core/settingsRateKeys";
import { settingsToRows } from "../core/settingsToRows";
import type { MemorySheet } from "./memoryWorkbook";
import { sameSheetName } from "./sheetNames";
import type { CellUpdate, SheetAppend } from "./workbookOutput";

export interface SettingsEdits {
  /** Value cells to change (WorkbookOutput.update). */
  readonly updates: readonly CellUpdate[];
  /** Rows to add (keys the sheet lacks), or the sheet to create. */
  readonly appends: readonly SheetAppend[];
  /** Values refused, one French / English line each; nothing is written for them. */
  readonly problems: readonly string[];
}

// Every key the product writes, with the description it writes beside it.
const DESCRIPTIONS: ReadonlyMap<string, CellValue> = new Map(settingsToRows(DEFAULT_SETTINGS).slice(1).map((row) => [keyOf(cellText(row[0])), row[2] ?? null]));

/**
 * The edits that make the settings sheet hold `values`.
 *
 * @param sheets - the workbook as read
 * @param values - by settings key (« grace_particulier », « colonne_facture », « societe_iban »), as the user typed them
 * @returns the updates and appends for one WorkbookOutput.update call, and the values refused
 * @example
 * settingsEdits(sheets, { societe_iban: "FR76 …", colonne_facture: "N° pièce" })
 */
export function settingsEdits(sheets: readonly MemorySheet[], values: Readonly<Record<string, CellValue>>): SettingsEdits {
  const problems: string[] = [];
  const wanted: [string, string, CellValue][] = [];
  for (const [key, value] of Object.entries(values)) {
    const problem = valueProblem(key, value);
    if (problem !== undefined) problems.push(problem);
    else wanted.push([key, keyOf(key), value]);
  }
  const sheet = sheets.find((s) => sameSheetName(s.name, SETTINGS_SHEET));
  if (sheet === undefined) {
    if (wanted.length === 0) return { updates: [], appends: [], problems };
    const rows = settingsToRows(DEFAULT_SETTINGS).slice(1);
    for (const [key, normalised, value] of wanted) {
      const row = rows.find((r) => keyOf(cellText(r[0])) === normalised);
      if (row !== undefined) row[1] = value;
      else rows.push([key, value, DESCRIPTIONS.get(normalised) ?? null]);
    }
    return { updates: [], appends: [{ sheet: SETTINGS_SHEET, header: [...SETTINGS_HEADER], rows }], problems };
  }

  const layout = settingsLayout(sheet);
  const updates: CellUpdate[] = [];
  const added: CellValue[][] = [];
  for (const [key, normalised, value] of wanted) {
    const row = layout.rowOf.get(normalised);
    if (row === undefined) {
      const cells: CellValue[] = [];
      cells[layout.keyColumn] = key;
      cells[layout.valueColumn] = value;
      if (layout.descriptionColumn !== undefined) cells[layout.descriptionColumn] = DESCRIPTIONS.get(normalised) ?? null;
      added.push(Array.from(cells, (cell) => cell ?? null));
      continue;
    }
    const now = sheet.values[row - (sheet.firstRow ?? 1)]?.[layout.valueColumn] ?? "";
    if (sameValue(now, value)) continue;
    updates.push({ sheet: sheet.name, row, column: layout.valueColumn, value, expected: now });
  }
  const header = layout.header.length > 0 ? layout.header : [...SETTINGS_HEADER];
  return { updates, appends: added.length === 0 ? [] : [{ sheet: sheet.name, header, rows: added }], problems };
}

/** Why a value cannot be saved under a key, as settingsFromRows and savedMappingFromRows would read it back. */
function valueProblem(key: string, value: CellValue): string | undefined {
  const normalised = keyOf(key);
  if (isSavedMappingKey(normalised)) {
    return savedMappingFromRows([["Clé", "Valeur"], [key, value]]).problems[0];
  }
  if (!SETTING_BY_KEY.has(normalised) && !RATE_KEY.test(normalised)) {
    return `${SETTINGS_SHEET} : clé «${key}» inconnue / unknown key`;
  }
  // A rate alone is read only with its half-year's two others: its value is checked as a number.
  if (RATE_KEY.test(normalised)) return typeof value === "number" || isBlank(value) ? undefined : `${SETTINGS_SHEET} : ${key} «${cellText(value)}» n'est pas un taux / not a rate`;
  return settingsFromRows([["Clé", "Valeur"], [key, value]]).problems[0]?.message;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  return a === b;
}

/** Where the keys and values are, as settingsFromRows finds them, and the last row of each key (the one that wins). */
function settingsLayout(sheet: MemorySheet): {
  header: string[];
  keyColumn: number;
  valueColumn: number;
  descriptionColumn?: number | undefined;
  rowOf: Map<string, number>;
} {
  const first = sheet.firstRow ?? 1;
  const start = sheet.values.findIndex((cells) => !cells.every(isBlank));
  let keyColumn = 0;
  let valueColumn = 1;
  let descriptionColumn: number | undefined;
  let header: string[] = [];
  let dataFrom = Math.max(0, start);
  if (start >= 0) {
    const words = sheet.values[start]!.map((cell) => (typeof cell === "string" ? normalizeText(cell) : ""));
    const k = words.findIndex((word) => HEADER_KEY.has(word));
    const v = words.findIndex((word) => HEADER_VALUE.has(word));
    if (k >= 0 || v >= 0) {
      keyColumn = k >= 0 ? k : 0;
      valueColumn = v >= 0 ? v : keyColumn + 1;
      const d = words.findIndex((word) => word === "description");
      descriptionColumn = d >= 0 ? d : undefined;
      header = sheet.values[start]!.map((cell) => cellText(cell));
      dataFrom = start + 1;
    }
  }
  const rowOf = new Map<string, number>();
  for (let i = dataFrom; i < sheet.values.length; i++) {
    const key = cellText(sheet.values[i]![keyColumn]);
    if (key !== "") rowOf.set(keyOf(key), first + i);
  }
  return { header, keyColumn, valueColumn, descriptionColumn, rowOf };
}
