// What a user logs from the pane on some invoices of one customer: a phone call, a promise to pay
// (its date), a dispute opened or closed. Each becomes one journal line per invoice (SPEC section
// 4), which the plan reads back as it reads lines typed by hand: a promise or an open dispute holds
// the invoice, a closed dispute releases it. A log repeated the same day adds nothing.
import { dayFromIso, dayToIso, type Day } from "../core/day";
import { invoiceKey } from "../core/invoiceKey";
import type { DisputeState, JournalEntry } from "../core/journalEntry";
import type { Channel } from "../core/reminderPolicy";
import { invalidDateProblem } from "./arraysSource";
import { journalSheetAppend } from "./journalSheetAppend";
import { memoryWorkbook, type MemorySheet } from "./memoryWorkbook";
import { customerAccounts } from "./paneSelection";
import { readWorkbook } from "./readWorkbook";
import type { SheetAppend } from "./workbookOutput";

/** What is logged. */
export type ContactEvent =
  | { readonly kind: "call"; readonly note?: string | undefined }
  | { readonly kind: "promise"; /** The promised payment date, ISO. */ readonly promisedDate: string; readonly note?: string | undefined }
  | { readonly kind: "dispute"; readonly state: DisputeState; readonly note?: string | undefined };

export interface ContactLogRequest {
  /** The workbook's sheets as the host read them. */
  readonly sheets: readonly MemorySheet[];
  /** The day of the log, ISO (the pane's reference date, today by default). */
  readonly asOf: string;
  /** The customer, as the plan's JSON names it. */
  readonly customer: string;
  /** The invoice numbers chosen, as the plan's JSON names them. */
  readonly invoices: readonly string[];
  readonly event: ContactEvent;
  /** How the promise or the dispute came (a call, an e-mail); a call is by phone. */
  readonly channel?: Channel | undefined;
  readonly user?: string | undefined;
  readonly sheet?: string | undefined;
  readonly headerRow?: number | undefined;
}

export interface ContactLogResult {
  /** The journal's new lines, for the host to append (none when the log is there already). */
  readonly appends: readonly SheetAppend[];
  /** The lines added. */
  readonly journalled: number;
  /** Why nothing can be logged (French / English): an unknown invoice, a date that is none. */
  readonly problem?: string | undefined;
}

const NOTES: Readonly<Record<ContactEvent["kind"], string>> = {
  call: "appel téléphonique / phone call",
  promise: "promesse de règlement / promise to pay",
  dispute: "litige / dispute",
};

/**
 * The journal lines of a call, a promise or a dispute on some invoices of a customer.
 *
 * @returns the appends for the host, or the problem (nothing is then logged)
 * @example
 * logContact({ sheets, asOf: "2026-06-30", customer: "SCI Les Tilleuls", invoices: ["F2021-014"], event: { kind: "promise", promisedDate: "2026-07-15" } }).appends
 */
export async function logContact(request: ContactLogRequest): Promise<ContactLogResult> {
  const fail = (problem: string): ContactLogResult => ({ appends: [], journalled: 0, problem });
  const day = dayFromIso(request.asOf);
  if (day === undefined) return fail(invalidDateProblem(request.asOf));
  const details = eventDetails(request.event, day);
  if ("problem" in details) return fail(details.problem);
  if (request.invoices.length === 0) return fail("Aucune facture choisie / no invoice chosen");

  const source = await readWorkbook(memoryWorkbook(request.sheets), { sheet: request.sheet, headerRow: request.headerRow, asOf: day });
  if (source.tracking.problem !== undefined) return fail(source.tracking.problem.message);
  // The customer's account as the plan groups it (names alike, or one VAT number), its invoices by
  // key: a number typed differently (« N° F-1 ») still finds its invoice.
  const account = customerAccounts(source.tracking.invoices, source.tracking.creditNotes)(request.customer);
  const ofCustomer = new Map((account?.invoices ?? []).map((i) => [invoiceKey(i.number), i]));
  const unknown = request.invoices.filter((number) => !ofCustomer.has(invoiceKey(number)));
  if (unknown.length > 0) {
    return fail(`«${request.customer}» : facture(s) ${unknown.join(", ")} introuvable(s) dans le suivi / invoice(s) not found for this customer`);
  }

  const channel = request.channel ?? (request.event.kind === "call" ? "téléphone" : undefined);
  const note = request.event.note?.trim() ? `${NOTES[request.event.kind]} : ${request.event.note.trim()}` : NOTES[request.event.kind];
  const lines: JournalEntry[] = request.invoices.map((number) => {
    const invoice = ofCustomer.get(invoiceKey(number))!;
    return { date: day, customer: invoice.customer.name, invoice: invoice.number, channel, ...details, note, user: request.user };
  });
  const journal = journalSheetAppend(request.sheets, source.journal.entries, lines);
  return { appends: journal.append === undefined ? [] : [journal.append], journalled: journal.added.length };
}

function eventDetails(event: ContactEvent, day: Day): { promiseDate?: Day; dispute?: DisputeState } | { problem: string } {
  switch (event.kind) {
    case "call":
      return {};
    case "promise": {
      const promised = dayFromIso(event.promisedDate);
      if (promised === undefined) return { problem: `Date promise «${event.promisedDate}» invalide : AAAA-MM-JJ attendu / invalid promised date` };
      // A promise already past would be broken the day it is logged.
      if (promised < day) return { problem: `Date promise ${dayToIso(promised)} passée au ${dayToIso(day)} / the promised date has passed` };
      return { promiseDate: promised };
    }
    case "dispute":
      if (event.state !== "ouvert" && event.state !== "clos") return { problem: `Litige «${String(event.state)}» : ouvert ou clos / open or closed` };
      return { dispute: event.state };
  }
}
