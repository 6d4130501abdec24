import { matchingEnd } from "./announcedPayment";
import type { Cents } from "./money";
import type { CustomerType } from "./customerType";
import { needsAcceptanceReport } from "./customerType";
import type { Day } from "./day";
import type { ReminderLevel } from "./reminderLevel";
import type { ReminderPolicy } from "./reminderPolicy";
import { DEFAULT_POLICY, byAgeThresholds } from "./reminderPolicy";

/** Why an invoice gets no reminder (the `hold` of `plan --json`). */
export type Hold = "paid" | "dispute" | "promise" | "payment_announced" | "awaiting_acceptance";

/** A balance under EUR 1 counts as paid (SPEC section 3). */
export const PAID_BELOW: Cents = 100;

/** What the policy needs to know of one invoice. */
export interface InvoiceReminderState {
  readonly dueDate: Day;
  readonly balance: Cents;
  readonly customerType: CustomerType;
  /** Date of the acceptance report (PV de réception), for the types that wait for it. */
  readonly acceptanceDate?: Day | undefined;
  readonly lastLevel?: ReminderLevel | undefined;
  readonly lastLevelDate?: Day | undefined;
  readonly dispute?: boolean | undefined;
  readonly promiseDate?: Day | undefined;
  /** The payment date a « déjà payé » announced, held until matched or the matching delay is over. */
  readonly announcedPayment?: Day | undefined;
}

export interface NextLevelDecision {
  /** The level due on the reference date, or null when none is. */
  readonly level: ReminderLevel | null;
  readonly hold: Hold | null;
  /** A promised payment date has passed unpaid. */
  readonly brokenPromise: boolean;
  /** An announced payment (« déjà payé ») was not matched within the matching delay. */
  readonly paymentNotReceived: boolean;
  /** Days late counted from the clock start (due date, or the later PV date), 0 when not late. */
  readonly daysLate: number;
}

/**
 * The next reminder level of one invoice on the reference date, by the policy of SPEC section 5.
 * @param state what is known of the invoice and of its last reminder
 * @param today the reference date
 * @param policy the workbook's policy (defaults to SPEC section 5)
 * @example nextLevel({ dueDate: d("2021-04-30"), balance: 210000, customerType: "professionnel",
 *   lastLevel: 1, lastLevelDate: d("2021-05-05") }, d("2021-06-15")).level // 2
 */
/** The decision as one object; no closure per call, since the plan decides for every invoice. */
function decision(level: ReminderLevel | null, hold: Hold | null, brokenPromise: boolean, daysLate: number, paymentNotReceived = false): NextLevelDecision {
  return { level, hold, brokenPromise, paymentNotReceived, daysLate };
}

export function nextLevel(state: InvoiceReminderState, today: Day, policy: ReminderPolicy = DEFAULT_POLICY): NextLevelDecision {
  const promise = state.promiseDate;
  const brokenPromise = promise !== undefined && promise < today && state.balance >= PAID_BELOW;

  if (state.balance < PAID_BELOW) return decision(null, "paid", brokenPromise, 0);
  const announced = state.announcedPayment;
  const notReceived = announced !== undefined && matchingEnd(announced, policy.paymentMatchingDays) < today;
  if (state.dispute) return decision(null, "dispute", brokenPromise, 0, notReceived);
  if (promise !== undefined && promise >= today) return decision(null, "promise", brokenPromise, 0, notReceived);
  if (announced !== undefined && !notReceived) return decision(null, "payment_announced", brokenPromise, 0);
  const next = levelDue(state, today, policy, brokenPromise);
  // Named, not spread: the custom functions' runtime is ES2016 (no object spread).
  return notReceived ? decision(next.level, next.hold, next.brokenPromise, next.daysLate, true) : next;
}

/** The level due once no hold applies. */
function levelDue(state: InvoiceReminderState, today: Day, policy: ReminderPolicy, brokenPromise: boolean): NextLevelDecision {
  let clockStart = state.dueDate;
  if (policy.waitForAcceptanceReport && needsAcceptanceReport(state.customerType)) {
    if (state.acceptanceDate === undefined) return decision(null, "awaiting_acceptance", brokenPromise, 0);
    clockStart = Math.max(clockStart, state.acceptanceDate);
  }
  const daysLate = Math.max(0, today - clockStart);

  const last = state.lastLevel;
  const grace = policy.graceDays[state.customerType];
  if (last === undefined) {
    const daysBefore = state.dueDate - today;
    if (daysBefore >= policy.courtesyDaysBeforeMin && daysBefore <= policy.courtesyDaysBeforeMax) return decision(0, null, brokenPromise, daysLate);
  }
  if (daysLate < grace || daysLate === 0) return decision(null, null, brokenPromise, daysLate);

  if (policy.escalation === "byAge") {
    const thresholds = byAgeThresholds(policy, state.customerType);
    let reached: ReminderLevel = 1;
    for (let level = 2; level <= 4; level++) if (daysLate >= thresholds[level - 1]!) reached = level as ReminderLevel;
    return decision(last === undefined || reached > last ? reached : null, null, brokenPromise, daysLate);
  }

  // Sequential: one level at a time, each after its delay since the previous one.
  const since = state.lastLevelDate === undefined ? Infinity : today - state.lastLevelDate;
  switch (last) {
    case undefined:
    case 0:
      return decision(1, null, brokenPromise, daysLate);
    case 1:
      return decision(since >= policy.reminder2AfterDays ? 2 : null, null, brokenPromise, daysLate);
    case 2:
      return decision(
        since >= policy.formalNoticeAfterDays && daysLate >= policy.formalNoticeMinDaysLate ? 3 : null,
        null,
        brokenPromise,
        daysLate,
      );
    case 3:
      return decision(since >= policy.injunctionAfterDays ? 4 : null, null, brokenPromise, daysLate);
    default:
      return decision(null, null, brokenPromise, daysLate);
  }
}
