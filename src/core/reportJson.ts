// The report as `relances report --json` prints it and the pane receives it: dates ISO, amounts in
// euros as numbers, percentages with two decimals (12.5 for 12.5 %).
import { agingBandLabels } from "./aging";
import { dayToIso } from "./day";
import type { DayPeriod } from "./fiscalYear";
import type { DelayColumn } from "./paymentDelayTable";
import { PAYMENT_DELAY_BANDS } from "./paymentDelayTable";
import type { ManagementReport } from "./managementReport";
import { eurosFromCents } from "./money";
import { percentOf } from "./percentOf";

export interface PeriodJson {
  readonly from: string;
  readonly to: string;
}

export interface DelayColumnJson {
  readonly band: string;
  readonly bandEn: string;
  readonly count: number;
  readonly amount: number;
  readonly percentOfSales: number | null;
}

export interface ReportJson {
  readonly asOf: string;
  readonly totals: { readonly outstanding: number; readonly overdue: number; readonly notDue: number };
  readonly ageing: {
    readonly bands: readonly { readonly band: string; readonly bandEn: string; readonly count: number; readonly amount: number; readonly percent: number | null }[];
    readonly total: number;
  };
  readonly dso: {
    readonly days: number | null;
    readonly method: string;
    readonly period: PeriodJson;
    readonly periodDays: number;
    readonly receivables: number;
    readonly sales: number;
    readonly problem?: string;
  };
  readonly paymentDelays: {
    readonly article: "D441-6";
    readonly fiscalYear: PeriodJson;
    readonly salesPeriod: PeriodJson;
    readonly sales: number;
    readonly bands: readonly DelayColumnJson[];
    readonly total: DelayColumnJson;
    readonly disputed: { readonly count: number; readonly amount: number };
    readonly terms: string;
  };
  readonly counts: { readonly invoices: number; readonly issuedAfter: number };
  readonly warnings: readonly string[];
}

/** DSO's method, as the report states it. */
export const DSO_METHOD = "encours TTC / CA TTC des 12 mois x jours de la période / receivables / sales incl. VAT of the 12 months x days";
/** (C) of the D441-6 table: the terms the delays are counted from. */
export const REFERENCE_TERMS =
  "délais contractuels : l'échéance de chaque facture / contractual terms: each invoice's due date";

const periodJson = (period: DayPeriod): PeriodJson => ({ from: dayToIso(period.from), to: dayToIso(period.to) });

/**
 * The report as plain JSON.
 *
 * @param report - the report
 * @param warnings - what the reading of the workbook found (rejected rows, settings)
 * @returns the JSON object
 * @example
 * reportToJson(report).paymentDelays.total.amount // 12345.67
 */
export function reportToJson(report: ManagementReport, warnings: readonly string[] = []): ReportJson {
  const fr = agingBandLabels(report.ageingBounds, "fr");
  const en = agingBandLabels(report.ageingBounds, "en");
  const { ageing, dso, paymentDelays: table } = report;
  const column = (band: string, bandEn: string, c: DelayColumn): DelayColumnJson => ({
    band,
    bandEn,
    count: c.count,
    amount: eurosFromCents(c.amount),
    percentOfSales: c.percentOfSales,
  });
  return {
    asOf: dayToIso(report.asOf),
    totals: {
      outstanding: eurosFromCents(report.totals.outstanding),
      overdue: eurosFromCents(report.totals.overdue),
      notDue: eurosFromCents(report.totals.notDue),
    },
    ageing: {
      bands: fr.map((band, i) => ({
        band,
        bandEn: en[i]!,
        count: ageing.counts[i]!,
        amount: eurosFromCents(ageing.amounts[i]!),
        percent: percentOf(ageing.amounts[i]!, ageing.total),
      })),
      total: eurosFromCents(ageing.total),
    },
    dso: {
      days: dso.days === null ? null : Math.round(dso.days * 10) / 10,
      method: DSO_METHOD,
      period: periodJson(dso.period),
      periodDays: dso.periodDays,
      receivables: eurosFromCents(dso.receivables),
      sales: eurosFromCents(dso.sales),
      ...(dso.problem === undefined ? {} : { problem: dso.problem }),
    },
    paymentDelays: {
      article: "D441-6",
      fiscalYear: periodJson(table.fiscalYear),
      salesPeriod: periodJson(table.salesPeriod),
      sales: eurosFromCents(table.sales),
      bands: table.bands.map((c, i) => column(PAYMENT_DELAY_BANDS.fr[i]!, PAYMENT_DELAY_BANDS.en[i]!, c)),
      total: column("Total (1 jour et plus)", "Total (1 day or more)", table.total),
      disputed: { count: table.disputed.count, amount: eurosFromCents(table.disputed.amount) },
      terms: REFERENCE_TERMS,
    },
    counts: report.counts,
    warnings,
  };
}
