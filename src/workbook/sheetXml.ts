// A worksheet's XML (SpreadsheetML) read and appended to as text: the rows and cells already there
// are kept as they are written, and new rows go in between them in row order. Reading gives the
// values as exceljs would (a formula's cached result, a string's text), never the formula.
import type { CellValue } from "../core/cellValue";
import type { CellRow } from "../core/journal";
import { columnNumber, columnLetters, decodeRange, encodeRange } from "./cellRange";
import { PackageError } from "./packageError";
import { escapeXml, unescapeXml } from "./xmlText";

/** A cell the product writes: its value (already made safe, see safeCellOut) and its cell format. */
export interface CellOut {
  readonly value: string | number | boolean | null;
  /** The index in the package's cellXfs; none keeps the format of an empty cell written into. */
  readonly style?: number | undefined;
}

/**
 * A row to write, its cells already written as XML: a large run builds tens of thousands of rows,
 * and a row kept as one string is lighter than its cells kept as values.
 */
export interface RowOut {
  /** The cells' XML, in column order, each with its reference. */
  readonly cells: string;
  /** The last column it writes. */
  readonly right: number;
}

/** The rows to write into a sheet, by row number. */
export type RowsOut = ReadonlyMap<number, RowOut>;

/** A row to write from its cells by column. */
export function rowOut(number: number, cells: ReadonlyMap<number, CellOut>): RowOut {
  const columns = [...cells.keys()].sort((a, b) => a - b);
  // Joined rather than concatenated: a flat string, not a rope of its cells, is what a large run keeps.
  const xml = columns.map((column) => cellXml(`${columnLetters(column)}${number}`, cells.get(column)!)).join("");
  return { cells: xml, right: columns.at(-1) ?? 0 };
}

/** A cell's XML: text inline (never a formula), numbers as they are, booleans as 1 or 0. */
export function cellXml(ref: string, cell: CellOut, style: string | undefined = cell.style?.toString()): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  const { value } = cell;
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

/** The text of a shared string item or an inline string: its runs' text, phonetic runs aside. */
function stringText(inner: string): string {
  let text = "";
  const plain = inner.includes("<rPh") ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : inner;
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += m[1]!;
  return unescapeXml(text);
}

/** The shared strings of a package, by index, from the text of its sharedStrings part. */
export function sharedStringsOf(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) strings.push(m[1] === undefined ? "" : stringText(m[1]));
  return strings;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** A cell's value as exceljs reads it: a formula's cached result, an error's code, a string's text. */
function cellValue(attrs: string, inner: string | undefined, strings: readonly string[]): CellValue {
  if (inner === undefined) return null;
  const type = /\st="(\w+)"/.exec(attrs)?.[1];
  if (type === "inlineStr") {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner)?.[1];
    return is === undefined ? null : stringText(is);
  }
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case "s":
      return strings[Number(v)] ?? null;
    case "b":
      return v === "1" || v === "true";
    case "str":
    case "e":
    case "d":
      return unescapeXml(v);
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

function isBlank(value: CellValue): boolean {
  return value === null || value === "";
}

/** The rows of a sheet holding a value, and the number of the last of them (0 when there is none). */
export interface SheetRows {
  readonly rows: CellRow[];
  readonly lastUsedRow: number;
}

/**
 * Reads the values of a sheet's cells, row by row: only the rows holding a value, each with its
 * cells by column (null between them), as exceljs's eachRow gives them.
 *
 * @param xml - the sheet's XML
 * @param strings - the package's shared strings
 */
export function readSheetRows(xml: string, strings: readonly string[]): SheetRows {
  const rows: CellRow[] = [];
  let lastUsedRow = 0;
  let rowNumber = 0;
  for (const row of rowElements(xml)) {
    rowNumber = row.number;
    const cells: CellValue[] = [];
    let column = 0;
    let used = false;
    for (const m of row.body.matchAll(CELL)) {
      column = columnOf(m[1]!, column);
      const value = cellValue(m[1]!, m[2], strings);
      if (isBlank(value)) continue;
      cells[column - 1] = value;
      used = true;
    }
    if (!used) continue;
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows.push({ row: rowNumber, cells });
    lastUsedRow = rowNumber;
  }
  return { rows, lastUsedRow };
}

interface RowElement {
  readonly number: number;
  /** Where the element starts and ends in the sheet's XML. */
  readonly start: number;
  readonly end: number;
  /** Its start tag's attributes, and its cells' XML. */
  readonly attrs: string;
  readonly body: string;
}

/** The <row> elements of a sheet, in order (a row without r follows the one before it). */
function* rowElements(xml: string): Generator<RowElement> {
  const from = xml.indexOf("<sheetData");
  if (from < 0) return;
  const ROW = /<row\b([^>]*?)(\/>|>)/g;
  ROW.lastIndex = from;
  let number = 0;
  for (let m = ROW.exec(xml); m !== null; m = ROW.exec(xml)) {
    const attrs = m[1]!;
    const r = /\sr="(\d+)"/.exec(attrs);
    number = r === null ? number + 1 : Number(r[1]);
    const open = m.index + m[0].length;
    if (m[2] === "/>") {
      yield { number, start: m.index, end: open, attrs, body: "" };
      continue;
    }
    const close = xml.indexOf("</row>", open);
    if (close < 0) return;
    yield { number, start: m.index, end: close + 6, attrs, body: xml.slice(open, close) };
    ROW.lastIndex = close + 6;
  }
}

function columnOf(attrs: string, previous: number): number {
  const ref = /\sr="([A-Za-z]+)\d*"/.exec(attrs)?.[1];
  return ref === undefined ? previous + 1 : columnNumber(ref);
}

/** An existing row with the new cells merged in: a cell holding a value is never written over. */
function mergedRow(row: RowElement, write: RowOut): string {
  const writes = new Map<number, string>();
  for (const m of write.cells.matchAll(CELL)) writes.set(columnOf(m[1]!, 0), m[0]);
  const cells = new Map<number, string>();
  let column = 0;
  for (const m of row.body.matchAll(CELL)) {
    column = columnOf(m[1]!, column);
    const empty = m[2] === undefined || !/<(v|is)>/.test(m[2]);
    const cell = writes.get(column);
    const style = /\ss="(\d+)"/.exec(m[1]!)?.[1];
    if (cell !== undefined && empty) {
      // A cell written without a format of its own keeps the one the empty cell had.
      cells.set(column, style === undefined || /^<c\b[^>]*?\ss="/.test(cell) ? cell : cell.replace(/^(<c r="[A-Z]+\d+")/, `$1 s="${style}"`));
    } else {
      cells.set(column, /\sr="/.test(m[1]!) ? m[0] : m[0].replace(/^<c\b/, `<c r="${columnLetters(column)}${row.number}"`));
    }
  }
  for (const [col, cell] of writes) if (!cells.has(col)) cells.set(col, cell);
  // Its spans (a hint of the columns it uses) would no longer be right.
  const attrs = row.attrs.replace(/\sr="\d+"/, "").replace(/\sspans="[^"]*"/, "");
  let xml = `<row r="${row.number}"${attrs}>`;
  for (const [, cell] of [...cells].sort(([a], [b]) => a - b)) xml += cell;
  return `${xml}</row>`;
}

function newRow(number: number, write: RowOut): string {
  return `<row r="${number}">${write.cells}</row>`;
}

/**
 * The sheet with cells written into it: into the rows already there (an empty cell takes the
 * value, a cell holding one is kept), and in new rows put in row order. The dimension is stretched
 * over them. Everything else of the sheet stays as it is written.
 *
 * @param xml - the sheet's XML
 * @param rows - the cells to write
 * @returns the new XML
 */
export function writeSheetRows(xml: string, rows: RowsOut): string {
  if (rows.size === 0) return xml;
  const wanted = [...rows.keys()].sort((a, b) => a - b);
  // The dimension comes before the rows: the sheet's head is stretched on its own, and the rows
  // written after it, so that the whole sheet is put together once.
  let copied = xml.indexOf("<sheetData");
  if (copied < 0) throw new PackageError("worksheet without <sheetData>");
  const pieces = [stretchDimension(xml.slice(0, copied), rows)];
  let next = 0;
  // Rows appended below the last one, the usual case, need no walk through the rows there.
  const last = lastRowNumber(xml);
  const rowsThere = last === undefined || wanted[0]! <= last ? rowElements(xml) : [];
  for (const row of rowsThere) {
    if (next >= wanted.length) break;
    if (next < wanted.length && wanted[next]! < row.number) {
      pieces.push(xml.slice(copied, row.start));
      while (next < wanted.length && wanted[next]! < row.number) pieces.push(newRow(wanted[next]!, rows.get(wanted[next++]!)!));
      copied = row.start;
    }
    if (wanted[next] === row.number) {
      pieces.push(xml.slice(copied, row.start), mergedRow(row, rows.get(wanted[next++]!)!));
      copied = row.end;
    }
  }
  // The rows below the last one go in as pieces of their own: one string built of tens of
  // thousands of rows would be a rope as heavy again as the rows.
  const rest: string[] = [];
  while (next < wanted.length) rest.push(newRow(wanted[next]!, rows.get(wanted[next++]!)!));
  const tail = xml.slice(copied);
  if (rest.length === 0) pieces.push(tail);
  else {
    const empty = /^<sheetData\s*\/>/.exec(tail);
    const close = tail.indexOf("</sheetData>");
    const [before, after] = empty !== null ? ["<sheetData>", `</sheetData>${tail.slice(empty[0].length)}`] : [tail.slice(0, close), tail.slice(close)];
    pieces.push(before);
    for (const row of rest) pieces.push(row);
    pieces.push(after);
  }
  return pieces.join("");
}

/** The number of a sheet's last row, when its last <row> says it (r), else undefined; 0 when it has none. */
function lastRowNumber(xml: string): number | undefined {
  const close = xml.lastIndexOf("</sheetData>");
  if (close < 0) return 0;
  const start = xml.lastIndexOf("<row", close);
  if (start < xml.indexOf("<sheetData")) return 0;
  const r = /^<row\b[^>]*?\sr="(\d+)"/.exec(xml.slice(start, Math.min(close, start + 200)));
  return r === null ? undefined : Number(r[1]);
}

/** A sheet's head (what comes before its rows) with its dimension stretched over the rows written. */
function stretchDimension(head: string, rows: RowsOut): string {
  let bottom = 0;
  let right = 0;
  for (const [row, write] of rows) {
    bottom = Math.max(bottom, row);
    right = Math.max(right, write.right);
  }
  return head.replace(/<dimension\b[^>]*?\sref="([^"]*)"/, (tag, ref: string) => {
    const range = decodeRange(ref) ?? { top: 1, left: 1, bottom: 1, right: 1 };
    const wider = { top: Math.min(range.top, 1), left: Math.min(range.left, 1), bottom: Math.max(range.bottom, bottom), right: Math.max(range.right, right) };
    return tag.replace(`"${ref}"`, `"${encodeRange(wider)}"`);
  });
}

/** The elements of a worksheet in their schema order (ECMA-376 part 1, 18.3.1.99). */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture",
  "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/**
 * The sheet with an element put in its place: replacing one of the same name, else before the
 * first element that follows it in the schema's order.
 */
export function withSheetElement(xml: string, name: string, element: string): string {
  const existing = new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`).exec(xml);
  if (existing !== null) return xml.slice(0, existing.index) + element + xml.slice(existing.index + existing[0].length);
  for (const after of WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1)) {
    const at = new RegExp(`<${after}[\\s/>]`).exec(xml);
    if (at !== null) return xml.slice(0, at.index) + element + xml.slice(at.index);
  }
  return xml.replace(/<\/worksheet>\s*$/, (close) => element + close);
}

/** Column widths as a <cols> element. */
export function colsXml(widths: readonly number[]): string {
  return `<cols>${widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join("")}</cols>`;
}

/** The view of a sheet whose first row stays in sight (frozen) as the rows scroll. */
export const FROZEN_HEADER_VIEW =
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';

/**
 * A new sheet's XML: its rows, widths and, as asked, a frozen header.
 *
 * @param rows - the cells
 * @param widths - the widths of the first columns
 * @param frozenHeader - whether the first row stays in sight
 */
export function newSheetXml(rows: RowsOut, widths: readonly number[], frozenHeader: boolean): string {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1"/>${frozenHeader ? FROZEN_HEADER_VIEW : ""}<sheetFormatPr defaultRowHeight="15"/>${widths.length > 0 ? colsXml(widths) : ""}<sheetData/>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  return writeSheetRows(xml, rows);
}

