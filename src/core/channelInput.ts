import type { CellValue } from "./cellValue";
import { normalizeText } from "./normalizeText";
import type { Channel } from "./reminderPolicy";

// Words people type for each channel, normalised.
const CHANNEL_WORDS: ReadonlyArray<readonly [Channel, readonly string[]]> = [
  ["email", ["email", "e mail", "mail", "courriel", "mel", "message", "outlook"]],
  ["courrier", ["courrier", "courrier simple", "lettre", "lettre simple", "letter", "post", "poste", "la poste"]],
  [
    "recommandé",
    [
      "recommande", "recommandee", "lettre recommandee", "courrier recommande", "recommande ar", "recommande avec ar",
      "lettre recommandee avec accuse de reception", "recommande avec accuse de reception", "lrar", "lr ar", "lr",
      "rar", "registered", "registered letter", "registered mail",
    ],
  ],
  ["téléphone", ["telephone", "tel", "appel", "appel telephonique", "phone", "phone call", "call", "coup de fil"]],
  ["autre", ["autre", "autres", "other"]],
];
const CHANNEL_BY_WORD = new Map<string, Channel>(
  CHANNEL_WORDS.flatMap(([channel, words]) => words.map((word) => [word, channel] as const)),
);

/**
 * Reads a channel as people write it in the journal or the settings.
 *
 * @param value - "email", "LRAR", "lettre recommandée", "tél", "appel"...
 * @returns the channel, or undefined when the text names none
 * @example
 * parseChannel("Lettre recommandée") // "recommandé"
 */
export function parseChannel(value: CellValue | undefined): Channel | undefined {
  if (typeof value !== "string") return undefined;
  return CHANNEL_BY_WORD.get(normalizeText(value));
}
