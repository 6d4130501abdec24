// The settings sheet means a percentage as the figure the user typed: "2,15 %" is stored 0.0215
// and means a rate of 2.15 (readSettingsSheet does the same on a loaded workbook).
import type { CellValue } from "../core/cellValue";
import { percentAsShown as shownPercent } from "../core/percentInput";

/**
 * A row's numbers shown as percentages, read as shown.
 *
 * @param cells - a row's values
 * @param formats - their number formats, where known
 * @returns the row, a copy when a number was shown as a percentage
 * @example
 * rowPercentAsShown([0.0215, "x"], ["0.00%", undefined]) // [2.15, "x"]
 */
export function rowPercentAsShown(cells: readonly CellValue[], formats: readonly (string | undefined)[] | undefined): readonly CellValue[] {
  if (formats === undefined) return cells;
  let shown: CellValue[] | undefined;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (typeof value !== "number") continue;
    const format = formats[i];
    if (format === undefined || !format.includes("%")) continue;
    shown ??= [...cells];
    shown[i] = shownPercent(value);
  }
  return shown ?? cells;
}
