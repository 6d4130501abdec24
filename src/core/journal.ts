/**
 * The journal of reminders (SPEC section 4) as rows of cells: read, including lines people type by
 * hand, summed up per invoice for the policy, and turned back into lines to append.
 */
import type { CellValue } from "./cellValue";
import { parseDateInput } from "./dateInput";
import { dayToExcelSerial, type Day } from "./day";
import { invoiceKey } from "./invoiceKey";
import { JOURNAL_COLUMNS, UNDATED_NOTE, type DisputeState, type InvoiceHistory, type JournalEntry } from "./journalEntry";
import { normalizeText } from "./normalizeText";
import { isProblem } from "./problem";
import { parseReminderLevel, reminderLevelLabel, type ReminderLevel } from "./reminderLevel";
import type { Channel } from "./reminderPolicy";

/** A column of the journal, by its French header. */
export type JournalColumn = (typeof JOURNAL_COLUMNS)[number];

/** The columns that hold dates (written as Excel dates). */
export const JOURNAL_DATE_COLUMNS: ReadonlySet<JournalColumn> = new Set<JournalColumn>(["Date", "Promesse"]);

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

// Headers people give each column, normalised (normalizeText). The column names themselves are added below.
const HEADER_WORDS: Readonly<Record<JournalColumn, readonly string[]>> = {
  Date: ["date", "date action", "date de l action", "date relance", "date de relance", "action date"],
  Client: ["client", "customer", "raison sociale", "nom"],
  Facture: [
    "facture", "n facture", "no facture", "num facture", "numero facture", "numero de facture", "n de facture",
    "invoice", "invoice number", "invoice no",
  ],
  Niveau: ["niveau", "niveau de relance", "level", "etape", "stage", "relance"],
  Canal: ["canal", "channel", "moyen", "mode", "via"],
  Référence: ["reference", "ref", "document", "reference document"],
  Promesse: [
    "promesse", "date promesse", "date de promesse", "promesse de paiement", "promesse de reglement",
    "promise", "promise date", "promised date",
  ],
  Litige: ["litige", "dispute", "contestation"],
  Note: ["note", "notes", "commentaire", "commentaires", "remarque", "remarques", "observation", "observations", "comment", "comments"],
  Utilisateur: ["utilisateur", "user", "par", "auteur", "by"],
};

const COLUMN_BY_HEADER = new Map<string, JournalColumn>();
for (const column of JOURNAL_COLUMNS) {
  COLUMN_BY_HEADER.set(normalizeText(column), column);
  for (const word of HEADER_WORDS[column]) COLUMN_BY_HEADER.set(word, column);
}

// Words people type for each channel, normalised.
const CHANNEL_WORDS: ReadonlyArray<readonly [Channel, readonly string[]]> = [
  ["email", ["email", "e mail", "mail", "courriel", "mel", "message", "outlook"]],
  ["courrier", ["courrier", "courrier simple", "lettre", "lettre simple", "letter", "post", "poste", "la poste"]],
  [
    "recommandé",
    [
      "recommande", "recommandee", "lettre recommandee", "courrier recommande", "recommande ar", "recommande avec ar",
      "lettre recommandee avec accuse de reception", "recommande avec accuse de reception", "lrar", "lr ar", "lr",
      "rar", "registered", "registered letter", "registered mail",
    ],
  ],
  ["téléphone", ["telephone", "tel", "appel", "appel telephonique", "phone", "phone call", "call", "coup de fil"]],
  ["autre", ["autre", "autres", "other"]],
];
const CHANNEL_BY_WORD = new Map<string, Channel>(
  CHANNEL_WORDS.flatMap(([channel, words]) => words.map((word) => [word, channel] as const)),
);

const DISPUTE_OPEN = new Set(["ouvert", "ouverte", "oui", "o", "x", "open", "opened", "yes", "y", "en cours", "vrai", "true", "1"]);
const DISPUTE_CLOSED = new Set([
  "clos", "close", "closed", "ferme", "fermee", "non", "n", "no", "resolu", "resolue", "leve", "levee", "termine",
  "faux", "false", "0",
]);

// Journal lines match tracking rows and histories by the one invoice key (invoiceKey.ts).
export { invoiceKey };

/**
 * Reads a channel as people write it in the journal or the settings.
 *
 * @param value - "email", "LRAR", "lettre recommandée", "tél", "appel"...
 * @returns the channel, or undefined when the text names none
 * @example
 * parseChannel("Lettre recommandée") // "recommandé"
 */
export function parseChannel(value: CellValue | undefined): Channel | undefined {
  if (typeof value !== "string") return undefined;
  return CHANNEL_BY_WORD.get(normalizeText(value));
}

/**
 * Where each journal column is in a header row, by name (case-, accent- and punctuation-insensitive,
 * French or English), so that a user may reorder the columns or add some.
 *
 * @param header - the header row's cells
 * @returns the 0-based index of each column found (the first cell that names it)
 * @example
 * findJournalColumns(["Facture", "date"]) // { Facture: 0, Date: 1 }
 */
export function findJournalColumns(header: readonly CellValue[]): Partial<Record<JournalColumn, number>> {
  const found: Partial<Record<JournalColumn, number>> = {};
  header.forEach((cell, index) => {
    if (typeof cell !== "string") return;
    const column = COLUMN_BY_HEADER.get(normalizeText(cell));
    if (column !== undefined && found[column] === undefined) found[column] = index;
  });
  return found;
}

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function shown(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  return typeof value === "string" ? value.trim() : String(value);
}

function text(value: CellValue | undefined): string | undefined {
  return isEmpty(value) ? undefined : shown(value);
}

function parseDispute(value: CellValue): DisputeState | undefined {
  if (typeof value === "boolean") return value ? "ouvert" : "clos";
  const word = normalizeText(shown(value));
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
    rejection: { row, column, value: shown(cell(column)), message },
  });

  const date = parseDateInput(cell("Date"));
  if (isProblem(date)) return reject("Date", isEmpty(cell("Date")) ? "Date manquante" : `Date ${date.message}`);
  const invoice = text(cell("Facture"));
  if (invoice === undefined) return reject("Facture", "Facture manquante : la ligne ne se rattache à aucune facture");

  let level: ReminderLevel | undefined;
  if (!isEmpty(cell("Niveau"))) {
    level = parseReminderLevel(cell("Niveau"));
    if (level === undefined) {
      return reject(
        "Niveau",
        `Niveau «${shown(cell("Niveau"))}» non reconnu : Préventive, Relance 1, Relance 2, Mise en demeure, Injonction ou 0 à 4`,
      );
    }
  }

  let promiseDate: Day | undefined;
  if (!isEmpty(cell("Promesse"))) {
    const promise = parseDateInput(cell("Promesse"));
    if (isProblem(promise)) return reject("Promesse", `Promesse ${promise.message}`);
    promiseDate = promise;
  }

  let dispute: DisputeState | undefined;
  if (!isEmpty(cell("Litige"))) {
    dispute = parseDispute(cell("Litige"));
    if (dispute === undefined) return reject("Litige", `Litige «${shown(cell("Litige"))}» : écrivez ouvert ou clos`);
  }

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
      dispute,
      note: text(cell("Note")),
      user: text(cell("Utilisateur")),
      row,
    },
  };
}

/**
 * Reads the journal's rows. The first non-blank row is the header, whose columns are found by name;
 * blank lines are skipped; every other line is an entry or rejected with a French message (a line
 * without Facture or Date, an unknown level, a promise that is not a date, a dispute that is neither
 * ouvert nor clos). An unknown channel reads as "autre".
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
    if (cells.every(isEmpty)) continue;
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
}

/**
 * What the journal says of each invoice: the last level (the latest-dated line with a level; on
 * the same day, the highest level), the latest date of each level, whether a dispute is open (the
 * latest line with a Litige value says) and the promise of the latest line with a Promesse
 * (a promise renegotiated to an earlier date replaces the later one). Lines of the same day count
 * in sheet order.
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
    if (entry.promiseDate !== undefined && (draft.promiseSetOn === undefined || date >= draft.promiseSetOn)) {
      draft.promiseSetOn = date;
      draft.promiseDate = entry.promiseDate;
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
    });
  }
  return histories;
}

function serialOrNull(day: Day | undefined): number | null {
  return day === undefined ? null : dayToExcelSerial(day);
}

/**
 * A journal entry as the cells of a line, in JOURNAL_COLUMNS order: dates as Excel serials, the
 * level as its French label, the dispute as ouvert or clos, nothing as null.
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
    serialOrNull(entry.promiseDate),
    entry.dispute ?? null,
    entry.note ?? null,
    entry.user ?? null,
  ];
}

// What makes two lines the same action. The promise and the dispute count too, so that a dispute
// opened and closed the same day, or two promises, are two lines; the note and the reference do
// not, since a repeated run may word them differently (a new draft id).
function actionKey(entry: JournalEntry): string {
  return [
    entry.date,
    invoiceKey(entry.invoice),
    entry.level ?? "",
    entry.channel ?? "",
    entry.promiseDate ?? "",
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
