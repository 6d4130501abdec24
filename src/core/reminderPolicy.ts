import type { CustomerType } from "./customerType";
import type { RateUnits } from "./rates";
import type { ReminderLevel } from "./reminderLevel";

/** How a reminder is sent (the journal's Canal column). */
export type Channel = "email" | "courrier" | "recommandé" | "téléphone" | "autre";

/**
 * Every number and word of the reminder policy (SPEC section 5). Data with defaults, stored in the
 * workbook so that co-authors and the command line decide alike.
 */
export interface ReminderPolicy {
  /** Days late (from the clock start) before the first reminder, per customer type. */
  readonly graceDays: Readonly<Record<CustomerType, number>>;
  /** A courtesy reminder is due from this many days before the due date... */
  readonly courtesyDaysBeforeMax: number;
  /** ...up to this many days before it. */
  readonly courtesyDaysBeforeMin: number;
  /** Days after reminder 1 before reminder 2. */
  readonly reminder2AfterDays: number;
  /** Days after reminder 2 before the formal notice. */
  readonly formalNoticeAfterDays: number;
  /** The formal notice also needs at least this many days late. */
  readonly formalNoticeMinDaysLate: number;
  /** Days after the formal notice before the injunction file (its deadline). */
  readonly injunctionAfterDays: number;
  /** Architects, developers and public bodies are reminded only after the acceptance report (PV). */
  readonly waitForAcceptanceReport: boolean;
  /** One level at a time, or straight to the highest level the days late have reached. */
  readonly escalation: "sequential" | "byAge";
  readonly channels: Readonly<Record<ReminderLevel, Channel>>;
  /**
   * Days after an announced payment date (« déjà payé ») that the invoice waits to be matched;
   * after them, unpaid, it is reminded again and flagged « paiement annoncé non reçu ».
   */
  readonly paymentMatchingDays: number;
  /** Points over the ECB rate of the intérêts moratoires a public buyer owes (CCP R2192-31: 8). */
  readonly publicBuyerMargin: RateUnits;
}

export const DEFAULT_POLICY: ReminderPolicy = Object.freeze({
  graceDays: Object.freeze({ particulier: 14, professionnel: 3, architecte: 3, promoteur: 3, collectivite: 3 }),
  courtesyDaysBeforeMax: 5,
  courtesyDaysBeforeMin: 1,
  reminder2AfterDays: 10,
  formalNoticeAfterDays: 10,
  formalNoticeMinDaysLate: 30,
  injunctionAfterDays: 8,
  paymentMatchingDays: 15,
  waitForAcceptanceReport: true,
  escalation: "sequential",
  channels: Object.freeze({ 0: "email", 1: "email", 2: "courrier", 3: "recommandé", 4: "autre" }),
  publicBuyerMargin: 80000,
} as const);

/**
 * Days late from which each level is due when escalating by age: the sequential delays laid end to
 * end, so that both modes agree for an invoice nobody answered.
 * @example byAgeThresholds(DEFAULT_POLICY, "professionnel") // [3, 13, 30, 38] for levels 1 to 4
 */
export function byAgeThresholds(policy: ReminderPolicy, type: CustomerType): readonly [number, number, number, number] {
  const first = policy.graceDays[type];
  const second = first + policy.reminder2AfterDays;
  const third = Math.max(policy.formalNoticeMinDaysLate, second + policy.formalNoticeAfterDays);
  return [first, second, third, third + policy.injunctionAfterDays];
}
