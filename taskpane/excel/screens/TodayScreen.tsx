// Aujourd'hui / Today: the receivables and the ageing chart, the worklist by level for the
// reference date, and the actions on the ticked customers.
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ReminderLevel } from "../../../src/core/reminderLevel";
import { ActionsPanel } from "../ActionsPanel";
import { ContactLogPanel } from "../ContactLogPanel";
import { usePane, useText } from "../paneContext";
import { receivablesOf } from "../receivables";
import { ReceivablesSummary } from "../ReceivablesSummary";
import { usePlan } from "../usePlan";
import { useReportDso } from "../useReportDso";
import { Worklist } from "../Worklist";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalM },
});

export function TodayScreen() {
  const styles = useStyles();
  const t = useText();
  const { asOf, setAsOf } = usePane();
  const state = usePlan();
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [forced, setForced] = useState<ReadonlyMap<string, ReminderLevel>>(new Map());
  const plan = state.status === "ready" ? state.plan : undefined;
  const dso = useReportDso(plan !== undefined);
  const receivables = useMemo(() => (plan === undefined ? undefined : receivablesOf(plan)), [plan]);
  const selected = useMemo(() => (plan === undefined ? [] : plan.actions.filter((a) => !unticked.has(a.customerKey))), [plan, unticked]);

  const toggle = (key: string, ticked: boolean): void =>
    setUnticked((current) => {
      const next = new Set(current);
      if (ticked) next.delete(key);
      else next.add(key);
      return next;
    });
  const force = (key: string, level: ReminderLevel | undefined): void =>
    setForced((current) => {
      const next = new Map(current);
      if (level === undefined) next.delete(key);
      else next.set(key, level);
      return next;
    });

  return (
    <div className={styles.root}>
      <h2>{t("today.heading")}</h2>
      <div className={styles.bar}>
        <Field label={t("today.asOf")}>
          <Input type="date" value={asOf} onChange={(_e, data) => data.value !== "" && setAsOf(data.value)} data-testid="as-of" />
        </Field>
      </div>
      {(state.status === "pending" || (state.status === "ready" && state.refreshing === true)) && <Spinner size="small" label={t("today.planning")} />}
      {state.status === "problem" && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("today.noPlan", { message: state.message })}</MessageBarBody>
        </MessageBar>
      )}
      {plan !== undefined && receivables !== undefined && (
        <>
          <ReceivablesSummary receivables={receivables} dso={dso} />
          <section aria-labelledby="worklist-heading">
            <h3 id="worklist-heading">{t("today.worklist")}</h3>
            <div className={styles.bar}>
              <Button size="small" onClick={() => setUnticked(new Set())}>{t("today.selectAll")}</Button>
              <Button size="small" onClick={() => setUnticked(new Set(plan.actions.map((a) => a.customerKey)))}>{t("today.selectNone")}</Button>
              <Text data-testid="selected-count">{t("today.selected", { count: selected.length, total: plan.actions.length })}</Text>
              {plan.counts.rejected > 0 && <Text>{t("today.rejected", { count: plan.counts.rejected })}</Text>}
            </div>
            <Worklist plan={plan} unticked={unticked} forced={forced} onToggle={toggle} onForce={force} />
          </section>
          <ActionsPanel plan={plan} selected={selected} forced={forced} />
          <ContactLogPanel plan={plan} />
        </>
      )}
    </div>
  );
}
