import { normalizeText } from "./normalizeText";

/** The reminder levels, in escalation order (SPEC section 5). */
export type ReminderLevel = 0 | 1 | 2 | 3 | 4;

export const REMINDER_LEVELS: readonly ReminderLevel[] = [0, 1, 2, 3, 4];

/** Stage names used in files and JSON. */
export type ReminderStage = "courtesy" | "reminder1" | "reminder2" | "formal_notice" | "injunction";

const STAGES: readonly ReminderStage[] = ["courtesy", "reminder1", "reminder2", "formal_notice", "injunction"];
const LABELS_FR = ["Préventive", "Relance 1", "Relance 2", "Mise en demeure", "Injonction"] as const;
const LABELS_EN = ["Courtesy reminder", "Reminder 1", "Reminder 2", "Formal notice", "Payment order"] as const;

/**
 * The stage name of a level.
 * @example reminderStage(3) // "formal_notice"
 */
export function reminderStage(level: ReminderLevel): ReminderStage {
  return STAGES[level]!;
}

/**
 * The label users read, French by default.
 * @example reminderLevelLabel(1) // "Relance 1"
 */
export function reminderLevelLabel(level: ReminderLevel, lang: "fr" | "en" = "fr"): string {
  return (lang === "en" ? LABELS_EN : LABELS_FR)[level]!;
}

// Words people type in a journal for each level, normalised; the labels themselves are added below.
const SYNONYMS: ReadonlyArray<readonly [string, ReminderLevel]> = [
  ["preventive", 0], ["relance preventive", 0], ["courtesy", 0], ["courtoisie", 0],
  ["relance 1", 1], ["r1", 1], ["1ere relance", 1], ["premiere relance", 1], ["reminder 1", 1], ["reminder1", 1],
  ["relance 2", 2], ["r2", 2], ["2eme relance", 2], ["deuxieme relance", 2], ["reminder 2", 2], ["reminder2", 2],
  ["mise en demeure", 3], ["med", 3], ["r3", 3], ["formal notice", 3], ["formal_notice", 3],
  ["injonction", 4], ["injonction de payer", 4], ["injunction", 4], ["payment order", 4],
];
const BY_WORD = new Map<string, ReminderLevel>();
for (const [word, level] of SYNONYMS) BY_WORD.set(normalizeText(word), level);
for (const level of REMINDER_LEVELS) {
  BY_WORD.set(normalizeText(LABELS_FR[level]!), level);
  BY_WORD.set(normalizeText(LABELS_EN[level]!), level);
  BY_WORD.set(STAGES[level]!, level);
}

/**
 * Reads a level as a person writes it: a label ("Relance 2", "Mise en demeure") or a number 0 to 4.
 * @returns the level, or undefined when the value names none
 * @example parseReminderLevel("mise en demeure") // 3
 */
export function parseReminderLevel(value: unknown): ReminderLevel | undefined {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0 && value <= 4 ? (value as ReminderLevel) : undefined;
  }
  if (typeof value !== "string") return undefined;
  const text = normalizeText(value);
  if (/^[0-4]$/.test(text)) return Number(text) as ReminderLevel;
  return BY_WORD.get(text);
}
