/**
 * How a letter greets and takes leave of its reader (DOMAIN section 4, « Salutations and
 * agreement »): « Madame, » or « Monsieur, » for a named person whose civility is known,
 * « Madame, Monsieur, » otherwise, and the closing formula never repeats the name. In English:
 * « Dear Mr Smith, » … « Yours sincerely, », or « Dear Sir or Madam, » … « Yours faithfully, ».
 */
import type { CustomerType } from "./customerType";
import { normalizeText } from "./normalizeText";

/** A person's civility: what a Civilité column says, or the title written before a name. */
export type Civility = "Madame" | "Monsieur" | "Mrs" | "Ms" | "Miss" | "Mr";

/** The civility words people write, normalised (normalizeText), and what each one is. */
const CIVILITY_WORDS: ReadonlyMap<string, Civility> = new Map([
  ["madame", "Madame"],
  ["mme", "Madame"],
  ["mmes", "Madame"],
  // « Mademoiselle » has left French administrative use (circular of 21 February 2012): « Madame ».
  ["mademoiselle", "Madame"],
  ["mlle", "Madame"],
  ["monsieur", "Monsieur"],
  ["m", "Monsieur"],
  ["mr", "Mr"],
  ["mister", "Mr"],
  ["mrs", "Mrs"],
  ["ms", "Ms"],
  ["miss", "Miss"],
]);

/**
 * Reads a civility as typed in a Civilité column.
 * @param text - « Madame », « Mme », « M. », « Monsieur », « Mlle », « Mr », « Mrs », « Ms »...
 * @returns the civility, or undefined when the text is none of them (a company, blank)
 * @example parseCivility("Mme") // "Madame"
 */
export function parseCivility(text: string | undefined): Civility | undefined {
  if (text === undefined) return undefined;
  return CIVILITY_WORDS.get(normalizeText(text));
}

const isFeminine = (civility: Civility): boolean => civility !== "Monsieur" && civility !== "Mr";

/** A name with the civility written before it taken apart: « M. Castex » is Monsieur and « Castex ». */
export interface NamedPerson {
  readonly civility?: Civility | undefined;
  /** The name without its civility. */
  readonly name: string;
  /** Two people (« M. et Mme Dupuy »): greeted « Madame, Monsieur, ». */
  readonly couple: boolean;
}

const COUPLE = /^\s*(?:m\.?|mr\.?|monsieur)\s+(?:et|and|&)\s+(?:mme|mrs\.?|madame)\s+(.+)$|^\s*(?:mme|mrs\.?|madame)\s+(?:et|and|&)\s+(?:m\.?|mr\.?|monsieur)\s+(.+)$/i;
const TITLED = /^\s*(madame|monsieur|mademoiselle|mme|mlle|mrs|miss|ms|mr|m)(?:\.\s*|\s+)(\S.*)$/i;

/**
 * Takes the civility written before a name apart from it.
 * @param text - a contact or a consumer's name: « Mme Claire Lefèvre », « M. et Mme Dupuy », « Julie Martin »
 * @example personName("Mme Claire Lefèvre") // { civility: "Madame", name: "Claire Lefèvre", couple: false }
 */
export function personName(text: string): NamedPerson {
  const couple = COUPLE.exec(text);
  if (couple !== null) return { name: (couple[1] ?? couple[2]!).trim(), couple: true };
  const titled = TITLED.exec(text);
  if (titled !== null) {
    const civility = parseCivility(titled[1]);
    if (civility !== undefined) return { civility, name: titled[2]!.trim(), couple: false };
  }
  return { name: text.trim(), couple: false };
}

/**
 * The surname in a full name, as « Dear Mr … » takes it: the words in capitals when the name
 * spells them so (« Claire LEFÈVRE »), else all but the first of several words.
 */
function surname(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  // No \p{L}: the custom-functions runtime is ES2016. A word in capitals has letters that case changes.
  const capitals = words.filter((word) => word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase());
  if (capitals.length > 0 && capitals.length < words.length) {
    return capitals.map((word) => word.charAt(0) + word.slice(1).toLowerCase()).join(" ");
  }
  return words.length > 1 ? words.slice(1).join(" ") : name.trim();
}

const ENGLISH_TITLE: Readonly<Record<Civility, string>> = { Madame: "Ms", Monsieur: "Mr", Mrs: "Mrs", Ms: "Ms", Miss: "Miss", Mr: "Mr" };

/** How a document greets its reader and takes leave. */
export interface Salutation {
  /** The opening line: « Madame, », « Madame, Monsieur, », « Monsieur le Maire, », « Dear Mr Smith, ». */
  readonly opening: string;
  /** The reader as the closing formula names them: « Madame », « Madame, Monsieur », « Monsieur le Maire »; "" in English. */
  readonly address: string;
  /** The closing of a letter: « Veuillez agréer, Madame, l'expression de nos salutations distinguées. », « Yours sincerely, ». */
  readonly closing: string;
}

/** Who the document is written to, as the tracking sheet says. */
export interface Addressee {
  readonly customerName: string;
  readonly customerType: CustomerType;
  readonly contact?: string | undefined;
  /** The Civilité column, of the contact (or of a consumer without one). */
  readonly civility?: Civility | undefined;
}

const french = (address: string): Salutation => ({
  opening: `${address},`,
  address,
  closing: `Veuillez agréer, ${address}, l'expression de nos salutations distinguées.`,
});

/**
 * The salutation of a letter opened by an office (« Monsieur le Maire, », « Dear Mayor, »): the
 * closing names the office in French, as the opening does.
 * @example officeSalutation("Monsieur le Maire,", "fr").closing // "Veuillez agréer, Monsieur le Maire, l'expression de nos salutations distinguées."
 */
export function officeSalutation(opening: string, lang: "fr" | "en"): Salutation {
  if (lang === "fr") return french(opening.replace(/,\s*$/, ""));
  return { opening, address: "", closing: "Yours sincerely," };
}

/**
 * The salutation of a document (DOMAIN section 4). The person greeted is the contact, or a
 * consumer (particulier) itself; a company without a contact is « Madame, Monsieur, ».
 *
 * @param to - the customer, its contact and the Civilité column
 * @param lang - the document's language
 * @param office - the head of a public body, when known (« Monsieur le Maire, »): used first
 * @example
 * salutation({ customerName: "M. Castex", customerType: "particulier" }, "fr").opening // "Monsieur,"
 * salutation({ customerName: "Thornton & Hale Ltd", customerType: "professionnel", contact: "James Hale", civility: "Mr" }, "en")
 * // { opening: "Dear Mr Hale,", address: "", closing: "Yours sincerely," }
 */
export function salutation(to: Addressee, lang: "fr" | "en", office?: Salutation): Salutation {
  if (office !== undefined) return office;
  const written = to.contact !== undefined && to.contact.trim() !== "" ? to.contact : to.customerType === "particulier" ? to.customerName : undefined;
  const person = written === undefined ? undefined : personName(written);
  const civility = to.civility ?? person?.civility;
  if (lang === "fr") {
    if (person === undefined || person.couple || civility === undefined) return french("Madame, Monsieur");
    return french(isFeminine(civility) ? "Madame" : "Monsieur");
  }
  if (person !== undefined && person.couple) return { opening: `Dear Mr and Mrs ${surname(person.name)},`, address: "", closing: "Yours sincerely," };
  if (person === undefined || civility === undefined) return { opening: "Dear Sir or Madam,", address: "", closing: "Yours faithfully," };
  return { opening: `Dear ${ENGLISH_TITLE[civility]} ${surname(person.name)},`, address: "", closing: "Yours sincerely," };
}

const FRENCH_ABBREVIATION: Readonly<Record<Civility, string>> = { Madame: "Mme", Monsieur: "M.", Mrs: "Mme", Ms: "Mme", Miss: "Mme", Mr: "M." };

/**
 * A contact's name as an address line writes it, with the civility of the Civilité column before
 * it (« À l'attention de Mme Anne Roques », « For the attention of Mr James Hale »); a name that
 * already carries one, or no civility, is left as written.
 * @example titledContact("Anne Roques", "Madame", "fr") // "Mme Anne Roques"
 */
export function titledContact(contact: string, civility: Civility | undefined, lang: "fr" | "en"): string {
  const name = contact.trim();
  if (name === "" || civility === undefined) return name;
  const person = personName(name);
  if (person.civility !== undefined || person.couple) return name;
  return `${lang === "fr" ? FRENCH_ABBREVIATION[civility] : ENGLISH_TITLE[civility]} ${name}`;
}
