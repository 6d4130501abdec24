// What a customer's reply looks like, read from its text: « déjà payé », a dispute, a promise to
// pay, an out-of-office. Only a suggestion: the pane preselects it and the user confirms with a
// click (nothing is logged from the text alone). French and English wording; a date in the text
// (« le 15 », « 15/07 », « 15 juillet 2026 », « July 15 ») is read as the promised or return date.
import { dayFromIso, dayFromYmd, dayToIso, isValidYmd, ymdFromDay, type Day } from "../../src/core/day";
import { normalizeText } from "../../src/core/normalizeText";

export type TriageKind = "paid" | "dispute" | "promise" | "away";

export interface ReplySuggestion {
  readonly kind: TriageKind;
  /** The date read from the text (ISO): the promised date, the return date, or the payment date. */
  readonly date?: string | undefined;
}

// Tested on the text as normalizeText gives it: lower case, no accents, punctuation as spaces.
const WORDING: readonly { readonly kind: TriageKind; readonly pattern: RegExp }[] = [
  { kind: "away", pattern: /\b(absente? jusqu|absente? du|de retour le|de retour a partir|en conges?|out of (the )?office|i am away|i will be back|back on|away until|automatic reply|reponse automatique)\b/ },
  { kind: "dispute", pattern: /\b(litige|contestons|conteste|contestation|reclamation|desaccord|non conforme|dispute|disputed|we contest|disagree|incorrect invoice|not (been )?delivered)\b/ },
  { kind: "paid", pattern: /\b(deja (ete )?(paye|payee|regle|reglee)|(a|ont) ete (payee?s?|reglee?s?)|(est|sont) (payee?s?|reglee?s?)|virement (a ete )?(effectue|envoye|emis|passe)|paiement (a ete )?effectue|nous avons (paye|regle)|already paid|(has|have) been (paid|settled)|payment (was |has been )?(made|sent)|transfer (was |has been )?(made|sent)|we (have )?paid)\b/ },
  { kind: "promise", pattern: /\b(je vous (regle|reglerai|paierai|payerai)|nous vous (reglerons|paierons|payerons)|(reglement|paiement|virement) (prevu|interviendra)|will (pay|settle)|payment will be (made|sent))\b/ },
];

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).join("|");

/**
 * The triage the text suggests, if any; the first kind whose wording it holds wins, in the order
 * out-of-office, dispute, paid, promise (an automatic reply quoting « litige » is still an absence).
 * @example
 * suggestTriage("Je vous règle le 15.", dayFromIso("2026-06-30")!) // { kind: "promise", date: "2026-07-15" }
 */
export function suggestTriage(text: string, asOf: Day): ReplySuggestion | undefined {
  const normal = normalizeText(text.slice(0, 20_000));
  const found = WORDING.find((w) => w.pattern.test(normal));
  if (found === undefined) return undefined;
  const date = found.kind === "paid" ? dateInText(text, asOf, "past") : dateInText(text, asOf, "future");
  return { kind: found.kind, date: date === undefined ? undefined : dayToIso(date) };
}

/**
 * The first date written in the text: ISO, « 15/07/2026 », « 15/07 », « 15 juillet [2026] »,
 * « July 15[, 2026] », « le 15 ». Without a year (or a month) it is the next such day after asOf
 * (`future`), or the last one up to asOf (`past`).
 */
export function dateInText(text: string, asOf: Day, direction: "future" | "past"): Day | undefined {
  const normal = normalizeText(text.slice(0, 20_000));
  const { year, month } = ymdFromDay(asOf);
  const pick = (y: number | undefined, m: number | undefined, d: number): Day | undefined => {
    if (y !== undefined && m !== undefined) return isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : undefined;
    // The nearest such day in the direction asked, at most a year away.
    const step = direction === "future" ? 1 : -1;
    for (let i = 0; i <= 12; i++) {
      const total = year * 12 + (month - 1) + step * i;
      const cy = Math.floor(total / 12);
      const cm = (total % 12) + 1;
      if (m !== undefined && cm !== m) continue;
      if (!isValidYmd(cy, cm, d)) continue;
      const day = dayFromYmd(cy, cm, d);
      if (direction === "future" ? day >= asOf : day <= asOf) return day;
    }
    return undefined;
  };
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return dayFromIso(iso[0]);
  const numeric = /\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b/.exec(text);
  if (numeric) {
    const y = numeric[3] === undefined ? undefined : numeric[3].length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    return pick(y, Number(numeric[2]), Number(numeric[1]));
  }
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:er)? (${MONTH_NAMES})(?: (\\d{4}))?\\b`).exec(normal);
  if (dayMonth) return pick(dayMonth[3] === undefined ? undefined : Number(dayMonth[3]), MONTHS[dayMonth[2]!], Number(dayMonth[1]));
  const monthDay = new RegExp(`\\b(${MONTH_NAMES}) (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?\\b`).exec(normal);
  if (monthDay) return pick(monthDay[3] === undefined ? undefined : Number(monthDay[3]), MONTHS[monthDay[1]!], Number(monthDay[2]));
  const bare = /\b(?:le|on the) (\d{1,2})(?:er|st|nd|rd|th)?\b/.exec(normal);
  if (bare) return pick(undefined, undefined, Number(bare[1]));
  return undefined;
}

