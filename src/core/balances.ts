import type { Cents } from "./money";
import type { Customer } from "./customers";
import { invoiceKey } from "./invoiceKey";
import type { InvoiceRecord } from "./trackingRecord";

/**
 * The balance of each invoice of a customer: amount - paid - credit notes on that invoice. Credit
 * notes that name no invoice of the account (or exceed it) go to its oldest open invoices.
 * @param customer - the account
 * @param keys - the invoices' number keys (invoiceKey), in the order of customer.invoices, when the
 *   caller has them already
 * @returns balances in cents by invoice number key, and what could not be allocated
 */
export function customerBalances(
  customer: Customer,
  keys: readonly string[] = customer.invoices.map((invoice) => invoiceKey(invoice.number)),
): { balances: Map<string, Cents>; unallocated: Cents } {
  const balances = new Map<string, Cents>();
  const invoices = customer.invoices;
  for (let i = 0; i < invoices.length; i++) balances.set(keys[i]!, invoices[i]!.amount - invoices[i]!.paid);
  if (customer.creditNotes.length === 0) return { balances, unallocated: 0 };
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
    const oldestFirst = invoices.map((_, i) => i).sort((a, b) => byAge(invoices[a]!, invoices[b]!));
    for (const i of oldestFirst) {
      if (pool <= 0) break;
      const key = keys[i]!;
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
