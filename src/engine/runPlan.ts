// A run carried out from its plan, host-free: the sender check, then the documents through the
// ports, then the journal lines. The host reads the workbook before, and writes the copy after
// (the settings to fill on a refusal, the journal lines and stage sheets otherwise).
import type { JournalEntry } from "../core/journalEntry";
import type { Plan } from "../core/plan";
import type { MissingSetting } from "../core/senderCheck";
import type { Settings } from "../core/settings";
import { runDecision } from "./runDecision";
import { produceRunDocuments, type DocumentPorts, type ProducedDocuments } from "./runDocuments";
import { runJournalLines } from "./runJournalLines";

export interface RunInput {
  readonly plan: Plan;
  readonly settings: Settings;
  /** The journal as read from the workbook. */
  readonly journal: readonly JournalEntry[];
  /** The lines the manual workflow's history sheets stand for (historyJournalEntries). */
  readonly history: readonly JournalEntry[];
  /** Who runs it, for the journal's Utilisateur column. */
  readonly user?: string | undefined;
}

export type RunOutcome =
  | { readonly refused: readonly MissingSetting[] }
  | { readonly refused?: undefined; readonly documents: ProducedDocuments; readonly journalLines: readonly JournalEntry[] };

/**
 * Carries out a plan: refuses when the sender is incomplete (before any document), else produces
 * the documents and gives back the journal lines that record them.
 * @throws what the ports throw: the documents already taken are the host's to remove
 */
export async function runPlan(input: RunInput, ports: DocumentPorts): Promise<RunOutcome> {
  const decision = runDecision(input.plan, input.settings);
  if (!decision.go) return { refused: decision.missing };
  const documents = await produceRunDocuments(input.plan, input.settings, ports);
  const journalLines = runJournalLines({ ...input, documents: documents.documents });
  return { documents, journalLines };
}
