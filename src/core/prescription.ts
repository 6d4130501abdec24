/**
 * Prescription (DOMAIN.md section 4, SPEC section 5): past a time limit counted from the due date,
 * an unpaid invoice can no longer be claimed in court. The plan warns of the invoices whose limit
 * is near or past, so that someone acts (a claim, an acknowledgement of the debt) in time.
 */
import { isBusinessCustomer, type CustomerType } from "./customerType";
import type { Customer } from "./customers";
import { addMonthsClamped, dayToFrench, dayToIso, type Day } from "./day";
import type { Cents } from "./money";
import { PAID_BELOW } from "./nextLevel";
import type { InvoiceRecord } from "./trackingRecord";

/** The time limits, in whole years and months, so that a setting may change them. */
export interface PrescriptionRule {
  /** Between businesses (Code de commerce L110-4): 5 years. */
  readonly businessYears: number;
  /** A professional's claim on a consumer (Code de la consommation L218-2): 2 years. */
  readonly consumerYears: number;
  /** How long before the limit the plan starts warning: 6 months. */
  readonly warningMonths: number;
}

export const DEFAULT_PRESCRIPTION_RULE: PrescriptionRule = { businessYears: 5, consumerYears: 2, warningMonths: 6 };

/** How many invoices are named one by one before the rest are counted. */
const INVOICES_TOLD = 100;

/**
 * The last day an invoice can be claimed: its due date plus the limit of its customer's type, in
 * calendar years (a 29 February limit falls on the 28th in a common year).
 *
 * @param dueDate - the invoice's due date
 * @param customerType - its customer's type: particulier is a consumer, any other a business
 * @param rule - the limits (DEFAULT_PRESCRIPTION_RULE)
 * @returns the prescription date
 * @example
 * dayToIso(prescriptionDate(dayFromIso("2024-02-29")!, "professionnel")) // "2029-02-28"
 * dayToIso(prescriptionDate(dayFromIso("2024-02-29")!, "particulier"))   // "2026-02-28"
 */
export function prescriptionDate(dueDate: Day, customerType: CustomerType, rule: PrescriptionRule = DEFAULT_PRESCRIPTION_RULE): Day {
  const years = isBusinessCustomer(customerType) ? rule.businessYears : rule.consumerYears;
  return addMonthsClamped(dueDate, 12 * years);
}

/** An invoice of the plan, with its balance and the account it belongs to. */
export interface PrescriptionCandidate {
  readonly record: InvoiceRecord;
  readonly customerKey: string;
  readonly balance: Cents;
}

/**
 * A warning for each open invoice whose prescription has passed, or falls within the warning
 * months after the reference date, naming its sheet, row, number, customer and the date; the
 * first 100 one by one, then how many more. Paid invoices (balance under EUR 1) are left out.
 * A partial payment or an acknowledgement interrupts the limit: the sheet does not say when, so
 * the message says "sauf interruption".
 *
 * @param invoices - the plan's invoices, in the order they are told
 * @param customers - their accounts, for the customer's name and type (the account's, not the row's)
 * @param asOf - the reference date
 * @param rule - the limits (DEFAULT_PRESCRIPTION_RULE)
 * @returns the warnings, French then English
 * @example
 * prescriptionWarnings(plan.invoices, customers, dayFromIso("2026-06-30")!)
 * // ["Suivi ligne 4 : facture «F-12» de «Dupont» : prescription le 31/10/2026 (5 ans après l'échéance du
 * //   31/10/2021, sauf interruption), dans moins de 6 mois : agir avant cette date / invoice F-12 ..."]
 */
export function prescriptionWarnings(
  invoices: readonly PrescriptionCandidate[],
  customers: readonly Customer[],
  asOf: Day,
  rule: PrescriptionRule = DEFAULT_PRESCRIPTION_RULE,
): string[] {
  const accounts = new Map(customers.map((customer) => [customer.key, customer]));
  const horizon = addMonthsClamped(asOf, rule.warningMonths);
  const warnings: string[] = [];
  let untold = 0;
  for (const invoice of invoices) {
    if (invoice.balance < PAID_BELOW) continue;
    const account = accounts.get(invoice.customerKey);
    const type = account?.details.customerType ?? invoice.record.customer.customerType;
    // The limit is at least 365 days a year after the due date: most invoices are far from it.
    const years = isBusinessCustomer(type) ? rule.businessYears : rule.consumerYears;
    if (invoice.record.dueDate + 365 * years > horizon) continue;
    const limit = prescriptionDate(invoice.record.dueDate, type, rule);
    if (limit > horizon) continue;
    if (warnings.length >= INVOICES_TOLD) {
      untold++;
      continue;
    }
    warnings.push(prescriptionWarning(invoice.record, account?.name ?? invoice.record.customer.name, type, limit, asOf, rule));
  }
  if (untold > 0) {
    warnings.push(
      `Prescription : ${untold} autres factures prescrites ou à moins de ${rule.warningMonths} mois de la prescription / ` +
        `${untold} more invoices time-barred or within ${rule.warningMonths} months of it`,
    );
  }
  return warnings;
}

function prescriptionWarning(
  record: InvoiceRecord,
  customer: string,
  type: CustomerType,
  limit: Day,
  asOf: Day,
  rule: PrescriptionRule,
): string {
  const years = isBusinessCustomer(type) ? rule.businessYears : rule.consumerYears;
  const where = `${record.sheet} ligne ${record.row} : facture «${record.number}» de «${customer}»`;
  const why = `${years} ans après l'échéance du ${dayToFrench(record.dueDate)}, sauf interruption`;
  const whyEn = `${years} years after its due date, unless interrupted`;
  // The limit's last day still counts (Code civil 2229): on it the invoice is near, not past.
  if (limit < asOf) {
    return (
      `${where} : prescription acquise, délai expiré le ${dayToFrench(limit)} (${why}) / ` +
      `invoice ${record.number} of ${customer} time-barred: the limitation period ended on ${dayToIso(limit)} (${whyEn})`
    );
  }
  return (
    `${where} : prescription le ${dayToFrench(limit)} (${why}), dans moins de ${rule.warningMonths} mois : agir avant cette date / ` +
    `invoice ${record.number} of ${customer}: the limitation period ends on ${dayToIso(limit)} (${whyEn}), act before then`
  );
}
