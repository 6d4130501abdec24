// `relances report` as a person reads it in a terminal: French first, English beside.
import { agingBandLabels } from "../core/aging";
import { dayToFrench } from "../core/day";
import type { DayPeriod } from "../core/fiscalYear";
import type { ManagementReport } from "../core/managementReport";
import { formatEuros } from "../core/money";
import { PAYMENT_DELAY_BANDS } from "../core/paymentDelayTable";
import { percentOf } from "../core/percentOf";
import { REFERENCE_TERMS } from "../core/reportJson";

/** A percentage as French text: 12,35 %, or « - » when there is none. */
function percentText(percent: number | null): string {
  return percent === null ? "-" : `${percent.toFixed(2).replace(".", ",")} %`;
}

const periodText = (period: DayPeriod): string => `du ${dayToFrench(period.from)} au ${dayToFrench(period.to)}`;

/** Columns padded to their widest cell, the first to the left and the others to the right. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ").trimEnd());
}

/**
 * The report as text: totals, the ageing summary, DSO and the D441-6 table.
 *
 * @param report - the report
 * @param warnings - the reading's warnings, printed last
 * @returns the lines, joined
 * @example
 * reportTable(report).split("\n")[0] // "Rapport au 30/06/2026 / Report as of 30/06/2026"
 */
export function reportTable(report: ManagementReport, warnings: readonly string[] = []): string {
  const { totals, ageing, dso, paymentDelays: delays } = report;
  const date = dayToFrench(report.asOf);
  const lines = [`Rapport au ${date} / Report as of ${date}`, ""];
  lines.push(
    ...table([
      ["Encours / outstanding", formatEuros(totals.outstanding)],
      ["  dont échu / overdue", formatEuros(totals.overdue)],
      ["  dont non échu / not due", formatEuros(totals.notDue)],
    ]),
    "",
  );

  const fr = agingBandLabels(report.ageingBounds, "fr");
  const en = agingBandLabels(report.ageingBounds, "en");
  lines.push("Balance âgée / ageing summary");
  lines.push(
    ...table([
      ["Tranche / band", "Factures / invoices", "Montant / amount", "Part / share"],
      ...fr.map((label, i) => [
        label === en[i] ? label : `${label} / ${en[i]}`,
        String(ageing.counts[i]),
        formatEuros(ageing.amounts[i]!),
        percentText(percentOf(ageing.amounts[i]!, ageing.total)),
      ]),
      ["Total", String(ageing.counts.reduce((a, b) => a + b, 0)), formatEuros(ageing.total), ageing.total === 0 ? "-" : "100,00 %"],
    ]),
    "",
  );

  const days = dso.days === null ? `non calculable / not computable (${dso.problem})` : `${(Math.round(dso.days * 10) / 10).toFixed(1).replace(".", ",")} jours / days`;
  lines.push(
    `DSO (délai moyen de paiement clients) : ${days}`,
    `  encours TTC ${formatEuros(dso.receivables)} / CA TTC ${formatEuros(dso.sales)} x ${dso.periodDays} jours, ${periodText(dso.period)}`,
    `  receivables / sales incl. VAT of the twelve months to the reference date x ${dso.periodDays} days`,
    "",
  );

  lines.push(
    "Délais de paiement clients (Code de commerce, art. D441-6) / customer payment delays (French management report)",
    `Factures émises non réglées au ${date} dont le terme est échu / invoices issued, unpaid and past due`,
    ...table([
      ["", ...PAYMENT_DELAY_BANDS.fr, "Total (1 jour et plus)"],
      ["(A) Nombre de factures / invoices", ...[...delays.bands, delays.total].map((c) => String(c.count))],
      ["    Montant TTC / amount incl. VAT", ...[...delays.bands, delays.total].map((c) => formatEuros(c.amount))],
      ["    % du CA TTC de l'exercice / of the year's sales", ...[...delays.bands, delays.total].map((c) => percentText(c.percentOfSales))],
    ]),
    `    CA TTC net des avoirs de l'exercice ouvert ${periodText(delays.fiscalYear)}, facturé ${periodText(delays.salesPeriod)} : ${formatEuros(delays.sales)}`,
    "    / the fiscal year's sales incl. VAT, net of credit notes, to the reference date",
    `(B) Factures exclues de (A), en litige / excluded from (A), disputed : ${delays.disputed.count}, ${formatEuros(delays.disputed.amount)}`,
    `(C) Délais de paiement de référence / reference payment terms : ${REFERENCE_TERMS}`,
  );
  if (report.counts.issuedAfter > 0) {
    lines.push("", `${report.counts.issuedAfter} facture(s) datée(s) après le ${date}, hors du rapport / invoice(s) dated after the reference date, left out`);
  }
  if (warnings.length > 0) lines.push("", "Avertissements / warnings:", ...warnings.map((w) => `  ${w}`));
  return lines.join("\n");
}
