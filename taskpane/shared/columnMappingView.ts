// The column mapping as the Set-up screen shows it and lets the user correct it (SPEC section 3):
// per tracking sheet, each field's column as the engine reads it and whether the saved mapping or
// the automatic match chose it; a correction checked field by field, then saved in the settings
// sheet (colonne_facture = « N° pièce »), where it wins over the automatic match for every sheet.
import { cellText, type CellValue } from "../../src/core/cellValue";
import { COLUMN_KEYS, isSavedColumn, type SavedMapping } from "../../src/core/columnMapping";
import { columnLetter } from "../../src/core/columnLetters";
import { normalizeText } from "../../src/core/normalizeText";
import { isFormulaLike } from "../../src/engine/cellText";
import { DUE_DATE_FIELDS, FIELD_LABELS, REQUIRED_FIELDS, type ColumnMapping, type TrackingField } from "../../src/core/trackingColumns";
import type { SheetRead } from "../../src/core/trackingSheets";
import type { PaneLanguage } from "./paneHost";

/** The fields in the order the screen lists them: the required ones first, as SPEC section 3 does. */
export const MAPPING_FIELDS: readonly TrackingField[] = Object.keys(COLUMN_KEYS) as TrackingField[];

const FIELD_LABELS_EN: Readonly<Record<TrackingField, string>> = {
  customer: "Customer",
  number: "Invoice number",
  invoiceDate: "Invoice date",
  amount: "Amount incl. VAT",
  dueDate: "Due date",
  terms: "Payment terms",
  paid: "Amount paid",
  balance: "Balance",
  customerType: "Customer type",
  acceptanceDate: "Acceptance report date",
  dispute: "Dispute",
  promiseDate: "Promise to pay",
  email: "E-mail",
  phone: "Phone",
  contact: "Contact",
  civility: "Civility",
  address: "Address",
  postcode: "Postcode",
  city: "City",
  language: "Language",
  vatNumber: "VAT number",
  siret: "SIRET",
  creditedInvoice: "Credited invoice",
};

/**
 * A field's name as the pane shows it.
 * @example fieldLabel("amount", "en") // "Amount incl. VAT"
 */
export function fieldLabel(field: TrackingField, language: PaneLanguage): string {
  return language === "en" ? FIELD_LABELS_EN[field] : FIELD_LABELS[field];
}

/** Whether a field must have a column: always, one of due date / terms, or never. */
export type FieldNeed = "required" | "dueDateOrTerms" | "optional";

export function fieldNeed(field: TrackingField): FieldNeed {
  if (REQUIRED_FIELDS.includes(field)) return "required";
  return DUE_DATE_FIELDS.includes(field) ? "dueDateOrTerms" : "optional";
}

/** A column of the header row the user may choose. */
export interface ColumnChoice {
  /** Its letter, the value of the choice ("C"). */
  readonly letter: string;
  readonly index: number;
  /** Its header as written ("" when blank). */
  readonly header: string;
}

/** One field's line of the mapping. */
export interface MappingLine {
  readonly field: TrackingField;
  readonly need: FieldNeed;
  /** The column's letter; undefined when the field has no column. */
  readonly letter?: string | undefined;
  readonly header?: string | undefined;
  /** Whether the saved mapping chose it (else the automatic match). */
  readonly saved: boolean;
}

/** A tracking sheet's mapping, as the screen shows it. */
export interface SheetMapping {
  readonly sheet: string;
  readonly headerRow: number;
  /** The mapping as the engine read the sheet with (for the live columns). */
  readonly mapping: ColumnMapping;
  readonly lines: readonly MappingLine[];
  /** The header row's filled columns, for the choices and the headers left unused. */
  readonly columns: readonly ColumnChoice[];
  /** The filled columns no field uses. */
  readonly unused: readonly ColumnChoice[];
}

/**
 * A sheet's mapping as the screen shows it.
 *
 * @param read - the sheet as the engine read it (readWorkbook's sheets.read)
 * @param saved - the mapping saved in the settings sheet
 * @returns the lines, every field in MAPPING_FIELDS order, and the columns
 * @example
 * sheetMapping(source.sheets.read[0], source.savedMapping).lines[0] // { field: "customer", letter: "A", header: "Client", saved: false, need: "required" }
 */
export function sheetMapping(read: SheetRead, saved: SavedMapping): SheetMapping {
  const columns = headerColumns(read.headerCells);
  const lines = MAPPING_FIELDS.map((field): MappingLine => {
    const index = read.mapping.columns[field];
    const need = fieldNeed(field);
    if (index === undefined) return { field, need, saved: false };
    return {
      field,
      need,
      letter: columnLetter(index),
      header: cellText(read.headerCells[index]),
      saved: isSavedColumn(field, saved.columns, read.mapping, read.headerCells),
    };
  });
  const used = new Set(Object.values(read.mapping.columns));
  return { sheet: read.sheet, headerRow: read.mapping.headerRow, mapping: read.mapping, lines, columns, unused: columns.filter((c) => !used.has(c.index)) };
}

function headerColumns(cells: readonly CellValue[]): ColumnChoice[] {
  const columns: ColumnChoice[] = [];
  cells.forEach((cell, index) => {
    const header = cellText(cell);
    if (header !== "") columns.push({ letter: columnLetter(index), index, header });
  });
  return columns;
}

/** The user's choice for each field: a column letter, or "" for none (the automatic match). */
export type MappingChoices = Readonly<Partial<Record<TrackingField, string>>>;

/** A correction checked: an error per field that cannot be saved, or the settings to write. */
export interface MappingCorrection {
  /** Per field, why the choice cannot be saved, naming the field. */
  readonly errors: Readonly<Partial<Record<TrackingField, string>>>;
  /** The settings keys to write (colonne_facture → « N° pièce », or null to clear); empty when there are errors. */
  readonly values: ReadonlyMap<string, string | null>;
}

/**
 * Checks a correction of a sheet's mapping and gives the settings that save it. Each changed field
 * is saved as its header as written (so that it holds on every sheet that writes it the same way),
 * or as the column's letter when that header is blank or written twice on the row; a field set to
 * none clears its saved value, leaving the automatic match.
 *
 * @param mapping - the sheet's mapping as shown
 * @param choices - the user's choices; a field left out keeps its column
 * @param language - the language of the messages
 * @returns the errors, or the settings to write
 * @example
 * mappingCorrection(mapping, { number: "C" }, "fr").values // Map { "colonne_facture" => "N° pièce" }
 */
export function mappingCorrection(mapping: SheetMapping, choices: MappingChoices, language: PaneLanguage): MappingCorrection {
  const chosen = new Map<TrackingField, string | undefined>();
  for (const line of mapping.lines) {
    const choice = choices[line.field];
    chosen.set(line.field, choice === undefined ? line.letter : choice === "" ? undefined : choice.toUpperCase());
  }
  const errors: Partial<Record<TrackingField, string>> = {};
  const en = language === "en";
  const taken = new Map<string, TrackingField>();
  for (const field of MAPPING_FIELDS) {
    const letter = chosen.get(field);
    const label = fieldLabel(field, language);
    if (letter === undefined) {
      if (fieldNeed(field) === "required") errors[field] = en ? `${label}: a column is required` : `${label} : une colonne est requise`;
      continue;
    }
    if (!mapping.columns.some((c) => c.letter === letter)) {
      errors[field] = en ? `${label}: column ${letter} has no header on row ${mapping.headerRow}` : `${label} : la colonne ${letter} n'a pas d'en-tête ligne ${mapping.headerRow}`;
      continue;
    }
    const other = taken.get(letter);
    if (other !== undefined) {
      const otherLabel = fieldLabel(other, language);
      errors[field] = en ? `${label}: column ${letter} is already ${otherLabel}'s` : `${label} : la colonne ${letter} est déjà celle de « ${otherLabel} »`;
      continue;
    }
    taken.set(letter, field);
  }
  if (chosen.get("dueDate") === undefined && chosen.get("terms") === undefined) {
    errors.dueDate = en ? "Due date: a due date or payment terms column is required" : "Échéance : une colonne d'échéance ou de conditions de paiement est requise";
  }
  if (Object.keys(errors).length > 0) return { errors, values: new Map() };

  const values = new Map<string, string | null>();
  for (const line of mapping.lines) {
    const letter = chosen.get(line.field);
    if (letter === line.letter) continue;
    values.set(COLUMN_KEYS[line.field], letter === undefined ? null : savedValueOf(mapping.columns, letter));
  }
  return { errors, values };
}

// The header names the column on every sheet where it is written alike; a letter only on this
// layout. A header written twice, or one that reads as a letter itself (« TVA »), would be
// ambiguous; one that reads as a formula is never written into a cell.
function savedValueOf(columns: readonly ColumnChoice[], letter: string): string {
  const column = columns.find((c) => c.letter === letter)!;
  const same = columns.filter((c) => normalizeText(c.header) === normalizeText(column.header));
  const plain = same.length === 1 && !/^[A-Za-z]{1,3}$/.test(column.header.trim()) && !isFormulaLike(column.header);
  return plain ? column.header : letter;
}
