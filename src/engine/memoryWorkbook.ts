// A workbook held in memory as 2D arrays of values: what the Excel task pane hands over from
// Office.js (range.values and range.numberFormat of each sheet's used range: numbers, strings,
// booleans, "" for an empty cell, dates as serial numbers, errors as their text "#N/A").
import type { CellValue } from "../core/cellValue";
import { sameSheetName } from "./sheetNames";
import type { InputSheet, MergedRange, RowBlock, SheetVisibility, WorkbookInput } from "./workbookInput";

/** One sheet, as Office.js gives it. */
export interface MemorySheet {
  readonly name: string;
  /** Office.js's worksheet.visibility, in lower case; visible when absent. */
  readonly visibility?: SheetVisibility | undefined;
  /** The rows from firstRow, each from column A (load the used range from A1). */
  readonly values: readonly (readonly CellValue[])[];
  /** The 1-based row of values[0]; 1 when absent. */
  readonly firstRow?: number | undefined;
  /** The cells' number formats ("0.00%", "General"), as values are laid out; only the settings sheet needs them. */
  readonly numberFormats?: readonly (readonly string[])[] | undefined;
  /** The merged areas (range.getMergedAreasOrNullObject()), whose value is in their top-left cell. */
  readonly merged?: readonly MergedRange[] | undefined;
}

export interface MemoryWorkbookOptions {
  /** How many rows each block holds, as a host loading in blocks would hand them; the whole sheet when absent. */
  readonly blockRows?: number | undefined;
}

/**
 * A workbook held as arrays, as the engine's WorkbookInput. The arrays are read, never changed.
 *
 * @param sheets - the sheets, in tab order
 * @param options - blockRows
 * @returns the input
 * @example
 * const source = await readWorkbook(memoryWorkbook([{ name: "Suivi", values: [["Client", "N° facture"], ["SCI Les Tilleuls", "F-1"]] }]));
 */
export function memoryWorkbook(sheets: readonly MemorySheet[], options: MemoryWorkbookOptions = {}): WorkbookInput {
  return {
    async sheetRows(name) {
      const sheet = sheets.find((s) => s.name === name) ?? sheets.find((s) => sameSheetName(name, s.name));
      if (sheet === undefined) return undefined;
      const rows: CellValue[][] = [];
      for (let row = 1; row < (sheet.firstRow ?? 1); row++) rows.push([]);
      for (const cells of sheet.values) rows.push([...cells]);
      return rows;
    },
    async *sheets(): AsyncGenerator<InputSheet> {
      for (const sheet of sheets) yield memorySheet(sheet, options.blockRows);
    },
    tabOrder: () => sheets.map((s) => s.name),
  };
}

function memorySheet(sheet: MemorySheet, blockRows: number | undefined): InputSheet {
  const firstRow = sheet.firstRow ?? 1;
  return {
    name: sheet.name,
    visibility: sheet.visibility ?? "visible",
    async extras() {
      const acrossRows = (sheet.merged ?? []).filter((range) => range.bottom > range.top);
      // Office.js gives an error cell's text among the values: only the merges are extra.
      return acrossRows.length === 0 ? undefined : { mergedAcrossRows: acrossRows, errors: new Map() };
    },
    async *rows(options): AsyncGenerator<RowBlock> {
      const formats = options?.numberFormats === true ? sheet.numberFormats : undefined;
      const size = blockRows ?? Math.max(1, sheet.values.length);
      for (let start = 0; start < sheet.values.length; start += size) {
        const values = size >= sheet.values.length ? sheet.values : sheet.values.slice(start, start + size);
        yield {
          firstRow: firstRow + start,
          values,
          ...(formats === undefined ? {} : { numberFormats: size >= sheet.values.length ? formats : formats.slice(start, start + size) }),
        };
      }
    },
  };
}
