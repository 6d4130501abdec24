// The actions on the ticked customers: e-mails (.eml drafts, or Outlook drafts when Microsoft 365
// is configured), letters, statements, stage sheets, the injonction file. The engine (runPaneAction) decides the files and the rows; the host appends
// the rows, in one batch, then hands over the files; the pane reads the workbook again. Progress
// is shown by step and announced; a summary says what was produced, journalled, left out and why.
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Plan, PlannedAction } from "../../src/core/plan";
import type { ReminderLevel } from "../../src/core/reminderLevel";
import { runPaneAction, type ActionSummary, type PaneActionKind } from "../../src/engine/browserEntry";
import { inLanguage } from "../shared/bilingual";
import type { TextKey } from "../shared/i18n";
import { outlookDraftDelivery, type DraftTally } from "../shared/outlookDraftDelivery";
import type { DeliveredFiles } from "../shared/paneHost";
import { loadTemplates } from "../shared/templates";
import { actionFiles } from "./actionFiles";
import { usePane, useText } from "./paneContext";

export const ACTION_KINDS: readonly { readonly kind: PaneActionKind; readonly label: TextKey }[] = [
  { kind: "emails", label: "actions.emails" },
  { kind: "letters", label: "actions.letters" },
  { kind: "statements", label: "actions.statements" },
  { kind: "stages", label: "actions.stageSheets" },
  { kind: "injunction", label: "actions.injunction" },
];

const STEPS: readonly TextKey[] = ["actions.stepReading", "actions.stepWriting", "actions.stepDelivering"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

type Run =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly kind: PaneActionKind; readonly step: number }
  | {
      readonly status: "done";
      readonly kind: PaneActionKind;
      readonly number: number;
      readonly summary: ActionSummary;
      readonly files: readonly string[];
      readonly delivered?: DeliveredFiles | undefined;
      /** The Outlook drafts, when the e-mails went there. */
      readonly drafts?: DraftTally | undefined;
    }
  | { readonly status: "failed"; readonly kind: PaneActionKind; readonly message: string };

export interface ActionsPanelProps {
  readonly plan: Plan;
  readonly selected: readonly PlannedAction[];
  readonly forced: ReadonlyMap<string, ReminderLevel>;
}

export function ActionsPanel({ selected, forced }: ActionsPanelProps) {
  const styles = useStyles();
  const t = useText();
  const { host, sheets, asOf, reload, announce } = usePane();
  const [run, setRun] = useState<Run>({ status: "idle" });
  const runs = useRef(0);
  // With Microsoft 365, the e-mails become Outlook drafts through the server.
  const drafting = host.api !== undefined;
  const labelKey = (kind: PaneActionKind, label: TextKey): TextKey => (kind === "emails" && drafting ? "actions.outlookDrafts" : label);
  const labelOf = (kind: PaneActionKind): string => t(labelKey(kind, ACTION_KINDS.find((a) => a.kind === kind)!.label));

  const start = async (kind: PaneActionKind): Promise<void> => {
    const step = (n: number): void => {
      setRun({ status: "running", kind, step: n });
      announce(`${t("actions.running", { action: labelOf(kind), done: n + 1, total: STEPS.length })} ${t(STEPS[n]!)}`);
    };
    try {
      step(0);
      const names = selected.map((a) => a.customer.name);
      const forcedLevels = Object.fromEntries(selected.filter((a) => forced.has(a.customerKey)).map((a) => [a.customer.name, forced.get(a.customerKey)!]));
      const templates = kind === "stages" ? undefined : await loadTemplates();
      const mail = kind === "emails" && host.api !== undefined ? outlookDraftDelivery(host.api) : undefined;
      const result = await runPaneAction({ sheets, asOf, kind, selection: { customers: names, forcedLevels }, templates, mail });
      if (result.problem !== undefined) throw new Error(result.problem);
      step(1);
      if (result.appends.length > 0) await host.output.append(result.appends);
      step(2);
      const files = actionFiles(result.files, result.emails);
      const delivered = files.length > 0 ? await host.deliver(files) : undefined;
      const drafts = mail?.tally();
      setRun({ status: "done", kind, number: ++runs.current, summary: result.summary, files: files.map((f) => f.path), delivered, drafts });
      const draftsSaid = drafts === undefined ? "" : `, ${t("actions.draftsCreated", { count: drafts.created })}`;
      announce(`${t("actions.done", { action: labelOf(kind) })} ${t("actions.produced", { count: files.length })}${draftsSaid}, ${t("actions.journalled", { count: result.summary.journalled })}`);
      if (result.appends.length > 0) await reload();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setRun({ status: "failed", kind, message });
      announce(t("actions.failed", { message }));
    }
  };

  const running = run.status === "running";
  return (
    <section aria-labelledby="actions-heading" className={styles.root}>
      <h3 id="actions-heading">{t("actions.heading")}</h3>
      <div className={styles.buttons}>
        {ACTION_KINDS.map(({ kind, label }) => (
          <Button key={kind} appearance={kind === "letters" ? "primary" : "secondary"} disabled={running || selected.length === 0} data-action={kind} onClick={() => void start(kind)}>
            {t(labelKey(kind, label))}
          </Button>
        ))}
      </div>
      {selected.length === 0 && <Text>{t("actions.nothingSelected")}</Text>}
      {run.status === "running" && (
        <ProgressBar
          value={(run.step + 1) / (STEPS.length + 1)}
          thickness="large"
          aria-label={t("actions.running", { action: labelOf(run.kind), done: run.step + 1, total: STEPS.length })}
          aria-valuetext={t(STEPS[run.step]!)}
        />
      )}
      {run.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{t("actions.failed", { message: inLanguage(run.message, host.language) })}</MessageBarBody>
        </MessageBar>
      )}
      {run.status === "done" && <Summary run={run} />}
    </section>
  );
}

function Summary({ run }: { readonly run: Extract<Run, { status: "done" }> }) {
  const styles = useStyles();
  const t = useText();
  const { host } = usePane();
  const { summary } = run;
  const missing = summary.missingSettings ?? [];
  const drafted = (run.drafts?.created ?? 0) + (run.drafts?.found ?? 0);
  return (
    <MessageBar intent={missing.length > 0 ? "warning" : "success"} layout="multiline" data-testid="action-summary" data-run={run.number}>
      <MessageBarBody>
        <MessageBarTitle>{t("actions.summary")}</MessageBarTitle>
        {missing.length > 0 && (
          <>
            <Text block>{t("actions.missingSettings")}</Text>
            <ul className={styles.list}>
              {missing.map((m) => (
                <li key={m.message}>{inLanguage(m.message, host.language)}</li>
              ))}
            </ul>
          </>
        )}
        <ul className={styles.list}>
          {drafted > 0 && (
            <li data-testid="summary-drafts">
              {t("actions.draftsCreated", { count: run.drafts!.created })}
              {run.drafts!.found > 0 && `, ${t("actions.draftsFound", { count: run.drafts!.found })}`}
            </li>
          )}
          {(drafted === 0 || run.files.length > 0) && (
            <li data-testid="summary-produced">{run.files.length === 0 ? t("actions.nothingProduced") : t("actions.produced", { count: run.files.length })}</li>
          )}
          <li data-testid="summary-journalled">{t("actions.journalled", { count: summary.journalled })}</li>
          {summary.stageRows > 0 && <li data-testid="summary-stage-rows">{t("actions.sheetRows", { count: summary.stageRows })}</li>}
          {summary.leftOut.length > 0 && (
            <li data-testid="summary-left-out">
              {t("actions.leftOut", { count: summary.leftOut.length })}
              <ul className={styles.list}>
                {summary.leftOut.map((l, i) => (
                  <li key={`${l.customer}-${i}`}>
                    {l.customer}
                    {host.language === "fr" ? " : " : ": "}
                    {inLanguage(l.reason, host.language)}
                  </li>
                ))}
              </ul>
            </li>
          )}
        </ul>
        {run.delivered?.how === "download" && run.files.length > 0 && <Text block>{t("actions.delivered")}</Text>}
        {run.delivered?.warning !== undefined && (
          <Text block data-testid="summary-delivery-warning">
            {inLanguage(run.delivered.warning, host.language)}
          </Text>
        )}
        {(run.delivered?.how === "link" || run.delivered?.how === "onedrive") && (
          <>
            <Text block>{t(run.delivered.how === "onedrive" ? "actions.oneDrive" : "actions.links")}</Text>
            <ul className={styles.list}>
              {(run.delivered.links ?? []).map((link) => (
                <li key={link.url}>
                  <a href={link.url} target="_blank" rel="noreferrer">{link.path}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
