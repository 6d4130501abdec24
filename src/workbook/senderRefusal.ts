// `run`'s refusal when the sender is incomplete (SPEC section 5): no document and no journal line,
// only the copy of the workbook with its settings sheet ready to fill.
import type { Plan } from "../core/plan";
import { missingSenderSettings, type MissingSetting } from "../core/senderCheck";
import type { Settings } from "../core/settings";

/** The run refused: what is missing, and the copy whose settings sheet the user is to fill. */
export class SenderIncompleteError extends Error {
  constructor(
    readonly missing: readonly MissingSetting[],
    /** The copy written, to open, fill and run on. */
    readonly copyFile: string,
  ) {
    super(`Expéditeur incomplet : ${missing.map((m) => m.key).join(", ")} / sender incomplete`);
    this.name = "SenderIncompleteError";
  }
}

/**
 * Refuses a run whose documents would lack a setting: writes the copy (through writeCopy, which is
 * given what to write into its product sheets: the settings to fill) and throws. Does nothing
 * when the sender is complete.
 *
 * @param writeCopy - writes the run's copy with the settings sheet ready to fill for the keys
 *   `required`; gives back the copy's path
 * @throws SenderIncompleteError naming each missing setting and the copy
 */
export async function refuseIncompleteSender(
  plan: Plan,
  settings: Settings,
  writeCopy: (fill: { readonly settings: Settings; readonly required: readonly string[] }) => Promise<string>,
): Promise<void> {
  const missing = missingSenderSettings(settings, plan.actions);
  if (missing.length === 0) return;
  const copyFile = await writeCopy({ settings, required: missing.map((m) => m.key) });
  throw new SenderIncompleteError(missing, copyFile);
}
