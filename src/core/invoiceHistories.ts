import type { Day } from "./day";
import { invoiceKey } from "./invoiceKey";
import { UNDATED_NOTE, type DisputeState, type InvoiceHistory, type JournalEntry } from "./journalEntry";
import type { ReminderLevel } from "./reminderLevel";

interface HistoryDraft {
  lastLevel?: ReminderLevel;
  lastLevelDate?: Day;
  /** The last level's line says its date is not known: its date orders it, and is never cited. */
  lastLevelUndated?: boolean;
  levelDates: Partial<Record<ReminderLevel, Day>>;
  disputeDate?: Day;
  dispute?: DisputeState;
  promiseSetOn?: Day;
  promiseDate?: Day;
  announcedPayment?: Day;
}

/**
 * What the journal says of each invoice: the last level (the latest-dated line with a level; on
 * the same day, the highest level), the latest date of each level, whether a dispute is open (the
 * latest line with a Litige value says) and the promise of the latest line with a Promesse
 * (a promise renegotiated to an earlier date replaces the later one). A « déjà payé » and a promise
 * replace each other the same way: the latest line says whether the customer promised or announced
 * a payment. Lines of the same day count in sheet order.
 *
 * @param entries - the journal's entries, in sheet order
 * @returns the history of each invoice, keyed by invoiceKey
 * @example
 * invoiceHistories(entries).get(invoiceKey("F2021-014"))?.lastLevel // 1
 */
export function invoiceHistories(entries: readonly JournalEntry[]): Map<string, InvoiceHistory> {
  const drafts = new Map<string, HistoryDraft>();
  for (const entry of entries) {
    const key = invoiceKey(entry.invoice);
    if (key === "") continue;
    let draft = drafts.get(key);
    if (draft === undefined) {
      draft = { levelDates: {} };
      drafts.set(key, draft);
    }
    const { date, level } = entry;
    const undated = entry.note?.trimEnd().endsWith(UNDATED_NOTE) === true;
    if (level !== undefined) {
      if (
        draft.lastLevelDate === undefined ||
        date > draft.lastLevelDate ||
        (date === draft.lastLevelDate && level > (draft.lastLevel ?? -1))
      ) {
        draft.lastLevel = level;
        draft.lastLevelDate = date;
        draft.lastLevelUndated = undated;
      }
      const previous = draft.levelDates[level];
      if (!undated && (previous === undefined || date > previous)) draft.levelDates[level] = date;
    }
    if (entry.dispute !== undefined && (draft.disputeDate === undefined || date >= draft.disputeDate)) {
      draft.disputeDate = date;
      draft.dispute = entry.dispute;
    }
    const commitment = entry.promiseDate ?? entry.announcedPayment;
    if (commitment !== undefined && (draft.promiseSetOn === undefined || date >= draft.promiseSetOn)) {
      draft.promiseSetOn = date;
      draft.promiseDate = entry.promiseDate;
      draft.announcedPayment = entry.announcedPayment;
    }
  }
  const histories = new Map<string, InvoiceHistory>();
  for (const [key, draft] of drafts) {
    histories.set(key, {
      lastLevel: draft.lastLevel,
      lastLevelDate: draft.lastLevelUndated ? undefined : draft.lastLevelDate,
      levelDates: draft.levelDates,
      dispute: draft.dispute === "ouvert",
      promiseDate: draft.promiseDate,
      announcedPayment: draft.announcedPayment,
    });
  }
  return histories;
}
