// A workbook on OneDrive read through Graph into the sheets the engine reads, as arrays a task
// pane can run the engine on (memoryWorkbook): the engine's own pass decides what is read (the
// tracking sheets, the journal, the settings, the history sheets), and each block it is given is
// kept. A sheet it leaves out comes back without rows, so the same pass on the arrays reads the same.
import type { CellValue } from "../core/cellValue";
import type { MemorySheet } from "../engine/memoryWorkbook";
import { readWorkbook, type SourceOptions, type WorkbookSource } from "../engine/readWorkbook";
import type { RowBlock, SheetVisibility, WorkbookInput } from "../engine/workbookInput";
import { graphWorkbookInput, type GraphInputOptions } from "./workbookInput";
import type { WorkbookSession } from "./workbookSession";

interface Kept {
  visibility: SheetVisibility;
  blocks: RowBlock[];
}

/**
 * Reads a workbook as the engine does and keeps what it read.
 *
 * @param session - an open session on the workbook
 * @param options - sheet, headerRow, asOf; windowRows, onProgress
 * @returns the sheets in tab order (rows only for those the engine read) and what the engine read
 * @example
 * const { sheets } = await readGraphSheets(session, { asOf });
 * // in the Outlook pane: readWorkbook(memoryWorkbook(sheets), { asOf }) gives the same source
 */
export async function readGraphSheets(session: WorkbookSession, options: SourceOptions & GraphInputOptions = {}): Promise<{ sheets: MemorySheet[]; source: WorkbookSource }> {
  const input = graphWorkbookInput(session, options);
  const kept = new Map<string, Kept>();
  const keep = (name: string, visibility: SheetVisibility): Kept => {
    let sheet = kept.get(name);
    if (sheet === undefined) kept.set(name, (sheet = { visibility, blocks: [] }));
    return sheet;
  };
  const keeping: WorkbookInput = {
    sheetRows: (name) => input.sheetRows(name),
    async *sheets() {
      for await (const sheet of input.sheets()) {
        const record = keep(sheet.name, sheet.visibility);
        yield {
          ...sheet,
          extras: () => sheet.extras(),
          async *rows(rowOptions) {
            record.blocks = [];
            for await (const block of sheet.rows(rowOptions)) {
              record.blocks.push(block);
              yield block;
            }
          },
        };
      }
    },
    tabOrder: () => input.tabOrder(),
  };
  const source = await readWorkbook(keeping, options);
  const sheets = input.tabOrder().map((name) => memorySheet(name, kept.get(name)));
  return { sheets, source };
}

/** Kept blocks as one sheet: rows from the first block's row, gaps as empty rows. */
function memorySheet(name: string, kept: Kept | undefined): MemorySheet {
  if (kept === undefined || kept.blocks.length === 0) return { name, visibility: kept?.visibility ?? "visible", values: [] };
  const firstRow = kept.blocks[0]!.firstRow;
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const withFormats = kept.blocks.every((block) => block.numberFormats !== undefined);
  for (const block of kept.blocks) {
    while (firstRow + values.length < block.firstRow) {
      values.push([]);
      formats.push([]);
    }
    block.values.forEach((cells, i) => {
      values.push([...cells]);
      formats.push((block.numberFormats?.[i] ?? []).map((format) => format ?? "General"));
    });
  }
  return { name, visibility: kept.visibility, values, firstRow, ...(withFormats ? { numberFormats: formats } : {}) };
}
