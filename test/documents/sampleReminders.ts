// The reminders of the bundled sample on its reference date: real merge data for document tests.
import type { Plan, PlannedAction } from "../../src/core/plan";
import type { Settings } from "../../src/core/settings";
import { reminderData, type ReminderData } from "../../src/documents/reminderData";
import { planSample } from "../../src/sample/samplePlan";

export interface SampleReminders {
  readonly plan: Plan;
  readonly settings: Settings;
  readonly actions: readonly PlannedAction[];
  readonly data: readonly ReminderData[];
}

let cached: Promise<SampleReminders> | undefined;

export function sampleReminders(): Promise<SampleReminders> {
  return (cached ??= planSample().then(({ plan, settings }) => ({
    plan,
    settings,
    actions: plan.actions,
    data: plan.actions.map((a) => reminderData(a, plan, settings)),
  })));
}

/** A copy of some merge data with hostile values everywhere a customer's text goes. */
export function hostile(data: ReminderData, value: string): ReminderData {
  return {
    ...data,
    raison_sociale: value,
    contact: value,
    adresse: value,
    ville: value,
    factures: data.factures.map((f) => ({ ...f, numero: value })),
  };
}
