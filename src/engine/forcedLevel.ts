// What a level forced from the pane means (SPEC section 5: « a user can force a level for selected
// customers »), within DOMAIN.md section 4's escalation. Decided here:
// - A forced level is sent now, whatever the policy's delays, to the customer's open overdue
//   invoices (every open invoice for a courtesy reminder); holds still hold: a disputed, promised or
//   paid invoice is never reminded, forced or not (the core's planRun does this part).
// - Relance 1 and 2 may be skipped: sending them first is practice (DOMAIN section 4: "industry
//   practice, not law"), and the mise en demeure prints the dates of those that were sent.
// - The mise en demeure may not be skipped before the injonction: the court file lists it among its
//   documents with its date of sending and its avis de réception (DOMAIN section 4), and the debtor
//   must have had the deadline it gave. So a forced injonction claims only the invoices whose
//   mise en demeure is at least the policy's injunction delay old (8 days by default); an undated
//   one, taken over from the manual workflow's sheets, counts as old enough, as everywhere else.
//   The others are listed as « Autres factures échues », outside the claim, and not journalled.
import { actionTotals, type PlannedAction, type PlannedInvoice } from "../core/plan";
import type { Day } from "../core/day";
import { REMINDER_LEVELS, type ReminderLevel } from "../core/reminderLevel";
import type { ReminderPolicy } from "../core/reminderPolicy";

/** A forced action as it may go, and the invoices it could not claim (an injonction without its mise en demeure). */
export interface ForcedAction {
  /** Undefined when no invoice may be claimed at the forced level. */
  readonly action?: PlannedAction | undefined;
  readonly refused: readonly PlannedInvoice[];
}

/**
 * A level as the pane hands it over (a number from a JSON or a list box), if it is one.
 * @example forcedLevelOf(3) // 3
 * @example forcedLevelOf(7) // undefined
 */
export function forcedLevelOf(value: unknown): ReminderLevel | undefined {
  return REMINDER_LEVELS.find((level) => level === value);
}

/**
 * Whether an invoice's mise en demeure allows the injonction on the reference date.
 * @example mayFileInjunction(invoice, asOf, DEFAULT_POLICY) // true when its mise en demeure is 8 days old
 */
export function mayFileInjunction(invoice: PlannedInvoice, asOf: Day, policy: ReminderPolicy): boolean {
  const history = invoice.history;
  if (history === undefined) return false;
  const sent = history.levelDates[3];
  if (sent !== undefined) return asOf - sent >= policy.injunctionAfterDays;
  // A level taken over undated has no date in levelDates; it counts as reached long enough ago.
  return (history.lastLevel ?? -1) >= 3 && history.lastLevelDate === undefined;
}

/**
 * A forced action of the plan held to the escalation's rules (see above); any other action as it is.
 *
 * @param action - an action of the plan
 * @param asOf - the plan's date
 * @param policy - the workbook's policy (the injunction delay)
 * @returns the action as it may go, and the invoices refused
 */
export function forcedAction(action: PlannedAction, asOf: Day, policy: ReminderPolicy): ForcedAction {
  if (!action.forced || action.level !== 4) return { action, refused: [] };
  const allowed = new Set(action.due.filter((d) => mayFileInjunction(d.invoice, asOf, policy)).map((d) => d.invoice));
  const refused = action.due.map((d) => d.invoice).filter((invoice) => !allowed.has(invoice));
  if (allowed.size === 0) return { refused };
  if (refused.length === 0) return { action, refused };
  const claimed = action.claimed.filter((invoice) => allowed.has(invoice));
  const totals = actionTotals(claimed, action.level);
  return {
    action: {
      ...action,
      due: action.due.filter((d) => allowed.has(d.invoice)),
      claimed,
      balance: totals.balance,
      penalties: totals.penalties,
      recoveryFee: totals.recoveryFee,
    },
    refused,
  };
}
