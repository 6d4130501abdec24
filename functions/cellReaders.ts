import { parseAmountInput } from "../src/core/amountInput";
import { parseCustomerType, type CustomerType } from "../src/core/customerType";
import { parseDateInput } from "../src/core/dateInput";
import { dayFromExcelSerial, type Day } from "../src/core/day";
import type { Cents } from "../src/core/money";
import { cellPaymentTerms } from "../src/core/cellPaymentTerms";
import type { PaymentTerms } from "../src/core/paymentTerms";
import { percentFromText } from "../src/core/percentInput";
import { isProblem, problem, type Problem } from "../src/core/problem";
import { isBlank } from "./excelGrid";

// Reading one cell of a custom-function argument into a core value. Numbers take a fast path: a
// 100,000-row column is mostly serial numbers.

/** A date cell: an Excel serial, ISO text or dd/mm/yyyy text. */
export function readDate(value: unknown): Day | Problem {
  if (typeof value === "number") {
    const day = dayFromExcelSerial(value);
    if (day !== undefined) return day;
  }
  return parseDateInput(value);
}

/** An optional date cell: undefined when blank. */
export function readOptionalDate(value: unknown): Day | undefined | Problem {
  return isBlank(value) ? undefined : readDate(value);
}

/** A payment-terms cell: text of the grammar, or a number of days (each parsed once, cellPaymentTerms). */
export function readTerms(value: unknown): PaymentTerms | Problem {
  if (typeof value === "number") return cellPaymentTerms(value);
  if (typeof value === "string" && value.trim() !== "") return cellPaymentTerms(value);
  if (isBlank(value)) return problem("Conditions de paiement manquantes");
  return problem(`Conditions de paiement non reconnues : «${String(value)}»`);
}

/**
 * The terms of a cell of a long column (DUEDATE's column loop): a column holds a handful of
 * distinct texts, and comparing against the ones already met is cheaper than a map lookup per
 * row. seen and parsed are the caller's, empty at the start of its column; past RECENT_TERMS
 * distinct texts the shared cache answers alone.
 */
const RECENT_TERMS = 16;
export function readColumnTerms(value: unknown, seen: unknown[], parsed: (PaymentTerms | Problem)[]): PaymentTerms | Problem {
  for (let i = 0; i < seen.length; i++) if (seen[i] === value) return parsed[i]!;
  const terms = readTerms(value);
  if (seen.length < RECENT_TERMS) {
    seen.push(value);
    parsed.push(terms);
  }
  return terms;
}

/** An amount cell in euros: a number or text such as "1 234,56 €". */
export function readAmount(value: unknown): Cents | Problem {
  return parseAmountInput(value);
}

/** A customer-type cell; blank means the default type (professionnel). */
export function readCustomerType(value: unknown): CustomerType | Problem {
  return parseCustomerType(isBlank(value) ? undefined : value);
}

/** A whole number of days given in a cell (periods, bounds). */
export function readWholeDays(value: unknown, what: string): number | Problem {
  const number = typeof value === "string" ? Number(value.trim().replace(",", ".")) : value;
  if (typeof number === "number" && Number.isInteger(number) && number > 0) return number;
  return problem(`${what} invalide : «${String(value)}» (un nombre entier de jours)`);
}

/**
 * An annual rate in percent: 12.15, "12,15 %" or a cell formatted as a percentage (0.1215). A
 * late-payment rate under 1 % is not a real case, so values under 1 are read as fractions.
 */
export function readPercent(value: unknown): number | Problem {
  let number: number;
  const figure = typeof value === "string" ? percentFromText(value) : undefined;
  if (typeof value === "number") {
    number = value > 0 && value < 1 ? value * 100 : value;
  } else if (typeof value === "string" && figure !== undefined) {
    number = !value.includes("%") && figure > 0 && figure < 1 ? figure * 100 : figure;
  } else {
    return problem(`Taux annuel invalide : «${String(value)}» (par exemple 12,15 pour 12,15 %)`);
  }
  if (!Number.isFinite(number) || number < 0 || number > 100) {
    return problem(`Taux annuel invalide : «${String(value)}» (entre 0 et 100 %)`);
  }
  return number;
}

export { isProblem };
