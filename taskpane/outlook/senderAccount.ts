// Read mode's view model: the sender's customer, found in the plan by e-mail address, else by the
// address's domain (several candidates when that is ambiguous), and that customer's account as
// the engine sees it on the reference date: open invoices with balances, statuses, levels and
// penalties to date, the journal's last actions on them, the next step due.
import { dayToIso, type Day } from "../../src/core/day";
import { invoiceKey } from "../../src/core/invoiceKey";
import type { JournalEntry } from "../../src/core/journalEntry";
import type { Cents } from "../../src/core/money";
import type { Hold } from "../../src/core/nextLevel";
import type { Plan, PlannedInvoice } from "../../src/core/plan";
import type { ReminderLevel } from "../../src/core/reminderLevel";

export interface CustomerCandidate {
  readonly key: string;
  readonly name: string;
  readonly email?: string | undefined;
}

export interface SenderMatch {
  /** How the candidates were found: the address itself, its domain, or not at all. */
  readonly by: "address" | "domain" | "none";
  /** One when the match is clear; several for the user to choose from. */
  readonly candidates: readonly CustomerCandidate[];
}

// A domain shared by the public: a customer is never found by it.
const PUBLIC_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "hotmail.com", "hotmail.fr", "outlook.com", "outlook.fr", "live.com", "live.fr", "yahoo.com", "yahoo.fr",
  "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net", "icloud.com", "me.com", "gmx.fr", "gmx.com", "aol.com", "protonmail.com", "proton.me",
]);

/** The addresses of a cell that may list several (« a@x.fr; b@x.fr »), lower case. */
function addressesOf(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(/[;,\s]+/)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a.includes("@"));
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

/**
 * The customers the sender may be.
 * @example
 * findSender(plan, "compta@tilleuls.fr") // { by: "address", candidates: [{ key, name: "SCI Les Tilleuls", ... }] }
 */
export function findSender(plan: Plan, sender: string): SenderMatch {
  const address = sender.trim().toLowerCase();
  const customers = new Map<string, CustomerCandidate & { addresses: string[] }>();
  for (const p of plan.invoices) {
    const existing = customers.get(p.customerKey);
    const addresses = addressesOf(p.record.customer.email);
    if (existing === undefined) customers.set(p.customerKey, { key: p.customerKey, name: p.record.customer.name, email: p.record.customer.email, addresses });
    else for (const a of addresses) if (!existing.addresses.includes(a)) existing.addresses.push(a);
  }
  const strip = ({ key, name, email }: CustomerCandidate): CustomerCandidate => ({ key, name, email });
  if (!address.includes("@")) return { by: "none", candidates: [] };
  const byAddress = [...customers.values()].filter((c) => c.addresses.includes(address));
  if (byAddress.length > 0) return { by: "address", candidates: byAddress.map(strip) };
  const domain = domainOf(address);
  if (PUBLIC_DOMAINS.has(domain)) return { by: "none", candidates: [] };
  const byDomain = [...customers.values()].filter((c) => c.addresses.some((a) => domainOf(a) === domain));
  return byDomain.length > 0 ? { by: "domain", candidates: byDomain.map(strip) } : { by: "none", candidates: [] };
}

export type InvoiceStatus = "overdue" | "notDue" | Exclude<Hold, "paid">;

export interface AccountInvoice {
  readonly number: string;
  /** The customer as the tracking sheet names it, for the journal's lines. */
  readonly customer: string;
  readonly dueDate: string;
  readonly balance: Cents;
  readonly daysOverdue: number;
  readonly status: InvoiceStatus;
  /** The last level sent, from the journal (undefined: none yet). */
  readonly level?: ReminderLevel | undefined;
  /** The level due now, when one is. */
  readonly nextLevel: ReminderLevel | null;
  readonly promiseDate?: string | undefined;
  readonly penalties: Cents | null;
}

export type NextStep =
  | { readonly kind: "reminder"; readonly level: ReminderLevel; readonly invoices: readonly string[] }
  | { readonly kind: "held"; /** The latest day a hold ends, when it ends by itself. */ readonly until?: Day | undefined }
  | { readonly kind: "none" };

export interface AccountView {
  readonly key: string;
  readonly name: string;
  readonly language: "fr" | "en";
  readonly invoices: readonly AccountInvoice[];
  readonly balance: Cents;
  /** Null when a rate is unknown for one of the invoices. */
  readonly penalties: Cents | null;
  /** The journal's last lines on the account's invoices, latest first. */
  readonly lastActions: readonly JournalEntry[];
  readonly nextStep: NextStep;
}

function statusOf(p: PlannedInvoice): InvoiceStatus {
  if (p.hold !== null && p.hold !== "paid") return p.hold;
  return p.daysOverdue > 0 ? "overdue" : "notDue";
}

/**
 * The account of a customer of the plan, or undefined when it has no open invoice.
 *
 * @param journal - the journal's entries as read (for the last actions)
 * @param recent - how many of the last actions to keep
 */
export function accountView(plan: Plan, journal: readonly JournalEntry[], customerKey: string, recent = 5): AccountView | undefined {
  const open = plan.invoices.filter((p) => p.customerKey === customerKey && p.hold !== "paid");
  const first = open[0];
  if (first === undefined) return undefined;
  const invoices = open.map(
    (p): AccountInvoice => ({
      number: p.record.number,
      customer: p.record.customer.name,
      dueDate: dayToIso(p.record.dueDate),
      balance: p.balance,
      daysOverdue: p.daysOverdue,
      status: statusOf(p),
      level: p.history?.lastLevel,
      nextLevel: p.nextLevel,
      promiseDate: p.history?.promiseDate === undefined ? undefined : dayToIso(p.history.promiseDate),
      penalties: p.penalties,
    }),
  );
  const keys = new Set(open.map((p) => invoiceKey(p.record.number)));
  const lastActions = journal
    .filter((e) => keys.has(invoiceKey(e.invoice)))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.date - a.e.date || b.i - a.i)
    .slice(0, recent)
    .map(({ e }) => e);
  const action = plan.actions.find((a) => a.customerKey === customerKey);
  let nextStep: NextStep;
  if (action !== undefined) nextStep = { kind: "reminder", level: action.level, invoices: action.due.map((d) => d.invoice.record.number) };
  else if (open.some((p) => p.hold !== null)) {
    const ends = open.filter((p) => p.hold === "promise" && p.history?.promiseDate !== undefined).map((p) => p.history!.promiseDate!);
    const endless = open.some((p) => p.hold === "dispute" || p.hold === "payment_announced");
    nextStep = { kind: "held", until: ends.length > 0 && !endless ? Math.max(...ends) : undefined };
  } else nextStep = { kind: "none" };
  const penalties = open.some((p) => p.penalties === null) ? null : open.reduce((sum, p) => sum + (p.penalties ?? 0), 0);
  return {
    key: customerKey,
    name: first.record.customer.name,
    language: first.record.customer.language,
    invoices,
    balance: open.reduce((sum, p) => sum + p.balance, 0),
    penalties,
    lastActions,
    nextStep,
  };
}
