/** The journal's columns and the headers people give them, French or English, in any order. */
import type { CellValue } from "./cellValue";
import { JOURNAL_COLUMNS } from "./journalEntry";
import { normalizeText } from "./normalizeText";

/** A column of the journal, by its French header. */
export type JournalColumn = (typeof JOURNAL_COLUMNS)[number];

/** The columns that hold dates (written as Excel dates). */
export const JOURNAL_DATE_COLUMNS: ReadonlySet<JournalColumn> = new Set<JournalColumn>(["Date", "Promesse"]);

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
