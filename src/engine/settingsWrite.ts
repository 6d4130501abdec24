// What saving settings from the pane writes into the settings sheet « Paramètres Relances »: the
// Valeur cell of each key already in the sheet, changed in place when the host can, and a new row
// for a key the sheet lacks. A workbook without the sheet gets it whole, every key ready to fill,
// as `run` writes it when the sender is incomplete.
import { cellText, type CellValue } from "../core/cellValue";
import { DEFAULT_SETTINGS, SETTINGS_HEADER, SETTINGS_SHEET } from "../core/settings";
import { settingsSheetLayout } from "../core/settingsSheetLayout";
import { keyOf } from "../core/settingKey";
import { settingsToRows } from "../core/settingsToRows";
import type { MemorySheet } from "./memoryWorkbook";
import { sameSheetName } from "./sheetNames";
import type { CellUpdate, SheetAppend, WorkbookOutput } from "./workbookOutput";

/** The writes that store some settings: cells changed in place, and rows appended. */
export interface SettingsWrite {
  readonly updates: readonly CellUpdate[];
  /** At most one: the new rows of the settings sheet (the whole sheet when it is missing). */
  readonly appends: readonly SheetAppend[];
}

interface SheetLayout {
  readonly keyColumn: number;
  readonly valueColumn: number;
  /** The width of a row, so that an appended row puts its key and value under the header's. */
  readonly width: number;
  /** The 0-based index in values of each key's last line (the one the reading keeps), by keyOf. */
  readonly indexByKey: ReadonlyMap<string, number>;
}

function layoutOf(sheet: MemorySheet): SheetLayout {
  const { keyColumn, valueColumn, start } = settingsSheetLayout(sheet.values);
  const indexByKey = new Map<string, number>();
  for (let index = start; index < sheet.values.length; index++) {
    const key = cellText(sheet.values[index]![keyColumn]);
    if (key !== "") indexByKey.set(keyOf(key), index);
  }
  return { keyColumn, valueColumn, width: Math.max(keyColumn, valueColumn) + 1, indexByKey };
}

const DESCRIPTIONS: ReadonlyMap<string, CellValue> = new Map(settingsToRows(DEFAULT_SETTINGS).slice(1).map((row) => [keyOf(cellText(row[0])), row[2] ?? null]));

/**
 * The writes that store settings values, key by key, in the workbook's settings sheet.
 *
 * @param sheet - the settings sheet as read, or undefined when the workbook has none
 * @param values - the new value of each key (as the sheet writes it: a number of days, "oui", a text; null empties it)
 * @param canChangeCells - whether the host changes cells in place (WorkbookOutput.update)
 * @returns the cell changes and the rows to append
 * @example
 * settingsWrite(undefined, new Map([["societe_raison_sociale", "Bâtir SARL"]]), true).appends[0].rows.length // every key
 */
export function settingsWrite(sheet: MemorySheet | undefined, values: ReadonlyMap<string, CellValue>, canChangeCells: boolean): SettingsWrite {
  const byKey = new Map([...values].map(([key, value]) => [keyOf(key), value]));
  if (sheet === undefined) {
    const rows = settingsToRows(DEFAULT_SETTINGS)
      .slice(1)
      .map((row) => {
        const key = keyOf(cellText(row[0]));
        return byKey.has(key) ? [row[0] ?? null, byKey.get(key) ?? null, row[2] ?? null] : row;
      });
    return { updates: [], appends: [{ sheet: SETTINGS_SHEET, header: [...SETTINGS_HEADER], rows }] };
  }
  const layout = layoutOf(sheet);
  const updates: CellUpdate[] = [];
  const added: CellValue[][] = [];
  for (const [key, value] of values) {
    const index = layout.indexByKey.get(keyOf(key));
    if (index !== undefined && canChangeCells) {
      const expected = sheet.values[index]![layout.valueColumn] ?? "";
      updates.push({ sheet: sheet.name, row: (sheet.firstRow ?? 1) + index, column: layout.valueColumn, value, expected });
      continue;
    }
    const cells: CellValue[] = Array<CellValue>(layout.width).fill(null);
    cells[layout.keyColumn] = key;
    cells[layout.valueColumn] = value;
    // A description beside the value, when the sheet keeps them in the next column.
    if (layout.valueColumn + 1 !== layout.keyColumn) cells[layout.valueColumn + 1] = DESCRIPTIONS.get(keyOf(key)) ?? null;
    added.push(cells);
  }
  const appends: SheetAppend[] = added.length === 0 ? [] : [{ sheet: sheet.name, header: [...SETTINGS_HEADER], rows: added }];
  return { updates, appends };
}

/**
 * Stores settings values through a host's output, in one batch: the cells in place where it can
 * (each only while it holds what was read), new rows otherwise.
 *
 * @param output - the host's output
 * @param sheets - the workbook's sheets as read (the settings sheet is found among them)
 * @param values - the new value of each key
 * @returns what was written
 */
export async function saveSettings(output: WorkbookOutput, sheets: readonly MemorySheet[], values: ReadonlyMap<string, CellValue>): Promise<SettingsWrite> {
  const sheet = sheets.find((s) => sameSheetName(s.name, SETTINGS_SHEET));
  const write = settingsWrite(sheet, values, output.update !== undefined);
  if (write.updates.length > 0) await output.update!(write.updates, write.appends);
  else if (write.appends.length > 0) await output.append(write.appends);
  return write;
}
