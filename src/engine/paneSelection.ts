// The customers a user ticked in the pane's worklist, and the levels forced for some of them, as
// the plan's JSON names them (actions[].customer): matched to the plan's customers however spelled.
import { customerNameKey } from "../core/customers";
import type { ReminderLevel } from "../core/reminderLevel";
import { forcedLevelOf } from "./forcedLevel";
import { invalidForcedLevelReason } from "./leftOutReasons";
import type { LeftOut } from "./actionSummary";

export interface PaneSelection {
  /** The customers ticked, as `plan --json` names them (actions[].customer or invoices[].customer). */
  readonly customers: readonly string[];
  /** A level (0 to 4) forced for some of the ticked customers, by the same names. */
  readonly forcedLevels?: Readonly<Record<string, number>> | undefined;
}

/** A selection matched to the plan's customer keys. */
export interface ResolvedSelection {
  /** The name the pane gave, by customer key, in the pane's order. */
  readonly names: ReadonlyMap<string, string>;
  /** The valid forced levels, by the name given (planWorkbook's forcedLevels). */
  readonly forced: ReadonlyMap<string, ReminderLevel>;
  /** The keys of the customers whose level is forced. */
  readonly forcedKeys: ReadonlySet<string>;
  /** The ticked customers whose forced level is none (they are not acted on). */
  readonly invalid: readonly LeftOut[];
}

/**
 * Matches a selection to customer keys; a forced level for a customer not ticked is ignored (the
 * pane acts on the ticked ones only), an invalid one leaves its customer out.
 *
 * @example
 * resolveSelection({ customers: ["SCI Les Tilleuls"], forcedLevels: { "SCI Les Tilleuls": 3 } }).forced // Map { "SCI Les Tilleuls" => 3 }
 */
export function resolveSelection(selection: PaneSelection): ResolvedSelection {
  const names = new Map<string, string>();
  for (const name of selection.customers) {
    const key = customerNameKey(name);
    if (!names.has(key)) names.set(key, name);
  }
  const forced = new Map<string, ReminderLevel>();
  const forcedKeys = new Set<string>();
  const invalid: LeftOut[] = [];
  for (const [name, value] of Object.entries(selection.forcedLevels ?? {})) {
    const key = customerNameKey(name);
    if (!names.has(key)) continue;
    const level = forcedLevelOf(value);
    if (level === undefined) {
      names.delete(key);
      invalid.push({ customer: name, reason: invalidForcedLevelReason(value) });
      continue;
    }
    forced.set(name, level);
    forcedKeys.add(key);
  }
  return { names, forced, forcedKeys, invalid };
}
