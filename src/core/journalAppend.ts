/**
 * What a run appends to the journal: each entry as the cells of a line, and only the entries the
 * journal does not hold yet, so that a run repeated the same day adds nothing twice.
 */
import type { CellValue } from "./cellValue";
import { dayToExcelSerial, type Day } from "./day";
import { invoiceKey } from "./invoiceKey";
import type { JournalEntry } from "./journalEntry";
import { reminderLevelLabel } from "./reminderLevel";

function serialOrNull(day: Day | undefined): number | null {
  return day === undefined ? null : dayToExcelSerial(day);
}

/**
 * A journal entry as the cells of a line, in JOURNAL_COLUMNS order: dates as Excel serials, the
 * level as its French label, the dispute as ouvert or clos, nothing as null; an announced payment
 * (« déjà payé ») goes in Promesse, its Note saying what it is.
 *
 * @param entry - the entry
 * @returns ten cell values
 * @example
 * journalLine({ date: dayFromIso("2025-01-01")!, customer: "Dupont", invoice: "F1", level: 1, channel: "email" })
 * // [45658, "Dupont", "F1", "Relance 1", "email", null, null, null, null, null]
 */
export function journalLine(entry: JournalEntry): CellValue[] {
  return [
    dayToExcelSerial(entry.date),
    entry.customer,
    entry.invoice,
    entry.level === undefined ? null : reminderLevelLabel(entry.level),
    entry.channel ?? null,
    entry.reference ?? null,
    serialOrNull(entry.promiseDate ?? entry.announcedPayment),
    entry.dispute ?? null,
    entry.note ?? null,
    entry.user ?? null,
  ];
}

// What makes two lines the same action. The promise and the dispute count too, so that a dispute
// opened and closed the same day, or two promises, are two lines; the note and the reference do
// not, since a repeated run may word them differently (a new draft id). A promise and an announced
// payment count by the Promesse cell both are written in: the same cells are the same line.
function actionKey(entry: JournalEntry): string {
  return [
    entry.date,
    invoiceKey(entry.invoice),
    entry.level ?? "",
    entry.channel ?? "",
    entry.promiseDate ?? entry.announcedPayment ?? "",
    entry.dispute ?? "",
  ].join("\u0000");
}

/**
 * The candidates that the journal does not hold yet: a line with the same date, invoice, level,
 * channel, promise and dispute as an existing line (or as an earlier candidate) is dropped, so that
 * a run repeated the same day adds nothing twice.
 *
 * @param existing - the journal's entries
 * @param candidates - the lines a run or a user action would add
 * @returns the candidates to append, in their order
 * @example
 * newJournalEntries(journal, journal) // []
 */
export function newJournalEntries(existing: readonly JournalEntry[], candidates: readonly JournalEntry[]): JournalEntry[] {
  const seen = new Set(existing.map(actionKey));
  const added: JournalEntry[] = [];
  for (const candidate of candidates) {
    const key = actionKey(candidate);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(candidate);
  }
  return added;
}
