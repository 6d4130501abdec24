/**
 * « Déjà payé »: a customer says the invoice is paid. The invoice is held while the payment is
 * matched (recorded in the tracking sheet, which pays the balance and so ends the hold); so that a
 * false « déjà payé » is no hold forever, the hold lapses a matching delay after the announced
 * payment date, and the invoice is flagged « paiement annoncé non reçu ».
 *
 * In the journal (SPEC section 4's columns, no new one) the line is: Promesse = the announced
 * payment date, on or before the line's Date (a promise is on or after it), and a Note beginning
 * « déjà payé » (or « déjà réglé », « paiement annoncé », « already paid »). Without a Promesse,
 * the payment is announced as of the line's Date. A Promesse after the Date stays a promise, so
 * that the earlier form (Promesse = the day + 15, Note « déjà payé … ») still reads as one.
 */
import { addDays, type Day } from "./day";
import { normalizeText } from "./normalizeText";

/** How the pane begins the Note of a « déjà payé » line. */
export const ANNOUNCED_PAYMENT_NOTE = "déjà payé";

// The beginnings of a Note (normalised) that announce a payment, French and English.
const NOTE_BEGINNINGS: readonly string[] = [
  "deja paye", "deja payee", "deja regle", "deja reglee", "paiement annonce", "reglement annonce",
  "already paid", "payment announced",
];

/**
 * Whether a journal Note announces a payment (« déjà payé »), by its first words, whatever the
 * case, accents or punctuation.
 *
 * @param note - the line's Note, if any
 * @returns true for « Déjà payé le 28/06 », false for « appel » or no note
 * @example
 * isAnnouncedPaymentNote("déjà payé / already paid le 28/06/2026") // true
 */
export function isAnnouncedPaymentNote(note: string | undefined): boolean {
  if (note === undefined) return false;
  const words = normalizeText(note);
  return NOTE_BEGINNINGS.some((beginning) => words === beginning || words.startsWith(`${beginning} `));
}

/**
 * The announced payment of a journal line, or undefined when the line is no « déjà payé » (its
 * Note does not announce a payment, or its Promesse comes after its Date: a promise).
 *
 * @param date - the line's Date
 * @param promesse - the line's Promesse, if any
 * @param note - the line's Note, if any
 * @example
 * announcedPaymentOf(d("2026-06-30"), d("2026-06-28"), "Déjà payé") // d("2026-06-28")
 */
export function announcedPaymentOf(date: Day, promesse: Day | undefined, note: string | undefined): Day | undefined {
  if (!isAnnouncedPaymentNote(note)) return undefined;
  if (promesse === undefined) return date;
  return promesse <= date ? promesse : undefined;
}

/**
 * The last day an announced payment holds the invoice: the payment date plus the matching delay.
 * @example matchingEnd(d("2026-06-28"), 15) // d("2026-07-13")
 */
export function matchingEnd(paidOn: Day, matchingDays: number): Day {
  return addDays(paidOn, matchingDays);
}
