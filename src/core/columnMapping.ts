/**
 * The column mapping a user saves in the settings sheet (SPEC section 3): for a field, the header
 * as written in the tracking sheet or a column letter, which wins over the automatic match; the
 * sheets to read; the header row. Keys are French, like the other settings:
 * colonne_facture = « N° pièce » or « C », feuilles_suivi = « Suivi 2025 ; Suivi 2026 », ligne_entete = 3.
 */
import { cellText, type CellValue } from "./cellValue";
import { normalizeText } from "./normalizeText";
import { keyOf } from "./settingKey";
import { columnIndex, columnLetter } from "./columnLetters";
import { FIELD_LABELS, matchHeader, type ColumnMapping, type TrackingField } from "./trackingColumns";

/** The settings key of each field's column. */
export const COLUMN_KEYS: Readonly<Record<TrackingField, string>> = {
  customer: "colonne_client",
  number: "colonne_facture",
  invoiceDate: "colonne_date_facture",
  amount: "colonne_montant_ttc",
  dueDate: "colonne_echeance",
  terms: "colonne_conditions",
  paid: "colonne_regle",
  balance: "colonne_reste_a_payer",
  customerType: "colonne_categorie",
  acceptanceDate: "colonne_date_pv",
  dispute: "colonne_litige",
  promiseDate: "colonne_promesse",
  email: "colonne_email",
  phone: "colonne_telephone",
  contact: "colonne_contact",
  civility: "colonne_civilite",
  address: "colonne_adresse",
  postcode: "colonne_code_postal",
  city: "colonne_ville",
  language: "colonne_langue",
  vatNumber: "colonne_tva",
  siret: "colonne_siret",
  creditedInvoice: "colonne_avoir_sur",
};
export const SHEETS_KEY = "feuilles_suivi";
export const HEADER_ROW_KEY = "ligne_entete";

const FIELDS = Object.keys(COLUMN_KEYS) as TrackingField[];
const FIELD_BY_KEY: ReadonlyMap<string, TrackingField> = new Map(FIELDS.map((field) => [COLUMN_KEYS[field], field]));
/** Excel's last row. */
const MAX_ROW = 1_048_576;

/** The mapping saved in the settings sheet; every part optional. */
export interface SavedMapping {
  /** Per field, the header as written or a column letter, as the user typed it. */
  readonly columns: Readonly<Partial<Record<TrackingField, string>>>;
  /** The sheets to read, in the user's order; empty: every visible recognised sheet. */
  readonly sheets: readonly string[];
  readonly headerRow?: number | undefined;
  /** Values that cannot be used, each a French message naming the row. */
  readonly problems: readonly string[];
}

export const NO_SAVED_MAPPING: SavedMapping = Object.freeze({ columns: {}, sheets: [], problems: [] });

/**
 * Whether a settings key belongs to the saved mapping (settingsFromRows leaves these rows to it).
 * @example isSavedMappingKey("Colonne facture") // true
 */
export function isSavedMappingKey(key: string): boolean {
  const k = keyOf(key);
  return FIELD_BY_KEY.has(k) || k === SHEETS_KEY || k === HEADER_ROW_KEY;
}

/** Whether a saved mapping says anything. */
export function isEmptyMapping(mapping: SavedMapping): boolean {
  return Object.keys(mapping.columns).length === 0 && mapping.sheets.length === 0 && mapping.headerRow === undefined;
}

/**
 * Reads the mapping from the settings sheet's rows (Clé | Valeur | Description, as settingsFromRows).
 *
 * @param rows - the sheet's cells, rows[0] being row 1
 * @param sheet - the settings sheet's name, for messages
 * @returns the mapping; blank values are left out
 * @example
 * savedMappingFromRows([["Clé", "Valeur"], ["colonne_facture", "N° pièce"]]).columns.number // "N° pièce"
 */
export function savedMappingFromRows(rows: readonly (readonly CellValue[])[], sheet = "Paramètres Relances"): SavedMapping {
  let keyColumn = 0;
  let valueColumn = 1;
  const columns: Partial<Record<TrackingField, string>> = {};
  let sheets: string[] = [];
  let headerRow: number | undefined;
  const problems: string[] = [];
  for (let index = 0; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    const words = cells.map((cell) => (typeof cell === "string" ? normalizeText(cell) : ""));
    const k = words.findIndex((word) => word === "cle" || word === "key");
    const v = words.findIndex((word) => word === "valeur" || word === "value");
    if (k >= 0 && v >= 0) {
      keyColumn = k;
      valueColumn = v;
      continue;
    }
    const key = keyOf(cellText(cells[keyColumn]));
    const value = cells[valueColumn];
    const text = cellText(value);
    if (text === "") continue;
    const field = FIELD_BY_KEY.get(key);
    if (field !== undefined) columns[field] = text;
    else if (key === SHEETS_KEY) sheets = text.split(/[;\n]/).map((s) => s.trim()).filter((s) => s !== "");
    else if (key === HEADER_ROW_KEY) {
      const n = typeof value === "number" ? value : Number(text);
      if (Number.isInteger(n) && n >= 1 && n <= MAX_ROW) headerRow = n;
      else problems.push(`${sheet} ligne ${index + 1} : ${HEADER_ROW_KEY} «${text}» n'est pas un numéro de ligne / not a row number`);
    }
  }
  return { columns, sheets, headerRow, problems };
}

/**
 * The rows the product writes into a new settings sheet for the mapping: every key, no value.
 * @example savedMappingRows()[0] // ["feuilles_suivi", null, "Feuilles de suivi à lire, séparées par « ; » …"]
 */
export function savedMappingRows(): CellValue[][] {
  return [
    [SHEETS_KEY, null, "Feuilles de suivi à lire, séparées par « ; » (même masquées) ; vide : toutes les feuilles visibles reconnues / Tracking sheets to read, separated by ';' (hidden ones too); empty: every visible sheet recognised"],
    [HEADER_ROW_KEY, null, "N° de la ligne d'en-tête des feuilles de suivi ; vide : cherchée / Header row of the tracking sheets; empty: searched for"],
    ...FIELDS.map((field): CellValue[] => [
      COLUMN_KEYS[field],
      null,
      `Colonne « ${FIELD_LABELS[field]} » : son en-tête tel qu'écrit, ou sa lettre (C) ; vide : reconnue automatiquement / Column of this field: its header as written, or its letter; empty: matched automatically`,
    ]),
  ];
}

/**
 * The column a saved value designates on a header row: the header cell that reads the same (case,
 * accents and punctuation aside), else the column of that letter.
 *
 * @param saved - « N° pièce », « c »...
 * @param cells - the header row
 * @returns the 0-based column, or undefined
 * @example savedColumnIndex("C", ["Client", "Date", "Réf"]) // 2
 */
export function savedColumnIndex(saved: string, cells: readonly CellValue[]): number | undefined {
  const wanted = normalizeText(saved);
  for (let i = 0; i < cells.length; i++) if (normalizeText(cellText(cells[i])) === wanted) return i;
  return columnIndex(saved);
}

/**
 * A row as the header search should see it under a saved mapping: the saved columns carry their
 * field's own label, and other cells that would be matched to those fields are blanked, so that
 * the saved columns win. A letter counts only over a filled cell (a title row is no header),
 * unless the header row is given.
 *
 * @param columns - the saved columns
 * @param cells - the row as read
 * @param headerRowGiven - whether the header row is known (ligne_entete)
 * @returns the row to offer to the header search
 * @example savedHeaderCells({ number: "Réf" }, ["Client", "Réf"], false) // ["Client", "N° facture"]
 */
export function savedHeaderCells(
  columns: Readonly<Partial<Record<TrackingField, string>>>,
  cells: readonly CellValue[],
  headerRowGiven: boolean,
): CellValue[] {
  const fields = Object.keys(columns) as TrackingField[];
  const saved = new Set(fields);
  const out = cells.map((cell) => {
    const field = typeof cell === "string" ? matchHeader(cell) : undefined;
    return field !== undefined && saved.has(field) ? null : cell;
  });
  for (const field of fields) {
    const index = savedColumnIndex(columns[field]!, cells);
    if (index === undefined || (!headerRowGiven && cellText(cells[index]) === "")) continue;
    while (out.length <= index) out.push(null);
    out[index] = FIELD_LABELS[field];
  }
  return out;
}

/**
 * The mapping with each header as written in the sheet (the column letter for a column without
 * one), once the header search has read the row as savedHeaderCells gave it.
 * @example writtenHeaders(mapping, ["Client", "Réf"]).headers.number // "Réf"
 */
export function writtenHeaders(mapping: ColumnMapping, cells: readonly CellValue[]): ColumnMapping {
  const headers: Partial<Record<TrackingField, string>> = {};
  for (const field of Object.keys(mapping.columns) as TrackingField[]) {
    const index = mapping.columns[field]!;
    const text = cellText(cells[index]);
    headers[field] = text === "" ? `colonne ${columnLetter(index)}` : text;
  }
  return { ...mapping, headers };
}

/**
 * The saved columns a sheet's mapping did not follow: a header absent from the header row.
 *
 * @param sheet - the sheet's name
 * @param columns - the saved columns
 * @param mapping - the mapping the sheet was read with
 * @param headerCells - its header row as read
 * @returns one French / English warning per saved column not found
 */
export function savedMappingWarnings(
  sheet: string,
  columns: Readonly<Partial<Record<TrackingField, string>>>,
  mapping: ColumnMapping,
  headerCells: readonly CellValue[],
): string[] {
  const warnings: string[] = [];
  for (const field of Object.keys(columns) as TrackingField[]) {
    const index = savedColumnIndex(columns[field]!, headerCells);
    if (index !== undefined && mapping.columns[field] === index) continue;
    warnings.push(
      `${sheet} ligne ${mapping.headerRow} : ${COLUMN_KEYS[field]} «${columns[field]}» ne désigne aucune colonne de l'en-tête ; ` +
        `correspondance automatique retenue / names no column of the header row; automatic match kept`,
    );
  }
  return warnings;
}

/** Whether a field's column on a sheet comes from the saved mapping. */
export function isSavedColumn(
  field: TrackingField,
  columns: Readonly<Partial<Record<TrackingField, string>>>,
  mapping: ColumnMapping,
  headerCells: readonly CellValue[],
): boolean {
  const saved = columns[field];
  return saved !== undefined && savedColumnIndex(saved, headerCells) === mapping.columns[field];
}
