// Whether a run may go ahead (SPEC section 5): nothing goes out incomplete. When the plan's
// documents need a setting the sender lacks, the run refuses: no document, no journal line, only
// the copy of the workbook with its settings sheet ready to fill.
import type { Plan } from "../core/plan";
import { missingSenderSettings, type MissingSetting } from "../core/senderCheck";
import type { Settings } from "../core/settings";

export type RunDecision =
  | { readonly go: true }
  | {
      readonly go: false;
      /** Each setting missing, with the documents that need it. */
      readonly missing: readonly MissingSetting[];
    };

/**
 * The run's go-ahead, or its refusal naming what the sender lacks.
 * @example runDecision(plan, DEFAULT_SETTINGS) // { go: false, missing: [{ key: "societe_raison_sociale", … }, …] }
 */
export function runDecision(plan: Plan, settings: Settings): RunDecision {
  const missing = missingSenderSettings(settings, plan.actions);
  return missing.length === 0 ? { go: true } : { go: false, missing };
}
