/**
 * The court a creditor turns to once the formal notice's deadline has passed (DOMAIN sections 2
 * and 4): the tribunal de commerce for a commerçant or a company commercial by its form, the
 * tribunal judiciaire for every other debtor, the tribunal administratif (référé-provision) for a
 * public buyer, and a check of the competence for a debtor abroad.
 */
import type { CustomerType } from "./customerType";
import { debtorCountry, type DebtorCountry } from "./debtorCountry";
import { legalFormOf, type LegalForm } from "./legalForm";
import type { CustomerDetails } from "./trackingRecord";

export type CourtKind = "commerce" | "judiciaire" | "administratif";

export interface CompetentCourt {
  readonly kind: CourtKind;
  /** The form the name shows, when it shows one. */
  readonly legalForm?: LegalForm | undefined;
  /**
   * True when neither the name nor the category settles whether the debtor is a commerçant (a
   * business without a form in its name): the court is the likelier one and must be checked.
   */
  readonly toCheck: boolean;
  readonly debtor: DebtorCountry;
}

/**
 * @param customer - the customer's details (name, category, postcode, VAT number, SIRET)
 * @returns the kind of court, the legal form read from the name, and where the debtor is
 * @example
 * competentCourt({ name: "SCI Les Tilleuls", customerType: "professionnel", … }).kind // "judiciaire"
 * competentCourt({ name: "SARL Hôtel du Château", customerType: "professionnel", … }).kind // "commerce"
 * competentCourt({ name: "Mairie de Saverdun", customerType: "collectivite", … }).kind // "administratif"
 */
export function competentCourt(
  customer: Pick<CustomerDetails, "name" | "customerType" | "postcode" | "city" | "vatNumber" | "siret">,
): CompetentCourt {
  const legalForm = legalFormOf(customer.name);
  const debtor = debtorCountry(customer);
  const base = { legalForm, debtor };
  if (customer.customerType === "collectivite") return { ...base, kind: "administratif", toCheck: false };
  if (legalForm?.kind === "commercial") return { ...base, kind: "commerce", toCheck: false };
  if (legalForm?.kind === "civil") return { ...base, kind: "judiciaire", toCheck: false };
  return { ...base, ...byCategory(customer.customerType, legalForm) };
}

/** A debtor whose name shows no French form: by what its category says of its activity. */
function byCategory(type: CustomerType, legalForm: LegalForm | undefined): { kind: CourtKind; toCheck: boolean } {
  // A foreign company is commercial in its own law's terms: the question is the competence abroad.
  if (legalForm?.kind === "foreign") return { kind: "commerce", toCheck: true };
  // A consumer, and an architect practising in their own name (a liberal profession), are not commerçants.
  if (type === "particulier" || type === "architecte") return { kind: "judiciaire", toCheck: type === "architecte" };
  return { kind: "commerce", toCheck: true };
}
