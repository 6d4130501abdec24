// The worklist as the flat list of rows the virtualised view scrolls through: a heading per level
// (highest first), a row per customer, its invoices below it when expanded; then the customers whose
// invoices are all on hold.
import type { Plan, PlannedAction, PlannedInvoice } from "../../src/core/plan";
import type { ReminderLevel } from "../../src/core/reminderLevel";

export type WorklistRow =
  | { readonly kind: "level"; readonly level: ReminderLevel; readonly customers: number }
  | { readonly kind: "customer"; readonly action: PlannedAction }
  | { readonly kind: "invoices"; readonly key: string; readonly name: string; readonly invoices: readonly PlannedInvoice[] }
  | { readonly kind: "held"; readonly customers: number }
  | { readonly kind: "heldCustomer"; readonly key: string; readonly name: string; readonly invoices: readonly PlannedInvoice[] };

/** Customers with an open invoice on hold and nothing to send, by customer key. */
export function heldCustomers(plan: Plan): Map<string, { name: string; invoices: PlannedInvoice[] }> {
  const acting = new Set(plan.actions.map((a) => a.customerKey));
  const held = new Map<string, { name: string; invoices: PlannedInvoice[] }>();
  for (const p of plan.invoices) {
    if (p.hold === null || p.hold === "paid" || acting.has(p.customerKey)) continue;
    let entry = held.get(p.customerKey);
    if (entry === undefined) held.set(p.customerKey, (entry = { name: p.record.customer.name, invoices: [] }));
    entry.invoices.push(p);
  }
  return held;
}

/** The open invoices of a customer's account (the paid ones left out). */
export function openInvoices(invoices: readonly PlannedInvoice[]): PlannedInvoice[] {
  return invoices.filter((p) => p.hold !== "paid");
}

/**
 * @param plan - the plan (its actions sorted by level, highest first)
 * @param expanded - the customer keys whose invoices are shown
 */
export function worklistRows(plan: Plan, held: ReadonlyMap<string, { name: string; invoices: PlannedInvoice[] }>, expanded: ReadonlySet<string>): WorklistRow[] {
  const rows: WorklistRow[] = [];
  const byLevel = new Map<ReminderLevel, PlannedAction[]>();
  for (const action of plan.actions) {
    const list = byLevel.get(action.level);
    if (list === undefined) byLevel.set(action.level, [action]);
    else list.push(action);
  }
  for (const level of [...byLevel.keys()].sort((a, b) => b - a)) {
    const actions = byLevel.get(level)!;
    rows.push({ kind: "level", level, customers: actions.length });
    for (const action of actions) {
      rows.push({ kind: "customer", action });
      if (expanded.has(action.customerKey)) rows.push({ kind: "invoices", key: action.customerKey, name: action.customer.name, invoices: openInvoices(action.account.invoices) });
    }
  }
  if (held.size > 0) {
    rows.push({ kind: "held", customers: held.size });
    for (const [key, { name, invoices }] of held) {
      rows.push({ kind: "heldCustomer", key, name, invoices });
      if (expanded.has(key)) rows.push({ kind: "invoices", key, name, invoices });
    }
  }
  return rows;
}
