// Paramètres / Settings: the letterhead, the policy and the sender mailbox, every key of the
// settings catalog, checked field by field and saved into « Paramètres Relances » (only the keys
// that changed); the templates per level and language, handed to the user to edit in Word.
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { reminderLevelLabel } from "../../../src/core/reminderLevel";
import { SETTINGS_SHEET } from "../../../src/core/settings";
import { settingsFromRows } from "../../../src/core/settingsFromRows";
import { sameSheetName } from "../../../src/engine/sheetNames";
import { checkSettingsForm, settingsFields, settingsFormValues, SETTINGS_SECTIONS, type SettingField, type SettingsSection } from "../../shared/settingsForm";
import { levelTemplates, type TemplateFile } from "../../shared/templateFiles";
import { saveSettings } from "../../shared/saveSettings";
import { usePane, useText } from "../paneContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))", gap: tokens.spacingHorizontalM, "& > *": { minWidth: 0 } },
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0 },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, padding: `${tokens.spacingVerticalS} 0` },
  select: { width: "100%", minWidth: 0 },
  table: { borderCollapse: "collapse", "& th, & td": { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, textAlign: "left" } },
});

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const SECTION_TEXT: Readonly<Record<SettingsSection, "settings.letterhead" | "settings.policy" | "settings.sender">> = {
  letterhead: "settings.letterhead",
  policy: "settings.policy",
  sender: "settings.sender",
};

export function SettingsScreen() {
  const styles = useStyles();
  const t = useText();
  const { host, sheets, revision, reload, announce } = usePane();
  const read = useMemo(() => {
    const sheet = sheets.find((s) => sameSheetName(s.name, SETTINGS_SHEET));
    const rows = sheet === undefined ? [] : [...Array<never[]>((sheet.firstRow ?? 1) - 1).fill([]), ...sheet.values];
    return { found: sheet !== undefined, ...settingsFromRows(rows) };
  }, [sheets, revision]);
  const initial = useMemo(() => settingsFormValues(read.settings), [read]);
  const fields = useMemo(() => settingsFields(host.language), [host.language]);
  const [values, setValues] = useState<Readonly<Record<string, string>>>(initial);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ readonly intent: "success" | "error"; readonly text: string } | undefined>();
  const [base, setBase] = useState(initial);
  if (base !== initial) {
    // The workbook was read again (after a save, or a co-author's change): start from it.
    setBase(initial);
    setValues(initial);
  }

  const save = async (): Promise<void> => {
    const check = checkSettingsForm(values, initial, host.language);
    setErrors(check.errors);
    const count = Object.keys(check.errors).length;
    if (count > 0) {
      setOutcome({ intent: "error", text: t("settings.invalid", { count }) });
      const first = fields.find((f) => check.errors[f.key] !== undefined);
      if (first !== undefined) document.querySelector<HTMLElement>(`[name="${first.key}"]`)?.focus();
      return;
    }
    if (check.values.size === 0) {
      setOutcome({ intent: "success", text: t("settings.unchanged") });
      return;
    }
    setSaving(true);
    try {
      const saved = await saveSettings(host.output, sheets, check.values);
      if (saved.problems.length > 0) {
        setOutcome({ intent: "error", text: saved.problems.join(" ; ") });
        return;
      }
      const text = t("settings.saved", { count: check.values.size });
      announce(text);
      setOutcome({ intent: "success", text });
      await reload();
    } catch (error) {
      setOutcome({ intent: "error", text: t("settings.saveFailed", { message: messageOf(error) }) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.root}>
      <h2>{t("settings.heading")}</h2>
      {!read.found && (
        <MessageBar intent="info">
          <MessageBarBody>{t("settings.noSheet", { sheet: SETTINGS_SHEET })}</MessageBarBody>
        </MessageBar>
      )}
      {read.problems.length > 0 && (
        <details>
          <summary>{t("settings.problems", { count: read.problems.length })}</summary>
          <ul>
            {read.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </details>
      )}
      <form
        noValidate
        data-testid="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {SETTINGS_SECTIONS.map((section) => (
          <fieldset key={section} className={styles.fieldset}>
            <legend>
              <h3 style={{ margin: 0 }}>{t(SECTION_TEXT[section])}</h3>
            </legend>
            {section === "letterhead" && <Text size={200}>{t("settings.logo")}</Text>}
            <div className={styles.grid}>
              {fields
                .filter((field) => field.section === section)
                .map((field) => (
                  <SettingInput
                    key={field.key}
                    field={field}
                    value={values[field.key] ?? ""}
                    error={errors[field.key]}
                    onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
                  />
                ))}
            </div>
          </fieldset>
        ))}
        <div className={styles.bar}>
          <Button type="submit" appearance="primary" disabled={saving}>
            {t("settings.save")}
          </Button>
          <Button onClick={() => { setValues(initial); setErrors({}); setOutcome(undefined); }} disabled={saving}>
            {t("settings.reset")}
          </Button>
          {saving && <Spinner size="tiny" label={t("settings.saving")} />}
        </div>
        {outcome !== undefined && (
          <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"} data-testid="settings-outcome">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        )}
      </form>
      <TemplatesSection />
    </div>
  );
}

function SettingInput({ field, value, error, onChange }: { readonly field: SettingField; readonly value: string; readonly error: string | undefined; readonly onChange: (value: string) => void }) {
  const styles = useStyles();
  return (
    <Field label={field.label} hint={field.hint} validationState={error === undefined ? "none" : "error"} validationMessage={error}>
      {field.input === "choice" ? (
        <Select className={styles.select} name={field.key} value={value} onChange={(_e, data) => onChange(data.value)}>
          {field.choices?.some((c) => c.value === value) === false && <option value={value}>{value}</option>}
          {field.choices?.map((choice) => (
            <option key={choice.value} value={choice.value}>{choice.label}</option>
          ))}
        </Select>
      ) : (
        <Input
          name={field.key}
          value={value}
          type={field.input === "email" ? "email" : "text"}
          inputMode={field.input === "days" ? "numeric" : field.input === "percent" ? "decimal" : undefined}
          onChange={(_e, data) => onChange(data.value)}
        />
      )}
    </Field>
  );
}

function TemplatesSection() {
  const styles = useStyles();
  const t = useText();
  const { host, announce } = usePane();
  const [failure, setFailure] = useState<string | undefined>();
  const levels = useMemo(() => levelTemplates(host.language), [host.language]);
  const download = async (file: TemplateFile): Promise<void> => {
    setFailure(undefined);
    try {
      const response = await fetch(new URL(`/templates/${file.path}`, window.location.href));
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const data = file.kind === "letter" ? new Uint8Array(await response.arrayBuffer()) : await response.text();
      await host.deliver([{ path: `modeles/${file.path}`, data, type: file.type }]);
      announce(t("settings.templateDelivered", { file: file.path }));
    } catch (error) {
      setFailure(t("settings.templateFailed", { file: file.path, message: messageOf(error) }));
    }
  };
  const kindText = { letter: "settings.templateLetter", subject: "settings.templateSubject", html: "settings.templateHtml", text: "settings.templateText" } as const;
  return (
    <section aria-labelledby="settings-templates-heading">
      <h3 id="settings-templates-heading">{t("settings.templates")}</h3>
      <Text size={200}>{t("settings.templatesNote")}</Text>
      <table className={styles.table} data-testid="templates">
        <thead>
          <tr>
            <th scope="col">{t("today.level")}</th>
            <th scope="col">{t("settings.language")}</th>
            <th scope="col">{t("settings.files")}</th>
          </tr>
        </thead>
        <tbody>
          {levels.map(({ level, language, files }) => (
            <tr key={`${language}-${level}`}>
              <th scope="row">{reminderLevelLabel(level, host.language)}</th>
              <td>{language.toUpperCase()}</td>
              <td>
                {files.map((file) => (
                  <Button
                    key={file.path}
                    size="small"
                    appearance="subtle"
                    aria-label={t("settings.templateDownload", { kind: t(kindText[file.kind]), level: reminderLevelLabel(level, host.language), language: language.toUpperCase() })}
                    onClick={() => void download(file)}
                  >
                    {t(kindText[file.kind])}
                  </Button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {failure !== undefined && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
