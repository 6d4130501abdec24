// The ageing chart (balance âgée): outstanding by band of days past due, as a Fluent bar chart, with
// the same figures in a table beside it for screen readers and for reading exact amounts.
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from "@fluentui/react-components";
import { VerticalBarChart, type VerticalBarChartDataPoint } from "@fluentui/react-charts";
import { agingBandLabels, DEFAULT_AGING_BOUNDS, type AgingSummary } from "../../src/core/aging";
import { eurosFromCents, formatEuros } from "../../src/core/money";
import { usePane, useText } from "./paneContext";

const BAND_COLOURS = ["#0f6cbd", "#8f7400", "#bc4b09", "#c50f1f", "#750b1c"];

const useStyles = makeStyles({
  chart: { width: "100%", maxWidth: "560px" },
  table: { maxWidth: "560px" },
  amount: { textAlign: "end" },
});

export function AgeingChart({ ageing }: { readonly ageing: AgingSummary }) {
  const styles = useStyles();
  const t = useText();
  const { host } = usePane();
  const labels = agingBandLabels(DEFAULT_AGING_BOUNDS, host.language);
  const data: VerticalBarChartDataPoint[] = labels.map((label, i) => ({
    x: label,
    y: eurosFromCents(ageing.amounts[i] ?? 0),
    legend: label,
    color: BAND_COLOURS[i % BAND_COLOURS.length],
    yAxisCalloutData: formatEuros(ageing.amounts[i] ?? 0, host.language),
  }));
  return (
    <section aria-labelledby="ageing-heading">
      <h3 id="ageing-heading">{t("today.ageing")}</h3>
      <figure className={styles.chart} aria-label={t("today.ageingChart")} data-testid="ageing-chart">
        <VerticalBarChart data={data} height={200} hideLegend chartTitle={t("today.ageingChart")} />
      </figure>
      <Table size="extra-small" className={styles.table} aria-label={t("today.ageing")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("today.band")}</TableHeaderCell>
            <TableHeaderCell>{t("today.count")}</TableHeaderCell>
            <TableHeaderCell className={styles.amount}>{t("today.amount")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {labels.map((label, i) => (
            <TableRow key={label}>
              <TableCell>{label}</TableCell>
              <TableCell>{ageing.counts[i] ?? 0}</TableCell>
              <TableCell className={styles.amount}>{formatEuros(ageing.amounts[i] ?? 0, host.language)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
