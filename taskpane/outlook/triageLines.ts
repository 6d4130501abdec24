// The journal lines of a reply sorted in one click (SPEC section 4's columns), one per invoice
// chosen, each with the message's id in Référence: the plan reads them back as it reads lines
// typed by hand. « Déjà payé » holds the invoices until the payment is matched in the tracking
// sheet, or the matching delay after the announced date is over (src/core/announcedPayment.ts);
// « absent » holds them until the return date; « litige » opens a dispute, held until it is closed.
import { ANNOUNCED_PAYMENT_NOTE } from "../../src/core/announcedPayment";
import { dayFromIso, dayToFrench, dayToIso, type Day } from "../../src/core/day";
import type { JournalEntry } from "../../src/core/journalEntry";
import type { TriageKind } from "./replySuggestion";

export type Triage =
  | { readonly kind: "paid"; /** ISO, on or before the day of the log. */ readonly paidOn: string; readonly paymentReference: string }
  | { readonly kind: "dispute"; readonly note?: string | undefined }
  | { readonly kind: "promise"; /** ISO, on or after the day of the log. */ readonly promisedDate: string }
  | { readonly kind: "away"; /** ISO, after the day of the log. */ readonly returnDate: string };

export interface TriageRequest {
  readonly asOf: Day;
  /** The invoices chosen: their number and customer as the tracking sheet names them. */
  readonly invoices: readonly { readonly number: string; readonly customer: string }[];
  /** The message's id (Office.context.mailbox.item.itemId, or internetMessageId). */
  readonly messageId: string;
  readonly triage: Triage;
  readonly user?: string | undefined;
}

/** The Note of each kind of line; « déjà payé » has its own sentence (see below). */
const NOTES: Readonly<Record<Exclude<TriageKind, "paid">, string>> = {
  dispute: "litige / dispute",
  promise: "promesse de règlement / promise to pay",
  away: "absent / out of office",
};

/**
 * The lines, or why there are none (French / English).
 * @example
 * triageLines({ asOf, invoices: [{ number: "F1", customer: "Durand" }], messageId: "AAMk1", triage: { kind: "promise", promisedDate: "2026-07-15" } })
 */
export function triageLines(request: TriageRequest): { readonly lines: JournalEntry[] } | { readonly problem: string } {
  const { asOf, triage } = request;
  if (request.invoices.length === 0) return { problem: "Aucune facture choisie / no invoice chosen" };
  if (request.messageId.trim() === "") return { problem: "Message sans identifiant / the message has no id" };
  let details: Pick<JournalEntry, "promiseDate" | "announcedPayment" | "dispute" | "note">;
  switch (triage.kind) {
    case "paid": {
      const paidOn = dayFromIso(triage.paidOn);
      if (paidOn === undefined) return { problem: `Date de paiement «${triage.paidOn}» invalide : AAAA-MM-JJ attendu / invalid payment date` };
      if (paidOn > asOf) return { problem: `Date de paiement ${triage.paidOn} à venir / the payment date is in the future` };
      const reference = triage.paymentReference.trim();
      if (reference === "") return { problem: "Référence du paiement manquante / the payment's reference is missing" };
      details = {
        announcedPayment: paidOn,
        // Begins « déjà payé » (core/announcedPayment.ts reads it so); French sentence, then English.
        note: `${ANNOUNCED_PAYMENT_NOTE} le ${dayToFrench(paidOn)}, réf. ${reference} ; en attente de rapprochement / already paid on ${dayToIso(paidOn)}, ref. ${reference}; awaiting matching`,
      };
      break;
    }
    case "dispute":
      details = { dispute: "ouvert", note: triage.note?.trim() ? `${NOTES.dispute} : ${triage.note.trim()}` : NOTES.dispute };
      break;
    case "promise": {
      const promised = dayFromIso(triage.promisedDate);
      if (promised === undefined) return { problem: `Date promise «${triage.promisedDate}» invalide : AAAA-MM-JJ attendu / invalid promised date` };
      // A promise already past would be broken the day it is logged.
      if (promised < asOf) return { problem: `Date promise ${triage.promisedDate} passée au ${dayToIso(asOf)} / the promised date has passed` };
      details = { promiseDate: promised, note: NOTES.promise };
      break;
    }
    case "away": {
      const back = dayFromIso(triage.returnDate);
      if (back === undefined) return { problem: `Date de retour «${triage.returnDate}» invalide : AAAA-MM-JJ attendu / invalid return date` };
      if (back <= asOf) return { problem: `Date de retour ${triage.returnDate} passée / the return date has passed` };
      details = { promiseDate: back, note: `${NOTES.away} jusqu'au ${dayToFrench(back)} / until ${dayToIso(back)}` };
      break;
    }
  }
  const lines = request.invoices.map(
    (invoice): JournalEntry => ({
      date: asOf,
      customer: invoice.customer,
      invoice: invoice.number,
      channel: "email",
      reference: request.messageId,
      ...details,
      user: request.user,
    }),
  );
  return { lines };
}
