// exceljs's cell values as the core reads them.
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/cellValue";

const MS_PER_DAY = 86_400_000;
/** The Excel serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/**
 * One exceljs cell value as the core reads it. exceljs gives dates as JS Dates at UTC midnight of
 * the day the sheet shows, whatever the machine's time zone, so the UTC day is the sheet's day.
 *
 * @param value - an exceljs cell value
 * @returns a Date as its Excel serial, a formula as its cached result (null without one), rich
 *   text and hyperlinks as their text, an error as its text ("#N/A")
 * @example
 * cellValueOf(new Date(Date.UTC(2021, 2, 31)))      // 44286
 * cellValueOf({ formula: "B2*1.2", result: 120 })  // 120
 * cellValueOf({ richText: [{ text: "SCI " }, { text: "Les Tilleuls" }] }) // "SCI Les Tilleuls"
 */
export function cellValueOf(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isNaN(value) ? null : value;
    default:
      break;
  }
  if (value instanceof Date) return serialOfDate(value);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : cellValueOf(result as ExcelJS.CellValue);
  }
  if ("richText" in value) {
    let text = "";
    const runs = value.richText;
    for (let i = 0; i < runs.length; i++) text += runs[i]?.text ?? "";
    return text;
  }
  if ("error" in value) return value.error;
  if ("text" in value) return cellValueOf(value.text as ExcelJS.CellValue);
  // An index into shared strings exceljs never loaded: reading on would make every text cell blank.
  if ("sharedString" in value) throw new Error("exceljs: shared strings missing");
  return null;
}

function serialOfDate(date: Date): CellValue {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  return Math.floor(ms / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
}

/** exceljs's Row.values: 1-based and sparse. */
export function cellsOfValues(values: readonly ExcelJS.CellValue[]): CellValue[] {
  const cells: CellValue[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellValueOf(values[i]));
  return cells;
}
