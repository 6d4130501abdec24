// The wording fields of a reminder's merge data (DOMAIN section 4, « Salutations and agreement »):
// how the document greets its reader and takes leave, who signs it, whether it speaks of one
// invoice or several, and the end of the customer's address in the convention of its country.
import { addressEnd } from "../core/postalAddress";
import { publicBodySalutation } from "../core/publicOffice";
import { officeSalutation, salutation, type Salutation } from "../core/salutation";
import type { CompanyDetails } from "../core/settings";
import type { CustomerDetails } from "../core/trackingRecord";
import type { Language } from "./reminderData";

export interface WordingData {
  /** The opening line: « Madame, », « Madame, Monsieur, », « Dear Mr Hale, ». */
  readonly salutation: string;
  /** The reader as the closing formula names them: « Nous vous prions d'agréer, {{appel}}, … »; "" in English. */
  readonly appel: string;
  /** A letter's closing: « Veuillez agréer, Madame, l'expression de nos salutations distinguées. », « Yours sincerely, ». */
  readonly formule_finale: string;
  /** Who signs: the signatory of the settings, else the accounts department. */
  readonly signataire_nom: string;
  /** The signatory's title; "" when the accounts department signs. */
  readonly signataire_fonction: string;
  /** The document lists exactly one invoice: {{#une_facture}}la facture ci-dessous reste impayée{{/une_facture}}. */
  readonly une_facture: boolean;
  /** The postcode-and-city line as the customer's post reads it (« 09700 Saverdun », « London EC1M 3HE »). */
  readonly ligne_ville: string;
  /** The country line of an address abroad (« United Kingdom »), "" in France. */
  readonly pays: string;
}

const DEPARTMENT: Readonly<Record<Language, string>> = { fr: "Le service comptabilité", en: "Accounts department" };

/**
 * The wording fields of one customer's document.
 * @param customer - the customer's details from the tracking sheet
 * @param company - the letterhead settings (the signatory)
 * @param lang - the document's language
 * @param invoiceCount - how many invoices the document's table lists
 * @param office - the salutation of a public body's head (« Monsieur le Maire, »), when known
 * @example reminderWording({ name: "M. Castex", customerType: "particulier", language: "fr" }, {}, "fr", 1).salutation // "Monsieur,"
 */
export function reminderWording(
  customer: CustomerDetails,
  company: CompanyDetails,
  lang: Language,
  invoiceCount: number,
  office?: Salutation,
): WordingData {
  // A public body's head is greeted by the office (« Monsieur le Maire, ») where the contact names it.
  const byOffice = publicBodySalutation(customer, lang);
  const greeting = salutation(
    { customerName: customer.name, customerType: customer.customerType, contact: customer.contact, civility: customer.civility },
    lang,
    office ?? (byOffice === undefined ? undefined : officeSalutation(byOffice, lang)),
  );
  const signatory = company.signatoryName?.trim() ?? "";
  const end = addressEnd(customer.postcode ?? "", customer.city ?? "", lang);
  return {
    salutation: greeting.opening,
    appel: greeting.address,
    formule_finale: greeting.closing,
    signataire_nom: signatory === "" ? DEPARTMENT[lang] : signatory,
    signataire_fonction: signatory === "" ? "" : (company.signatoryTitle?.trim() ?? ""),
    une_facture: invoiceCount === 1,
    ligne_ville: end.cityLine,
    pays: end.country,
  };
}
