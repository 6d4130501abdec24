/**
 * Reading one cell of a tracking sheet: its text or nothing, an amount, a phone number or a
 * postcode that lost its leading zero, a total row's label, and a cell as the user sees it.
 */
import { AMOUNT_LIMIT_CENTS, parseAmountInput } from "./amountInput";
import { cellText, type CellValue } from "./cellValue";
import { dayFromExcelSerial, dayToFrench } from "./day";
import type { Cents } from "./money";
import { normalizeText } from "./normalizeText";
import type { Problem } from "./problem";
import type { TrackingField } from "./trackingColumns";

// Total rows: the label, once normalised; the hint spares normalising every customer name.
const TOTAL_HINT = /tota/i;
const TOTAL_LABEL = /^(?:sous |grand )?tota(?:l|ux)(?: .*)?$|^sub ?totals?(?: .*)?$/;
const FRENCH_MOBILE_WITHOUT_ZERO = /^[1-9]\d{8}$/;

/** Fields whose numbers are Excel serials: a rejected one is shown as the date Excel shows. */
const DATE_FIELDS: ReadonlySet<TrackingField> = new Set(["invoiceDate", "dueDate", "acceptanceDate", "promiseDate"]);

/**
 * The cell's text, undefined when blank.
 * @example optionalText("  ") // undefined
 */
export function optionalText(value: CellValue | undefined): string | undefined {
  const text = cellText(value);
  return text === "" ? undefined : text;
}

/**
 * An amount cell in cents. A number that is a whole number of cents to within float noise takes
 * a short cut: parseAmountInput's decimal reading (toPrecision) was a third of the reading time of
 * a large sheet, and gives the same cents for these. The noise allowed (4e-16 of the value) is
 * under half the 15th significant digit, so that the short cut takes nothing parseAmountInput
 * would refuse for a third decimal.
 * @example amountOf(1234.56) // 123456
 */
export function amountOf(value: CellValue): Cents | Problem {
  if (typeof value === "number") {
    const scaled = value * 100;
    const cents = Math.round(scaled);
    const noise = (scaled < 0 ? -scaled : scaled) * 4e-16;
    const diff = scaled - cents;
    if (diff <= noise && -diff <= noise && cents < AMOUNT_LIMIT_CENTS && cents > -AMOUNT_LIMIT_CENTS) return cents + 0;
  }
  return parseAmountInput(value);
}

/**
 * Whether a text is a total row's label: Total, Sous-total, TOTAUX, Grand total HT, Subtotal.
 * @example isTotalLabel("Sous-total 2024") // true
 */
export function isTotalLabel(text: string): boolean {
  return text !== "" && TOTAL_HINT.test(text) && TOTAL_LABEL.test(normalizeText(text));
}

/**
 * A cell as the user sees it: a date column's serial as the date Excel shows.
 * @example shownCell("invoiceDate", 44257) // "02/03/2021"
 */
export function shownCell(field: TrackingField, value: CellValue): string {
  if (typeof value === "number" && DATE_FIELDS.has(field)) {
    const day = dayFromExcelSerial(value);
    if (day !== undefined) return dayToFrench(day);
  }
  return cellText(value);
}

/**
 * A phone number stored as a number lost its leading zero (0612345678 became 612345678).
 * @example phoneText(612345678) // "0612345678"
 */
export function phoneText(value: CellValue): string | undefined {
  if (typeof value === "number") {
    const digits = String(value);
    return FRENCH_MOBILE_WITHOUT_ZERO.test(digits) ? `0${digits}` : digits;
  }
  return optionalText(value);
}

/**
 * A French postcode stored as a number lost its leading zero (06000 became 6000).
 * @example postcodeText(6000) // "06000"
 */
export function postcodeText(value: CellValue): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1000 && value <= 99999) {
    return String(value).padStart(5, "0");
  }
  return optionalText(value);
}

/**
 * The cell of a row at a column index, null when the sheet has no such column (-1) or the row
 * stops before it.
 * @example cellAt(["a"], 3) // null
 */
export function cellAt(cells: readonly CellValue[], index: number): CellValue {
  return index < 0 ? null : (cells[index] ?? null);
}
