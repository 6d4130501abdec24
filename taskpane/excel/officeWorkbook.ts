// The workbook open in Excel, read through Office.js for the engine (its sheets as MemorySheet[],
// what src/engine/memoryWorkbook.ts reads): the sheets' names and visibility, then the settings
// sheet (values and number formats: a percentage means the figure shown), then every other sheet
// the engine needs, in blocks of 5,000 to 20,000 rows with one context.sync() per block.
import type { CellValue } from "../../src/core/cellValue";
import { savedMappingFromRows } from "../../src/core/columnMapping";
import { SETTINGS_SHEET } from "../../src/core/settings";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { sameSheetName } from "../../src/engine/sheetNames";
import type { MergedRange, SheetVisibility } from "../../src/engine/workbookInput";
import { blockRows, inBlocks } from "./officeBlocks";
import { sheetRead, type SheetRead } from "./officeSheetsToRead";

export interface OfficeReadOptions {
  /** Rows read so far, after each block. */
  readonly onProgress?: ((rowsRead: number) => void) | undefined;
}

interface SheetEntry {
  readonly name: string;
  readonly visibility: SheetVisibility;
}

/**
 * Reads the workbook open in Excel, in one Excel.run.
 *
 * @param options - onProgress
 * @returns every sheet in tab order; a sheet the engine leaves out has no values
 * @example
 * const sheets = await readOfficeWorkbook();
 * const source = await readWorkbook(memoryWorkbook(sheets));
 */
export async function readOfficeWorkbook(options: OfficeReadOptions = {}): Promise<MemorySheet[]> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await context.sync();
    const entries: SheetEntry[] = worksheets.items.map((sheet) => ({ name: sheet.name, visibility: visibilityOf(sheet.visibility) }));

    let rowsRead = 0;
    const progress = (rows: number): void => {
      rowsRead += rows;
      options.onProgress?.(rowsRead);
    };
    const read = new Map<string, MemorySheet>();
    // The settings first: its saved mapping says which hidden sheets are tracking sheets.
    const settings = entries.find((entry) => sameSheetName(entry.name, SETTINGS_SHEET));
    if (settings !== undefined) read.set(settings.name, (await readSheets(context, [settings], new Set(), progress, true))[0]!);
    const named = settings === undefined ? [] : savedMappingFromRows(rowsFromOne(read.get(settings.name)!), settings.name).sheets;

    const wanted = new Map<string, SheetRead>();
    for (const entry of entries) if (entry !== settings) wanted.set(entry.name, sheetRead(entry.name, entry.visibility, named));
    const toRead = entries.filter((entry) => entry !== settings && wanted.get(entry.name) !== "skip");
    const tracking = new Set(toRead.filter((entry) => wanted.get(entry.name) === "tracking").map((entry) => entry.name));
    for (const sheet of await readSheets(context, toRead, tracking, progress, false)) read.set(sheet.name, sheet);

    return entries.map((entry) => read.get(entry.name) ?? { name: entry.name, visibility: entry.visibility, values: [] });
  });
}

/** Office.js's "Visible" | "Hidden" | "VeryHidden", as the engine spells it. */
function visibilityOf(visibility: Excel.SheetVisibility | string): SheetVisibility {
  return visibility === "Hidden" ? "hidden" : visibility === "VeryHidden" ? "veryHidden" : "visible";
}

/** A sheet's rows as settings readers take them: rows[0] is row 1. */
function rowsFromOne(sheet: MemorySheet): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let row = 1; row < (sheet.firstRow ?? 1); row++) rows.push([]);
  for (const cells of sheet.values) rows.push([...cells]);
  return rows;
}

/**
 * Reads sheets: their used ranges (and the tracking sheets' merged areas) in one sync, then each
 * sheet's rows from column A in blocks.
 */
async function readSheets(
  context: Excel.RequestContext,
  entries: readonly SheetEntry[],
  tracking: ReadonlySet<string>,
  progress: (rows: number) => void,
  numberFormats: boolean,
): Promise<MemorySheet[]> {
  const used = entries.map((entry) => {
    const range = context.workbook.worksheets.getItem(entry.name).getUsedRangeOrNullObject(true);
    range.load("isNullObject,rowIndex,rowCount,columnIndex,columnCount");
    const merged = tracking.has(entry.name) ? range.getMergedAreasOrNullObject() : undefined;
    merged?.load("isNullObject");
    return { entry, range, merged };
  });
  await context.sync();
  const areas = used.map(({ merged }) => {
    if (merged === undefined || merged.isNullObject) return undefined;
    merged.areas.load("items/rowIndex,items/rowCount,items/columnIndex,items/columnCount");
    return merged.areas;
  });
  if (areas.some((area) => area !== undefined)) await context.sync();

  const sheets: MemorySheet[] = [];
  for (const [index, { entry, range }] of used.entries()) {
    const base = { name: entry.name, visibility: entry.visibility };
    if (range.isNullObject) {
      sheets.push({ ...base, values: [] });
      continue;
    }
    const width = range.columnIndex + range.columnCount;
    const values: CellValue[][] = [];
    const formats: string[][] = [];
    const worksheet = context.workbook.worksheets.getItem(entry.name);
    await inBlocks(range.rowCount, blockRows(width), async (start, count) => {
      const block = worksheet.getRangeByIndexes(range.rowIndex + start, 0, count, width);
      block.load(numberFormats ? "values,numberFormat" : "values");
      await context.sync();
      for (const row of block.values) values.push(row as CellValue[]);
      if (numberFormats) for (const row of block.numberFormat) formats.push(row as string[]);
      progress(count);
    });
    const merged = areas[index]?.items.map(mergedRange);
    sheets.push({
      ...base,
      values,
      firstRow: range.rowIndex + 1,
      ...(numberFormats ? { numberFormats: formats } : {}),
      ...(merged !== undefined && merged.length > 0 ? { merged } : {}),
    });
  }
  return sheets;
}

/** A merged area as the engine takes it: 1-based rows, 0-based columns, inclusive. */
function mergedRange(area: Excel.Range): MergedRange {
  return { top: area.rowIndex + 1, left: area.columnIndex, bottom: area.rowIndex + area.rowCount, right: area.columnIndex + area.columnCount - 1 };
}
