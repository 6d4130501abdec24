// The calendar reminder of a promise to pay, as plain data: the promised day, a subject and a
// body naming the invoices and their amounts, and a UID stable for the message, so that adding it
// twice (or again after changing the date) updates one event instead of making two. The Office
// form (calendarReminder.ts) and the .ics file (promiseIcs.ts) are both made from it.
import { dayToFrench, dayToIso, type Day } from "../../src/core/day";
import { formatEuros, type Cents } from "../../src/core/money";
import { stableHash } from "../../src/documents/stableHash";

export interface PromiseReminder {
  /** The promised payment date, the event's day. */
  readonly date: Day;
  /** « Relances : promesse de règlement — <client> », on one line. */
  readonly subject: string;
  /** Plain text, lines separated by \n. */
  readonly body: string;
  /** The same for the same message, whatever the date or the invoices. */
  readonly uid: string;
}

export interface PromiseReminderRequest {
  readonly customer: string;
  readonly invoices: readonly { readonly number: string; readonly balance: Cents }[];
  readonly promisedDate: Day;
  /** The message the promise came in (its id is the journal lines' Référence). */
  readonly messageId: string;
}

// Subjects are limited to 255 characters by Outlook; a name from the workbook may be anything.
const SUBJECT_MAX = 255;
// What no calendar should receive from a cell: control characters, line and paragraph separators.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** A workbook value on one line: control characters and line breaks become a space. */
export function oneLine(text: string): string {
  return text.replace(CONTROLS, " ").replace(/\s+/g, " ").trim();
}

/**
 * The reminder of a promise, French first then English.
 *
 * @example
 * promiseReminder({ customer: "SCI Les Tilleuls", invoices: [{ number: "F2026-027", balance: 123456 }], promisedDate, messageId: "AAMk1" }).subject
 * // "Relances : promesse de règlement — SCI Les Tilleuls"
 */
export function promiseReminder(request: PromiseReminderRequest): PromiseReminder {
  const customer = oneLine(request.customer);
  const total = request.invoices.reduce((sum, invoice) => sum + invoice.balance, 0);
  const lines = [
    `Promesse de règlement de ${customer} pour le ${dayToFrench(request.promisedDate)} / promise to pay by ${dayToIso(request.promisedDate)}.`,
    "",
    "Factures / Invoices :",
    ...request.invoices.map((invoice) => `- ${oneLine(invoice.number)} : ${formatEuros(invoice.balance, "fr")}`),
    `Total : ${formatEuros(total, "fr")}`,
    "",
    "Vérifier que le paiement est arrivé ; sinon, relancer. / Check that the payment arrived; otherwise, send a reminder.",
  ];
  return {
    date: request.promisedDate,
    subject: `Relances : promesse de règlement — ${customer}`.slice(0, SUBJECT_MAX),
    body: lines.join("\n"),
    uid: `promesse-${stableHash(request.messageId)}@relances`,
  };
}
