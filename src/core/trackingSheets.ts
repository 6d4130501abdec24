/**
 * The tracking sheets of one workbook read as one (SPEC section 3, « which sheets »): firms keep
 * one sheet per year, every one of them is read, and the plan names those read and those left out.
 */
import { invoiceKey } from "./invoiceKey";
import type { CellValue } from "./cellValue";
import { FIELD_LABELS, type ColumnMapping } from "./trackingColumns";
import type { TrackingSheetResult } from "./trackingSheet";
import type { RejectedRow } from "./trackingRecord";

/** Why a sheet was not read as a tracking sheet. */
export type LeftOutReason = "hidden" | "veryHidden" | "noHeader" | "product" | "history" | "notNamed";

export interface SheetLeftOut {
  readonly sheet: string;
  readonly reason: LeftOutReason;
  /** The reason in French / English, with the header problem for noHeader. */
  readonly message: string;
}

/** A sheet read as a tracking sheet: its mapping and its header row as read (for `columns`). */
export interface SheetRead {
  readonly sheet: string;
  readonly mapping: ColumnMapping;
  readonly headerCells: readonly CellValue[];
}

/** The sheets a plan read, in tab order, and those it left out, with why. */
export interface SheetsReport {
  readonly read: readonly string[];
  readonly leftOut: readonly SheetLeftOut[];
}

const REASONS: Readonly<Record<LeftOutReason, string>> = {
  hidden: "feuille masquée (à nommer par --sheet ou feuilles_suivi pour la lire) / hidden sheet (name it to read it)",
  veryHidden: "feuille très masquée (à nommer par --sheet ou feuilles_suivi pour la lire) / very hidden sheet (name it to read it)",
  noHeader: "aucun en-tête reconnu / no header recognised",
  product: "feuille du produit / the product's own sheet",
  history: "historique des relances d'avant le produit / reminders sent before the product",
  notNamed: "non nommée par --sheet ou feuilles_suivi / not named",
};

/**
 * A sheet left out, with its reason in words.
 * @example leftOut("Archives", "hidden").message // "feuille masquée (…) / hidden sheet (…)"
 */
export function leftOut(sheet: string, reason: LeftOutReason, detail?: string): SheetLeftOut {
  return { sheet, reason, message: detail === undefined ? REASONS[reason] : `${REASONS[reason]} : ${detail}` };
}

/**
 * Several sheets' results as one: rows, invoices, credit notes, rejections and warnings add up.
 * An invoice or credit-note number already used on an earlier sheet is rejected, as a duplicate
 * within a sheet is, naming both sheets.
 *
 * @param results - each sheet's result, in tab order (none with a problem)
 * @returns one result; `sheet` and `mapping` are the first sheet's
 * @example
 * mergeTrackingSheets([suivi2025, suivi2026]).rows === suivi2025.rows + suivi2026.rows
 */
export function mergeTrackingSheets(results: readonly TrackingSheetResult[]): TrackingSheetResult {
  if (results.length === 1) return results[0]!;
  const first = new Map<string, { sheet: string; row: number }>();
  const merged = {
    sheet: results[0]?.sheet ?? "",
    mapping: results[0]?.mapping ?? null,
    invoices: [] as TrackingSheetResult["invoices"],
    creditNotes: [] as TrackingSheetResult["creditNotes"],
    rejected: [] as RejectedRow[],
    skipped: 0,
    rows: 0,
    warnings: [] as string[],
  };
  for (const result of results) {
    merged.rows += result.rows;
    merged.skipped += result.skipped;
    const rejected = [...result.rejected];
    merged.warnings.push(...result.warnings);
    const column = result.mapping?.headers.number ?? FIELD_LABELS.number;
    const duplicate = (record: { sheet: string; row: number; number: string }, what: "Facture" | "Avoir"): boolean => {
      const key = invoiceKey(record.number);
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, { sheet: record.sheet, row: record.row });
        return false;
      }
      if (earlier.sheet === record.sheet) return false;
      rejected.push({
        sheet: record.sheet,
        row: record.row,
        column,
        value: record.number,
        message:
          what === "Facture"
            ? `Facture «${record.number}» déjà présente feuille «${earlier.sheet}» ligne ${earlier.row}`
            : `Avoir «${record.number}» : numéro déjà présent feuille «${earlier.sheet}» ligne ${earlier.row}`,
      });
      return true;
    };
    for (const invoice of result.invoices) if (!duplicate(invoice, "Facture")) merged.invoices.push(invoice);
    for (const note of result.creditNotes) if (!duplicate(note, "Avoir")) merged.creditNotes.push(note);
    merged.rejected.push(...rejected.sort((a, b) => a.row - b.row));
  }
  return merged;
}
