import type { Cents } from "./money";
import type { Customer } from "./customers";
import { invoiceKey } from "./invoiceKey";
import type { InvoiceRecord } from "./trackingRecord";

/**
 * The balance of each invoice of a customer: amount - paid - credit notes on that invoice. Credit
 * notes that name no invoice of the account (or exceed it) go to its oldest open invoices.
 * @returns balances in cents by invoice number key, and what could not be allocated
 */
export function customerBalances(customer: Customer): { balances: Map<string, Cents>; unallocated: Cents } {
  const balances = new Map<string, Cents>();
  for (const invoice of customer.invoices) {
    balances.set(invoiceKey(invoice.number), invoice.amount - invoice.paid);
  }
  let pool = 0;
  for (const note of customer.creditNotes) {
    const target = note.creditedInvoice === undefined ? undefined : invoiceKey(note.creditedInvoice);
    const open = target === undefined ? undefined : balances.get(target);
    if (target === undefined || open === undefined) {
      pool += note.amount;
      continue;
    }
    const applied = Math.min(note.amount, Math.max(0, open));
    balances.set(target, open - applied);
    pool += note.amount - applied;
  }
  if (pool > 0) {
    const oldestFirst = [...customer.invoices].sort(byAge);
    for (const invoice of oldestFirst) {
      if (pool <= 0) break;
      const key = invoiceKey(invoice.number);
      const open = balances.get(key)!;
      if (open <= 0) continue;
      const applied = Math.min(pool, open);
      balances.set(key, open - applied);
      pool -= applied;
    }
  }
  return { balances, unallocated: pool };
}

function byAge(a: InvoiceRecord, b: InvoiceRecord): number {
  return a.invoiceDate - b.invoiceDate || a.dueDate - b.dueDate || a.row - b.row;
}
