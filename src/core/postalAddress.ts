/**
 * The last lines of a customer's postal address (DOMAIN section 4): a French one ends
 * « 09700 Saverdun »; one abroad is written the way its post reads it, then the country on a line
 * of its own (« London EC1M 3HE », then « United Kingdom »). There is no country column: the
 * country comes from the postcode's shape (UK, Dutch, or a « B-1000 » prefix), or from a country
 * named after the city (« Bruxelles, Belgique »).
 */
import { normalizeText } from "./normalizeText";

/** French names of the countries a customer may be in, by ISO 3166 code: addresses and court files name them so. */
const FRENCH_NAMES: Readonly<Record<string, string>> = {
  GB: "Royaume-Uni", IE: "Irlande", DE: "Allemagne", AT: "Autriche", BE: "Belgique", NL: "Pays-Bas", LU: "Luxembourg",
  ES: "Espagne", PT: "Portugal", IT: "Italie", CH: "Suisse", DK: "Danemark", SE: "Suède", FI: "Finlande", PL: "Pologne",
  CZ: "Tchéquie", SK: "Slovaquie", HU: "Hongrie", RO: "Roumanie", BG: "Bulgarie", GR: "Grèce", CY: "Chypre", MT: "Malte",
  SI: "Slovénie", HR: "Croatie", EE: "Estonie", LV: "Lettonie", LT: "Lituanie", NO: "Norvège", IS: "Islande", LI: "Liechtenstein",
  MC: "Monaco", AD: "Andorre", US: "États-Unis",
};

/** A country other than France that an address can show, with its English name. */
interface Country {
  readonly en: string;
  /** The postcode follows the city (UK), or comes first, as in France. */
  readonly postcodeLast?: boolean;
}

const COUNTRIES: Readonly<Record<string, Country>> = {
  GB: { en: "United Kingdom", postcodeLast: true },
  IE: { en: "Ireland", postcodeLast: true },
  BE: { en: "Belgium" },
  LU: { en: "Luxembourg" },
  CH: { en: "Switzerland" },
  DE: { en: "Germany" },
  ES: { en: "Spain" },
  IT: { en: "Italy" },
  PT: { en: "Portugal" },
  NL: { en: "Netherlands" },
  AD: { en: "Andorra" },
  MC: { en: "Monaco" },
  AT: { en: "Austria" },
  US: { en: "United States", postcodeLast: true },
};

/**
 * A country's name in French, by its ISO 3166 code.
 * @example countryName("IE") // "Irlande"
 */
export function countryName(code: string): string | undefined {
  return FRENCH_NAMES[code];
}

/** Country names written after a city, normalised, and the country's code. */
const NAMES: ReadonlyMap<string, string> = new Map([
  ...Object.entries(COUNTRIES).flatMap(([code, c]) => [[normalizeText(FRENCH_NAMES[code]!), code] as const, [normalizeText(c.en), code] as const]),
  ["uk", "GB"], ["u k", "GB"], ["england", "GB"], ["angleterre", "GB"], ["scotland", "GB"], ["ecosse", "GB"], ["wales", "GB"],
  ["great britain", "GB"], ["grande bretagne", "GB"], ["usa", "US"], ["deutschland", "DE"], ["espana", "ES"], ["italia", "IT"],
  ["schweiz", "CH"], ["nederland", "NL"], ["belgie", "BE"], ["andorra", "AD"],
]);

const PREFIXES: Readonly<Record<string, string>> = { B: "BE", L: "LU", CH: "CH", D: "DE", E: "ES", I: "IT", P: "PT", NL: "NL", A: "AT", AD: "AD", MC: "MC" };

// Royal Mail's shapes: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA.
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const DUTCH_POSTCODE = /^\d{4} ?[A-Z]{2}$/i;
const PREFIXED = /^([A-Z]{1,2})[-\s](\d{3,5})$/i;

/** The end of an address: the line with the postcode and city, and the country line ("" for France). */
export interface AddressEnd {
  readonly cityLine: string;
  readonly country: string;
}

/**
 * The postcode-and-city line and the country line of an address, in the document's language.
 * @param postcode - the CP column
 * @param city - the Ville column, possibly followed by a country (« London, United Kingdom »)
 * @example addressEnd("EC1M 3HE", "London", "en") // { cityLine: "London EC1M 3HE", country: "United Kingdom" }
 * @example addressEnd("09700", "Saverdun", "fr") // { cityLine: "09700 Saverdun", country: "" }
 */
export function addressEnd(postcode: string, city: string, lang: "fr" | "en"): AddressEnd {
  const { code, town, country } = readAddressEnd(postcode, city);
  const found = country === undefined ? undefined : COUNTRIES[country];
  const parts = found?.postcodeLast ? [town, code.toUpperCase()] : [code, town];
  return { cityLine: parts.filter(Boolean).join(" "), country: found === undefined ? "" : lang === "fr" ? FRENCH_NAMES[country!]! : found.en };
}

/**
 * The country an address's postcode and city show, as an ISO 3166 code, by the reading of
 * addressEnd; undefined for a French address or one that shows none.
 * @example addressCountry("D02 X285", "Dublin, Ireland") // "IE"
 * @example addressCountry("09700", "Saverdun")           // undefined
 */
export function addressCountry(postcode: string, city: string): string | undefined {
  return readAddressEnd(postcode, city).country;
}

/** The postcode, the city without a country named after it, and the country the two show. */
function readAddressEnd(postcode: string, city: string): { code: string; town: string; country: string | undefined } {
  let code = postcode.trim();
  let town = city.trim();
  let country: string | undefined;
  const named = /^(.*?)[\s,(–—-]+([^,()–—-]+)\)?$/.exec(town);
  if (named !== null && NAMES.has(normalizeText(named[2]!))) {
    country = NAMES.get(normalizeText(named[2]!));
    town = named[1]!.trim();
  } else if (NAMES.has(normalizeText(town)) && code === "") {
    country = NAMES.get(normalizeText(town));
  }
  const prefixed = PREFIXED.exec(code);
  if (prefixed !== null && PREFIXES[prefixed[1]!.toUpperCase()] !== undefined) {
    country ??= PREFIXES[prefixed[1]!.toUpperCase()];
    if (prefixed[1]!.toUpperCase() !== "F") code = prefixed[2]!;
  } else if (country === undefined && UK_POSTCODE.test(code)) {
    country = "GB";
  } else if (country === undefined && DUTCH_POSTCODE.test(code)) {
    country = "NL";
  }
  return { code, town, country };
}

/**
 * Whether an address is abroad, by the same reading as addressEnd.
 * @example isAbroad("EC1M 3HE", "London") // true
 */
export function isAbroad(postcode: string, city: string): boolean {
  return addressEnd(postcode, city, "en").country !== "";
}
