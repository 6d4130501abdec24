/**
 * The one door between core cell values and exceljs cells, both ways, and the cells of sheet XML.
 * Everything the product writes goes through safeCellValue, writeCell or safeCellOut, so that no value can become a formula (SPEC section 8):
 * a customer named "=HYPERLINK(...)" or "@Home" is stored as text, exactly as typed.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/cellValue";
import { dayFromExcelSerial, dayFromYmd, dayToExcelSerial, ymdFromDay } from "../core/day";
import { cleanText, isFormulaLike } from "../engine/cellText";
import type { CellOut } from "./sheetXml";
import type { ProductFormat } from "./styleAppender";

/** The number format of the dates the product writes. */
export const DATE_FORMAT = "dd/mm/yyyy";
/** Excel's Text format: what the user then types in the cell stays text, "=..." included. */
export const TEXT_FORMAT = "@";
/**
 * The exceljs value to store for a core value: text stays a plain string (a shared string in the
 * file, never a {formula}), numbers that are not finite and empty text become an empty cell.
 * Characters XML cannot hold are dropped and text is cut at Excel's 32,767 characters, so that the
 * file always opens.
 *
 * @param value - a core cell value
 * @returns a string, number, boolean or null; never an object
 * @throws TypeError for anything else (a bug: the core has no other cell values)
 * @example
 * safeCellValue('=HYPERLINK("http://x","y")') // the same text, as a string value
 */
export function safeCellValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const text = cleanText(value);
    return text === "" ? null : text;
  }
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === "boolean") return value;
  throw new TypeError(`safeCellValue: unexpected ${typeof value}`);
}

/**
 * The JS Date exceljs needs to store an Excel serial as a real date. exceljs turns a Date into a
 * serial through its UTC time, so the Date is built with Date.UTC from the calendar day: the
 * serial comes out whole in every time zone.
 *
 * @param serial - an Excel serial (1900 date system); a fraction is dropped
 * @returns the Date at 00:00 UTC of that day, or undefined when the serial is no day
 * @example
 * excelDateFromSerial(45658) // 2025-01-01T00:00:00.000Z
 */
export function excelDateFromSerial(serial: number): Date | undefined {
  const day = dayFromExcelSerial(serial);
  if (day === undefined) return undefined;
  const { year, month, day: date } = ymdFromDay(day);
  return new Date(Date.UTC(year, month - 1, date));
}

/**
 * Writes a core value into an exceljs cell, the way every writer of the product does: through
 * safeCellValue, a date as a real Excel date shown dd/mm/yyyy, and formula-like text with the Text
 * number format so that editing it in Excel keeps it text. (exceljs 4.4 cannot write the
 * quotePrefix style attribute, which would do the same.) The cell gets a style object of its own:
 * exceljs shares one style object between the cells of a loaded file that have the same style.
 *
 * @param cell - the exceljs cell
 * @param value - a core cell value; a date is its Excel serial
 * @param kind - "date" to write a serial as a date, "value" (default) otherwise
 * @example
 * writeCell(ws.getCell("A2"), 45658, "date") // 01/01/2025, a date cell
 */
export function writeCell(cell: ExcelJS.Cell, value: CellValue, kind: "date" | "value" = "value"): void {
  if (kind === "date" && typeof value === "number") {
    const date = excelDateFromSerial(value);
    if (date !== undefined) {
      cell.value = date;
      cell.style = { ...cell.style, numFmt: DATE_FORMAT };
      return;
    }
  }
  const safe = safeCellValue(value);
  cell.value = safe;
  if (typeof safe === "string" && isFormulaLike(safe)) cell.style = { ...cell.style, numFmt: TEXT_FORMAT };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * A core cell value from an exceljs cell value, as read from a file: a formula gives its cached
 * result, rich text and hyperlinks their text, an error its code ("#N/A"), a date its Excel serial
 * (whole days for a date, read through UTC as exceljs builds it).
 *
 * @param value - cell.value
 * @returns a string, number, boolean or null
 * @example
 * plainCellValue({ formula: "A1+1", result: 3 }) // 3
 */
export function plainCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return null;
    const day = dayFromYmd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    const fraction = (time - Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate())) / 86_400_000;
    return dayToExcelSerial(day) + fraction;
  }
  if (!isRecord(value)) return null;
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("");
  }
  if ("formula" in value || "sharedFormula" in value) {
    return plainCellValue((value as { result?: ExcelJS.CellValue }).result);
  }
  if ("hyperlink" in value && "text" in value) return plainCellValue(value.text as ExcelJS.CellValue);
  if ("error" in value && typeof value.error === "string") return value.error;
  return null;
}

/** How a value the product writes into sheet XML looks. */
export interface CellLook {
  /** A number is a date (an Excel serial), shown dd/mm/yyyy. */
  readonly date?: boolean | undefined;
  /** The number format of a number (money). */
  readonly numberFormat?: string | undefined;
  /** The Text format, whatever the value (an empty cell too): what the user types there stays text. */
  readonly text?: boolean | undefined;
  readonly bold?: boolean | undefined;
}

/**
 * The cell to write into sheet XML for a core value, as writeCell writes one through exceljs:
 * through safeCellValue, a date as a whole serial shown dd/mm/yyyy, formula-like text with the Text
 * format. Text is written inline (see cellXml), never as a formula.
 *
 * @param value - a core cell value; a date is its Excel serial
 * @param formats - where the cell formats come from (the package's styles)
 * @param look - how it looks
 * @returns the cell, or undefined when there is nothing to write
 * @example
 * safeCellOut("=1+1", graft) // { value: "=1+1", style: <the Text format> }
 */
export function safeCellOut(value: CellValue, formats: { format(format: ProductFormat): number }, look: CellLook = {}): CellOut | undefined {
  const bold = look.bold === true ? true : undefined;
  if (look.date === true && typeof value === "number") {
    const day = dayFromExcelSerial(value);
    if (day !== undefined) return { value: dayToExcelSerial(day), style: formats.format({ numFmt: DATE_FORMAT, bold }) };
  }
  const safe = safeCellValue(value) as CellOut["value"];
  if (safe === null && look.text !== true) return undefined;
  const numFmt =
    look.text === true || (typeof safe === "string" && isFormulaLike(safe)) ? TEXT_FORMAT : typeof safe === "number" ? look.numberFormat : undefined;
  return { value: safe, style: numFmt === undefined && bold === undefined ? undefined : formats.format({ numFmt, bold }) };
}
