import type { Cents } from "./money";
import { problem, type Problem } from "./problem";

/**
 * Days sales outstanding (délai moyen de paiement clients), simple method of DOMAIN section 6:
 * receivables incl. VAT / sales incl. VAT over the period x days of the period.
 * @param receivables open receivables at the end of the period, in cents
 * @param sales sales of the period, in cents
 * @param periodDays days in the period (365 for a year)
 * @returns days, unrounded
 * @example dso(1_500_000, 12_000_000, 365) // 45.625
 */
export function dso(receivables: Cents, sales: Cents, periodDays = 365): number | Problem {
  if (!(periodDays > 0) || !Number.isFinite(periodDays)) {
    return problem(`Nombre de jours de la période invalide : «${periodDays}»`);
  }
  if (sales <= 0) return problem("Chiffre d'affaires nul ou négatif : le DSO ne peut pas être calculé");
  return (receivables / sales) * periodDays;
}
