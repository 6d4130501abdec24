// The journal lines a run appends: the manual workflow's history first (once: the next run finds
// it in the journal), then one line per invoice whose level was due, naming the document it went
// into; lines the journal holds already are not added again.
import { newJournalEntries } from "../core/journalAppend";
import type { JournalEntry } from "../core/journalEntry";
import { plannedJournalEntries, type ActionDocument, type Plan } from "../core/plan";

export interface RunJournalInput {
  readonly plan: Plan;
  /** The journal as read from the workbook. */
  readonly journal: readonly JournalEntry[];
  /** The lines the manual workflow's history sheets stand for (historyJournalEntries). */
  readonly history: readonly JournalEntry[];
  /** Who runs it, for the Utilisateur column. */
  readonly user?: string | undefined;
  /** The document of each customer's action, by customer key (the Référence column). */
  readonly documents: ReadonlyMap<string, ActionDocument>;
}

/**
 * The lines to append to the journal.
 * @example runJournalLines({ plan, journal: source.journal.entries, history: [], documents }) // one line per invoice due
 */
export function runJournalLines(input: RunJournalInput): JournalEntry[] {
  const planned = plannedJournalEntries(input.plan, input.user, (action) => input.documents.get(action.customerKey));
  return newJournalEntries(input.journal, [...input.history, ...planned]);
}
