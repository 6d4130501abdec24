import type { CustomerType } from "./customerType";
import type { Day } from "./day";
import type { Cents } from "./money";
import type { Civility } from "./salutation";

/** Where a value stands in the user's workbook: the sheet and its 1-based row. */
export interface RowLocation {
  readonly sheet: string;
  readonly row: number;
}

/** What the tracking sheet says of a customer, on the row of one of its invoices. */
export interface CustomerDetails {
  readonly name: string;
  readonly customerType: CustomerType;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  readonly contact?: string | undefined;
  /** The Civilité column: of the contact, or of a consumer (DOMAIN section 4, salutations). */
  readonly civility?: Civility | undefined;
  readonly address?: string | undefined;
  readonly postcode?: string | undefined;
  readonly city?: string | undefined;
  readonly language: "fr" | "en";
  readonly vatNumber?: string | undefined;
  readonly siret?: string | undefined;
  /**
   * The fields this row left blank and that hold their default (professionnel, fr): another row of
   * the same account that states them wins when the rows are grouped.
   */
  readonly defaulted?: readonly ("customerType" | "language")[] | undefined;
}

/** One invoice row of the tracking sheet, read and checked. */
export interface InvoiceRecord extends RowLocation {
  readonly kind: "invoice";
  readonly customer: CustomerDetails;
  readonly number: string;
  readonly invoiceDate: Day;
  readonly dueDate: Day;
  /** Amount incl. VAT. */
  readonly amount: Cents;
  /** Amount already paid (acomptes, règlements). */
  readonly paid: Cents;
  /** The sheet's own balance column, when it has one (checked against amount - paid). */
  readonly sheetBalance?: Cents | undefined;
  readonly acceptanceDate?: Day | undefined;
  readonly dispute: boolean;
  readonly promiseDate?: Day | undefined;
}

/** A credit note (avoir): a row with a negative amount, linked to an invoice or not. */
export interface CreditNoteRecord extends RowLocation {
  readonly kind: "creditNote";
  readonly customer: CustomerDetails;
  readonly number: string;
  readonly date: Day;
  /** The credited amount, as a positive number of cents. */
  readonly amount: Cents;
  /** The invoice number it credits, when the sheet says. */
  readonly creditedInvoice?: string | undefined;
}

/** A row that could not be used, with what is wrong in words a person understands. */
export interface RejectedRow extends RowLocation {
  readonly column: string;
  readonly value: string;
  readonly message: string;
}
