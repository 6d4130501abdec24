// The sender settings as the Set-up screen shows them (SPEC section 5): what today's reminders need
// and the settings lack, which blocks sending, and what any reminder would need, so that the sheet
// can be completed before a first formal notice ever comes due.
import { reminderLevelLabel, REMINDER_LEVELS, type ReminderLevel } from "../../src/core/reminderLevel";
import { CHANNEL_EN, missingSenderSettings, type MissingSetting, type SenderAction } from "../../src/core/senderCheck";
import type { Settings } from "../../src/core/settings";
import type { PaneLanguage } from "./paneHost";

/** A missing setting as the screen lists it. */
export interface MissingSenderLine {
  readonly key: string;
  /** Its name in the pane's language. */
  readonly label: string;
  /** The documents that need it, in words: "Relance 1 par email (2)". */
  readonly neededBy: string;
}

export interface SenderStatus {
  /** What the reminders due on the reference date need and the settings lack: nothing goes out until it is filled. */
  readonly blocking: readonly MissingSenderLine[];
  /** What some reminder (any level, any channel) would need and the settings lack, beyond the blocking ones. */
  readonly later: readonly MissingSenderLine[];
}

// Every level by every channel that makes a document: the needs of any reminder the policy may send.
const EVERY_ACTION: readonly SenderAction[] = REMINDER_LEVELS.flatMap((level) =>
  (["email", "courrier", "recommandé"] as const).map((channel) => ({ level, channel })),
);

function lineOf(missing: MissingSetting, language: PaneLanguage): MissingSenderLine {
  const en = language === "en";
  const neededBy = missing.documents
    .map((d) => {
      const level = reminderLevelLabel(d.level, language);
      const by = en ? `${level} by ${CHANNEL_EN[d.channel]}` : `${level} par ${d.channel}`;
      return `${by} (${d.count})`;
    })
    .join(", ");
  return { key: missing.key, label: en ? missing.labelEn : missing.label, neededBy };
}

/**
 * What the settings lack for today's reminders, and for any reminder.
 *
 * @param settings - the workbook's settings
 * @param actions - the plan's actions on the reference date
 * @param language - the pane's language
 * @returns the blocking lines (nothing goes out while there is one) and the others
 * @example
 * senderStatus(DEFAULT_SETTINGS, [{ level: 1, channel: "email" }], "fr").blocking[0].label // "raison sociale"
 */
export function senderStatus(settings: Settings, actions: readonly SenderAction[], language: PaneLanguage): SenderStatus {
  const blocking = missingSenderSettings(settings, actions).map((m) => lineOf(m, language));
  const keys = new Set(blocking.map((line) => line.key));
  const later = missingSenderSettings(settings, EVERY_ACTION)
    .filter((m) => !keys.has(m.key))
    .map((m): MissingSenderLine => {
      // Fifteen kinds of document say little: the lowest level that needs the setting says when.
      const level = reminderLevelLabel(Math.min(...m.documents.map((d) => d.level)) as ReminderLevel, language);
      return { key: m.key, label: language === "en" ? m.labelEn : m.label, neededBy: language === "en" ? `from: ${level}` : `dès : ${level}` };
    });
  return { blocking, later };
}
