// The workbook on OneDrive or SharePoint as the engine's WorkbookInput, through Graph in a
// session: the sheets' names and visibility (/worksheets), then, for each sheet the engine reads,
// its used range (usedRange(valuesOnly=true): where the values end) and its rows from column A in
// windows (range(address='A1:V5000')), the settings sheet's number formats beside its values.
// Graph gives values as Office.js does: "" for an empty cell, dates as serials, a formula's
// result, an error as its text. It gives no merged areas (Graph has no such call): a value merged
// across rows reaches the first row only, and the rows below are read as blank there.
import type { CellValue } from "../core/cellValue";
import { sameSheetName } from "../engine/sheetNames";
import type { InputSheet, RowBlock, SheetVisibility, WorkbookInput } from "../engine/workbookInput";
import { columnLetters, decodeRange } from "../workbook/cellRange";
import { graphErrorCodes, graphStatus } from "./workbookRetry";
import type { WorkbookSession } from "./workbookSession";

export interface GraphInputOptions {
  /** Rows per window; by default about 100,000 cells' worth, 1,000 to 10,000 rows. */
  readonly windowRows?: number | undefined;
  /** Rows read so far, after each window. */
  readonly onProgress?: ((rowsRead: number) => void) | undefined;
}

/** A worksheet as /worksheets lists it. */
interface GraphWorksheet {
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
}

interface GraphRange {
  readonly address: string;
  readonly values?: CellValue[][];
  readonly numberFormat?: string[][];
}

/** The codes Graph gives for a request or an answer over its size limits: the window is halved. */
const TOO_LARGE = new Set(["payloadtoolarge", "payloadtoolargeuncategorized", "requestsizeexceeded", "rangeexceedslimit", "responsepayloadsizelimitexceeded"]);
const CELLS_PER_WINDOW = 100_000;

/**
 * A worksheet as a path segment: worksheets('Name'), quotes doubled, the name encoded.
 * @example worksheetPath("Suivi 2026") // "/worksheets('Suivi%202026')"
 */
export function worksheetPath(name: string): string {
  return `/worksheets('${encodeURIComponent(name.replace(/'/g, "''"))}')`;
}

/** The rows and columns (1-based) of an address Graph gives ("'Suivi 2026'!B3:K40"). */
export function addressRange(address: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const cells = address.slice(address.lastIndexOf("!") + 1);
  return decodeRange(cells);
}

/** The rows of a window for a sheet this wide. */
function defaultWindow(columns: number): number {
  return Math.min(10_000, Math.max(1_000, Math.floor(CELLS_PER_WINDOW / Math.max(1, columns))));
}

function visibilityOf(visibility: string): SheetVisibility {
  const v = visibility.toLowerCase();
  return v === "hidden" ? "hidden" : v === "veryhidden" ? "veryHidden" : "visible";
}

/**
 * The workbook of a session as the engine's input.
 *
 * @param session - an open session on the workbook
 * @param options - windowRows, onProgress
 * @returns the input; rows are read when the engine asks for them, sheets it leaves out never are
 * @example
 * const source = await readWorkbook(graphWorkbookInput(session), { asOf });
 */
export function graphWorkbookInput(session: WorkbookSession, options: GraphInputOptions = {}): WorkbookInput {
  let listed: Promise<GraphWorksheet[]> | undefined;
  let names: string[] = [];
  const worksheets = (): Promise<GraphWorksheet[]> =>
    (listed ??= session.get<{ value: GraphWorksheet[] }>("/worksheets", ["name", "position", "visibility"]).then(({ value }) => {
      const sorted = [...value].sort((a, b) => a.position - b.position);
      names = sorted.map((s) => s.name);
      return sorted;
    }));
  // A sheet read ahead (the settings), kept for the pass.
  const readAhead = new Map<string, RowBlock[]>();
  let rowsRead = 0;
  const progress = (rows: number): void => {
    rowsRead += rows;
    options.onProgress?.(rowsRead);
  };

  async function* windows(name: string, numberFormats: boolean): AsyncGenerator<RowBlock> {
    const kept = readAhead.get(name);
    if (kept !== undefined) {
      yield* kept;
      return;
    }
    const used = await session.get<GraphRange>(`${worksheetPath(name)}/usedRange(valuesOnly=true)`, ["address"]);
    const range = addressRange(used.address);
    if (range === undefined) return;
    const single = range.top === range.bottom && range.left === range.right;
    const last = columnLetters(range.right);
    let size = options.windowRows ?? defaultWindow(range.right);
    for (let top = range.top; top <= range.bottom; ) {
      const bottom = Math.min(range.bottom, top + size - 1);
      let block: GraphRange;
      try {
        block = await session.get<GraphRange>(`${worksheetPath(name)}/range(address='A${top}:${last}${bottom}')`, numberFormats ? ["values", "numberFormat"] : ["values"]);
      } catch (error) {
        const tooLarge = graphStatus(error) === 413 || graphErrorCodes(error).some((code) => TOO_LARGE.has(code));
        if (!tooLarge || bottom === top) throw error;
        size = Math.max(1, Math.floor((bottom - top + 1) / 2));
        continue;
      }
      const values = block.values ?? [];
      progress(values.length);
      // A sheet holding nothing: Graph's used range is A1 alone, empty.
      if (single && values.every((row) => row.every((cell) => cell === "" || cell === null))) return;
      yield { firstRow: top, values, ...(numberFormats && block.numberFormat !== undefined ? { numberFormats: block.numberFormat } : {}) };
      top = bottom + 1;
    }
  }

  const inputSheet = (sheet: GraphWorksheet): InputSheet => ({
    name: sheet.name,
    visibility: visibilityOf(sheet.visibility),
    extras: async () => undefined,
    rows: (rowOptions) => windows(sheet.name, rowOptions?.numberFormats === true),
  });

  return {
    async sheetRows(name) {
      const list = await worksheets();
      const sheet = list.find((s) => s.name === name) ?? list.find((s) => sameSheetName(name, s.name));
      if (sheet === undefined) return undefined;
      const blocks: RowBlock[] = [];
      for await (const block of windows(sheet.name, true)) blocks.push(block);
      readAhead.set(sheet.name, blocks);
      const rows: CellValue[][] = [];
      for (const block of blocks) {
        for (let row = rows.length + 1; row < block.firstRow; row++) rows.push([]);
        for (const cells of block.values) rows.push([...cells]);
      }
      return rows;
    },
    async *sheets() {
      for (const sheet of await worksheets()) yield inputSheet(sheet);
    },
    tabOrder: () => names,
  };
}
