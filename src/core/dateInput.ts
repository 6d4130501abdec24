import { dayFromExcelSerial, dayFromFrench, dayFromIso, MAX_EXCEL_DAY, MIN_EXCEL_DAY, type Day } from "./day";
import { problem, type Problem } from "./problem";

function notADate(shown: string): Problem {
  return problem(`«${shown}» n'est pas une date`);
}

/**
 * Reads a date as users give it to Excel: a serial number, ISO text or French text.
 * A JS Date is refused on purpose: its day depends on the time zone, so the edge that holds one
 * converts it with dayFromLocalParts. Text dates outside Excel's range (1900-9999) are refused
 * too, since every date goes back to the sheet as a serial.
 *
 * @param value - a number (Excel serial, fraction ignored), or text such as "2025-03-31",
 *   "2025-03-31T00:00:00", "31/03/2025", "31.03.25"
 * @returns the day, or a Problem: "Date manquante" when empty, «…» n'est pas une date otherwise
 * @example
 * parseDateInput(45658)        // the day of 2025-01-01
 * parseDateInput(" 31/03/2025") // the day of 2025-03-31
 * parseDateInput("31/02/2021") // problem("«31/02/2021» n'est pas une date")
 */
export function parseDateInput(value: unknown): Day | Problem {
  if (value === null || value === undefined) return problem("Date manquante");
  if (typeof value === "number") return dayFromExcelSerial(value) ?? notADate(String(value));
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return problem("Date manquante");
    const day = dayFromIso(text) ?? dayFromFrench(text);
    return day !== undefined && day >= MIN_EXCEL_DAY && day <= MAX_EXCEL_DAY ? day : notADate(text);
  }
  // Booleans as a French Excel shows them.
  if (typeof value === "boolean") return notADate(value ? "VRAI" : "FAUX");
  return problem("Valeur inattendue : ce n'est pas une date");
}
