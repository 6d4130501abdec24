/** Customer categories, which decide grace, penalties, the EUR 40 fee and the acceptance-report rule. */
import { B2B_RULE, PUBLIC_BUYER_RULE, type RateRule } from "./lateInterest";
import { normalizeText } from "./normalizeText";
import { problem, type Problem } from "./problem";
import type { RateUnits } from "./rates";

export type CustomerType = "particulier" | "professionnel" | "architecte" | "promoteur" | "collectivite";

/** The category of a customer whose type is left empty. */
export const DEFAULT_CUSTOMER_TYPE: CustomerType = "professionnel";

/**
 * Words users type, already normalised (normalizeText), for each category: the full words in
 * French and English, and the short forms of sheets kept by hand ("part.", "archi", "collec.").
 */
const WORDS: Readonly<Record<CustomerType, readonly string[]>> = {
  particulier: [
    "particulier", "particuliers", "particuliere", "particulieres", "part", "partic",
    "individual", "individuals", "private", "private individual", "private person", "consumer", "consumers",
    "b2c",
  ],
  professionnel: [
    "professionnel", "professionnels", "professionnelle", "pro", "pros", "prof", "entreprise",
    "entreprises", "ets", "societe", "societes", "ste", "business", "businesses", "company", "companies",
    "professional", "professionals", "b2b", "client pro",
  ],
  architecte: ["architecte", "architectes", "archi", "archis", "arch", "archit", "architect", "architects"],
  promoteur: [
    "promoteur", "promoteurs", "promo", "promot", "promoteur immobilier", "promoteurs immobiliers", "promoteur immo",
    "developer", "developers", "property developer", "property developers", "real estate developer",
  ],
  collectivite: [
    "collectivite", "collectivites", "collec", "collect", "coll", "collectivite territoriale",
    "collectivites territoriales", "collectivite locale", "collectivites locales", "mairie", "mairies", "commune",
    "communes", "departement", "region", "administration", "etablissement public", "public", "public body",
    "public bodies", "public buyer", "public buyers", "public sector", "local authority", "local authorities",
    "local government", "municipality", "council", "b2g", "etat", "l etat",
  ],
};

const BY_WORD = new Map<string, CustomerType>();
for (const type of Object.keys(WORDS) as CustomerType[]) for (const word of WORDS[type]) BY_WORD.set(word, type);

/**
 * Read a customer category as typed in a sheet, in French or English, ignoring case, accents
 * and punctuation.
 *
 * @param text - the cell's value
 * @returns the category; DEFAULT_CUSTOMER_TYPE when empty (null, undefined, blank);
 *   a Problem ("value") when the text names no category
 * @example
 * parseCustomerType("Collectivité territoriale") // "collectivite"
 * parseCustomerType("B2C")                       // "particulier"
 * parseCustomerType("")                          // "professionnel"
 */
export function parseCustomerType(text: unknown): CustomerType | Problem {
  if (text === null || text === undefined) return DEFAULT_CUSTOMER_TYPE;
  const raw = typeof text === "string" ? text.trim() : String(text);
  if (raw === "") return DEFAULT_CUSTOMER_TYPE;
  const found = BY_WORD.get(normalizeText(raw));
  return found ?? problem(`Catégorie de client non reconnue : «${raw}»`);
}

/**
 * Whether the customer acts professionally (penalties and the EUR 40 fee apply).
 *
 * @param type - the customer category
 * @returns true for every category but particulier
 * @example
 * isBusinessCustomer("architecte") // true
 */
export function isBusinessCustomer(type: CustomerType): boolean {
  return type !== "particulier";
}

/**
 * Whether reminders wait for the acceptance report of the works (procès-verbal de réception).
 *
 * @param type - the customer category
 * @returns true for architecte, promoteur and collectivite
 * @example
 * needsAcceptanceReport("promoteur") // true
 */
export function needsAcceptanceReport(type: CustomerType): boolean {
  return type === "architecte" || type === "promoteur" || type === "collectivite";
}

/**
 * The rule of automatic late-payment penalties for a category.
 *
 * @param type - the customer category
 * @param publicBuyerMargin - the points over the ECB rate for a public buyer, when the settings
 *   change the 8 points of PUBLIC_BUYER_RULE
 * @returns PUBLIC_BUYER_RULE (ECB + 8) for a collectivite, B2B_RULE (ECB + 10) for other
 *   businesses, undefined for a particulier (interest only after a mise en demeure)
 * @example
 * rateRuleFor("collectivite") // PUBLIC_BUYER_RULE
 */
export function rateRuleFor(type: CustomerType, publicBuyerMargin?: RateUnits): RateRule | undefined {
  if (type === "particulier") return undefined;
  if (type !== "collectivite") return B2B_RULE;
  return publicBuyerMargin === undefined || publicBuyerMargin === 80000 ? PUBLIC_BUYER_RULE : { kind: "ecb", margin: publicBuyerMargin };
}

/**
 * Whether a delay across 1 January or 1 July is split by half-year for a category: never for a
 * public buyer, whose intérêts moratoires run at the rate of the half-year in which they began
 * (Code de la commande publique R2192-31); for the others, as the settings say.
 *
 * @example
 * splitsByHalfYear("collectivite", true) // false
 */
export function splitsByHalfYear(type: CustomerType, setting: boolean): boolean {
  return type === "collectivite" ? false : setting;
}

const LABELS: Readonly<Record<"fr" | "en", Readonly<Record<CustomerType, string>>>> = {
  fr: {
    particulier: "Particulier",
    professionnel: "Professionnel",
    architecte: "Architecte",
    promoteur: "Promoteur",
    collectivite: "Collectivité",
  },
  en: {
    particulier: "Individual",
    professionnel: "Business",
    architecte: "Architect",
    promoteur: "Property developer",
    collectivite: "Public body",
  },
};

/**
 * The name of a category as users read it (parseCustomerType reads it back).
 *
 * @param type - the customer category
 * @param lang - "fr" (default) or "en"
 * @returns the label
 * @example
 * customerTypeLabel("collectivite")       // "Collectivité"
 * customerTypeLabel("collectivite", "en") // "Public body"
 */
export function customerTypeLabel(type: CustomerType, lang: "fr" | "en" = "fr"): string {
  return LABELS[lang][type];
}
