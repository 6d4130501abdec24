// The reminders of the bundled sample on its reference date: real merge data for document tests.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { dayFromIso } from "../../src/core/day";
import type { Plan, PlannedAction } from "../../src/core/plan";
import type { Settings } from "../../src/core/settings";
import { reminderData, type ReminderData } from "../../src/documents/reminderData";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { planWorkbook, readWorkbookSource } from "../../src/workbook/workbookSource";

export interface SampleReminders {
  readonly plan: Plan;
  readonly settings: Settings;
  readonly actions: readonly PlannedAction[];
  readonly data: readonly ReminderData[];
}

let cached: Promise<SampleReminders> | undefined;

export function sampleReminders(): Promise<SampleReminders> {
  return (cached ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "relances-docs-"));
    try {
      const file = path.join(dir, "sample.xlsx");
      await writeSampleWorkbook(file);
      const asOf = dayFromIso(SAMPLE_AS_OF)!;
      const source = await readWorkbookSource(file, { asOf });
      const plan = planWorkbook(source, asOf);
      return { plan, settings: source.settings, actions: plan.actions, data: plan.actions.map((a) => reminderData(a, plan, source.settings)) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })());
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
