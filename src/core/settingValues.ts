/** The value of one setting read from its cell: days, yes/no, words, a text, an e-mail, a rate. */
import { cellText, type CellValue } from "./cellValue";
import { parseChannel } from "./channelInput";
import { normalizeText } from "./normalizeText";
import { percentFromText } from "./percentInput";
import { rateUnitsFromPercent, type RateUnits } from "./rates";
import type { ReminderPolicy } from "./reminderPolicy";
import { MAX_SETTING_DAYS } from "./settings";
import type { Draft, Field } from "./settingsCatalog";
import { parseYesNo } from "./yesNo";

/** Rates outside this range (in %) are typos. */
const MIN_RATE_PERCENT = -10;
const MAX_RATE_PERCENT = 100;

const SEQUENTIAL = ["sequentielle", "sequentiel", "sequential", "un niveau a la fois"];
const BY_AGE = ["par anciennete", "anciennete", "par age", "by age", "byage", "age"];

/** A value read, or why not in French. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parseDays(value: CellValue): Parsed<number> {
  const text = cellText(value);
  let n: number | undefined;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const m = /^(\d+) ?(?:j|jours?|d|days?)?$/.exec(normalizeText(text));
    if (m !== null && !/^-/.test(text)) n = Number(m[1]);
  }
  if (n === undefined || !Number.isInteger(n) || n < 0) return { ok: false, message: `«${text}» n'est pas un nombre de jours` };
  if (n > MAX_SETTING_DAYS) return { ok: false, message: `«${text}» n'est pas un nombre de jours entre 0 et ${MAX_SETTING_DAYS}` };
  return { ok: true, value: n };
}

function parseWord<T>(value: CellValue, choices: ReadonlyArray<readonly [readonly string[], T]>, expected: string): Parsed<T> {
  if (value !== null) {
    // Excel's VRAI/FAUX and 1/0 cells read as "true"/"false" and "1"/"0".
    const word = typeof value === "string" ? normalizeText(value) : String(value);
    for (const [words, result] of choices) if (words.includes(word)) return { ok: true, value: result };
  }
  return { ok: false, message: `«${cellText(value)}» : écrivez ${expected}` };
}

function parseText(value: CellValue, kind: "text" | "email"): Parsed<string | undefined> {
  if (typeof value === "boolean") return { ok: false, message: `«${cellText(value)}» n'est pas un texte` };
  const text = cellText(value);
  if (text === "") return { ok: true, value: undefined };
  if (kind === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    return { ok: false, message: `«${text}» n'est pas une adresse e-mail` };
  }
  return { ok: true, value: text };
}

/** A rate of the settings sheet, a number in % (a cell formatted as % is read as shown). */
export function parseRate(value: CellValue): Parsed<RateUnits> {
  const percent = typeof value === "number" ? value : typeof value === "string" ? percentFromText(value) : undefined;
  if (percent === undefined || !Number.isFinite(percent) || percent < MIN_RATE_PERCENT || percent > MAX_RATE_PERCENT) {
    return { ok: false, message: `«${cellText(value)}» n'est pas un taux en %` };
  }
  return { ok: true, value: rateUnitsFromPercent(percent) };
}

/** Reads a cell into the draft for its setting, or says why it cannot. */
export function writeField(field: Field, draft: Draft, value: CellValue): Parsed<unknown> {
  switch (field.kind) {
    case "days": {
      const parsed = parseDays(value);
      if (parsed.ok) field.write(draft, parsed.value);
      return parsed;
    }
    case "yesNo": {
      const yes = parseYesNo(value);
      if (yes === undefined) return { ok: false, message: `«${cellText(value)}» : écrivez oui ou non` };
      field.write(draft, yes);
      return { ok: true, value: yes };
    }
    case "escalation": {
      const parsed = parseWord<ReminderPolicy["escalation"]>(
        value,
        [[SEQUENTIAL, "sequential"], [BY_AGE, "byAge"]],
        "sequentielle ou par_anciennete",
      );
      if (parsed.ok) field.write(draft, parsed.value);
      return parsed;
    }
    case "channel": {
      const channel = parseChannel(value);
      if (channel === undefined) {
        return { ok: false, message: `«${cellText(value)}» n'est pas un canal : email, courrier, recommandé, téléphone ou autre` };
      }
      field.write(draft, channel);
      return { ok: true, value: channel };
    }
    case "text":
    case "email": {
      const parsed = parseText(value, field.kind);
      if (parsed.ok) field.write(draft, parsed.value);
      return parsed;
    }
    case "rate": {
      const parsed = parseRate(value);
      if (parsed.ok) field.write(draft, parsed.value);
      return parsed;
    }
  }
}
