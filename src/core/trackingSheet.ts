/**
 * Reads the tracking sheet as assistants keep it (SPEC section 3), one row at a time, so that the
 * same code serves exceljs's streaming reader, an in-memory workbook and Office.js blocks. Every
 * data row ends up as exactly one of: invoice, credit note, skipped (blank, total) or rejected.
 */
import { AMOUNT_LIMIT_CENTS, parseAmountInput } from "./amountInput";
import { savedHeaderCells, writtenHeaders } from "./columnMapping";
import type { CellValue } from "./cellValue";
import { DEFAULT_CUSTOMER_TYPE, parseCustomerType, type CustomerType } from "./customerType";
import { parseDateInput } from "./dateInput";
import { dayFromExcelSerial, dayToFrench, type Day } from "./day";
import { dueDate } from "./dueDate";
import { excelErrorOf } from "./excelError";
import { invoiceKey } from "./invoiceKey";
import { formatEuros, type Cents } from "./money";
import { normalizeText } from "./normalizeText";
import { parsePaymentTerms, paymentTermsFromDays, paymentTermsWarning, type PaymentTerms } from "./paymentTerms";
import { isProblem, problem, type Problem } from "./problem";
import { parseCivility } from "./salutation";
import {
  createHeaderSearch,
  FIELD_LABELS,
  mappingFromHeaderRow,
  type ColumnMapping,
  type HeaderSearch,
  type TrackingField,
} from "./trackingColumns";
import type { CreditNoteRecord, CustomerDetails, InvoiceRecord, RejectedRow } from "./trackingRecord";

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

// Total rows: the label, once normalised; the hint spares normalising every customer name.
const TOTAL_HINT = /tota/i;
const TOTAL_LABEL = /^(?:sous |grand )?tota(?:l|ux)(?: .*)?$|^sub ?totals?(?: .*)?$/;

const DISPUTE_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["oui", true], ["o", true], ["x", true], ["yes", true], ["y", true], ["true", true], ["vrai", true], ["1", true],
  ["non", false], ["n", false], ["no", false], ["false", false], ["faux", false], ["0", false],
]);
const LANGUAGE_WORDS: ReadonlyMap<string, "fr" | "en"> = new Map([
  ["fr", "fr"], ["fra", "fr"], ["fre", "fr"], ["francais", "fr"], ["french", "fr"],
  ["en", "en"], ["eng", "en"], ["anglais", "en"], ["english", "en"],
]);
const LANGUAGE_WITH_REGION = /^(fr|en) [a-z]{2}$/;
const FRENCH_MOBILE_WITHOUT_ZERO = /^[1-9]\d{8}$/;

/** Fields whose numbers are Excel serials: a rejected one is shown as the date Excel shows. */
const DATE_FIELDS: ReadonlySet<TrackingField> = new Set(["invoiceDate", "dueDate", "acceptanceDate", "promiseDate"]);

/** How many rows one warning lists before it says "et N autres". */
const ROWS_LISTED = 10;
/** How many balance mismatches are told one by one. */
const MISMATCHES_TOLD = 100;

function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" && (value.length === 0 || value.trim().length === 0);
}

/** The cell as text: trimmed, numbers without ".0", booleans as a French Excel shows them. */
function textOf(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return value ? "VRAI" : "FAUX";
}

/**
 * An amount cell in cents. A number that is a whole number of cents to within float noise takes
 * a short cut: parseAmountInput's decimal reading (toPrecision) was a third of the reading time of
 * a large sheet, and gives the same cents for these. The noise allowed (4e-16 of the value) is
 * under half the 15th significant digit, so that the short cut takes nothing parseAmountInput
 * would refuse for a third decimal.
 */
function amountOf(value: CellValue): Cents | Problem {
  if (typeof value === "number") {
    const scaled = value * 100;
    const cents = Math.round(scaled);
    const noise = (scaled < 0 ? -scaled : scaled) * 4e-16;
    const diff = scaled - cents;
    if (diff <= noise && -diff <= noise && cents < AMOUNT_LIMIT_CENTS && cents > -AMOUNT_LIMIT_CENTS) return cents + 0;
  }
  return parseAmountInput(value);
}

function optionalText(value: CellValue | undefined): string | undefined {
  const text = textOf(value);
  return text === "" ? undefined : text;
}

function isTotalLabel(text: string): boolean {
  return text !== "" && TOTAL_HINT.test(text) && TOTAL_LABEL.test(normalizeText(text));
}

/** A warning told once for many rows: "Suivi lignes 3, 8 et 12 autres : …". */
class RowWarning {
  readonly rows: number[] = [];
  count = 0;

  add(row: number): void {
    if (this.rows.length < ROWS_LISTED) this.rows.push(row);
    this.count++;
  }

  text(sheet: string, message: string): string {
    const listed = this.rows.join(", ");
    const more = this.count > this.rows.length ? ` et ${this.count - this.rows.length} autres` : "";
    return `${sheet} ${this.count === 1 ? "ligne" : "lignes"} ${listed}${more} : ${message}`;
  }
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
  /** Every mapped field with its column, left to right, for the Excel-error test. */
  private mappedFields: (readonly [TrackingField, number])[] = [];

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

  // One parse per distinct text: a sheet repeats the same few terms, categories and flags.
  private readonly termsCache = new Map<string | number | boolean, PaymentTerms | Problem>();
  private readonly typeCache = new Map<string | number | boolean, CustomerType | Problem>();
  private readonly disputeCache = new Map<string | number | boolean, boolean | undefined>();
  private readonly languageCache = new Map<string | number | boolean, "fr" | "en" | undefined>();
  /**
   * The details last read for each customer name, with the cells they were read from: most rows
   * repeat them, the same cells giving the same object without reading them again.
   */
  private readonly customers = new Map<string, { details: CustomerDetails; cells: CellValue[] }>();
  /** The columns customer details are read from (-1 for a column the sheet lacks). */
  private detailColumns: number[] = [];

  private readonly termWarnings = new Map<string, RowWarning>();
  private readonly futureDates = new RowWarning();
  private readonly overpaid = new RowWarning();
  /** Customer types not understood, by the text as written: the rows keep the default type. */
  private readonly unknownTypes = new Map<string, RowWarning>();
  private readonly mismatches: string[] = [];
  private mismatchCount = 0;

  constructor(
    private readonly sheet: string,
    private readonly options: TrackingSheetOptions,
  ) {
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
    this.detailColumns = [
      this.iCustomerType, this.iLanguage, this.iEmail, this.iPhone, this.iContact, this.iCivility, this.iAddress,
      this.iPostcode, this.iCity, this.iVatNumber, this.iSiret,
    ];
    this.mapped = Object.values(c).filter((i): i is number => i !== undefined);
    this.mappedFields = (Object.keys(c) as TrackingField[])
      .map((field) => [field, c[field]!] as const)
      .sort((a, b) => a[1] - b[1]);
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
    const customer = textOf(customerCell);
    const number = textOf(numberCell);

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
    return { row, column: this.header(field), value: shown(field, this.cell(cells, c[field] ?? -1)) };
  }

  private cell(cells: readonly CellValue[], index: number): CellValue {
    return index < 0 ? null : (cells[index] ?? null);
  }

  private reject(row: number, field: TrackingField, value: CellValue, message: string): RejectedRow {
    return { sheet: this.sheet, row, column: this.header(field), value: shown(field, value), message };
  }

  /** A date or amount problem: "<header> «value» n'est pas une date", or `missing` for a blank cell. */
  private valueProblem(row: number, field: TrackingField, value: CellValue, found: Problem, missing?: string): RejectedRow {
    const message = missing !== undefined && isBlank(value) ? missing : `${this.header(field)} ${found.message}`;
    return this.reject(row, field, value, message);
  }

  /** The first cell, left to right, that holds an Excel error: the row cannot be read. */
  private errorCell(row: number, cells: readonly CellValue[]): RejectedRow | undefined {
    const fields = this.mappedFields;
    for (let k = 0; k < fields.length; k++) {
      const [field, index] = fields[k]!;
      const value = cells[index];
      if (typeof value !== "string" || value.indexOf("#") < 0) continue;
      const error = excelErrorOf(value);
      if (error === undefined) continue;
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

    const customer = this.customerDetails(row, cells, name);
    if (!("name" in customer)) return customer;

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
      if (read < 0) return this.reject(row, "paid", paidCell, `${this.header("paid")} «${textOf(paidCell)}» est négatif`);
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

    const acceptanceCell = this.cell(cells, this.iAcceptanceDate);
    let acceptanceDate: Day | undefined;
    if (!isBlank(acceptanceCell)) {
      const read = parseDateInput(acceptanceCell);
      if (isProblem(read)) return this.valueProblem(row, "acceptanceDate", acceptanceCell, read);
      acceptanceDate = read;
    }
    const promiseCell = this.cell(cells, this.iPromiseDate);
    let promiseDate: Day | undefined;
    if (!isBlank(promiseCell)) {
      const read = parseDateInput(promiseCell);
      if (isProblem(read)) return this.valueProblem(row, "promiseDate", promiseCell, read);
      promiseDate = read;
    }
    const disputeCell = this.cell(cells, this.iDispute);
    const dispute = this.disputeOf(disputeCell);
    if (dispute === undefined) {
      return this.reject(row, "dispute", disputeCell, `${this.header("dispute")} «${textOf(disputeCell)}» : oui, non ou x attendu`);
    }

    const duplicate = this.duplicate(row, number, `Facture «${number}» déjà présente`);
    if (duplicate !== undefined) return duplicate;

    // Warnings only for rows read: a rejected row has its own message.
    if (this.options.today !== undefined && invoiceDate > this.options.today) this.futureDates.add(row);
    // The surplus stays on this invoice (its balance is negative): it is no one else's payment.
    if (paid > amount) this.overpaid.add(row);
    this.typeWarning(row, cells);
    if (sheetBalance !== undefined && Math.abs(sheetBalance - (amount - paid)) > 1) {
      this.balanceMismatch(row, sheetBalance, amount - paid);
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

  private dueDateOf(row: number, cells: readonly CellValue[], invoiceDate: Day): Day | RejectedRow {
    const dueCell = this.cell(cells, this.iDueDate);
    const termsCell = this.cell(cells, this.iTerms);
    const terms = isBlank(termsCell) ? undefined : this.termsOf(termsCell as string | number | boolean);
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
    const terms = this.termsOf(termsCell as string | number | boolean);
    if (isProblem(terms)) return;
    const warning = paymentTermsWarning(terms);
    if (warning === undefined) return;
    let rows = this.termWarnings.get(warning);
    if (rows === undefined) this.termWarnings.set(warning, (rows = new RowWarning()));
    rows.add(row);
  }

  private termsOf(value: string | number | boolean): PaymentTerms | Problem {
    let terms = this.termsCache.get(value);
    if (terms === undefined) {
      terms = typeof value === "number" ? paymentTermsFromDays(value) : parsePaymentTerms(textOf(value));
      this.termsCache.set(value, terms);
    }
    return terms;
  }

  private disputeOf(value: CellValue): boolean | undefined {
    if (value === null) return false;
    if (typeof value === "boolean") return value;
    if (this.disputeCache.has(value)) return this.disputeCache.get(value);
    const text = typeof value === "number" ? String(value) : normalizeText(value);
    const found = text === "" ? false : DISPUTE_WORDS.get(text);
    this.disputeCache.set(value, found);
    return found;
  }

  private languageOf(value: CellValue): "fr" | "en" | undefined {
    if (isBlank(value)) return "fr";
    const key = value as string | number | boolean;
    if (this.languageCache.has(key)) return this.languageCache.get(key);
    const text = normalizeText(textOf(value));
    const found = LANGUAGE_WORDS.get(text) ?? (LANGUAGE_WITH_REGION.exec(text)?.[1] as "fr" | "en" | undefined);
    this.languageCache.set(key, found);
    return found;
  }

  /** A customer type not understood: the row keeps the default type, and one warning lists the rows. */
  private typeWarning(row: number, cells: readonly CellValue[]): void {
    const typeCell = this.cell(cells, this.iCustomerType);
    if (typeCell === null || !isProblem(this.customerTypeOf(typeCell))) return;
    const text = textOf(typeCell);
    let rows = this.unknownTypes.get(text);
    if (rows === undefined) this.unknownTypes.set(text, (rows = new RowWarning()));
    rows.add(row);
  }

  private customerTypeOf(value: CellValue): CustomerType | Problem {
    if (value === null) return parseCustomerType(null);
    let type = this.typeCache.get(value);
    if (type === undefined) {
      type = parseCustomerType(value);
      this.typeCache.set(value, type);
    }
    return type;
  }

  private customerDetails(row: number, cells: readonly CellValue[], name: string): CustomerDetails | RejectedRow {
    const last = this.customers.get(name);
    if (last !== undefined && this.sameDetailCells(cells, last.cells)) return last.details;
    const details = this.readCustomerDetails(row, cells, name, last?.details);
    if ("name" in details) this.customers.set(name, { details, cells: this.detailColumns.map((i) => this.cell(cells, i)) });
    return details;
  }

  private sameDetailCells(cells: readonly CellValue[], seen: readonly CellValue[]): boolean {
    const columns = this.detailColumns;
    for (let k = 0; k < columns.length; k++) {
      if (this.cell(cells, columns[k]!) !== seen[k]) return false;
    }
    return true;
  }

  private readCustomerDetails(row: number, cells: readonly CellValue[], name: string, last: CustomerDetails | undefined): CustomerDetails | RejectedRow {
    const typeCell = this.cell(cells, this.iCustomerType);
    const readType = this.customerTypeOf(typeCell);
    // Not understood: the default type, as if blank, so that another row of the account that states it wins.
    const typeUnknown = isProblem(readType);
    const customerType = typeUnknown ? DEFAULT_CUSTOMER_TYPE : readType;
    const languageCell = this.cell(cells, this.iLanguage);
    const language = this.languageOf(languageCell);
    if (language === undefined) {
      return this.reject(row, "language", languageCell, `${this.header("language")} «${textOf(languageCell)}» : FR ou EN attendu`);
    }
    const email = optionalText(this.cell(cells, this.iEmail));
    const phone = phoneText(this.cell(cells, this.iPhone));
    const contact = optionalText(this.cell(cells, this.iContact));
    // A civility not understood (a company's « Société ») greets « Madame, Monsieur, » as a blank does.
    const civility = parseCivility(optionalText(this.cell(cells, this.iCivility)));
    const address = optionalText(this.cell(cells, this.iAddress));
    const postcode = postcodeText(this.cell(cells, this.iPostcode));
    const city = optionalText(this.cell(cells, this.iCity));
    const vatNumber = optionalText(this.cell(cells, this.iVatNumber));
    const siret = optionalText(this.cell(cells, this.iSiret));
    const defaulted = defaultedFields(typeUnknown || isBlank(typeCell), isBlank(languageCell));
    if (
      last !== undefined &&
      last.customerType === customerType &&
      last.language === language &&
      last.email === email &&
      last.phone === phone &&
      last.contact === contact &&
      last.civility === civility &&
      last.address === address &&
      last.postcode === postcode &&
      last.city === city &&
      last.vatNumber === vatNumber &&
      last.siret === siret &&
      last.defaulted === defaulted
    ) {
      return last;
    }
    const details: CustomerDetails = {
      name, customerType, email, phone, contact, address, postcode, city, language, vatNumber, siret,
      ...(civility === undefined ? {} : { civility }),
      ...(defaulted === undefined ? {} : { defaulted }),
    };
    return details;
  }

  private balanceMismatch(row: number, sheetBalance: Cents, computed: Cents): void {
    this.mismatchCount++;
    if (this.mismatches.length >= MISMATCHES_TOLD) return;
    this.mismatches.push(
      `${this.sheet} ligne ${row} : ${this.header("balance")} ${formatEuros(sheetBalance)} ≠ ` +
        `${this.header("amount")} - ${this.header("paid")} ${formatEuros(computed)}`,
    );
  }

  finish(): TrackingSheetResult {
    // Trailing blank rows are not part of the table; trailing orphan rows are totals.
    this.blanksPending = 0;
    this.rows += this.orphans.length;
    this.skipped += this.orphans.length;
    this.orphans.length = 0;

    const warnings: string[] = [];
    for (const [message, rows] of this.termWarnings) warnings.push(rows.text(this.sheet, message));
    if (this.futureDates.count > 0 && this.options.today !== undefined) {
      warnings.push(this.futureDates.text(this.sheet, `${this.header("invoiceDate")} postérieure au ${dayToFrench(this.options.today)}`));
    }
    if (this.overpaid.count > 0) {
      warnings.push(
        this.overpaid.text(
          this.sheet,
          `${this.header("paid")} supérieur au ${this.header("amount")} : le trop-perçu n'est reporté sur aucune autre facture / ` +
            `overpaid invoice: the surplus is not carried to other invoices`,
        ),
      );
    }
    for (const [text, rows] of this.unknownTypes) {
      warnings.push(
        rows.text(
          this.sheet,
          `${this.header("customerType")} «${text}» : type de client non reconnu, professionnel retenu / ` +
            `unrecognised customer type, professionnel assumed`,
        ),
      );
    }
    warnings.push(...this.mismatches);
    if (this.mismatchCount > this.mismatches.length) {
      warnings.push(
        `${this.sheet} : ${this.mismatchCount - this.mismatches.length} autres écarts entre ${this.header("balance")} ` +
          `et ${this.header("amount")} - ${this.header("paid")}`,
      );
    }
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

/** A cell as the user sees it: a date column's serial as the date Excel shows. */
function shown(field: TrackingField, value: CellValue): string {
  if (typeof value === "number" && DATE_FIELDS.has(field)) {
    const day = dayFromExcelSerial(value);
    if (day !== undefined) return dayToFrench(day);
  }
  return textOf(value);
}

/** A phone number stored as a number lost its leading zero (0612345678 became 612345678). */
function phoneText(value: CellValue): string | undefined {
  if (typeof value === "number") {
    const digits = String(value);
    return FRENCH_MOBILE_WITHOUT_ZERO.test(digits) ? `0${digits}` : digits;
  }
  return optionalText(value);
}

/** A French postcode stored as a number lost its leading zero (06000 became 6000). */
function postcodeText(value: CellValue): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1000 && value <= 99999) {
    return String(value).padStart(5, "0");
  }
  return optionalText(value);
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

// Shared arrays, so that rows of the same customer keep sharing one details object.
const DEFAULTED_TYPE: readonly ("customerType" | "language")[] = Object.freeze(["customerType"]);
const DEFAULTED_LANGUAGE: readonly ("customerType" | "language")[] = Object.freeze(["language"]);
const DEFAULTED_BOTH: readonly ("customerType" | "language")[] = Object.freeze(["customerType", "language"]);

/** Which of the category and the language a row left blank (they then hold their defaults). */
function defaultedFields(type: boolean, language: boolean): readonly ("customerType" | "language")[] | undefined {
  if (type) return language ? DEFAULTED_BOTH : DEFAULTED_TYPE;
  return language ? DEFAULTED_LANGUAGE : undefined;
}
