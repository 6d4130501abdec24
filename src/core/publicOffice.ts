/**
 * The office of a public body's head, read from the Contact column (« M. le Maire », « Madame la
 * Présidente », « Monsieur le Président du conseil départemental »), so that a letter to a public
 * buyer opens « Monsieur le Maire, » (DOMAIN section 2). Salutations in general (the Civilité
 * column, Madame/Monsieur) are another rule's: this one only knows public offices.
 */
import type { CustomerType } from "./customerType";
import { normalizeText } from "./normalizeText";

export interface PublicOffice {
  /** « Maire », « Présidente »: the title as it follows « Monsieur le » / « Madame la ». */
  readonly title: string;
  readonly feminine: boolean;
}

// Normalised titles and their written forms, masculine then feminine.
const TITLES: ReadonlyArray<readonly [string, string, boolean]> = [
  ["maire", "Maire", false],
  ["president", "Président", false],
  ["presidente", "Présidente", true],
  ["prefet", "Préfet", false],
  ["prefete", "Préfète", true],
  ["directeur", "Directeur", false],
  ["directrice", "Directrice", true],
  ["directeur general", "Directeur général", false],
  ["directrice generale", "Directrice générale", true],
];
const BY_TITLE = new Map(TITLES.map(([words, title, feminine]) => [words, { title, feminine }]));

const MEN = new Set(["m", "monsieur", "mr"]);
const WOMEN = new Set(["mme", "madame"]);

/**
 * The office a contact names, as « M. le Maire », « Madame la Présidente », « Mme la Maire »,
 * « Monsieur le Directeur général des services »: a civility, the article, then the title.
 *
 * @param contact - the Contact cell
 * @returns the office, or undefined when the contact is a person's name or empty
 * @example
 * publicOfficeOf("M. le Maire")           // { title: "Maire", feminine: false }
 * publicOfficeOf("Madame la Présidente")  // { title: "Présidente", feminine: true }
 * publicOfficeOf("Mme Claire Durand")     // undefined
 */
export function publicOfficeOf(contact: string | undefined): PublicOffice | undefined {
  const words = normalizeText(contact ?? "").split(" ");
  const [civility, article, ...rest] = words;
  if (civility === undefined || article === undefined) return undefined;
  const feminine = WOMEN.has(civility) ? true : MEN.has(civility) ? false : undefined;
  if (feminine === undefined || article !== (feminine ? "la" : "le")) return undefined;
  // The longest title first: « directeur général des services » is a Directeur général.
  for (const size of [2, 1]) {
    const office = BY_TITLE.get(rest.slice(0, size).join(" "));
    // The civility gives the gender: « Madame la Maire » keeps the title as written.
    if (office !== undefined) return { title: office.title, feminine };
  }
  return undefined;
}

/**
 * The salutation of a letter to a public body whose head's office is known.
 *
 * @param customer - the customer's category and Contact cell
 * @param lang - the letter's language
 * @returns « Monsieur le Maire, », « Madame la Présidente, » (English: « Dear Mayor, »,
 *   « Dear President, »); undefined for a customer that is not a public body or whose contact names
 *   no office, to which the general rule of salutations applies
 * @example
 * publicBodySalutation({ customerType: "collectivite", contact: "M. le Maire" }, "fr") // "Monsieur le Maire,"
 */
export function publicBodySalutation(
  customer: { readonly customerType: CustomerType; readonly contact?: string | undefined },
  lang: "fr" | "en",
): string | undefined {
  if (customer.customerType !== "collectivite") return undefined;
  const office = publicOfficeOf(customer.contact);
  if (office === undefined) return undefined;
  if (lang === "en") return `Dear ${ENGLISH[office.title] ?? office.title},`;
  return `${office.feminine ? "Madame la" : "Monsieur le"} ${office.title},`;
}

const ENGLISH: Readonly<Record<string, string>> = {
  Maire: "Mayor",
  Président: "President",
  Présidente: "President",
  Préfet: "Prefect",
  Préfète: "Prefect",
  Directeur: "Director",
  Directrice: "Director",
  "Directeur général": "Director General",
  "Directrice générale": "Director General",
};
