// Cell references and ranges as SpreadsheetML writes them ("B3", "A1:J12"), columns 1-based.
import { columnIndex, columnLetter } from "../core/columnLetters";

/** A column's number from its letters: A -> 1, AA -> 27 (0 for none). */
export function columnNumber(letters: string): number {
  return (columnIndex(letters) ?? -1) + 1;
}

/** A column's letters from its number: 1 -> A, 27 -> AA. */
export function columnLetters(n: number): string {
  return columnLetter(n - 1);
}

/** A range of cells, 1-based and inclusive. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A range from its reference ("A1:J12", "$A$1", "B3"), undefined when it is none. */
export function decodeRange(ref: string | undefined): Range | undefined {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref ?? "");
  if (m === null) return undefined;
  const left = columnNumber(m[1]!);
  const top = Number(m[2]);
  return { top, left, right: m[3] === undefined ? left : columnNumber(m[3]), bottom: m[4] === undefined ? top : Number(m[4]) };
}

export function encodeRange({ top, left, bottom, right }: Range): string {
  return `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
}

export function overlaps(a: Range, b: Range): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
