/**
 * Payment terms (conditions de paiement) as data, read from the text users write in the sheet
 * (SPEC section 6) and written back in one canonical French form.
 */
import { problem, type Problem } from "./problem";

/** How a due date follows from the invoice date (DOMAIN section 1). */
export type PaymentTerms =
  /** Comptant, à réception: due on the invoice date. */
  | { readonly kind: "immediate" }
  /** N days after the invoice date. */
  | { readonly kind: "net"; readonly days: number }
  /** Method A: invoice + N days, then the end of that month; with thenDay, the thenDay-th of the next month. */
  | { readonly kind: "endOfMonthA"; readonly days: number; readonly thenDay?: number }
  /** Method B: end of the invoice month, then + N days. */
  | { readonly kind: "endOfMonthB"; readonly days: number }
  /** The day-th of the month after the invoice month. */
  | { readonly kind: "dayOfNextMonth"; readonly day: number };

const MAX_DAYS = 3650;
/** Code de commerce L441-10 I: 60 days from the invoice date, or 45 days end of month. */
const LEGAL_CAP_NET = 60;
const LEGAL_CAP_END_OF_MONTH = 45;

// The grammar runs on normalised text: lower case, no accents, single spaces, "+" spaced.
const UNIT = "(?:jours?|jrs?|j|days?|d)";
const END_OF_MONTH = "(?:fin (?:de |du )?mois|fdm|eom|end of (?:the )?month)";
const ORDINAL = "(?:er|e|eme|st|nd|rd|th)?";
const NET_SUFFIX =
  "(?:nets?|date (?:de |d )?(?:la )?facture|(?:a compter|a partir) de la date (?:de )?(?:la )?facture|(?:from|after) (?:the )?invoice(?: date)?)";

const LEADING_WORDS = /^(?:paiement|payable|reglement|payment|due|terms?|conditions?)(?: (?:de paiement|of payment))? /;
const IMMEDIATE =
  /^(?:comptant|cash|immediat|immediate|(?:a|des|upon|on|at) (?:la )?reception(?: de (?:la )?facture)?|(?:on|upon|at) receipt(?: of (?:the )?invoice)?)$/;
const NET_WITH_UNIT = new RegExp(`^(?:net )?(?:a )?(\\d+) ?${UNIT}(?: ${NET_SUFFIX}){0,2}$`);
const NET_PREFIXED = new RegExp(`^net (?:a )?(\\d+)(?: ?${UNIT})?(?: ${NET_SUFFIX}){0,2}$`);
const BARE_NUMBER = /^(\d+)$/;
const END_OF_MONTH_A = new RegExp(
  `^(?:(?:net )?(?:a )?(\\d+) ?(?:${UNIT} )?)?${END_OF_MONTH}(?: (?:le|on the|the|on) (\\d+)${ORDINAL}(?: du mois suivant)?)?$`,
);
const END_OF_MONTH_B = new RegExp(`^${END_OF_MONTH} (?:\\+ |plus )?(\\d+)(?: ?${UNIT})?(?: nets?)?$`);
const DAY_OF_NEXT_MONTH_FR = new RegExp(`^(?:le )?(\\d+)${ORDINAL} (?:du |de )?mois (?:suivant|prochain)$`);
const DAY_OF_NEXT_MONTH_EN = new RegExp(
  `^(?:on )?(?:the )?(\\d+)${ORDINAL} (?:day )?of (?:the )?(?:following|next) month$`,
);

function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/([a-z])-(?=[a-z])/g, "$1 ") // "fin-de-mois"
    // "j.", "F.D.M."; a decimal point stays, so "30.5 j" fails (no lookbehind: ES2016, see build)
    .replace(/\./g, (dot: string, at: number, all: string) => (/\d/.test(all.charAt(at - 1)) && /\d/.test(all.charAt(at + 1)) ? dot : ""))
    .replace(/[,;:]/g, " ")
    .replace(/\+/g, " + ")
    .replace(/\s+/g, " ")
    .trim();
}

function isDayCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_DAYS;
}

function isDayOfMonth(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 31;
}

function unrecognised(text: string): Problem {
  return problem(`Conditions de paiement non reconnues : «${text}»`);
}

function matchTerms(s: string): PaymentTerms | undefined {
  if (IMMEDIATE.test(s)) return { kind: "immediate" };

  let m = NET_WITH_UNIT.exec(s) ?? NET_PREFIXED.exec(s) ?? BARE_NUMBER.exec(s);
  if (m !== null) {
    const days = Number(m[1]);
    return isDayCount(days) ? { kind: "net", days } : undefined;
  }

  m = END_OF_MONTH_A.exec(s);
  if (m !== null) {
    const days = m[1] === undefined ? 0 : Number(m[1]);
    if (!isDayCount(days)) return undefined;
    if (m[2] === undefined) return { kind: "endOfMonthA", days };
    const thenDay = Number(m[2]);
    return isDayOfMonth(thenDay) ? { kind: "endOfMonthA", days, thenDay } : undefined;
  }

  m = END_OF_MONTH_B.exec(s);
  if (m !== null) {
    const days = Number(m[1]);
    return isDayCount(days) ? { kind: "endOfMonthB", days } : undefined;
  }

  m = DAY_OF_NEXT_MONTH_FR.exec(s) ?? DAY_OF_NEXT_MONTH_EN.exec(s);
  if (m !== null) {
    const day = Number(m[1]);
    return isDayOfMonth(day) ? { kind: "dayOfNextMonth", day } : undefined;
  }
  return undefined;
}

/**
 * Reads payment terms as users write them, in French or English, ignoring case, accents and
 * spacing. "N jours fin de mois" is method A; "fin de mois + N jours" asks for method B.
 *
 * @param text - e.g. "comptant", "30 jours", "net 30", "45 jours fin de mois", "30J FDM",
 *   "fin de mois + 45 jours", "EOM + 30", "30 jours fin de mois le 10", "le 10 du mois suivant"
 * @returns the terms, or a Problem «Conditions de paiement non reconnues : «…»»
 * @example
 * parsePaymentTerms("45 jours FDM") // { kind: "endOfMonthA", days: 45 }
 * parsePaymentTerms("EOM + 30")     // { kind: "endOfMonthB", days: 30 }
 */
export function parsePaymentTerms(text: string): PaymentTerms | Problem {
  const original = typeof text === "string" ? text.trim() : String(text);
  if (original === "") return problem("Conditions de paiement manquantes");
  const s = normalize(original);
  return matchTerms(s) ?? matchTerms(s.replace(LEADING_WORDS, "")) ?? unrecognised(original);
}

/**
 * Terms given as a plain number of days (a numeric cell), counted from the invoice date.
 *
 * @param days - an integer from 0 to 3650
 * @returns net terms, or a Problem for a fraction, a negative number or more than 3650
 * @example
 * paymentTermsFromDays(30) // { kind: "net", days: 30 }
 */
export function paymentTermsFromDays(days: number): PaymentTerms | Problem {
  if (typeof days === "number" && isDayCount(days)) return { kind: "net", days };
  return problem(`Délai de paiement invalide : «${String(days)}» (nombre entier de jours de 0 à ${MAX_DAYS} attendu)`);
}

/**
 * A warning when terms exceed the legal caps (Code de commerce L441-10 I: 60 days from the
 * invoice date, 45 days end of month). The caps warn, never refuse: contracts and sectors differ.
 *
 * @param terms - the terms
 * @returns a French warning, or undefined when within the caps
 * @example
 * paymentTermsWarning({ kind: "net", days: 90 }) // "Délai de 90 jours supérieur au plafond légal…"
 * paymentTermsWarning({ kind: "net", days: 60 }) // undefined
 */
export function paymentTermsWarning(terms: PaymentTerms): string | undefined {
  const law = "(Code de commerce, art. L441-10)";
  switch (terms.kind) {
    case "net":
      return terms.days > LEGAL_CAP_NET
        ? `Délai de ${terms.days} jours supérieur au plafond légal de ${LEGAL_CAP_NET} jours date de facture ${law}`
        : undefined;
    case "endOfMonthA":
    case "endOfMonthB":
      return terms.days > LEGAL_CAP_END_OF_MONTH
        ? `Délai « ${describePaymentTerms(terms)} » supérieur au plafond légal de ${LEGAL_CAP_END_OF_MONTH} jours fin de mois ${law}`
        : undefined;
    case "immediate":
    case "dayOfNextMonth":
      // Le D du mois suivant always falls before 45 jours fin de mois.
      return undefined;
  }
}

function days(n: number): string {
  // French: "0 jour", "1 jour", "2 jours".
  return n >= 2 ? `${n} jours` : `${n} jour`;
}

function dayOfMonth(d: number): string {
  return d === 1 ? "1er" : String(d);
}

/**
 * The canonical French text of terms; parsePaymentTerms reads it back to the same terms.
 *
 * @param terms - the terms
 * @returns e.g. "comptant", "30 jours", "30 jours fin de mois", "fin de mois + 45 jours",
 *   "30 jours fin de mois le 10", "le 10 du mois suivant"
 * @example
 * describePaymentTerms({ kind: "endOfMonthB", days: 45 }) // "fin de mois + 45 jours"
 */
export function describePaymentTerms(terms: PaymentTerms): string {
  switch (terms.kind) {
    case "immediate":
      return "comptant";
    case "net":
      return days(terms.days);
    case "endOfMonthA": {
      const base = terms.days === 0 ? "fin de mois" : `${days(terms.days)} fin de mois`;
      return terms.thenDay === undefined ? base : `${base} le ${dayOfMonth(terms.thenDay)}`;
    }
    case "endOfMonthB":
      return `fin de mois + ${days(terms.days)}`;
    case "dayOfNextMonth":
      return `le ${dayOfMonth(terms.day)} du mois suivant`;
  }
}
