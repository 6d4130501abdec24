/**
 * The columns of the tracking sheet (SPEC section 3): the fields, the headers users give them in
 * French and English, and the search for the header row under the title rows.
 */
import { columnLetter } from "./columnLetters";
import { shortensHeader } from "./headerAbbreviation";
import { normalizeText } from "./normalizeText";
import { problem, type Problem } from "./problem";
import type { CellValue } from "./cellValue";

export type TrackingField =
  | "customer"
  | "number"
  | "invoiceDate"
  | "amount"
  | "dueDate"
  | "terms"
  | "paid"
  | "balance"
  | "customerType"
  | "acceptanceDate"
  | "dispute"
  | "promiseDate"
  | "email"
  | "phone"
  | "contact"
  | "civility"
  | "address"
  | "postcode"
  | "city"
  | "language"
  | "vatNumber"
  | "siret"
  | "creditedInvoice";

/** The fields every tracking sheet must have; it also needs one of DUE_DATE_FIELDS. */
export const REQUIRED_FIELDS: readonly TrackingField[] = ["customer", "number", "invoiceDate", "amount"];
/** A due date column, or payment terms to compute it from: one of the two is required. */
export const DUE_DATE_FIELDS: readonly TrackingField[] = ["dueDate", "terms"];

/** The French name of each field, for messages when the sheet's own header is not at hand. */
export const FIELD_LABELS: Readonly<Record<TrackingField, string>> = {
  customer: "Client",
  number: "N° facture",
  invoiceDate: "Date facture",
  amount: "Montant TTC",
  dueDate: "Échéance",
  terms: "Conditions",
  paid: "Réglé",
  balance: "Reste à payer",
  customerType: "Catégorie",
  acceptanceDate: "Date PV",
  dispute: "Litige",
  promiseDate: "Promesse",
  email: "E-mail",
  phone: "Téléphone",
  contact: "Contact",
  civility: "Civilité",
  address: "Adresse",
  postcode: "Code postal",
  city: "Ville",
  language: "Langue",
  vatNumber: "N° TVA",
  siret: "SIRET",
  creditedInvoice: "Avoir sur",
};

/** Headers as users write them; they are compared once normalised (normalizeText). */
export const HEADER_SYNONYMS: Readonly<Record<TrackingField, readonly string[]>> = {
  customer: [
    "Client", "Clients", "Nom client", "Nom du client", "Client nom", "Raison sociale", "Nom", "Société",
    "Tiers", "Débiteur", "Customer", "Customer name", "Client name", "Name", "Company", "Debtor",
  ],
  number: [
    "N° facture", "Nº facture", "No facture", "Num facture", "Numéro facture", "Numéro de facture",
    "N° de facture", "Nº de facture", "No de facture", "Réf facture", "Référence facture", "Facture",
    "Facture n°", "N° pièce", "Numéro de pièce", "Pièce", "Invoice", "Invoice no", "Invoice number",
    "Invoice #", "Invoice num", "Invoice ref", "Invoice reference", "Inv no",
  ],
  invoiceDate: [
    "Date facture", "Date de facture", "Date de la facture", "Date facturation", "Date de facturation",
    "Date d'émission", "Date émission", "Date pièce", "Date de pièce", "Date", "Invoice date", "Date of invoice",
    "Issue date",
  ],
  amount: [
    "Montant TTC", "Total TTC", "Montant", "Montant facture", "Montant de la facture", "Montant facturé",
    "Montant TTC facturé", "TTC", "Net à payer", "Amount", "Amt", "Invoice amount", "Invoice total", "Total",
    "Amount incl VAT", "Total incl VAT", "Gross amount",
  ],
  dueDate: [
    "Échéance", "Date d'échéance", "Date échéance", "Échéance facture", "Date limite de paiement",
    "Due date", "Due", "Payment due", "Due on",
  ],
  terms: [
    "Conditions", "Conditions de paiement", "Conditions de règlement", "Délai de paiement",
    "Délai de règlement", "Délai", "Terms", "Payment terms", "Terms of payment",
  ],
  paid: [
    "Réglé", "Acompte", "Acomptes", "Montant réglé", "Règlements", "Payé", "Montant payé", "Déjà réglé",
    "Encaissé", "Montant encaissé", "Paid", "Amount paid", "Payments", "Paid to date",
  ],
  balance: [
    "Reste à payer", "Solde", "Reste dû", "Restant dû", "Montant restant", "Solde dû", "Reste",
    "Balance", "Balance due", "Outstanding", "Amount due", "Open amount",
  ],
  customerType: [
    "Catégorie", "Catégorie client", "Type client", "Type de client", "Type", "Category", "Customer type",
    "Client type",
  ],
  acceptanceDate: [
    "Date PV", "PV de réception", "Date PV réception", "Date PV de réception", "Date de réception",
    "Date réception travaux", "PV", "Acceptance date", "Acceptance report date", "Handover date",
  ],
  dispute: ["Litige", "Litiges", "En litige", "Contestation", "Contesté", "Dispute", "Disputed", "In dispute"],
  promiseDate: [
    "Promesse", "Date promesse", "Promesse de paiement", "Promesse de règlement", "Date promise", "Promise",
    "Promise date", "Promised date", "Payment promise",
  ],
  email: [
    "E-mail", "Email", "Mail", "Courriel", "Adresse mail", "Adresse e-mail", "Adresse email",
    "Email address",
  ],
  phone: [
    "Téléphone", "Tél", "Tel", "Portable", "Mobile", "Phone", "Phone number", "N° de téléphone",
    "Numéro de téléphone",
  ],
  contact: ["Contact", "Interlocuteur", "Nom du contact", "Nom contact", "Contact name"],
  civility: ["Civilité", "Titre", "Civility", "Title"],
  address: ["Adresse", "Adresse postale", "Adresse de facturation", "Rue", "Address", "Street", "Billing address"],
  postcode: ["CP", "Code postal", "Postcode", "Post code", "Postal code", "Zip", "Zip code"],
  city: ["Ville", "Commune", "Localité", "City", "Town"],
  language: ["Langue", "Language", "Lang"],
  vatNumber: [
    "N° TVA", "Nº TVA", "TVA intracom", "TVA intracommunautaire", "N° TVA intracom", "N° TVA intracommunautaire",
    "Numéro de TVA", "Numéro TVA", "VAT number", "VAT no", "VAT ID",
  ],
  siret: ["SIRET", "N° SIRET", "Numéro SIRET"],
  creditedInvoice: [
    "Avoir sur", "Facture d'origine", "Facture origine", "Facture concernée", "Facture liée",
    "Réf facture d'origine", "Credited invoice", "Original invoice", "Credit note for",
  ],
};

// Single words too vague to stand for a field at the start of a longer header ("Facture envoyée le",
// "Nom du chantier", "Date règlement"): they match only a header that is exactly them.
const EXACT_ONLY = new Set(["facture", "invoice", "nom", "name", "date", "type", "total", "due", "pv", "reste", "amt", "titre", "title"]);
// A longer header starting with an amount's name but saying HT or VAT is another amount.
const AMOUNT_FIELDS = new Set<TrackingField>(["amount", "paid", "balance"]);
const NOT_INCL_VAT = /(?:^| )(?:ht|hors taxes?|tva|vat|excl)(?: |$)/;
// "Réglé le", "Paid date": a date about the field, not the field.
const DATE_FIELDS = new Set<TrackingField>(["invoiceDate", "dueDate", "acceptanceDate", "promiseDate"]);
const SPEAKS_OF_A_DATE = /(?:^| )(?:date|le|on|du)(?: |$)/;

const BY_SYNONYM: ReadonlyMap<string, TrackingField> = new Map(
  (Object.keys(HEADER_SYNONYMS) as TrackingField[]).flatMap((field) =>
    HEADER_SYNONYMS[field].map((text) => [normalizeText(text), field] as const),
  ),
);
/** Synonyms a longer header may start with, longest first so that the first hit is the best. */
const PREFIXES: readonly (readonly [string, TrackingField])[] = [...BY_SYNONYM]
  .filter(([text]) => !EXACT_ONLY.has(text))
  .sort((a, b) => b[0].length - a[0].length);
/** Every synonym as its words, for headers written short (headerAbbreviation). */
const SYNONYM_WORDS: readonly (readonly [readonly string[], TrackingField])[] = [...BY_SYNONYM].map(
  ([text, field]) => [text.split(" "), field] as const,
);
/** Headers longer than this many words are not read as short forms. */
const SHORT_HEADER_WORDS = 5;

/** How well a header names a field: an exact synonym beats a prefix, a longer synonym a shorter one. */
interface HeaderMatch {
  readonly field: TrackingField;
  readonly rank: number;
}

function rankHeader(text: string): HeaderMatch | undefined {
  const s = normalizeText(text);
  if (s === "") return undefined;
  const exact = BY_SYNONYM.get(s);
  if (exact !== undefined) return { field: exact, rank: 1000 + s.length };
  for (const [synonym, field] of PREFIXES) {
    if (s.length <= synonym.length || !s.startsWith(synonym) || s.charCodeAt(synonym.length) !== 32) continue;
    const rest = s.slice(synonym.length + 1);
    if (AMOUNT_FIELDS.has(field) && NOT_INCL_VAT.test(rest)) return undefined;
    if (!DATE_FIELDS.has(field) && SPEAKS_OF_A_DATE.test(rest)) return undefined;
    return { field, rank: synonym.length };
  }
  return shortHeaderMatch(s);
}

/**
 * A header written short (« N° Fact. », « Mt TTC », « Date éch. »): the field whose synonyms it
 * shortens, when they are all of one field; a short form that could be two fields names none.
 */
function shortHeaderMatch(s: string): HeaderMatch | undefined {
  const words = s.split(" ");
  if (words.length > SHORT_HEADER_WORDS) return undefined;
  let found: HeaderMatch | undefined;
  for (const [synonym, field] of SYNONYM_WORDS) {
    if (!shortensHeader(words, synonym)) continue;
    if (found !== undefined && found.field !== field) return undefined;
    // A whole header, as an exact match is, but just below the synonym it shortens: « Date fact. »
    // beats « Date » for the invoice date, and loses to « Date facture ».
    const rank = 999 + synonym.join(" ").length;
    if (found === undefined || rank > found.rank) found = { field, rank };
  }
  return found;
}

/**
 * The field a column header names, ignoring case, accents and punctuation. The whole header is
 * looked up first; otherwise the longest synonym it starts with ("Montant réglé au 31/12" is
 * paid), except vague single words and amounts said HT or VAT; otherwise the synonyms it writes
 * short, word for word ("N° Fact.", "Mt TTC", "Cond. règl.": headerAbbreviation).
 *
 * @param text - the header as written in the sheet
 * @returns the field, or undefined when the header names none
 * @example
 * matchHeader("N° Facture")        // "number"
 * matchHeader("Date de facture")   // "invoiceDate"
 * matchHeader("Facture d'origine") // "creditedInvoice"
 * matchHeader("N° Fact.")          // "number"
 * matchHeader("Montant HT")        // undefined
 */
export function matchHeader(text: string): TrackingField | undefined {
  return rankHeader(text)?.field;
}

/** Where each field stands in the sheet: the header row (1-based) and 0-based column indexes. */
export interface ColumnMapping {
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<TrackingField, number>>>;
  /** Each mapped column's header as written in the sheet, for messages. */
  readonly headers: Readonly<Partial<Record<TrackingField, string>>>;
}

/** The fields a header row recognises, and what it still lacks. */
interface HeaderCandidate {
  readonly mapping: ColumnMapping;
  readonly missing: readonly string[];
}

function headerText(value: CellValue | undefined): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return "";
}

function candidateOf(row: number, cells: readonly CellValue[]): HeaderCandidate {
  const columns: Partial<Record<TrackingField, number>> = {};
  const headers: Partial<Record<TrackingField, string>> = {};
  const ranks: Partial<Record<TrackingField, number>> = {};
  for (let i = 0; i < cells.length; i++) {
    const text = headerText(cells[i]);
    if (text === "") continue;
    const match = rankHeader(text);
    if (match === undefined) continue;
    // Two columns for one field: the better match wins, the leftmost on a tie.
    const best = ranks[match.field];
    if (best !== undefined && best >= match.rank) continue;
    ranks[match.field] = match.rank;
    columns[match.field] = i;
    headers[match.field] = text;
  }
  const missing: string[] = [];
  for (const field of REQUIRED_FIELDS) if (columns[field] === undefined) missing.push(FIELD_LABELS[field]);
  if (columns.dueDate === undefined && columns.terms === undefined) {
    missing.push(`${FIELD_LABELS.dueDate} ou ${FIELD_LABELS.terms}`);
  }
  return { mapping: { headerRow: row, columns, headers }, missing };
}

function requiredColumnsText(): string {
  return [...REQUIRED_FIELDS.map((f) => FIELD_LABELS[f]), `${FIELD_LABELS.dueDate} ou ${FIELD_LABELS.terms}`].join(", ");
}

/**
 * Reads a header row the user designates.
 *
 * @param row - its 1-based row number
 * @param cells - its cells, left to right
 * @returns the mapping, or a Problem naming the required columns it lacks
 * @example
 * mappingFromHeaderRow(3, ["Client", "Facture", "Date", "Montant", "Échéance"]).columns.amount // 3
 */
export function mappingFromHeaderRow(row: number, cells: readonly CellValue[]): ColumnMapping | Problem {
  const { mapping, missing } = candidateOf(row, cells);
  if (missing.length === 0) return mapping;
  return problem(`Ligne d'en-tête ${row} : colonnes requises introuvables : ${missing.join(", ")}`);
}

/** The incremental search for the header row, for readers that see rows one at a time. */
export interface HeaderSearch {
  /** Offers a row; returns the mapping when this row is the header row. */
  offer(row: number, cells: readonly CellValue[]): ColumnMapping | undefined;
  /** True once the rows offered are past the rows searched. */
  readonly exhausted: boolean;
  /** Why no header row was found, naming the nearest candidate. */
  problem(): Problem;
}

/**
 * Starts a header search over the first maxRows rows of a sheet.
 *
 * @param maxRows - the last row number searched (50 by default)
 * @returns the search
 * @example
 * const search = createHeaderSearch();
 * search.offer(1, ["Suivi 2021"]);                                     // undefined
 * search.offer(2, ["Client", "N° facture", "Date", "Montant", "Terms"]); // the mapping
 */
export function createHeaderSearch(maxRows = 50): HeaderSearch {
  let exhausted = false;
  let nearest: HeaderCandidate | undefined;
  return {
    offer(row, cells) {
      if (row > maxRows) exhausted = true;
      if (exhausted) return undefined;
      const candidate = candidateOf(row, cells);
      if (candidate.missing.length === 0) return candidate.mapping;
      const found = Object.keys(candidate.mapping.columns).length;
      if (found > 0 && (nearest === undefined || found > Object.keys(nearest.mapping.columns).length)) {
        nearest = candidate;
      }
      return undefined;
    },
    get exhausted() {
      return exhausted;
    },
    problem() {
      const base =
        `Aucune ligne d'en-tête trouvée dans les ${maxRows} premières lignes : ` +
        `colonnes requises ${requiredColumnsText()}`;
      if (nearest === undefined) return problem(base);
      return problem(`${base} (la plus proche, ligne ${nearest.mapping.headerRow}, n'a pas : ${nearest.missing.join(", ")})`);
    },
  };
}

/**
 * Finds the header row: the first row, among the first maxRows, where every required field is
 * recognised (title rows above it are passed over).
 *
 * @param rows - the sheet's rows in order, with 1-based row numbers
 * @param maxRows - the last row number searched (50 by default)
 * @returns the mapping, or a Problem in French naming the columns required
 * @example
 * findHeaderRow([{ row: 1, cells: ["Suivi"] }, { row: 3, cells: ["Client", "Facture", "Date", "Montant", "Échéance"] }])
 * // { headerRow: 3, columns: { customer: 0, number: 1, invoiceDate: 2, amount: 3, dueDate: 4 }, headers: {...} }
 */
export function findHeaderRow(
  rows: Iterable<{ readonly row: number; readonly cells: readonly CellValue[] }>,
  maxRows = 50,
): ColumnMapping | Problem {
  const search = createHeaderSearch(maxRows);
  for (const { row, cells } of rows) {
    const mapping = search.offer(row, cells);
    if (mapping !== undefined) return mapping;
    if (search.exhausted) break;
  }
  return search.problem();
}

/**
 * The mapping as a person reads it, one line per recognised column, in sheet order.
 *
 * @param mapping - the mapping
 * @returns e.g. "Ligne d'en-tête : 3\nClient : colonne A «Raison sociale»\n..."
 * @example
 * describeMapping(mapping).split("\n")[1] // "Client : colonne A «Client»"
 */
export function describeMapping(mapping: ColumnMapping): string {
  const lines = (Object.keys(mapping.columns) as TrackingField[])
    .sort((a, b) => (mapping.columns[a] ?? 0) - (mapping.columns[b] ?? 0))
    .map((field) => `${FIELD_LABELS[field]} : colonne ${columnLetter(mapping.columns[field] ?? 0)} «${mapping.headers[field] ?? ""}»`);
  return [`Ligne d'en-tête : ${mapping.headerRow}`, ...lines].join("\n");
}
