// The stage sheets of the seeds ("1ère relance", "2ème relance", "mis en demeure"): one row per
// invoice reminded at that level, with the merge fields the assistants used in Word.
import type { CellValue } from "../core/cellValue";
import { dayToExcelSerial } from "../core/day";
import { eurosFromCents } from "../core/money";
import type { Plan, PlannedAction, PlannedInvoice } from "../core/plan";
import type { ReminderLevel } from "../core/reminderLevel";

/** The stage sheet of each level the manual workflow kept one for. */
export const STAGE_SHEETS: Readonly<Partial<Record<ReminderLevel, string>>> = { 1: "Relance 1", 2: "Relance 2", 3: "Mise en demeure" };

/** The stage sheets' columns, A to O: the merge fields of the seeds' Word letters. */
export const STAGE_COLUMNS = [
  { header: "Date de relance", width: 14, date: true },
  { header: "Raison sociale", width: 30 },
  { header: "Adresse", width: 30 },
  { header: "Code postal", width: 11 },
  { header: "Ville", width: 18 },
  { header: "E-mail", width: 26 },
  { header: "N° de facture", width: 14 },
  { header: "Date de facture", width: 14, date: true },
  { header: "Date d'échéance", width: 14, date: true },
  { header: "Montant TTC", width: 13, money: true },
  { header: "Reste à payer", width: 13, money: true },
  { header: "Date 1ère relance", width: 16, date: true },
  { header: "Date 2ème relance", width: 16, date: true },
  { header: "Pénalités", width: 11, money: true },
  { header: "Indemnité", width: 11, money: true },
] as const;

/**
 * The stage sheet's row for one invoice of a planned action: dates as Excel serials, amounts in euros.
 *
 * @param plan - the run's plan (its date is the row's first cell)
 * @param action - the customer's action
 * @param invoice - one of its invoices
 * @returns the row's cells, in STAGE_COLUMNS order
 * @example
 * stageRow(plan, action, action.invoices[0])[6] // the invoice number
 */
export function stageRow(plan: Plan, action: PlannedAction, invoice: PlannedInvoice): CellValue[] {
  const { customer } = action;
  const dates = invoice.history?.levelDates ?? {};
  const serial = (day: number | undefined): CellValue => (day === undefined ? null : dayToExcelSerial(day));
  return [
    dayToExcelSerial(plan.asOf),
    customer.name,
    customer.address ?? null,
    customer.postcode ?? null,
    customer.city ?? null,
    customer.email ?? null,
    invoice.record.number,
    dayToExcelSerial(invoice.record.invoiceDate),
    dayToExcelSerial(invoice.record.dueDate),
    eurosFromCents(invoice.record.amount),
    eurosFromCents(invoice.balance),
    serial(dates[1]),
    serial(dates[2]),
    invoice.penalties === null ? null : eurosFromCents(invoice.penalties),
    eurosFromCents(invoice.recoveryFee),
  ];
}
