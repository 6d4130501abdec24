import { dayToIso } from "./day";
import { eurosFromCents } from "./money";
import type { Plan } from "./plan";

type PlannedInvoice = Plan["invoices"][number];
type PlannedAction = Plan["actions"][number];
type RejectedRow = Plan["rejected"][number];

/** One invoice of `plan --json`. */
export interface InvoiceJson {
  readonly sheet: string;
  readonly row: number;
  readonly customer: string;
  readonly number: string;
  readonly invoiceDate: string;
  readonly dueDate: string;
  readonly amount: number;
  readonly balance: number;
  readonly daysOverdue: number;
  readonly lastLevel: number | null;
  readonly lastLevelDate: string | null;
  readonly nextLevel: number | null;
  /** SPEC section 10's values: an announced payment is held as "promise" (a hold that ends by date), told apart by paymentAnnounced. */
  readonly hold: string | null;
  readonly brokenPromise: boolean;
  /** A « déjà payé » not matched within the matching delay (« paiement annoncé non reçu »). */
  readonly paymentNotReceived: boolean;
  /** Held because a « déjà payé » is being matched (hold "promise" in the JSON). */
  readonly paymentAnnounced: boolean;
}

/** One action (a customer's document) of `plan --json`. */
export interface ActionJson {
  readonly customer: string;
  readonly level: number;
  readonly stage: string;
  readonly channel: string;
  readonly invoices: readonly string[];
  readonly claimed: readonly string[];
  readonly balance: number;
  readonly penalties: number | null;
  readonly recoveryFee: number;
}

/** One rejected row of `plan --json`. */
export interface RejectedJson {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

/** The JSON of `relances plan --json` (SPEC section 10): ISO dates, euros as numbers, levels 0 to 4. */
export interface PlanJson {
  readonly asOf: string;
  /** The sheets read, in tab order, and those left out with why. */
  readonly sheets: { readonly read: readonly string[]; readonly leftOut: readonly { readonly sheet: string; readonly reason: string; readonly message: string }[] };
  readonly invoices: readonly InvoiceJson[];
  readonly actions: readonly ActionJson[];
  readonly rejected: readonly RejectedJson[];
  readonly warnings: readonly string[];
  readonly counts: { readonly rows: number; readonly invoices: number; readonly creditNotes: number; readonly skipped: number; readonly rejected: number };
}

/**
 * A hold as SPEC section 10 names them: an announced payment (« déjà payé ») is a hold that ends
 * by date, "promise", with paymentAnnounced beside it.
 */
export function jsonHold(hold: PlannedInvoice["hold"]): string | null {
  return hold === "payment_announced" ? "promise" : hold;
}

/**
 * The plan as `plan --json` prints it.
 * @example planToJson(plan).actions[0] // { customer: "SCI Les Tilleuls", level: 2, stage: "reminder2", ... }
 */
export function planToJson(plan: Plan): PlanJson {
  return {
    asOf: dayToIso(plan.asOf),
    sheets: {
      read: [...(plan.sheets?.read ?? [])],
      leftOut: (plan.sheets?.leftOut ?? []).map(({ sheet, reason, message }) => ({ sheet, reason, message })),
    },
    invoices: plan.invoices.map(invoiceJson),
    actions: plan.actions.map(actionJson),
    rejected: plan.rejected.map(rejectedJson),
    warnings: plan.warnings,
    counts: plan.counts,
  };
}

/** An invoice as `plan --json` prints it (also one at a time, when the JSON is streamed). */
export function invoiceJson(p: PlannedInvoice): InvoiceJson {
  return {
    sheet: p.record.sheet,
    row: p.record.row,
    customer: p.record.customer.name,
    number: p.record.number,
    invoiceDate: dayToIso(p.record.invoiceDate),
    dueDate: dayToIso(p.record.dueDate),
    amount: eurosFromCents(p.record.amount),
    balance: eurosFromCents(p.balance),
    daysOverdue: p.daysOverdue,
    lastLevel: p.history?.lastLevel ?? null,
    lastLevelDate: p.history?.lastLevelDate === undefined ? null : dayToIso(p.history.lastLevelDate),
    nextLevel: p.nextLevel,
    hold: jsonHold(p.hold),
    brokenPromise: p.brokenPromise,
    paymentNotReceived: p.paymentNotReceived,
    paymentAnnounced: p.hold === "payment_announced",
  };
}

/** An action as `plan --json` prints it. */
export function actionJson(a: PlannedAction): ActionJson {
  return {
    customer: a.customer.name,
    level: a.level,
    stage: a.stage,
    channel: a.channel,
    invoices: a.invoices.map((i) => i.record.number),
    claimed: a.claimed.map((i) => i.record.number),
    balance: eurosFromCents(a.balance),
    penalties: a.penalties === null ? null : eurosFromCents(a.penalties),
    recoveryFee: eurosFromCents(a.recoveryFee),
  };
}

/** A rejected row as `plan --json` prints it. */
export function rejectedJson({ sheet, row, column, value, message }: RejectedRow): RejectedJson {
  return { sheet, row, column, value, message };
}
