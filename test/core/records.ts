// Small builders for tracking-sheet records, so that each test names only what it is about.
import { dayFromIso, type Day } from "../../src/core/day";
import type { CreditNoteRecord, CustomerDetails, InvoiceRecord } from "../../src/core/trackingRecord";

export const d = (iso: string): Day => dayFromIso(iso)!;

let nextRow = 2;

export function customer(name: string, over: Partial<CustomerDetails> = {}): CustomerDetails {
  // An address, as most customers have: without one the plan sends e-mails as letters.
  return { name, customerType: "professionnel", language: "fr", email: "compta@client.example", ...over };
}

export function invoice(over: Partial<InvoiceRecord> & { customer?: CustomerDetails } = {}): InvoiceRecord {
  return {
    kind: "invoice",
    sheet: "Suivi",
    row: nextRow++,
    customer: customer("SCI Les Tilleuls"),
    number: `F${nextRow}`,
    invoiceDate: d("2021-03-02"),
    dueDate: d("2021-04-30"),
    amount: 420000,
    paid: 0,
    dispute: false,
    ...over,
  };
}

export function creditNote(over: Partial<CreditNoteRecord> = {}): CreditNoteRecord {
  return {
    kind: "creditNote",
    sheet: "Suivi",
    row: nextRow++,
    customer: customer("SCI Les Tilleuls"),
    number: `AV${nextRow}`,
    date: d("2021-04-01"),
    amount: 10000,
    ...over,
  };
}
