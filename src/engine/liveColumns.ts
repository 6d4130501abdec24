// The live columns a manager asks for from the Set-up (SPEC sections 6 and 7): due date, days
// overdue, ageing band and next step as spilled RELANCES formulas right of the tracking table, and
// an aged balance (BALANCE.AGEE) on a sheet of its own. One formula per column, over the table's
// whole range (a call per row would cross the runtime bridge 100,000 times), every one pointing at
// the named reference-date cell RELANCES_DATE, never at TODAY(), which is volatile.
// Formulas are in Excel's invariant form (English ids, commas), as Office.js's range.formulas takes
// them; a French Excel shows RELANCES.ECHEANCE, RELANCES.JOURS.RETARD...
import { columnLetter } from "../core/columnLetters";
import { problem, type Problem } from "../core/problem";
import type { ColumnMapping, TrackingField } from "../core/trackingColumns";

/** The named cell holding the reference date. */
export const REFERENCE_DATE_NAME = "RELANCES_DATE";
/** The aged balance's own sheet. */
export const AGING_SUMMARY_SHEET = "Balance âgée";

export interface LiveColumnsRequest {
  /** The tracking sheet. */
  readonly sheet: string;
  /** Its column mapping (1-based header row, 0-based columns). */
  readonly mapping: ColumnMapping;
  /** The 1-based last row of the table's data. */
  readonly lastRow: number;
  /** The 0-based column of the first live column: the first one free right of the table. */
  readonly startColumn: number;
  readonly language?: "fr" | "en" | undefined;
}

/** One live column: its header on the header row, its formula on the first data row, spilling down. */
export interface LiveColumn {
  readonly kind: "dueDate" | "daysOverdue" | "agingBand" | "nextStep";
  /** 0-based. */
  readonly column: number;
  readonly header: string;
  readonly formula: string;
  /** Its results are dates (Excel serials), to show as dates. */
  readonly date: boolean;
}

export interface LiveColumns {
  readonly sheet: string;
  /** 1-based rows: the header row, the first and last data rows the formulas cover. */
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly columns: readonly LiveColumn[];
  /** The aged balance's sheet: a label and the reference date on row 1, the spilled table from A3. */
  readonly summary: {
    readonly sheet: string;
    readonly label: string;
    readonly referenceFormula: string;
    readonly tableFormula: string;
  };
}

const HEADERS: Readonly<Record<LiveColumn["kind"] | "summary", { fr: string; en: string }>> = {
  dueDate: { fr: "Échéance calculée", en: "Computed due date" },
  daysOverdue: { fr: "Jours de retard", en: "Days overdue" },
  agingBand: { fr: "Tranche d'âge", en: "Ageing band" },
  nextStep: { fr: "Prochaine étape", en: "Next step" },
  summary: { fr: "Balance âgée au", en: "Aged balance at" },
};

/**
 * A sheet name as a formula names it: quoted, its quotes doubled.
 * @example sheetPrefix("Suivi 2026") // "'Suivi 2026'!"
 */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/**
 * The live columns' formulas for a tracking table.
 *
 * @param request - the sheet, its mapping, its last data row, the first free column, the language
 * @returns the columns and the summary, or a Problem when the table has no data row, or neither a
 *   due date column nor an invoice date and terms to compute one from
 * @example
 * liveColumns({ sheet: "Suivi", mapping, lastRow: 101, startColumn: 8 }).columns[1].formula
 * // "=RELANCES.DAYSOVERDUE($E$2:$E$101,RELANCES_DATE)"
 */
export function liveColumns(request: LiveColumnsRequest): LiveColumns | Problem {
  const { mapping, lastRow, startColumn } = request;
  const language = request.language ?? "fr";
  const firstRow = mapping.headerRow + 1;
  if (lastRow < firstRow) return problem(`La feuille «${request.sheet}» n'a aucune ligne de facture sous son en-tête`);
  const columns = mapping.columns;
  const range = (field: TrackingField, prefix = ""): string | undefined => {
    const column = columns[field];
    if (column === undefined) return undefined;
    const letter = columnLetter(column);
    return `${prefix}$${letter}$${firstRow}:$${letter}$${lastRow}`;
  };

  const live: LiveColumn[] = [];
  const add = (kind: LiveColumn["kind"], formula: string, date = false): LiveColumn => {
    const column: LiveColumn = { kind, column: startColumn + live.length, header: HEADERS[kind][language], formula, date };
    live.push(column);
    return column;
  };
  // The due date: the sheet's own column, else one computed from the invoice date and the terms.
  let due = (prefix: string): string | undefined => range("dueDate", prefix);
  if (due("") === undefined) {
    const invoiceDate = range("invoiceDate");
    const terms = range("terms");
    if (invoiceDate === undefined || terms === undefined) {
      return problem(`La feuille «${request.sheet}» n'a ni colonne d'échéance ni date de facture et conditions de paiement`);
    }
    const computed = add("dueDate", `=RELANCES.DUEDATE(${invoiceDate},${terms})`, true);
    const anchor = `$${columnLetter(computed.column)}$${firstRow}#`;
    due = (prefix) => `${prefix}${anchor}`;
  }
  const balance = (prefix: string): string => {
    const own = range("balance", prefix);
    if (own !== undefined) return own;
    const paid = range("paid", prefix);
    return paid === undefined ? range("amount", prefix)! : `(${range("amount", prefix)}-${paid})`;
  };
  add("daysOverdue", `=RELANCES.DAYSOVERDUE(${due("")},${REFERENCE_DATE_NAME})`);
  add("agingBand", `=RELANCES.AGINGBUCKET(${due("")},${REFERENCE_DATE_NAME})`);
  const nextArgs = [due(""), balance(""), "", "", REFERENCE_DATE_NAME, range("customerType") ?? "", range("acceptanceDate") ?? ""];
  while (nextArgs[nextArgs.length - 1] === "") nextArgs.pop();
  add("nextStep", `=RELANCES.NEXTSTAGE(${nextArgs.join(",")})`);

  const prefix = sheetPrefix(request.sheet);
  return {
    sheet: request.sheet,
    headerRow: mapping.headerRow,
    firstRow,
    lastRow,
    columns: live,
    summary: {
      sheet: AGING_SUMMARY_SHEET,
      label: HEADERS.summary[language],
      referenceFormula: `=${REFERENCE_DATE_NAME}`,
      tableFormula: `=RELANCES.AGINGSUMMARY(${due(prefix)},${balance(prefix)},${REFERENCE_DATE_NAME})`,
    },
  };
}
