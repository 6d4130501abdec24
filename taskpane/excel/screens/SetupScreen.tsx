// Mise en place / Set-up: the tracking sheets found and, per sheet, the column mapping the engine
// reads with, which the user corrects (saved in the settings sheet, SPEC section 3); the sender
// settings still missing, before anything goes out (SPEC section 5); the live columns, where the
// host can add them.
import { Badge, Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { fieldLabel, mappingCorrection, type MappingChoices, type SheetMapping } from "../../shared/columnMappingView";
import { setupView, type SetupView } from "../../shared/setupView";
import { saveSettings } from "../../shared/saveSettings";
import { usePane, useText } from "../paneContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))", gap: tokens.spacingHorizontalM, "& > *": { minWidth: 0 } },
  select: { width: "100%", minWidth: 0 },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type ViewState = { readonly status: "pending" } | { readonly status: "ready"; readonly view: SetupView } | { readonly status: "failed"; readonly message: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function SetupScreen() {
  const styles = useStyles();
  const t = useText();
  const { host, sheets, asOf, revision } = usePane();
  const [state, setState] = useState<ViewState>({ status: "pending" });

  useEffect(() => {
    let current = true;
    setupView(sheets, asOf, host.language).then(
      (view) => current && setState({ status: "ready", view }),
      (error: unknown) => current && setState({ status: "failed", message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [sheets, asOf, revision, host.language]);

  return (
    <div className={styles.root}>
      <h2>{t("setup.heading")}</h2>
      {state.status === "pending" && <Spinner size="small" label={t("setup.reading")} />}
      {state.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "ready" && (
        <>
          <SenderSection view={state.view} />
          <section aria-labelledby="setup-sheets-heading">
            <h3 id="setup-sheets-heading">{t("setup.sheets")}</h3>
            {state.view.problem !== undefined && (
              <MessageBar intent="warning">
                <MessageBarBody>{state.view.problem}</MessageBarBody>
              </MessageBar>
            )}
            {state.view.mappingProblems.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  <ul className={styles.list}>
                    {state.view.mappingProblems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
            {state.view.mappings.map((mapping) => (
              <MappingForm key={`${mapping.sheet}-${revision}`} mapping={mapping} />
            ))}
            {state.view.leftOut.length > 0 && (
              <>
                <h4>{t("setup.leftOut")}</h4>
                <ul className={styles.list} data-testid="sheets-left-out">
                  {state.view.leftOut.map((sheet) => (
                    <li key={sheet.sheet}>
                      <Text weight="semibold">{sheet.sheet}</Text> : {sheet.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <LiveColumnsSection view={state.view} />
        </>
      )}
    </div>
  );
}

function SenderSection({ view }: { readonly view: SetupView }) {
  const styles = useStyles();
  const t = useText();
  const { blocking, later } = view.sender;
  return (
    <section aria-labelledby="setup-sender-heading" data-testid="sender-status">
      <h3 id="setup-sender-heading">{t("setup.sender")}</h3>
      {blocking.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <Text weight="semibold">{t("setup.senderBlocking", { count: view.due })}</Text>
            <ul className={styles.list}>
              {blocking.map((line) => (
                <li key={line.key}>
                  {line.label} (<code>{line.key}</code>) — {t("setup.neededBy", { documents: line.neededBy })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {later.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <Text weight="semibold">{t("setup.senderLater")}</Text>
            <ul className={styles.list}>
              {later.map((line) => (
                <li key={line.key}>
                  {line.label} (<code>{line.key}</code>) — {line.neededBy}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {blocking.length === 0 && later.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t("setup.senderComplete")}</MessageBarBody>
        </MessageBar>
      )}
      {(blocking.length > 0 || later.length > 0) && <Text>{t("setup.senderWhere")}</Text>}
    </section>
  );
}

function MappingForm({ mapping }: { readonly mapping: SheetMapping }) {
  const styles = useStyles();
  const t = useText();
  const { host, sheets, reload, announce } = usePane();
  const [choices, setChoices] = useState<MappingChoices>({});
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ readonly intent: "success" | "error"; readonly text: string } | undefined>();
  const id = `mapping-${mapping.sheet.replace(/[^A-Za-z0-9]/g, "_")}`;

  const save = async (): Promise<void> => {
    const correction = mappingCorrection(mapping, choices, host.language);
    setErrors(correction.errors);
    if (Object.keys(correction.errors).length > 0) {
      setOutcome({ intent: "error", text: t("setup.mappingInvalid") });
      return;
    }
    if (correction.values.size === 0) {
      setOutcome({ intent: "success", text: t("setup.mappingUnchanged") });
      return;
    }
    setSaving(true);
    try {
      const saved = await saveSettings(host.output, sheets, correction.values);
      if (saved.problems.length > 0) {
        setOutcome({ intent: "error", text: saved.problems.join(" ; ") });
        return;
      }
      const text = t("setup.mappingSaved", { count: correction.values.size });
      announce(text);
      setOutcome({ intent: "success", text });
      await reload();
    } catch (error) {
      setOutcome({ intent: "error", text: t("setup.saveFailed", { message: messageOf(error) }) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      aria-labelledby={`${id}-heading`}
      data-testid="mapping-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h4 id={`${id}-heading`}>{t("setup.sheetHeading", { sheet: mapping.sheet, row: mapping.headerRow })}</h4>
      <div className={styles.grid}>
        {mapping.lines.map((line) => {
          const value = choices[line.field] ?? line.letter ?? "";
          const label = fieldLabel(line.field, host.language);
          const need = line.need === "required" ? t("setup.required") : line.need === "dueDateOrTerms" ? t("setup.dueDateOrTerms") : undefined;
          const how = line.letter === undefined ? t("setup.notFound") : line.saved ? t("setup.saved") : t("setup.automatic");
          return (
            <Field
              key={line.field}
              label={need === undefined ? label : `${label} (${need})`}
              hint={how}
              validationState={errors[line.field] === undefined ? "none" : "error"}
              validationMessage={errors[line.field]}
            >
              <Select className={styles.select} value={value} data-field={line.field} onChange={(_event, data) => setChoices((current) => ({ ...current, [line.field]: data.value }))}>
                <option value="">{t("setup.noColumn")}</option>
                {mapping.columns.map((column) => (
                  <option key={column.letter} value={column.letter}>
                    {`${column.letter} — ${column.header}`}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      {mapping.unused.length > 0 && (
        <p>
          <Text>{t("setup.unused")}</Text>{" "}
          {mapping.unused.map((column) => (
            <Badge key={column.letter} appearance="outline" style={{ marginRight: tokens.spacingHorizontalXS }}>
              {`${column.letter} — ${column.header}`}
            </Badge>
          ))}
        </p>
      )}
      <div className={styles.bar}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {t("setup.saveMapping")}
        </Button>
        {saving && <Spinner size="tiny" label={t("setup.saving")} />}
      </div>
      {outcome !== undefined && (
        <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}

function LiveColumnsSection({ view }: { readonly view: SetupView }) {
  const styles = useStyles();
  const t = useText();
  const { host, asOf, reload, announce } = usePane();
  const [lines, setLines] = useState<readonly string[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const add = host.addLiveColumns;
  if (add === undefined || view.mappings.length === 0) return null;
  const run = async (): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      const added: string[] = [];
      for (const { sheet, mapping } of view.mappings) {
        const lastRow = view.lastRows[sheet];
        if (lastRow === undefined) continue;
        added.push(...(await add.call(host, { sheet, mapping, lastRow, referenceDate: asOf, language: host.language })));
      }
      setLines(added);
      announce(t("setup.liveAdded"));
      await reload();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="setup-live-heading">
      <h3 id="setup-live-heading">{t("setup.live")}</h3>
      <Text>{t("setup.liveNote")}</Text>
      <div className={styles.bar}>
        <Button onClick={() => void run()} disabled={busy}>
          {t("setup.liveButton")}
        </Button>
        {busy && <Spinner size="tiny" label={t("setup.saving")} />}
      </div>
      {lines !== undefined && (
        <ul className={styles.list}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {failure !== undefined && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
