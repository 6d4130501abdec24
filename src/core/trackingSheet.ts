/**
 * Reads the tracking sheet as assistants keep it (SPEC section 3), one row at a time, so that the
 * same code serves exceljs's streaming reader, an in-memory workbook and Office.js blocks. Every
 * data row ends up as exactly one of: invoice, credit note, skipped (blank, total) or rejected.
 */
import { cellPaymentTerms } from "./cellPaymentTerms";
import { savedHeaderCells, writtenHeaders } from "./columnMapping";
import { cellText, isBlank, type CellValue } from "./cellValue";
import { CustomerDetailsReader } from "./customerDetailsReader";
import { parseDateInput } from "./dateInput";
import { dayToFrench, type Day } from "./day";
import { dueDate } from "./dueDate";
import { excelErrorOf, LONGEST_EXCEL_ERROR } from "./excelError";
import { invoiceKey } from "./invoiceKey";
import type { Cents } from "./money";
import { paymentTermsWarning, type PaymentTerms } from "./paymentTerms";
import { normalizeText } from "./normalizeText";
import { isProblem, problem, type Problem } from "./problem";
import { amountOf, cellAt, isTotalLabel, optionalText, shownCell } from "./trackingCells";
import {
  createHeaderSearch,
  FIELD_LABELS,
  mappingFromHeaderRow,
  type ColumnMapping,
  type HeaderSearch,
  type TrackingField,
} from "./trackingColumns";
import type { CreditNoteRecord, InvoiceRecord, RejectedRow } from "./trackingRecord";
import { TrackingWarnings } from "./trackingWarnings";
import { parseYesNo } from "./yesNo";

// A cell as the adapters hand it over: Date cells as Excel serial numbers, formulas as their
// cached result, rich text and hyperlinks as their text, error cells as their text ("#N/A").
export type { CellValue };

export interface TrackingSheetOptions {
  /** The 1-based header row, when the user gives it; otherwise it is searched for. */
  readonly headerRow?: number | undefined;
  /** The reference date: invoices dated after it get a warning. */
  readonly today?: Day | undefined;
  /** How many rows the header search looks at (50). */
  readonly maxHeaderRows?: number | undefined;
  /** The columns saved in the settings sheet (header text or letter): they win over the automatic match. */
  readonly savedColumns?: Readonly<Partial<Record<TrackingField, string>>> | undefined;
}

export interface TrackingSheetResult {
  readonly sheet: string;
  readonly mapping: ColumnMapping | null;
  readonly invoices: InvoiceRecord[];
  readonly creditNotes: CreditNoteRecord[];
  readonly rejected: RejectedRow[];
  /** Blank and total rows between the header and the last row that has data. */
  readonly skipped: number;
  /** Data rows: rows = invoices + creditNotes + skipped + rejected. */
  readonly rows: number;
  readonly warnings: string[];
  /** Why the sheet could not be read at all (no header row). */
  readonly problem?: Problem | undefined;
}

export interface TrackingSheetReader {
  /** Gives the next row; row numbers are 1-based and increasing, rows may be missing. */
  push(row: number, cells: readonly CellValue[]): void;
  /** Ends the sheet and returns what was read. */
  finish(): TrackingSheetResult;
  /** True once the header row can no longer be found: later rows are ignored. */
  readonly headerMissing: boolean;
  /** The header row, once found. */
  readonly headerRow: number | undefined;
}

class Reader implements TrackingSheetReader {
  private readonly search: HeaderSearch | undefined;
  private mapping: ColumnMapping | null = null;
  private headerProblem: Problem | undefined;
  private lastRow = 0;

  // Column indexes, -1 when the sheet has no such column: read on every row, so plain fields.
  private iCustomer = -1;
  private iNumber = -1;
  private iInvoiceDate = -1;
  private iAmount = -1;
  private iDueDate = -1;
  private iTerms = -1;
  private iPaid = -1;
  private iBalance = -1;
  private iCustomerType = -1;
  private iAcceptanceDate = -1;
  private iDispute = -1;
  private iPromiseDate = -1;
  private iEmail = -1;
  private iPhone = -1;
  private iContact = -1;
  private iCivility = -1;
  private iAddress = -1;
  private iPostcode = -1;
  private iCity = -1;
  private iLanguage = -1;
  private iVatNumber = -1;
  private iSiret = -1;
  private iCreditedInvoice = -1;
  /** Every mapped column, for the blank-row test. */
  private mapped: number[] = [];
  /** Every mapped field and its column, left to right, for the Excel-error test (plain arrays: read on every row). */
  private mappedFields: TrackingField[] = [];
  private mappedColumns: number[] = [];

  private readonly invoices: InvoiceRecord[] = [];
  private readonly creditNotes: CreditNoteRecord[] = [];
  private readonly rejected: RejectedRow[] = [];
  private skipped = 0;
  private rows = 0;
  /** Blank rows not yet counted: they count only when a row with data follows. */
  private blanksPending = 0;
  /** Rows with neither customer nor number: totals when nothing but blanks and totals follow. */
  private readonly orphans: { row: number; column: string; value: string }[] = [];
  /** The row where each number was first used, by invoiceKey, for duplicates. */
  private readonly numbers = new Map<string, number>();

  /** The customers' details, read once the columns are known. */
  private details!: CustomerDetailsReader;

  private readonly warnings: TrackingWarnings;

  constructor(
    private readonly sheet: string,
    private readonly options: TrackingSheetOptions,
  ) {
    this.warnings = new TrackingWarnings(sheet, (field) => this.header(field));
    this.search = options.headerRow === undefined ? createHeaderSearch(options.maxHeaderRows ?? 50) : undefined;
  }

  get headerMissing(): boolean {
    return this.mapping === null && (this.headerProblem !== undefined || this.search?.exhausted === true);
  }

  get headerRow(): number | undefined {
    return this.mapping?.headerRow;
  }

  push(row: number, cells: readonly CellValue[]): void {
    if (this.mapping === null) {
      const saved = this.options.savedColumns;
      this.lookForHeader(row, saved === undefined ? cells : savedHeaderCells(saved, cells, this.options.headerRow !== undefined));
      if (saved !== undefined && this.mapping !== null) this.mapping = writtenHeaders(this.mapping, cells);
      return;
    }
    if (row <= this.lastRow) return;
    // Rows absent from the file between two rows are blank rows.
    this.blanksPending += row - this.lastRow - 1;
    this.lastRow = row;
    this.readRow(row, cells);
  }

  private lookForHeader(row: number, cells: readonly CellValue[]): void {
    if (this.headerProblem !== undefined) return;
    let mapping: ColumnMapping | undefined;
    if (this.search !== undefined) {
      mapping = this.search.offer(row, cells);
    } else if (row === this.options.headerRow) {
      const found = mappingFromHeaderRow(row, cells);
      if (isProblem(found)) this.headerProblem = found;
      else mapping = found;
    } else if (row > (this.options.headerRow ?? 0)) {
      this.headerProblem = this.headerRowEmpty();
    }
    if (mapping !== undefined) this.useMapping(mapping);
  }

  private headerRowEmpty(): Problem {
    return problem(`Ligne d'en-tête ${this.options.headerRow ?? 0} vide : colonnes requises introuvables`);
  }

  private useMapping(mapping: ColumnMapping): void {
    this.mapping = mapping;
    this.lastRow = mapping.headerRow;
    const c = mapping.columns;
    const at = (field: TrackingField): number => c[field] ?? -1;
    this.iCustomer = at("customer");
    this.iNumber = at("number");
    this.iInvoiceDate = at("invoiceDate");
    this.iAmount = at("amount");
    this.iDueDate = at("dueDate");
    this.iTerms = at("terms");
    this.iPaid = at("paid");
    this.iBalance = at("balance");
    this.iCustomerType = at("customerType");
    this.iAcceptanceDate = at("acceptanceDate");
    this.iDispute = at("dispute");
    this.iPromiseDate = at("promiseDate");
    this.iEmail = at("email");
    this.iPhone = at("phone");
    this.iContact = at("contact");
    this.iCivility = at("civility");
    this.iAddress = at("address");
    this.iPostcode = at("postcode");
    this.iCity = at("city");
    this.iLanguage = at("language");
    this.iVatNumber = at("vatNumber");
    this.iSiret = at("siret");
    this.iCreditedInvoice = at("creditedInvoice");
    this.details = new CustomerDetailsReader({
      customerType: this.iCustomerType, language: this.iLanguage, email: this.iEmail, phone: this.iPhone,
      contact: this.iContact, civility: this.iCivility, address: this.iAddress, postcode: this.iPostcode,
      city: this.iCity, vatNumber: this.iVatNumber, siret: this.iSiret,
    });
    this.mapped = Object.values(c).filter((i): i is number => i !== undefined);
    const leftToRight = (Object.keys(c) as TrackingField[]).sort((a, b) => c[a]! - c[b]!);
    this.mappedFields = leftToRight;
    this.mappedColumns = leftToRight.map((field) => c[field]!);
  }

  /** The header as written in the sheet, for messages and RejectedRow.column. */
  private header(field: TrackingField): string {
    return this.mapping?.headers[field] ?? FIELD_LABELS[field];
  }

  private isBlankRow(cells: readonly CellValue[]): boolean {
    const mapped = this.mapped;
    for (let k = 0; k < mapped.length; k++) {
      if (!isBlank(cells[mapped[k]!])) return false;
    }
    return true;
  }

  /** Counts the blank rows and orphan rows held back, now that a row with data follows. */
  private settlePending(): void {
    this.rows += this.blanksPending;
    this.skipped += this.blanksPending;
    this.blanksPending = 0;
    for (const orphan of this.orphans) {
      this.rows++;
      this.rejected.push({
        sheet: this.sheet,
        row: orphan.row,
        column: orphan.column,
        value: orphan.value,
        message: `${FIELD_LABELS.customer} et ${FIELD_LABELS.number} manquants`,
      });
    }
    this.orphans.length = 0;
  }

  private readRow(row: number, cells: readonly CellValue[]): void {
    if (this.isBlankRow(cells)) {
      this.blanksPending++;
      return;
    }
    const customerCell = this.iCustomer < 0 ? null : cells[this.iCustomer];
    const numberCell = this.iNumber < 0 ? null : cells[this.iNumber];
    const customer = cellText(customerCell);
    const number = cellText(numberCell);

    if (this.isTotalRow(customer, number, cells)) {
      // Blank rows above a total row are counted: the total has data.
      this.rows += this.blanksPending + 1;
      this.skipped += this.blanksPending + 1;
      this.blanksPending = 0;
      return;
    }
    if (customer === "" && number === "") {
      // Amounts with no customer nor number: a total row when nothing but totals follow.
      this.rows += this.blanksPending;
      this.skipped += this.blanksPending;
      this.blanksPending = 0;
      this.orphans.push(this.firstFilled(row, cells));
      return;
    }
    this.settlePending();
    this.rows++;
    const outcome = this.readRecord(row, cells, customer, number);
    if (outcome !== undefined) this.rejected.push(outcome);
  }

  private isTotalRow(customer: string, number: string, cells: readonly CellValue[]): boolean {
    const customerTotal = isTotalLabel(customer);
    const numberTotal = isTotalLabel(number);
    if (!customerTotal && !numberTotal) return false;
    // A customer really named "Total" has an invoice number and an invoice date.
    const other = customerTotal ? number : customer;
    return other === "" || (customerTotal && numberTotal) || isBlank(this.cell(cells, this.iInvoiceDate));
  }

  private firstFilled(row: number, cells: readonly CellValue[]): { row: number; column: string; value: string } {
    const c = this.mapping?.columns ?? {};
    let best: TrackingField | undefined;
    for (const field of Object.keys(c) as TrackingField[]) {
      const i = c[field]!;
      if (!isBlank(cells[i]) && (best === undefined || i < c[best]!)) best = field;
    }
    const field = best ?? "customer";
    return { row, column: this.header(field), value: shownCell(field, this.cell(cells, c[field] ?? -1)) };
  }

  private cell(cells: readonly CellValue[], index: number): CellValue {
    return cellAt(cells, index);
  }

  private reject(row: number, field: TrackingField, value: CellValue, message: string): RejectedRow {
    return { sheet: this.sheet, row, column: this.header(field), value: shownCell(field, value), message };
  }

  /** A date or amount problem: "<header> «value» n'est pas une date", or `missing` for a blank cell. */
  private valueProblem(row: number, field: TrackingField, value: CellValue, found: Problem, missing?: string): RejectedRow {
    const message = missing !== undefined && isBlank(value) ? missing : `${this.header(field)} ${found.message}`;
    return this.reject(row, field, value, message);
  }

  /** The first cell, left to right, that holds an Excel error: the row cannot be read. */
  private errorCell(row: number, cells: readonly CellValue[]): RejectedRow | undefined {
    const columns = this.mappedColumns;
    for (let k = 0; k < columns.length; k++) {
      const value = cells[columns[k]!];
      // Names, e-mails and addresses are longer than any error: only short texts are searched for #.
      if (typeof value !== "string" || value.length > LONGEST_EXCEL_ERROR || value.indexOf("#") < 0) continue;
      const error = excelErrorOf(value);
      if (error === undefined) continue;
      const field = this.mappedFields[k]!;
      return this.reject(
        row,
        field,
        error,
        `${this.header(field)} : la cellule contient l'erreur Excel ${error} / the cell holds the Excel error ${error}`,
      );
    }
    return undefined;
  }

  /** A number already used on an earlier row, however it is spelled (invoiceKey). */
  private duplicate(row: number, number: string, what: string): RejectedRow | undefined {
    const key = invoiceKey(number);
    const first = this.numbers.get(key);
    if (first === undefined) {
      this.numbers.set(key, row);
      return undefined;
    }
    const firstNumber = this.numberAt(first);
    const spelled = firstNumber === number ? "" : ` sous la forme «${firstNumber}»`;
    return this.reject(row, "number", number, `${what} ligne ${first}${spelled}`);
  }

  /**
   * The number of the record read on a row: a number is registered only by a row that then
   * becomes a record, so it is found there (kept by row alone, the map holds no object per row).
   */
  private numberAt(row: number): string {
    return (rowRecord(this.invoices, row) ?? rowRecord(this.creditNotes, row))!.number;
  }

  /** Reads one data row; returns the rejection, or undefined when the row became a record. */
  private readRecord(row: number, cells: readonly CellValue[], name: string, number: string): RejectedRow | undefined {
    const error = this.errorCell(row, cells);
    if (error !== undefined) return error;
    if (name === "") return this.reject(row, "customer", null, `${FIELD_LABELS.customer} manquant`);
    if (number === "") return this.reject(row, "number", null, `${FIELD_LABELS.number} manquant`);

    const invoiceDateCell = this.cell(cells, this.iInvoiceDate);
    const invoiceDate = parseDateInput(invoiceDateCell);
    if (isProblem(invoiceDate)) {
      return this.valueProblem(row, "invoiceDate", invoiceDateCell, invoiceDate, `${FIELD_LABELS.invoiceDate} manquante`);
    }
    const amountCell = this.cell(cells, this.iAmount);
    const amount = amountOf(amountCell);
    if (isProblem(amount)) {
      return this.valueProblem(row, "amount", amountCell, amount, `${FIELD_LABELS.amount} manquant`);
    }

    const customer = this.details.read(cells, name);
    if (customer === undefined) {
      const languageCell = this.cell(cells, this.iLanguage);
      return this.reject(row, "language", languageCell, `${this.header("language")} «${cellText(languageCell)}» : FR ou EN attendu`);
    }

    const creditedCell = this.cell(cells, this.iCreditedInvoice);
    const creditedInvoice = optionalText(creditedCell);
    if (amount < 0) {
      const duplicate = this.duplicate(row, number, `Avoir «${number}» : numéro déjà présent`);
      if (duplicate !== undefined) return duplicate;
      this.typeWarning(row, cells);
      this.creditNotes.push({
        kind: "creditNote",
        sheet: this.sheet,
        row,
        customer,
        number,
        date: invoiceDate,
        amount: -amount,
        creditedInvoice,
      });
      return undefined;
    }
    if (creditedInvoice !== undefined) {
      return this.reject(
        row,
        "amount",
        amountCell,
        `${this.header("creditedInvoice")} «${creditedInvoice}» rempli mais ${this.header("amount")} positif : ` +
          `un avoir se saisit en négatif`,
      );
    }

    const due = this.dueDateOf(row, cells, invoiceDate);
    if (typeof due !== "number") return due;

    const paidCell = this.cell(cells, this.iPaid);
    let paid: Cents = 0;
    if (!isBlank(paidCell)) {
      const read = amountOf(paidCell);
      if (isProblem(read)) return this.valueProblem(row, "paid", paidCell, read);
      if (read < 0) return this.reject(row, "paid", paidCell, `${this.header("paid")} «${cellText(paidCell)}» est négatif`);
      paid = read;
    }
    const balanceCell = this.cell(cells, this.iBalance);
    let sheetBalance: Cents | undefined;
    if (!isBlank(balanceCell)) {
      const read = amountOf(balanceCell);
      if (isProblem(read)) return this.valueProblem(row, "balance", balanceCell, read);
      sheetBalance = read;
      // No paid column: the balance says what was paid.
      if (this.iPaid < 0) paid = amount - read;
    }

    const acceptanceDate = this.optionalDate(row, "acceptanceDate", this.cell(cells, this.iAcceptanceDate));
    if (typeof acceptanceDate === "object") return acceptanceDate;
    const promiseDate = this.optionalDate(row, "promiseDate", this.cell(cells, this.iPromiseDate));
    if (typeof promiseDate === "object") return promiseDate;
    const disputeCell = this.cell(cells, this.iDispute);
    const dispute = disputeOf(disputeCell);
    if (dispute === undefined) {
      return this.reject(row, "dispute", disputeCell, `${this.header("dispute")} «${cellText(disputeCell)}» : oui, non ou x attendu`);
    }

    const duplicate = this.duplicate(row, number, `Facture «${number}» déjà présente`);
    if (duplicate !== undefined) return duplicate;

    // Warnings only for rows read: a rejected row has its own message.
    if (this.options.today !== undefined && invoiceDate > this.options.today) this.warnings.futureDate(row);
    // The surplus stays on this invoice (its balance is negative): it is no one else's payment.
    if (paid > amount) this.warnings.overpaid(row);
    this.typeWarning(row, cells);
    if (sheetBalance !== undefined && Math.abs(sheetBalance - (amount - paid)) > 1) {
      this.warnings.balanceMismatch(row, sheetBalance, amount - paid);
    }
    this.termsWarning(row, cells);
    this.invoices.push({
      kind: "invoice",
      sheet: this.sheet,
      row,
      customer,
      number,
      invoiceDate,
      dueDate: due,
      amount,
      paid,
      sheetBalance,
      acceptanceDate,
      dispute,
      promiseDate,
    });
    return undefined;
  }

  /** A date cell that may be blank: its day, undefined, or the row's rejection. */
  private optionalDate(row: number, field: "acceptanceDate" | "promiseDate", cell: CellValue): Day | undefined | RejectedRow {
    if (isBlank(cell)) return undefined;
    const read = parseDateInput(cell);
    return isProblem(read) ? this.valueProblem(row, field, cell, read) : read;
  }

  private dueDateOf(row: number, cells: readonly CellValue[], invoiceDate: Day): Day | RejectedRow {
    const dueCell = this.cell(cells, this.iDueDate);
    const termsCell = this.cell(cells, this.iTerms);
    const terms = isBlank(termsCell) ? undefined : termsOf(termsCell as string | number | boolean);
    let due: Day;
    if (!isBlank(dueCell)) {
      const read = parseDateInput(dueCell);
      if (isProblem(read)) return this.valueProblem(row, "dueDate", dueCell, read);
      due = read;
    } else if (terms === undefined) {
      const field = this.iDueDate >= 0 || this.iTerms < 0 ? "dueDate" : "terms";
      return this.reject(row, field, null, `${FIELD_LABELS.dueDate} manquante : ni date d'échéance ni conditions de paiement`);
    } else if (isProblem(terms)) {
      return this.reject(row, "terms", termsCell, terms.message);
    } else {
      due = dueDate(invoiceDate, terms);
    }
    if (due < invoiceDate) {
      return this.reject(
        row,
        "dueDate",
        dueCell,
        `${this.header("dueDate")} ${dayToFrench(due)} antérieure à la ${this.header("invoiceDate")} ${dayToFrench(invoiceDate)}`,
      );
    }
    return due;
  }

  /** Terms beyond the legal caps: one warning per distinct terms, listing the rows. */
  private termsWarning(row: number, cells: readonly CellValue[]): void {
    const termsCell = this.cell(cells, this.iTerms);
    if (isBlank(termsCell)) return;
    const terms = termsOf(termsCell as string | number | boolean);
    if (isProblem(terms)) return;
    const warning = paymentTermsWarning(terms);
    if (warning === undefined) return;
    this.warnings.termsBeyondCaps(row, warning);
  }

  /** A customer type not understood: the row keeps the default type, and one warning lists the rows. */
  private typeWarning(row: number, cells: readonly CellValue[]): void {
    const typeCell = this.cell(cells, this.iCustomerType);
    if (typeCell === null || !isProblem(this.details.customerTypeOf(typeCell))) return;
    this.warnings.unknownType(row, cellText(typeCell));
  }

  finish(): TrackingSheetResult {
    // Trailing blank rows are not part of the table; trailing orphan rows are totals.
    this.blanksPending = 0;
    this.rows += this.orphans.length;
    this.skipped += this.orphans.length;
    this.orphans.length = 0;

    const warnings = this.warnings.texts(this.options.today);
    let sheetProblem: Problem | undefined;
    if (this.mapping === null) {
      sheetProblem = this.headerProblem ?? (this.search?.problem() ?? this.headerRowEmpty());
    }
    return {
      sheet: this.sheet,
      mapping: this.mapping,
      invoices: this.invoices,
      creditNotes: this.creditNotes,
      rejected: this.rejected,
      skipped: this.skipped,
      rows: this.rows,
      warnings,
      problem: sheetProblem,
    };
  }
}

/** A Litige cell: yes or no, and a blank (or punctuation alone, « - ») is no dispute. */
function disputeOf(value: CellValue): boolean | undefined {
  if (value === null) return false;
  return parseYesNo(value) ?? (typeof value === "string" && normalizeText(value) === "" ? false : undefined);
}

/** The terms of a terms cell; a boolean is read as its text (VRAI), which no terms grammar reads. */
function termsOf(value: string | number | boolean): PaymentTerms | Problem {
  return cellPaymentTerms(typeof value === "boolean" ? cellText(value) : value);
}

/** The record read on a row, by binary search: records come in row order. */
function rowRecord<T extends { readonly row: number }>(records: readonly T[], row: number): T | undefined {
  let low = 0;
  let high = records.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = records[middle]!;
    if (found.row === row) return found;
    if (found.row < row) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * Starts reading a tracking sheet row by row: the header row is searched in the first 50 rows
 * (or given), then each data row becomes an invoice, a credit note, a skipped row or a rejected
 * row with its location and a French message.
 *
 * @param sheet - the sheet's name, for locations and messages
 * @param options - headerRow to skip the search; today to warn of invoices dated after it
 * @returns the reader: push(row, cells) for each row in order, then finish()
 * @example
 * const reader = createTrackingSheetReader("Suivi");
 * reader.push(1, ["Client", "N° facture", "Date facture", "Montant TTC", "Conditions"]);
 * reader.push(2, ["SCI Les Tilleuls", "F-1", "02/03/2021", "4 200,00 €", "45 jours fin de mois"]);
 * reader.finish().invoices[0].number // "F-1"
 */
export function createTrackingSheetReader(sheet: string, options: TrackingSheetOptions = {}): TrackingSheetReader {
  return new Reader(sheet, options);
}

/**
 * Reads a whole tracking sheet held in memory (a convenience over createTrackingSheetReader).
 *
 * @param sheet - the sheet's name
 * @param rows - its rows in order
 * @param options - as createTrackingSheetReader
 * @returns the result
 * @example
 * readTrackingRows("Suivi", [{ row: 1, cells: ["Client", "Facture", "Date", "Montant", "Échéance"] }]).rows // 0
 */
export function readTrackingRows(
  sheet: string,
  rows: Iterable<{ readonly row: number; readonly cells: readonly CellValue[] }>,
  options: TrackingSheetOptions = {},
): TrackingSheetResult {
  const reader = createTrackingSheetReader(sheet, options);
  for (const { row, cells } of rows) reader.push(row, cells);
  return reader.finish();
}

