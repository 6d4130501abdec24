import { dayFromLocalParts, type Day } from "../src/core/day";

/**
 * The date of the calculation in the user's local time: the default reference date of the
 * functions when the sheet gives none (SPEC section 6). Read once per call, never per row.
 */
export function calculationDay(now: Date = new Date()): Day {
  return dayFromLocalParts(now.getFullYear(), now.getMonth(), now.getDate());
}

/**
 * The language Excel speaks to the user: Office's display language where the runtime has it, else
 * the runtime's own locale. French unless it is clearly something else.
 */
export function displayLanguage(): "fr" | "en" {
  // Office's language can be set before the first call; the runtime's own locale never changes, and
  // reading it through Intl costs more than a whole row of work, so it is read once.
  // Globals read through typeof: the older runtime (ES2016) has no globalThis.
  const office = typeof Office === "undefined" ? undefined : (Office as { context?: { displayLanguage?: string } }).context?.displayLanguage;
  if (office !== undefined) return languageOf(office);
  return (runtimeLanguage ??= languageOf(runtimeLocale()));
}

let runtimeLanguage: "fr" | "en" | undefined;

function languageOf(tag: string): "fr" | "en" {
  return /^fr\b/i.test(tag) || tag === "" ? "fr" : "en";
}

function runtimeLocale(): string {
  const language = typeof navigator === "undefined" ? undefined : (navigator as { language?: string }).language;
  if (language !== undefined) return language;
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return "fr";
  }
}
