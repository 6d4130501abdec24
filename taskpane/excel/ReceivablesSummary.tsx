// The Today screen's figures: outstanding, overdue, not due and DSO, then the ageing chart.
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { formatEuros } from "../../src/core/money";
import { AgeingChart } from "./AgeingChart";
import { usePane, useText } from "./paneContext";
import type { Receivables } from "./receivables";
import type { DsoState } from "./useReportDso";
import { inLanguage } from "../shared/bilingual";

const useStyles = makeStyles({
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  card: { padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export function ReceivablesSummary({ receivables, dso }: { readonly receivables: Receivables; readonly dso: DsoState }) {
  const styles = useStyles();
  const t = useText();
  const { host } = usePane();
  const euros = (cents: number): string => formatEuros(cents, host.language);
  const figures: readonly [string, string, string?][] = [
    [t("today.outstanding"), euros(receivables.outstanding)],
    [t("today.overdue"), euros(receivables.overdue)],
    [t("today.notDue"), euros(receivables.notDue)],
    [
      t("today.dso"),
      dso.status === "pending" ? "…" : dso.days === null ? t("today.dsoNone") : t("today.dsoValue", { days: dso.days.toLocaleString(host.language) }),
      dso.status === "ready" ? inLanguage(dso.problem ?? dso.method, host.language) : undefined,
    ],
  ];
  return (
    <section aria-labelledby="totals-heading">
      <h3 id="totals-heading">{t("today.totals")}</h3>
      <dl className={styles.figures} data-testid="totals">
        {figures.map(([label, value, note]) => (
          <div key={label} className={styles.card} title={note}>
            <dt><Text>{label}</Text></dt>
            <dd className={styles.value} data-testid={`figure-${label}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <AgeingChart ageing={receivables.ageing} />
    </section>
  );
}
