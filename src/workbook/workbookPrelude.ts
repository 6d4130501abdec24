// What is read from an .xlsx package before the streamed pass over its sheets: the small settings
// sheet (its saved column mapping decides how the tracking sheets are read, and it may come after
// them in tab order) and the merged ranges of the sheets (a sheet's <mergeCells> follows its rows,
// so a streamed read learns them too late). Both come straight from the zip, each part inflated
// on its own: a 100,000-row sheet is scanned for its tail, never held in memory.
import { columnIndex } from "../core/columnLetters";
import type { CellValue } from "../core/cellValue";
import { normalizeText } from "../core/normalizeText";
import type { MergedRange, SheetExtras } from "../engine/workbookInput";
import { resolveTarget } from "./opcPackage";
import { attributes, unescapeXml } from "./xmlText";
import { entryText, streamEntryBytes, streamEntryText, zipEntries, type ZipEntry } from "./zipEntries";

export interface WorkbookPrelude {
  /** The sheets' names, in tab order. */
  readonly sheetNames: readonly string[];
  /** The named sheet's rows (rows[0] is row 1), or undefined when the workbook has no such sheet. */
  sheetRows(name: string): Promise<CellValue[][] | undefined>;
  /**
   * What a streamed read of these sheets learns too late or not at all, by sheet name (sheets with
   * nothing to say are absent): the ranges merged across rows, and the cells holding a formula
   * whose cached result is an Excel error (exceljs's streaming reader reads that error as NaN).
   */
  sheetExtras(sheets: readonly string[]): Promise<Map<string, SheetExtras>>;
}

const NO_PRELUDE: WorkbookPrelude = {
  sheetNames: [],
  sheetRows: async () => undefined,
  sheetExtras: async () => new Map(),
};

/**
 * Opens a workbook's package for the reads done before the streamed pass.
 *
 * @param file - an .xlsx file (checked by checkWorkbookFile)
 * @returns the prelude; one that finds nothing when the package is not laid out as expected (the
 *   streamed pass then reports what is wrong)
 * @example
 * const rows = await (await readWorkbookPrelude("suivi.xlsx")).sheetRows("Paramètres Relances");
 */
export async function readWorkbookPrelude(file: string): Promise<WorkbookPrelude> {
  let entries: Map<string, ZipEntry> | undefined;
  let parts: SheetParts;
  try {
    entries = await zipEntries(file);
    if (entries === undefined) return NO_PRELUDE;
    parts = await sheetParts(file, entries);
  } catch {
    return NO_PRELUDE;
  }
  const found = entries;
  const entryOf = (name: string): ZipEntry | undefined => {
    const part = parts.byName.get(name) ?? parts.byKey.get(normalizeText(name));
    return part === undefined ? undefined : found.get(part);
  };
  return {
    sheetNames: [...parts.byName.keys()],
    // A damaged part reads as nothing here: the streamed pass then says what is wrong with the file.
    async sheetRows(name) {
      const entry = entryOf(name);
      if (entry === undefined) return undefined;
      const shared = found.get("xl/sharedStrings.xml");
      try {
        return await sheetCells(await entryText(file, entry), (indexes) => (shared === undefined ? Promise.resolve(new Map()) : sharedStrings(file, shared, indexes)));
      } catch {
        return undefined;
      }
    },
    async sheetExtras(sheets) {
      const extras = new Map<string, SheetExtras>();
      for (const name of sheets) {
        const entry = entryOf(name);
        if (entry === undefined) continue;
        const { ranges, errors } = await scanSheet(file, entry).catch(() => ({ ranges: [], errors: new Map() }));
        const acrossRows = ranges.filter((range) => range.bottom > range.top);
        if (acrossRows.length > 0 || errors.size > 0) extras.set(name, { mergedAcrossRows: acrossRows, errors });
      }
      return extras;
    },
  };
}

/** Each sheet's part, by its name as written (in tab order) and by its normalised name. */
interface SheetParts {
  readonly byName: Map<string, string>;
  readonly byKey: Map<string, string>;
}

async function sheetParts(file: string, entries: Map<string, ZipEntry>): Promise<SheetParts> {
  const rootRels = entries.get("_rels/.rels");
  const workbookTarget = rootRels === undefined
    ? undefined
    : [...(await entryText(file, rootRels)).matchAll(/<Relationship\b[^>]*>/g)]
        .map((m) => attributes(m[0]))
        .find((a) => (a.get("Type") ?? "").endsWith("/officeDocument"))
        ?.get("Target");
  const workbookPart = resolveTarget("", workbookTarget ?? "xl/workbook.xml");
  const workbook = entries.get(workbookPart);
  const slash = workbookPart.lastIndexOf("/");
  const rels = entries.get(`${workbookPart.slice(0, slash + 1)}_rels/${workbookPart.slice(slash + 1)}.rels`);
  const parts: SheetParts = { byName: new Map(), byKey: new Map() };
  if (workbook === undefined || rels === undefined) return parts;
  const targets = new Map<string, string>();
  for (const m of (await entryText(file, rels)).matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    targets.set(a.get("Id") ?? "", resolveTarget(workbookPart, unescapeXml(a.get("Target") ?? "")));
  }
  for (const m of (await entryText(file, workbook)).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const name = unescapeXml(a.get("name") ?? "");
    const target = targets.get(a.get("r:id") ?? [...a].find(([key]) => key.endsWith(":id"))?.[1] ?? "");
    if (name === "" || target === undefined) continue;
    parts.byName.set(name, target);
    if (!parts.byKey.has(normalizeText(name))) parts.byKey.set(normalizeText(name), target);
  }
  return parts;
}

/**
 * A cell reference's 1-based row and 0-based column.
 * @example cellAddress("AB12") // { row: 12, column: 27 }
 */
export function cellAddress(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  const column = m === null ? undefined : columnIndex(m[1]!);
  return column === undefined ? undefined : { row: Number(m![2]), column };
}

const MERGE_CELLS_START = /<(?:\w+:)?mergeCells[\s>]/;
const MERGE_CELLS_END = /<\/(?:\w+:)?mergeCells>/;
// An error cell: <c r="D12" t="e"><f>…</f><v>#DIV/0!</v></c>.
const ERROR_CELL = /<(?:\w+:)?c\b([^>]*\bt="e"[^>]*)>[\s\S]*?<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/g;
// What of a chunk is kept for the next, for an error cell cut in two (a cell with a longer formula is missed).
const ERROR_CARRY = 4096;
const ERROR_MARK = 't="e"';
const MERGE_MARK = "mergeCells";

/**
 * One pass over a sheet's part: its error cells as they go by, then the ranges of its
 * <mergeCells>, which follows its rows. The part is streamed, never held whole.
 */
async function scanSheet(file: string, entry: ZipEntry): Promise<{ ranges: MergedRange[]; errors: Map<number, Map<number, string>> }> {
  const errors = new Map<number, Map<number, string>>();
  // Markers and cells are ASCII: latin1 decodes any byte, so a character cut by a chunk's edge
  // never breaks a match, and the chunks with neither marker are never decoded.
  let carry = "";
  let tail: string | undefined;
  await streamEntryBytes(file, entry, (bytes) => {
    if (tail !== undefined) {
      tail += bytes.toString("latin1");
      return !MERGE_CELLS_END.test(tail);
    }
    const edge = carry.slice(-16) + bytes.subarray(0, 16).toString("latin1");
    const marked =
      bytes.includes(ERROR_MARK) || bytes.includes(MERGE_MARK) || carry.includes(ERROR_MARK) || edge.includes(ERROR_MARK) || edge.includes(MERGE_MARK);
    if (!marked) {
      carry = bytes.subarray(Math.max(0, bytes.length - ERROR_CARRY)).toString("latin1");
      return true;
    }
    const text = carry + bytes.toString("latin1");
    const start = MERGE_CELLS_START.exec(text);
    const rows = start === null ? text : text.slice(0, start.index);
    let end = 0;
    if (rows.includes(ERROR_MARK)) {
      ERROR_CELL.lastIndex = 0;
      for (let m = ERROR_CELL.exec(rows); m !== null; m = ERROR_CELL.exec(rows)) {
        end = ERROR_CELL.lastIndex;
        const address = cellAddress(attributes(m[1] ?? "").get("r") ?? "");
        if (address === undefined) continue;
        let row = errors.get(address.row);
        if (row === undefined) errors.set(address.row, (row = new Map()));
        row.set(address.column, unescapeXml(m[2] ?? ""));
      }
    }
    if (start !== null) {
      tail = text.slice(start.index);
      return !MERGE_CELLS_END.test(tail);
    }
    carry = text.slice(Math.max(end, text.length - ERROR_CARRY));
    return true;
  });
  const ranges: MergedRange[] = [];
  if (tail === undefined) return { ranges, errors };
  for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
    const [from, to] = (attributes(m[0]).get("ref") ?? "").split(":");
    const a = cellAddress(from ?? "");
    const b = cellAddress(to ?? from ?? "");
    if (a === undefined || b === undefined) continue;
    ranges.push({ top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.column, b.column), right: Math.max(a.column, b.column) });
  }
  return { ranges, errors };
}

/** The cells of a small sheet's XML, shared strings looked up once for all. */
async function sheetCells(xml: string, lookUp: (indexes: ReadonlySet<number>) => Promise<Map<number, string>>): Promise<CellValue[][]> {
  const found: { row: number; column: number; type: string; value: string }[] = [];
  const indexes = new Set<number>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const a = attributes(m[1] ?? "");
    const address = cellAddress(a.get("r") ?? "");
    if (address === undefined) continue;
    const body = m[2] ?? "";
    const type = a.get("t") ?? "n";
    const value = type === "inlineStr" ? textRuns(body) : unescapeXml(/<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1] ?? "");
    if (type === "s") indexes.add(Number(value));
    found.push({ ...address, type, value });
  }
  const strings = indexes.size === 0 ? new Map<number, string>() : await lookUp(indexes);
  const rows: CellValue[][] = [];
  for (const { row, column, type, value } of found) {
    const cells = (rows[row - 1] ??= []);
    cells[column] = cellOf(type, value, strings);
  }
  for (let i = 0; i < rows.length; i++) {
    const cells = (rows[i] ??= []);
    for (let j = 0; j < cells.length; j++) cells[j] ??= null;
  }
  return rows;
}

function cellOf(type: string, value: string, strings: ReadonlyMap<number, string>): CellValue {
  switch (type) {
    case "s":
      return strings.get(Number(value)) ?? null;
    case "str":
    case "inlineStr":
    case "e":
      return value;
    case "b":
      return value === "1";
    default:
      return value === "" ? null : Number(value);
  }
}

/** The text of a string item or inline string: its runs, phonetic guides left out. */
function textRuns(xml: string): string {
  let text = "";
  for (const m of xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "").matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) {
    text += unescapeXml(m[1] ?? "");
  }
  return text;
}

/** The shared strings at some indexes, streaming the part only as far as the last one. */
async function sharedStrings(file: string, entry: ZipEntry, indexes: ReadonlySet<number>): Promise<Map<number, string>> {
  const last = Math.max(...indexes);
  const strings = new Map<number, string>();
  let index = 0;
  let pending = "";
  const item = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  await streamEntryText(file, entry, (chunk) => {
    pending += chunk;
    item.lastIndex = 0;
    let end = 0;
    for (let m = item.exec(pending); m !== null; m = item.exec(pending)) {
      if (indexes.has(index)) strings.set(index, textRuns(m[1] ?? ""));
      index++;
      end = item.lastIndex;
      if (index > last) return false;
    }
    pending = pending.slice(end);
    return true;
  });
  return strings;
}
