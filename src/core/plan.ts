import { customerBalances } from "./balances";
import { rateRuleFor, splitsByHalfYear } from "./customerType";
import { customerNameKey, groupCustomers, type Customer } from "./customers";
import type { Day } from "./day";
import { daysOverdue } from "./daysOverdue";
import { isEmailAddress } from "./emailAddress";
import type { InvoiceHistory, JournalEntry } from "./journalEntry";
import { invoiceKey } from "./invoiceKey";
import { CONSUMER_RULE, lateInterest } from "./lateInterest";
import type { Cents } from "./money";
import { nextLevel, PAID_BELOW, type Hold } from "./nextLevel";
import { prescriptionWarnings } from "./prescription";
import { isProblem } from "./problem";
import type { RatesTable } from "./rates";
import { reminderLevelLabel, reminderStage, type ReminderLevel, type ReminderStage } from "./reminderLevel";
import type { Channel, ReminderPolicy } from "./reminderPolicy";
import { recoveryFee } from "./recoveryFee";
import type { CreditNoteRecord, CustomerDetails, InvoiceRecord, RejectedRow } from "./trackingRecord";
import type { SheetsReport } from "./trackingSheets";

/** What a run starts from: the rows read from the tracking sheet and the journal's histories. */
export interface PlanSource {
  readonly invoices: readonly InvoiceRecord[];
  readonly creditNotes: readonly CreditNoteRecord[];
  readonly rejected: readonly RejectedRow[];
  readonly rows: number;
  readonly skipped: number;
  readonly warnings: readonly string[];
  /** By invoice number key (invoiceKey). */
  readonly histories: ReadonlyMap<string, InvoiceHistory>;
}

export interface PlanOptions {
  readonly asOf: Day;
  readonly policy: ReminderPolicy;
  readonly rates: RatesTable;
  readonly splitByHalfYear: boolean;
  /** Levels a user forces for some customers, by customer name (any spelling of it). */
  readonly forcedLevels?: ReadonlyMap<string, ReminderLevel> | undefined;
}

/** One invoice and what the policy decides for it on the reference date. */
export interface PlannedInvoice {
  readonly record: InvoiceRecord;
  readonly customerKey: string;
  readonly balance: Cents;
  readonly daysOverdue: number;
  readonly history: InvoiceHistory | undefined;
  readonly nextLevel: ReminderLevel | null;
  readonly hold: Hold | null;
  readonly brokenPromise: boolean;
  /** « Paiement annoncé non reçu »: a « déjà payé » not matched within the matching delay. */
  readonly paymentNotReceived: boolean;
  /**
   * Late interest on the balance to the reference date: from the due date for businesses and public
   * buyers, from the formal notice for a particulier (0 before it); null when a rate is unknown.
   */
  readonly penalties: Cents | null;
  readonly recoveryFee: Cents;
}

/** One document for one customer: the highest level due among its invoices. */
export interface PlannedAction {
  readonly customerKey: string;
  readonly customer: CustomerDetails;
  readonly level: ReminderLevel;
  readonly stage: ReminderStage;
  readonly channel: Channel;
  /** Every invoice the document lists, each with its own status. */
  readonly invoices: readonly PlannedInvoice[];
  /** The invoices whose next level was due (or forced): one journal line each, at its own level. */
  readonly due: readonly { readonly invoice: PlannedInvoice; readonly level: ReminderLevel }[];
  /**
   * The invoices of the demand, on which balance, penalties and recovery fee are computed: for a
   * formal notice or an injunction, those that reached that level themselves (or were forced);
   * below, every invoice listed (SPEC section 5).
   */
  readonly claimed: readonly PlannedInvoice[];
  readonly balance: Cents;
  readonly penalties: Cents | null;
  readonly recoveryFee: Cents;
  readonly forced: boolean;
  /** The customer's whole account, for its statement: every open item, due or not (SPEC section 5). */
  readonly account: CustomerAccount;
}

/** Every invoice of a customer as planned (paid or not) and its credit notes, with what no invoice absorbed. */
export interface CustomerAccount {
  readonly invoices: readonly PlannedInvoice[];
  readonly creditNotes: readonly CreditNoteRecord[];
  readonly unallocated: Cents;
}

export interface Plan {
  readonly asOf: Day;
  readonly invoices: readonly PlannedInvoice[];
  readonly actions: readonly PlannedAction[];
  readonly rejected: readonly RejectedRow[];
  readonly warnings: readonly string[];
  readonly counts: { readonly rows: number; readonly invoices: number; readonly creditNotes: number; readonly skipped: number; readonly rejected: number };
  /** The sheets read and those left out, with why (set by the workbook adapters). */
  readonly sheets?: SheetsReport | undefined;
}

/**
 * Decides what is due on the reference date: each invoice's next level, then one document per
 * customer at the highest level due among its invoices (SPEC section 5).
 */
export function planRun(source: PlanSource, options: PlanOptions): Plan {
  const warnings = [...source.warnings];
  const { customers, warnings: customerWarnings } = groupCustomers(source.invoices, source.creditNotes);
  warnings.push(...customerWarnings);
  const forced = new Map<string, ReminderLevel>();
  // Same key as the grouping, so that a forced level finds its customer however it is spelled.
  for (const [name, level] of options.forcedLevels ?? []) forced.set(customerNameKey(name), level);

  const unknownRates = new Set<string>();
  const invoices: PlannedInvoice[] = [];
  const actions: PlannedAction[] = [];
  for (const customer of customers) {
    const keys = customer.invoices.map((record) => invoiceKey(record.number));
    const { balances, unallocated } = customerBalances(customer, keys);
    if (unallocated >= PAID_BELOW) {
      warnings.push(`«${customer.name}» : avoirs non imputés de ${(unallocated / 100).toFixed(2).replace(".", ",")} € (plus que les factures ouvertes) / unallocated credit notes`);
    }
    const planned = customer.invoices.map((record, i) =>
      planInvoice(record, customer, balances.get(keys[i]!)!, source.histories.get(keys[i]!), options, unknownRates),
    );
    for (const p of planned) invoices.push(p);
    const action = customerAction(customer, planned, options, forced.get(customer.key), { invoices: planned, creditNotes: customer.creditNotes, unallocated });
    if (action) actions.push(action);
    if (action && action.channel !== options.policy.channels[action.level]) {
      warnings.push(
        `«${customer.name}» : pas d'adresse e-mail valide («${action.customer.email ?? ""}») ; la ${reminderLevelLabel(action.level).toLowerCase()} part par courrier / no valid e-mail address: sent as a letter`,
      );
    }
  }
  for (const message of unknownRates) warnings.push(`Pénalités non calculées : ${message}`);

  const bySheetAndRow = inSheetOrder(invoices);
  warnings.push(...prescriptionWarnings(bySheetAndRow, customers, options.asOf));
  // One collator for the whole sort: localeCompare(…, "fr") builds one per comparison.
  actions.sort((a, b) => b.level - a.level || FRENCH.compare(a.customer.name, b.customer.name));
  return {
    asOf: options.asOf,
    invoices: bySheetAndRow,
    actions,
    rejected: source.rejected,
    warnings,
    counts: {
      rows: source.rows,
      invoices: source.invoices.length,
      creditNotes: source.creditNotes.length,
      skipped: source.skipped,
      rejected: source.rejected.length,
    },
  };
}

const FRENCH = new Intl.Collator("fr");

/**
 * The invoices by sheet name, then row: one numeric key each (sheet rank, row, position) sorted as
 * a typed array, for 100,000 invoices make about 1.7 million comparisons.
 */
function inSheetOrder(invoices: readonly PlannedInvoice[]): PlannedInvoice[] {
  const sheets = [...new Set(invoices.map((p) => p.record.sheet))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(sheets.map((sheet, i) => [sheet, i]));
  if (invoices.length >= ROW_SPAN || sheets.length >= 2 ** 11) {
    return [...invoices].sort((a, b) => rank.get(a.record.sheet)! - rank.get(b.record.sheet)! || a.record.row - b.record.row);
  }
  const keys = new Float64Array(invoices.length);
  // Rows < 2^21 (Excel has 2^20) and positions < 2^21 leave 2^11 sheets within a double's 2^53.
  for (let i = 0; i < invoices.length; i++) {
    const { sheet, row } = invoices[i]!.record;
    keys[i] = (rank.get(sheet)! * ROW_SPAN + row) * ROW_SPAN + i;
  }
  keys.sort();
  const sorted = new Array<PlannedInvoice>(invoices.length);
  for (let i = 0; i < keys.length; i++) sorted[i] = invoices[keys[i]! % ROW_SPAN]!;
  return sorted;
}

const ROW_SPAN = 2 ** 21;

function planInvoice(
  record: InvoiceRecord,
  customer: Customer,
  balance: Cents,
  history: InvoiceHistory | undefined,
  options: PlanOptions,
  unknownRates: Set<string>,
): PlannedInvoice {
  const type = customer.details.customerType;
  const decision = nextLevel(
    {
      dueDate: record.dueDate,
      balance,
      customerType: type,
      acceptanceDate: record.acceptanceDate,
      lastLevel: history?.lastLevel,
      lastLevelDate: history?.lastLevelDate,
      dispute: record.dispute || history?.dispute === true,
      promiseDate: latest(record.promiseDate, history?.promiseDate),
      announcedPayment: history?.announcedPayment,
    },
    options.asOf,
    options.policy,
  );
  const late = daysOverdue(record.dueDate, options.asOf);
  let penalties: Cents | null = 0;
  // Businesses and public buyers owe interest from the due date (DOMAIN section 2); a consumer owes
  // the taux de l'intérêt légal only from the mise en demeure (section 3), dated by the journal.
  const businessRule = rateRuleFor(type, options.policy.publicBuyerMargin);
  const rule = businessRule ?? CONSUMER_RULE;
  const from = businessRule !== undefined ? record.dueDate : history?.levelDates[3];
  if (from !== undefined && late > 0 && options.asOf > from && balance >= PAID_BELOW) {
    const split = splitsByHalfYear(type, options.splitByHalfYear);
    const interest = lateInterest({ amount: balance, from, to: options.asOf, rule, splitByHalfYear: split }, options.rates);
    if (isProblem(interest)) {
      unknownRates.add(interest.message);
      penalties = null;
    } else penalties = interest.amount;
  }
  return {
    record,
    customerKey: customer.key,
    balance,
    daysOverdue: late,
    history,
    nextLevel: decision.level,
    hold: decision.hold,
    brokenPromise: decision.brokenPromise,
    paymentNotReceived: decision.paymentNotReceived,
    penalties,
    recoveryFee: late > 0 && balance >= PAID_BELOW ? recoveryFee(type) : 0,
  };
}

function latest(a: Day | undefined, b: Day | undefined): Day | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

function customerAction(
  customer: Customer,
  planned: readonly PlannedInvoice[],
  options: PlanOptions,
  forcedLevel: ReminderLevel | undefined,
  account: CustomerAccount,
): PlannedAction | undefined {
  const open = planned.filter((p) => p.hold === null && p.balance >= PAID_BELOW);
  const overdue = open.filter((p) => p.daysOverdue > 0);
  let level: ReminderLevel;
  let due: { invoice: PlannedInvoice; level: ReminderLevel }[];
  if (forcedLevel !== undefined) {
    level = forcedLevel;
    const targets = forcedLevel === 0 ? open : overdue;
    due = targets.map((invoice) => ({ invoice, level: forcedLevel }));
    if (due.length === 0) return undefined;
  } else {
    due = planned.filter((p) => p.nextLevel !== null).map((invoice) => ({ invoice, level: invoice.nextLevel! }));
    if (due.length === 0) return undefined;
    level = due.reduce<ReminderLevel>((max, d) => (d.level > max ? d.level : max), 0);
    // A courtesy that a reminder put off today (it lists no invoice not yet due) waits for another
    // day: a run again the same day adds no second document.
    if (level === 0 && planned.some((p) => p.history?.lastLevelDate === options.asOf && (p.history.lastLevel ?? 0) >= 1)) return undefined;
  }
  // A courtesy document lists the invoices whose courtesy is due; any other, every open overdue one
  // and never one not yet due. Only what it lists is journalled: a courtesy due beside a reminder waits.
  const listed = level === 0 ? due.map((d) => d.invoice) : overdue;
  const shown = new Set(listed);
  due = due.filter((d) => shown.has(d.invoice));
  const claimed = level >= 3 ? due.filter((d) => d.level === level).map((d) => d.invoice) : listed;
  const totals = actionTotals(claimed, level);
  return {
    customerKey: customer.key,
    customer: customer.details,
    level,
    stage: reminderStage(level),
    channel: channelFor(options.policy.channels[level], customer.details),
    invoices: listed,
    due,
    claimed,
    // Named, not spread: a spread copies through a slow path, once per customer.
    balance: totals.balance,
    penalties: totals.penalties,
    recoveryFee: totals.recoveryFee,
    forced: forcedLevel !== undefined,
    account,
  };
}

/**
 * The balance of some invoices of an action and, from reminder 1 on, their penalties (null when
 * one is unknown) and recovery fees; 0 for a courtesy reminder.
 * @example actionTotals(action.claimed, action.level) // { balance: 210000, penalties: 1234, recoveryFee: 4000 }
 */
export function actionTotals(
  invoices: readonly PlannedInvoice[],
  level: ReminderLevel,
): { readonly balance: Cents; readonly penalties: Cents | null; readonly recoveryFee: Cents } {
  let penalties: Cents | null = 0;
  let fees = 0;
  for (const invoice of invoices) {
    if (level < 1) break;
    if (invoice.penalties === null || penalties === null) penalties = null;
    else penalties += invoice.penalties;
    fees += invoice.recoveryFee;
  }
  return { balance: invoices.reduce((sum, invoice) => sum + invoice.balance, 0), penalties, recoveryFee: fees };
}

/**
 * The channel an action goes by: the policy's, except that an e-mail without a valid address goes
 * as a letter, so that the plan a user reviews is what the run does.
 */
function channelFor(policy: Channel, customer: CustomerDetails): Channel {
  return policy === "email" && !isEmailAddress(customer.email?.trim() ?? "") ? "courrier" : policy;
}

/** What a run did for one customer's action: the document written and the channel it went by. */
export interface ActionDocument {
  readonly reference?: string | undefined;
  readonly channel?: Channel | undefined;
}

/**
 * The journal lines a run adds: one per invoice whose level was due, at that invoice's level.
 * @param documentOf - the document each customer's action produced (the Référence column) and the
 *   channel it actually went by, when it differs from the policy's (a letter for want of an e-mail)
 */
export function plannedJournalEntries(plan: Plan, user?: string, documentOf?: (action: PlannedAction) => ActionDocument | undefined): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const action of plan.actions) {
    const document = documentOf?.(action);
    for (const { invoice, level } of action.due) {
      entries.push({
        date: plan.asOf,
        customer: invoice.record.customer.name,
        invoice: invoice.record.number,
        level,
        channel: document?.channel ?? action.channel,
        reference: document?.reference,
        user,
      });
    }
  }
  return entries;
}
