// Rapport / Report: for the manager, the totals, the ageing summary, DSO and the payment-delay table
// of the management report (Code de commerce D441-6), for the reference date; exported as a sheet
// of its own (« Rapport Relances ») through the host.
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { reportFromArrays, type ArraysReport } from "../../../src/engine/reportArrays";
import type { ReportJson } from "../../../src/core/reportJson";
import { usePane, useText } from "../paneContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalM },
  table: { borderCollapse: "collapse", width: "100%", "& th, & td": { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` } },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  card: { padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

type ReportState = { readonly status: "pending" } | { readonly status: "ready"; readonly result: ArraysReport } | { readonly status: "failed"; readonly message: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function ReportScreen() {
  const styles = useStyles();
  const t = useText();
  const { host, sheets, asOf, setAsOf, revision, reload, announce } = usePane();
  const [state, setState] = useState<ReportState>({ status: "pending" });
  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<{ readonly intent: "success" | "error"; readonly text: string } | undefined>();

  useEffect(() => {
    let current = true;
    setState({ status: "pending" });
    reportFromArrays(sheets, asOf, { lang: host.language }).then(
      (result) => current && setState({ status: "ready", result }),
      (error: unknown) => current && setState({ status: "failed", message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [sheets, asOf, revision, host.language]);

  const result = state.status === "ready" ? state.result : undefined;
  const exportSheet = async (): Promise<void> => {
    if (result?.sheet === undefined) return;
    setExporting(true);
    try {
      await host.output.append([result.sheet]);
      const text = t("report.exported", { sheet: result.sheet.sheet, rows: result.sheet.rows.length });
      announce(text);
      setOutcome({ intent: "success", text });
      await reload();
    } catch (error) {
      setOutcome({ intent: "error", text: t("report.exportFailed", { message: messageOf(error) }) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className={styles.root}>
      <h2>{t("report.heading")}</h2>
      <div className={styles.bar}>
        <Field label={t("today.asOf")}>
          <Input type="date" value={asOf} onChange={(_e, data) => data.value !== "" && setAsOf(data.value)} />
        </Field>
        <Button appearance="primary" onClick={() => void exportSheet()} disabled={result?.sheet === undefined || exporting} data-testid="report-export">
          {t("report.export")}
        </Button>
        {exporting && <Spinner size="tiny" label={t("report.exporting")} />}
      </div>
      {outcome !== undefined && (
        <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "pending" && <Spinner size="small" label={t("report.computing")} />}
      {state.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {result?.problem !== undefined && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("report.none", { message: result.problem })}</MessageBarBody>
        </MessageBar>
      )}
      {result?.json !== undefined && <ReportTables report={result.json} />}
    </div>
  );
}

function ReportTables({ report }: { readonly report: ReportJson }) {
  const styles = useStyles();
  const t = useText();
  const { host } = usePane();
  const en = host.language === "en";
  const euros = (amount: number): string => amount.toLocaleString(host.language, { style: "currency", currency: "EUR" });
  const percent = (value: number | null): string => (value === null ? "—" : `${value.toLocaleString(host.language, { maximumFractionDigits: 2 })} %`);
  const date = (iso: string): string => (en ? iso : iso.split("-").reverse().join("/"));
  const { totals, ageing, dso, paymentDelays: delays } = report;
  const columns = [...delays.bands, delays.total];
  return (
    <>
      <section aria-labelledby="report-totals-heading">
        <h3 id="report-totals-heading">{t("today.totals")}</h3>
        <dl className={styles.figures} data-testid="report-totals">
          {(
            [
              [t("today.outstanding"), euros(totals.outstanding)],
              [t("today.overdue"), euros(totals.overdue)],
              [t("today.notDue"), euros(totals.notDue)],
              [t("today.dso"), dso.days === null ? t("today.dsoNone") : t("today.dsoValue", { days: dso.days.toLocaleString(host.language) })],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className={styles.card}>
              <dt>
                <Text>{label}</Text>
              </dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
        <Text size={200}>
          {t("report.dsoPeriod", { from: date(dso.period.from), to: date(dso.period.to), sales: euros(dso.sales) })}
          {dso.problem !== undefined && ` — ${dso.problem}`}
        </Text>
      </section>

      <section aria-labelledby="report-ageing-heading">
        <h3 id="report-ageing-heading">{t("today.ageing")}</h3>
        <table className={styles.table} data-testid="report-ageing">
          <thead>
            <tr>
              <th scope="col">{t("today.band")}</th>
              <th scope="col" className={styles.number}>{t("today.count")}</th>
              <th scope="col" className={styles.number}>{t("today.amount")}</th>
              <th scope="col" className={styles.number}>{t("report.share")}</th>
            </tr>
          </thead>
          <tbody>
            {ageing.bands.map((band) => (
              <tr key={band.band}>
                <th scope="row">{en ? band.bandEn : band.band}</th>
                <td className={styles.number}>{band.count}</td>
                <td className={styles.number}>{euros(band.amount)}</td>
                <td className={styles.number}>{percent(band.percent)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("report.total")}</th>
              <td className={styles.number}>{ageing.bands.reduce((n, b) => n + b.count, 0)}</td>
              <td className={styles.number}>{euros(ageing.total)}</td>
              <td className={styles.number}>{percent(ageing.total > 0 ? 100 : null)}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-delays-heading">
        <h3 id="report-delays-heading">{t("report.delays")}</h3>
        <Text size={200}>{t("report.delaysNote", { from: date(delays.fiscalYear.from), to: date(delays.fiscalYear.to) })}</Text>
        <table className={styles.table} data-testid="report-delays">
          <caption style={{ textAlign: "left" }}>{t("report.delaysCaption")}</caption>
          <thead>
            <tr>
              <td />
              {columns.map((c) => (
                <th key={c.band} scope="col" className={styles.number}>
                  {en ? c.bandEn : c.band}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("report.delaysCount")}</th>
              {columns.map((c) => (
                <td key={c.band} className={styles.number}>{c.count}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("report.delaysAmount")}</th>
              {columns.map((c) => (
                <td key={c.band} className={styles.number}>{euros(c.amount)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("report.delaysShare")}</th>
              {columns.map((c) => (
                <td key={c.band} className={styles.number}>{percent(c.percentOfSales)}</td>
              ))}
            </tr>
          </tbody>
        </table>
        <ul>
          <li>{t("report.yearSales", { amount: euros(delays.sales), from: date(delays.salesPeriod.from), to: date(delays.salesPeriod.to) })}</li>
          <li>{t("report.disputed", { count: delays.disputed.count, amount: euros(delays.disputed.amount) })}</li>
          <li>{t("report.terms")}</li>
        </ul>
      </section>
      {report.warnings.length > 0 && (
        <details>
          <summary>{t("report.warnings", { count: report.warnings.length })}</summary>
          <ul>
            {report.warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
