/**
 * The journal of reminders (SPEC section 4) as rows of cells, read, including lines people type by
 * hand. Its columns (journalColumns), what it says per invoice (invoiceHistories) and the lines a
 * run appends (journalAppend) are beside it.
 */
import { announcedPaymentOf } from "./announcedPayment";
import { parseChannel } from "./channelInput";
import { cellText, isBlank, type CellValue } from "./cellValue";
import { parseDateInput } from "./dateInput";
import type { Day } from "./day";
import { invoiceKey } from "./invoiceKey";
import { findJournalColumns, type JournalColumn } from "./journalColumns";
import type { DisputeState, JournalEntry } from "./journalEntry";
import { normalizeText } from "./normalizeText";
import { isProblem } from "./problem";
import { parseReminderLevel, type ReminderLevel } from "./reminderLevel";
import { NO_WORDS, YES_WORDS } from "./yesNo";

/** A journal line that could not be used, with where and why, in French. */
export interface JournalRejection {
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

export interface JournalReading {
  readonly entries: JournalEntry[];
  readonly rejected: JournalRejection[];
}

/** A row of cells and its 1-based sheet row. */
export interface CellRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
}

// A Litige cell says yes or no, or names the state of the dispute.
const DISPUTE_OPEN = new Set([...YES_WORDS, "ouvert", "ouverte", "open", "opened", "en cours"]);
const DISPUTE_CLOSED = new Set([
  ...NO_WORDS, "clos", "close", "closed", "ferme", "fermee", "resolu", "resolue", "leve", "levee", "termine",
]);

// Journal lines match tracking rows and histories by the one invoice key (invoiceKey.ts).
export { invoiceKey };

function text(value: CellValue | undefined): string | undefined {
  return isBlank(value) ? undefined : cellText(value);
}

function parseDispute(value: CellValue): DisputeState | undefined {
  if (typeof value === "boolean") return value ? "ouvert" : "clos";
  const word = normalizeText(cellText(value));
  if (DISPUTE_OPEN.has(word)) return "ouvert";
  if (DISPUTE_CLOSED.has(word)) return "clos";
  return undefined;
}

type LineResult = { entry: JournalEntry } | { rejection: JournalRejection };

function readLine(row: number, cells: readonly CellValue[], columns: Partial<Record<JournalColumn, number>>): LineResult {
  const cell = (column: JournalColumn): CellValue => {
    const index = columns[column];
    return index === undefined ? null : cells[index] ?? null;
  };
  const reject = (column: JournalColumn, message: string): LineResult => ({
    rejection: { row, column, value: cellText(cell(column)), message },
  });

  const date = parseDateInput(cell("Date"));
  if (isProblem(date)) return reject("Date", isBlank(cell("Date")) ? "Date manquante" : `Date ${date.message}`);
  const invoice = text(cell("Facture"));
  if (invoice === undefined) return reject("Facture", "Facture manquante : la ligne ne se rattache à aucune facture");

  let level: ReminderLevel | undefined;
  if (!isBlank(cell("Niveau"))) {
    level = parseReminderLevel(cell("Niveau"));
    if (level === undefined) {
      return reject(
        "Niveau",
        `Niveau «${cellText(cell("Niveau"))}» non reconnu : Préventive, Relance 1, Relance 2, Mise en demeure, Injonction ou 0 à 4`,
      );
    }
  }

  let promiseDate: Day | undefined;
  if (!isBlank(cell("Promesse"))) {
    const promise = parseDateInput(cell("Promesse"));
    if (isProblem(promise)) return reject("Promesse", `Promesse ${promise.message}`);
    promiseDate = promise;
  }

  let dispute: DisputeState | undefined;
  if (!isBlank(cell("Litige"))) {
    dispute = parseDispute(cell("Litige"));
    if (dispute === undefined) return reject("Litige", `Litige «${cellText(cell("Litige"))}» : écrivez ouvert ou clos`);
  }

  const note = text(cell("Note"));
  // A Promesse on or before the Date of a « déjà payé » line is the payment date announced.
  const announcedPayment = announcedPaymentOf(date, promiseDate, note);
  if (announcedPayment !== undefined) promiseDate = undefined;

  const channelText = text(cell("Canal"));
  // A channel nobody foresaw (fax, visite) is still an action: it counts as "autre".
  const channel = channelText === undefined ? undefined : parseChannel(channelText) ?? "autre";

  return {
    entry: {
      date,
      customer: text(cell("Client")) ?? "",
      invoice,
      level,
      channel,
      reference: text(cell("Référence")),
      promiseDate,
      announcedPayment,
      dispute,
      note,
      user: text(cell("Utilisateur")),
      row,
    },
  };
}

/**
 * Reads the journal's rows. The first non-blank row is the header, whose columns are found by name;
 * blank lines are skipped; every other line is an entry or rejected with a French message (a line
 * without Facture or Date, an unknown level, a promise that is not a date, a dispute that is neither
 * ouvert nor clos). An unknown channel reads as "autre". A Note beginning « déjà payé » with a
 * Promesse on or before the Date (or none) is an announced payment (announcedPayment.ts).
 *
 * @param rows - the sheet's rows with their 1-based numbers, header first
 * @returns the entries, in sheet order, and the rejected lines
 * @example
 * parseJournalRows([
 *   { row: 1, cells: ["Date", "Client", "Facture", "Niveau"] },
 *   { row: 2, cells: ["05/05/2021", "SCI Les Tilleuls", "F2021-014", "R1"] },
 * ]).entries[0].level // 1
 */
export function parseJournalRows(rows: Iterable<CellRow>): JournalReading {
  const entries: JournalEntry[] = [];
  const rejected: JournalRejection[] = [];
  let columns: Partial<Record<JournalColumn, number>> | undefined;
  let missing: JournalColumn | undefined;
  for (const { row, cells } of rows) {
    if (cells.every(isBlank)) continue;
    if (columns === undefined) {
      columns = findJournalColumns(cells);
      missing = columns.Date === undefined ? "Date" : columns.Facture === undefined ? "Facture" : undefined;
      if (missing !== undefined) {
        rejected.push({
          row,
          column: missing,
          value: "",
          message: `Colonne «${missing}» introuvable dans l'en-tête du journal : les lignes ne peuvent pas être lues`,
        });
      }
      continue;
    }
    if (missing !== undefined) {
      rejected.push({ row, column: missing, value: "", message: `Ligne ignorée : le journal n'a pas de colonne «${missing}»` });
      continue;
    }
    const result = readLine(row, cells, columns);
    if ("entry" in result) entries.push(result.entry);
    else rejected.push(result.rejection);
  }
  return { entries, rejected };
}
