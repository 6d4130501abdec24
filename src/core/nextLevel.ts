import type { Cents } from "./money";
import type { CustomerType } from "./customerType";
import { needsAcceptanceReport } from "./customerType";
import type { Day } from "./day";
import type { ReminderLevel } from "./reminderLevel";
import type { ReminderPolicy } from "./reminderPolicy";
import { DEFAULT_POLICY, byAgeThresholds } from "./reminderPolicy";

/** Why an invoice gets no reminder (the `hold` of `plan --json`). */
export type Hold = "paid" | "dispute" | "promise" | "awaiting_acceptance";

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
}

export interface NextLevelDecision {
  /** The level due on the reference date, or null when none is. */
  readonly level: ReminderLevel | null;
  readonly hold: Hold | null;
  /** A promised payment date has passed unpaid. */
  readonly brokenPromise: boolean;
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
export function nextLevel(state: InvoiceReminderState, today: Day, policy: ReminderPolicy = DEFAULT_POLICY): NextLevelDecision {
  const promise = state.promiseDate;
  const brokenPromise = promise !== undefined && promise < today && state.balance >= PAID_BELOW;
  const held = (hold: Hold, daysLate = 0): NextLevelDecision => ({ level: null, hold, brokenPromise, daysLate });

  if (state.balance < PAID_BELOW) return held("paid");
  if (state.dispute) return held("dispute");
  if (promise !== undefined && promise >= today) return held("promise");

  let clockStart = state.dueDate;
  if (policy.waitForAcceptanceReport && needsAcceptanceReport(state.customerType)) {
    if (state.acceptanceDate === undefined) return held("awaiting_acceptance");
    clockStart = Math.max(clockStart, state.acceptanceDate);
  }
  const daysLate = Math.max(0, today - clockStart);
  const decide = (level: ReminderLevel | null): NextLevelDecision => ({ level, hold: null, brokenPromise, daysLate });

  const last = state.lastLevel;
  const grace = policy.graceDays[state.customerType];
  if (last === undefined) {
    const daysBefore = state.dueDate - today;
    if (daysBefore >= policy.courtesyDaysBeforeMin && daysBefore <= policy.courtesyDaysBeforeMax) return decide(0);
  }
  if (daysLate < grace || daysLate === 0) return decide(null);

  if (policy.escalation === "byAge") {
    const thresholds = byAgeThresholds(policy, state.customerType);
    let reached: ReminderLevel = 1;
    for (let level = 2; level <= 4; level++) if (daysLate >= thresholds[level - 1]!) reached = level as ReminderLevel;
    return decide(last === undefined || reached > last ? reached : null);
  }

  // Sequential: one level at a time, each after its delay since the previous one.
  const since = state.lastLevelDate === undefined ? Infinity : today - state.lastLevelDate;
  switch (last) {
    case undefined:
    case 0:
      return decide(1);
    case 1:
      return decide(since >= policy.reminder2AfterDays ? 2 : null);
    case 2:
      return decide(since >= policy.formalNoticeAfterDays && daysLate >= policy.formalNoticeMinDaysLate ? 3 : null);
    case 3:
      return decide(since >= policy.injunctionAfterDays ? 4 : null);
    default:
      return decide(null);
  }
}
