// The report exported as a sheet of its own, « Rapport Relances »: one block of rows per export,
// each row tagged with its reference date, so that exports of several dates sit one under another.
// Values only: dates as Excel serials, amounts in euros as numbers, labels the product's own words.
import type { CellValue } from "../core/cellValue";
import { agingBandLabels } from "../core/aging";
import { dayToExcelSerial, type Day } from "../core/day";
import type { ManagementReport } from "../core/managementReport";
import { eurosFromCents, type Cents } from "../core/money";
import { PAYMENT_DELAY_BANDS } from "../core/paymentDelayTable";
import { percentOf } from "../core/percentOf";
import { cleanText, isFormulaLike } from "./cellText";
import type { SheetAppend } from "./workbookOutput";

/** The sheet the report is exported to. */
export const REPORT_SHEET = "Rapport Relances";

const HEADERS: Readonly<Record<"fr" | "en", readonly string[]>> = {
  fr: ["Date de référence", "Rubrique", "Libellé", "Nombre de factures", "Montant TTC", "Pourcentage", "Jours", "Début de période", "Fin de période"],
  en: ["Reference date", "Section", "Item", "Invoices", "Amount incl. VAT", "Percent", "Days", "Period start", "Period end"],
};

const WORDS = {
  fr: {
    totals: "Encours",
    outstanding: "Total encours",
    overdue: "Échu",
    notDue: "Non échu",
    ageing: "Balance âgée",
    total: "Total",
    dso: "DSO",
    receivables: "Encours TTC",
    sales: "Chiffre d'affaires TTC des 12 mois",
    days: "DSO en jours",
    delays: "Délais de paiement D441-6",
    delaysTotal: "Total (1 jour et plus)",
    yearSales: "Chiffre d'affaires TTC de l'exercice",
    disputed: "(B) Factures exclues, en litige",
  },
  en: {
    totals: "Outstanding",
    outstanding: "Total outstanding",
    overdue: "Overdue",
    notDue: "Not due",
    ageing: "Ageing summary",
    total: "Total",
    dso: "DSO",
    receivables: "Receivables incl. VAT",
    sales: "Sales incl. VAT of the 12 months",
    days: "DSO in days",
    delays: "Payment delays D441-6",
    delaysTotal: "Total (1 day or more)",
    yearSales: "Sales incl. VAT of the fiscal year",
    disputed: "(B) Excluded invoices, disputed",
  },
} as const;

/** A label as a cell holds it: never read as a formula, whatever a translation might start with. */
function label(text: string): string {
  const clean = cleanText(text);
  return isFormulaLike(clean) ? `'${clean}` : clean;
}

/**
 * The report as rows to append to the « Rapport Relances » sheet, created with its header.
 *
 * @param report - the report
 * @param lang - the labels' language (Office's display language; French by default)
 * @returns the append, for WorkbookOutput.append
 * @example
 * reportSheet(report).rows[0] // [46203, "Encours", "Total encours", null, 246470, null, null, null, null]
 */
export function reportSheet(report: ManagementReport, lang: "fr" | "en" = "fr"): SheetAppend {
  const w = WORDS[lang];
  const serial = dayToExcelSerial(report.asOf);
  const row = (
    section: string,
    item: string,
    values: { count?: number; amount?: Cents; percent?: number | null; days?: number | null; from?: Day; to?: Day } = {},
  ): CellValue[] => [
    serial,
    label(section),
    label(item),
    values.count ?? null,
    values.amount === undefined ? null : eurosFromCents(values.amount),
    values.percent ?? null,
    values.days ?? null,
    values.from === undefined ? null : dayToExcelSerial(values.from),
    values.to === undefined ? null : dayToExcelSerial(values.to),
  ];
  const { totals, ageing, dso, paymentDelays: delays } = report;
  const bands = agingBandLabels(report.ageingBounds, lang);
  const ageingCount = ageing.counts.reduce((a, b) => a + b, 0);
  const rows: CellValue[][] = [
    row(w.totals, w.outstanding, { amount: totals.outstanding }),
    row(w.totals, w.overdue, { amount: totals.overdue }),
    row(w.totals, w.notDue, { amount: totals.notDue }),
    ...bands.map((band, i) => row(w.ageing, band, { count: ageing.counts[i]!, amount: ageing.amounts[i]!, percent: percentOf(ageing.amounts[i]!, ageing.total) })),
    row(w.ageing, w.total, { count: ageingCount, amount: ageing.total, percent: percentOf(ageing.total, ageing.total) }),
    row(w.dso, w.receivables, { amount: dso.receivables }),
    row(w.dso, w.sales, { amount: dso.sales, days: dso.periodDays, from: dso.period.from, to: dso.period.to }),
    row(w.dso, w.days, { days: dso.days === null ? null : Math.round(dso.days * 10) / 10, from: dso.period.from, to: dso.period.to }),
    ...delays.bands.map((c, i) => row(w.delays, `(A) ${PAYMENT_DELAY_BANDS[lang][i]!}`, { count: c.count, amount: c.amount, percent: c.percentOfSales })),
    row(w.delays, `(A) ${w.delaysTotal}`, { count: delays.total.count, amount: delays.total.amount, percent: delays.total.percentOfSales }),
    row(w.delays, w.yearSales, { amount: delays.sales, from: delays.salesPeriod.from, to: delays.salesPeriod.to }),
    row(w.delays, w.disputed, { count: delays.disputed.count, amount: delays.disputed.amount }),
  ];
  return { sheet: REPORT_SHEET, header: HEADERS[lang], rows, dateColumns: [0, 7, 8] };
}
