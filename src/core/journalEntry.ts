import type { Day } from "./day";
import type { ReminderLevel } from "./reminderLevel";
import type { Channel } from "./reminderPolicy";

/** The journal sheet (SPEC section 4): its name and columns, in this order. */
/**
 * The end of the Note of a journal line whose date is not known (a level taken over from the manual
 * workflow's sheets without its date): the line's level counts, its date is never cited.
 */
export const UNDATED_NOTE = "date inconnue";

export const JOURNAL_SHEET = "Journal des relances";
export const JOURNAL_COLUMNS = [
  "Date", "Client", "Facture", "Niveau", "Canal", "Référence", "Promesse", "Litige", "Note", "Utilisateur",
] as const;

export type DisputeState = "ouvert" | "clos";

/** One line of the journal: one action on one invoice. */
export interface JournalEntry {
  readonly date: Day;
  /** For people to read; lines are matched to invoices by `invoice`. */
  readonly customer: string;
  readonly invoice: string;
  readonly level?: ReminderLevel | undefined;
  readonly channel?: Channel | undefined;
  /** The document or draft the action produced (a file name, a message id). */
  readonly reference?: string | undefined;
  readonly promiseDate?: Day | undefined;
  /**
   * « Déjà payé »: the payment date the customer announced, written in the Promesse column with a
   * Note beginning « déjà payé » (announcedPayment.ts); never set with promiseDate.
   */
  readonly announcedPayment?: Day | undefined;
  readonly dispute?: DisputeState | undefined;
  readonly note?: string | undefined;
  readonly user?: string | undefined;
  /** The sheet row it was read from, for messages; absent for lines not yet written. */
  readonly row?: number | undefined;
}

/** What the journal says of one invoice, as the policy needs it. */
export interface InvoiceHistory {
  /** The level of the latest line that has one (the highest, on the same day). */
  readonly lastLevel?: ReminderLevel | undefined;
  readonly lastLevelDate?: Day | undefined;
  /** The latest date each level was sent (for the letters: "notre relance du ..."). */
  readonly levelDates: Readonly<Partial<Record<ReminderLevel, Day>>>;
  /** A dispute opened and not closed since. */
  readonly dispute: boolean;
  /** The latest promise to pay, unless a later « déjà payé » replaced it. */
  readonly promiseDate?: Day | undefined;
  /** The payment date of the latest « déjà payé », unless a later promise replaced it. */
  readonly announcedPayment?: Day | undefined;
}
