// The customers a user ticked in the pane's worklist, and the levels forced for some of them, as
// the plan's JSON names them (actions[].customer): matched to the plan's customers however spelled.
import { customerNameKey, groupCustomers, type Customer } from "../core/customers";
import type { ReminderLevel } from "../core/reminderLevel";
import type { CreditNoteRecord, InvoiceRecord } from "../core/trackingRecord";
import { forcedLevelOf } from "./forcedLevel";
import { invalidForcedLevelReason } from "./leftOutReasons";
import type { LeftOut } from "./actionSummary";

export interface PaneSelection {
  /** The customers ticked, as `plan --json` names them (actions[].customer or invoices[].customer). */
  readonly customers: readonly string[];
  /** A level (0 to 4) forced for some of the ticked customers, by the same names. */
  readonly forcedLevels?: Readonly<Record<string, number>> | undefined;
}

/** A selection matched to the plan's customer keys. */
export interface ResolvedSelection {
  /** The name the pane gave, by customer key, in the pane's order. */
  readonly names: ReadonlyMap<string, string>;
  /** The valid forced levels, by the account's name (planWorkbook's forcedLevels). */
  readonly forced: ReadonlyMap<string, ReminderLevel>;
  /** The keys of the customers whose level is forced. */
  readonly forcedKeys: ReadonlySet<string>;
  /** The ticked customers whose forced level is none (they are not acted on). */
  readonly invalid: readonly LeftOut[];
}

/** Finds a customer's account by any name one of its rows gives it. */
export type CustomerLookup = (name: string) => Customer | undefined;

/**
 * The customer accounts as the plan groups them (names alike, or one VAT number), found by any
 * spelling of any of their names: the JSON names an invoice by its own row's name, an action by its
 * account's first one.
 * @example customerAccounts(source.tracking.invoices, source.tracking.creditNotes)("les tilleuls")?.name // "SCI Les Tilleuls"
 */
export function customerAccounts(invoices: readonly InvoiceRecord[], creditNotes: readonly CreditNoteRecord[]): CustomerLookup {
  const byName = new Map<string, Customer>();
  for (const customer of groupCustomers(invoices, creditNotes).customers) {
    byName.set(customer.key, customer);
    const names = new Set([...customer.invoices, ...customer.creditNotes].map((record) => record.customer.name));
    for (const name of names) {
      const key = customerNameKey(name);
      if (!byName.has(key)) byName.set(key, customer);
    }
  }
  return (name) => byName.get(customerNameKey(name));
}

/**
 * Matches a selection to customer keys; a forced level for a customer not ticked is ignored (the
 * pane acts on the ticked ones only), an invalid one leaves its customer out.
 *
 * @param selection - as the pane gives it
 * @param lookup - the workbook's accounts; a name it does not know keeps its own key (and is found nowhere)
 * @example
 * resolveSelection({ customers: ["SCI Les Tilleuls"], forcedLevels: { "SCI Les Tilleuls": 3 } }, lookup).forced // Map { "SCI Les Tilleuls" => 3 }
 */
export function resolveSelection(selection: PaneSelection, lookup: CustomerLookup): ResolvedSelection {
  const keyOf = (name: string): string => lookup(name)?.key ?? customerNameKey(name);
  const names = new Map<string, string>();
  for (const name of selection.customers) {
    const key = keyOf(name);
    if (!names.has(key)) names.set(key, name);
  }
  const forced = new Map<string, ReminderLevel>();
  const forcedKeys = new Set<string>();
  const invalid: LeftOut[] = [];
  for (const [name, value] of Object.entries(selection.forcedLevels ?? {})) {
    const key = keyOf(name);
    if (!names.has(key)) continue;
    const level = forcedLevelOf(value);
    if (level === undefined) {
      names.delete(key);
      invalid.push({ customer: name, reason: invalidForcedLevelReason(value) });
      continue;
    }
    // By the account's own name: the plan finds a forced level by that name's key.
    forced.set(lookup(name)?.name ?? name, level);
    forcedKeys.add(key);
  }
  return { names, forced, forcedKeys, invalid };
}
