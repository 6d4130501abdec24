/**
 * Whether a debtor is established abroad, and in which country when its details say: the French
 * courts' competence for an injonction de payer (CPC 1406) assumes a debtor in France (DOMAIN
 * section 4), and inside the EU the European order for payment is the usual route.
 */
import { legalFormOf } from "./legalForm";
import { addressCountry } from "./postalAddress";
import type { CustomerDetails } from "./trackingRecord";

export interface DebtorCountry {
  readonly abroad: boolean;
  /** ISO 3166 code when known ("GB", "DE"); "FR" for a debtor in France. */
  readonly country?: string | undefined;
  /** For a debtor abroad: true inside the EU, false outside, undefined when the country is unknown. */
  readonly inEu?: boolean | undefined;
  /** What shows it, in French, for the file: « n° de TVA GB293481756, code postal EC1M 3HE ». */
  readonly evidence: readonly string[];
}

/** EU member states by the prefix of their VAT numbers (Greece is EL). */
const EU_VAT_PREFIXES: ReadonlyMap<string, string> = new Map([
  ["AT", "AT"], ["BE", "BE"], ["BG", "BG"], ["CY", "CY"], ["CZ", "CZ"], ["DE", "DE"], ["DK", "DK"], ["EE", "EE"],
  ["EL", "GR"], ["ES", "ES"], ["FI", "FI"], ["HR", "HR"], ["HU", "HU"], ["IE", "IE"], ["IT", "IT"], ["LT", "LT"],
  ["LU", "LU"], ["LV", "LV"], ["MT", "MT"], ["NL", "NL"], ["PL", "PL"], ["PT", "PT"], ["RO", "RO"], ["SE", "SE"],
  ["SI", "SI"], ["SK", "SK"],
]);
/** VAT prefixes of countries outside the EU that invoices commonly carry. */
const NON_EU_VAT_PREFIXES: ReadonlySet<string> = new Set(["GB", "XI", "CH", "NO", "IS", "LI", "MC"]);

const FRENCH_POSTCODE = /^\d{5}$/;

/**
 * Where a debtor is established, read from its VAT number's prefix, its SIRET, its address (as
 * addressEnd reads it) and the legal form in its name.
 *
 * @param customer - the customer's details from the tracking sheet
 * @returns abroad false for a French VAT number, a SIRET or a 5-digit postcode with nothing foreign;
 *   abroad true with the country when a foreign VAT number, a UK postcode or a foreign legal form
 *   (Ltd, GmbH…) shows it
 * @example
 * debtorCountry({ name: "Thornton & Hale Ltd", postcode: "EC1M 3HE", vatNumber: "GB293481756", … })
 * // { abroad: true, country: "GB", inEu: false, evidence: ["n° de TVA GB293481756", "code postal EC1M 3HE", "forme Ltd"] }
 */
export function debtorCountry(customer: Pick<CustomerDetails, "name" | "postcode" | "city" | "vatNumber" | "siret">): DebtorCountry {
  const evidence: string[] = [];
  let country: string | undefined;
  let inEu: boolean | undefined;
  const vat = customer.vatNumber?.replace(/[^0-9a-z]/gi, "").toUpperCase();
  const prefix = vat !== undefined && /^[A-Z]{2}/.test(vat) ? vat.slice(0, 2) : undefined;
  if (prefix !== undefined && prefix !== "FR") {
    const eu = EU_VAT_PREFIXES.get(prefix);
    if (eu !== undefined || NON_EU_VAT_PREFIXES.has(prefix)) {
      country = eu ?? (prefix === "XI" ? "GB" : prefix);
      inEu = eu !== undefined;
      evidence.push(`n° de TVA ${customer.vatNumber!.trim()}`);
    }
  }
  const postcode = customer.postcode?.trim() ?? "";
  if (postcode !== "" && !FRENCH_POSTCODE.test(postcode)) evidence.push(`code postal ${postcode}`);
  // The address as the letters read it (postcode shapes, a country named after the city).
  const shown = addressCountry(postcode, customer.city ?? "");
  if (shown !== undefined) {
    if (postcode === "" || FRENCH_POSTCODE.test(postcode)) evidence.push(`adresse ${customer.city!.trim()}`);
    if (country === undefined) {
      country = shown;
      inEu = [...EU_VAT_PREFIXES.values()].includes(shown);
    }
  }
  const form = legalFormOf(customer.name);
  if (form?.kind === "foreign") evidence.push(`forme ${form.code}`);
  const french = prefix === "FR" || (customer.siret !== undefined && /^\d{14}$/.test(customer.siret.replace(/\s/g, "")));
  if (evidence.length === 0 || (french && country === undefined)) return { abroad: false, country: "FR", evidence: [] };
  return { abroad: true, country, inEu, evidence };
}
