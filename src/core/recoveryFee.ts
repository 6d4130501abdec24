/** Indemnité forfaitaire pour frais de recouvrement (Code de commerce D441-5). */
import { isBusinessCustomer, type CustomerType } from "./customerType";
import type { Cents } from "./money";

/** EUR 40 per late invoice, even when several are claimed in one letter (CJEU C-585/20). */
export const RECOVERY_FEE: Cents = 4000;

/**
 * The fixed recovery fee owed for one late invoice.
 *
 * @param type - the customer category
 * @returns RECOVERY_FEE (4000 cents) for businesses and public buyers, 0 for a particulier
 *   (collection costs stay with the creditor, CPCE L111-8)
 * @example
 * recoveryFee("professionnel") // 4000
 * recoveryFee("particulier")   // 0
 */
export function recoveryFee(type: CustomerType): Cents {
  return isBusinessCustomer(type) ? RECOVERY_FEE : 0;
}
