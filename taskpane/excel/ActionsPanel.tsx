// The actions on the ticked customers: e-mails, letters, statements, stage sheets, injonction file.
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { Plan, PlannedAction } from "../../src/core/plan";
import type { ReminderLevel } from "../../src/core/reminderLevel";
import type { TextKey } from "../shared/i18n";
import { useText } from "./paneContext";

export type PaneActionKind = "emails" | "letters" | "statements" | "stageSheets" | "injunction";

export const ACTION_KINDS: readonly { readonly kind: PaneActionKind; readonly label: TextKey }[] = [
  { kind: "emails", label: "actions.emails" },
  { kind: "letters", label: "actions.letters" },
  { kind: "statements", label: "actions.statements" },
  { kind: "stageSheets", label: "actions.stageSheets" },
  { kind: "injunction", label: "actions.injunction" },
];

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ActionsPanelProps {
  readonly plan: Plan;
  readonly selected: readonly PlannedAction[];
  readonly forced: ReadonlyMap<string, ReminderLevel>;
}

export function ActionsPanel({ selected }: ActionsPanelProps) {
  const styles = useStyles();
  const t = useText();
  return (
    <section aria-labelledby="actions-heading">
      <h3 id="actions-heading">{t("actions.heading")}</h3>
      <div className={styles.buttons}>
        {ACTION_KINDS.map(({ kind, label }) => (
          <Button key={kind} disabled data-action={kind}>{t(label)}</Button>
        ))}
      </div>
      <MessageBar intent="info">
        <MessageBarBody>{selected.length === 0 ? t("actions.nothingSelected") : t("actions.unavailable")}</MessageBarBody>
      </MessageBar>
    </section>
  );
}
