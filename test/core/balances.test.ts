import { describe, expect, it } from "vitest";
import { customerBalances } from "../../src/core/balances";
import type { Customer } from "../../src/core/customers";
import type { CreditNoteRecord, InvoiceRecord } from "../../src/core/trackingRecord";
import { creditNote, customer, d, invoice } from "./records";

const account = (invoices: InvoiceRecord[], creditNotes: CreditNoteRecord[] = []): Customer => ({
  key: "tilleuls",
  name: "SCI Les Tilleuls",
  details: customer("SCI Les Tilleuls"),
  invoices,
  creditNotes,
});

describe("balances", () => {
  it("is the amount less what was paid", () => {
    const { balances } = customerBalances(account([invoice({ number: "F1", amount: 420000, paid: 210000 })]));
    expect(balances.get("F1")).toBe(210000);
  });
  it("a credit note on an invoice reduces that invoice", () => {
    const { balances } = customerBalances(
      account([invoice({ number: "F1", amount: 100000 }), invoice({ number: "F2", amount: 50000 })], [creditNote({ amount: 20000, creditedInvoice: "f2 " })]),
    );
    expect(balances.get("F1")).toBe(100000);
    expect(balances.get("F2")).toBe(30000);
  });
  it("an unallocated credit note goes to the oldest open invoice, then the next", () => {
    const { balances, unallocated } = customerBalances(
      account(
        [
          invoice({ number: "NEW", amount: 50000, invoiceDate: d("2021-05-01") }),
          invoice({ number: "OLD", amount: 30000, invoiceDate: d("2021-01-01") }),
          invoice({ number: "PAID", amount: 10000, paid: 10000, invoiceDate: d("2020-12-01") }),
        ],
        [creditNote({ amount: 40000 })],
      ),
    );
    expect(balances.get("PAID")).toBe(0);
    expect(balances.get("OLD")).toBe(0);
    expect(balances.get("NEW")).toBe(40000);
    expect(unallocated).toBe(0);
  });
  it("a credit note larger than its invoice passes the rest on", () => {
    const { balances, unallocated } = customerBalances(
      account([invoice({ number: "F1", amount: 10000 }), invoice({ number: "F2", amount: 10000 })], [creditNote({ amount: 25000, creditedInvoice: "F1" })]),
    );
    expect(balances.get("F1")).toBe(0);
    expect(balances.get("F2")).toBe(0);
    expect(unallocated).toBe(5000);
  });
  it("a credit note finds its invoice however the number is spelled", () => {
    const { balances } = customerBalances(
      account(
        [invoice({ number: "OLD", amount: 100000, invoiceDate: d("2021-01-01") }), invoice({ number: "cs-1", amount: 100000 })],
        [creditNote({ amount: 20000, creditedInvoice: "N° CS-1" })],
      ),
    );
    expect(balances.get("OLD")).toBe(100000);
    expect(balances.get("CS-1")).toBe(80000);
  });
  it("an overpaid invoice keeps its surplus: the other invoices and credit notes are untouched", () => {
    const { balances, unallocated } = customerBalances(
      account(
        [
          invoice({ number: "OVER", amount: 10000, paid: 15000, invoiceDate: d("2021-01-01") }),
          invoice({ number: "OPEN", amount: 30000, invoiceDate: d("2021-02-01") }),
        ],
        [creditNote({ amount: 5000 })],
      ),
    );
    expect(balances.get("OVER")).toBe(-5000);
    expect(balances.get("OPEN")).toBe(25000);
    expect(unallocated).toBe(0);
  });
});
