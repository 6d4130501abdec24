// The pane's one setting: « Classeur de suivi : fichier du serveur (par défaut) / OneDrive ou
// SharePoint », the workbook named by a sharing URL or a path, or picked from the user's OneDrive
// (GET /api/onedrive/files). Shown only when the server has Microsoft 365 configured.
import { Button, Field, Input, MessageBar, Radio, RadioGroup, Select, Spinner, Text } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { ApiClient, WorkbookFileWire } from "../shared/apiClient";
import { format } from "../shared/i18n";
import type { PaneLanguage } from "../shared/paneHost";
import { workbookRefOf, type WorkbookSetting } from "./workbookSetting";
import { workbookSourceTexts } from "./workbookSourceTexts";

export interface WorkbookSourceSettingProps {
  readonly language: PaneLanguage;
  readonly setting: WorkbookSetting;
  /** The name of the workbook read, once read. */
  readonly workbookName?: string | undefined;
  readonly api: Pick<ApiClient, "listWorkbooks">;
  /** Keeps the setting (roamingSettings.saveAsync); rejects with the message to show. */
  onSave(setting: WorkbookSetting): Promise<void>;
}

export function WorkbookSourceSetting({ language, setting, workbookName, api, onSave }: WorkbookSourceSettingProps) {
  const t = workbookSourceTexts(language);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<WorkbookSetting["kind"]>(setting.kind);
  const [workbook, setWorkbook] = useState(setting.kind === "graph" ? setting.workbook : "");
  const [name, setName] = useState(setting.kind === "graph" ? setting.name : undefined);
  const [files, setFiles] = useState<WorkbookFileWire[] | "loading" | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [invalid, setInvalid] = useState(false);

  const start = (): void => {
    setKind(setting.kind);
    setWorkbook(setting.kind === "graph" ? setting.workbook : "");
    setName(setting.kind === "graph" ? setting.name : undefined);
    setProblem(undefined);
    setInvalid(false);
    setOpen(true);
  };
  const pick = async (): Promise<void> => {
    setFiles("loading");
    setProblem(undefined);
    try {
      setFiles(await api.listWorkbooks());
    } catch (error) {
      setFiles(undefined);
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (kind === "graph" && workbookRefOf(workbook) === undefined) return setInvalid(true);
    const chosen: WorkbookSetting = kind === "graph" ? { kind, workbook: workbook.trim(), name } : { kind: "embedded" };
    try {
      await onSave(chosen);
      setOpen(false);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const shown = workbookName ?? (setting.kind === "graph" ? (setting.name ?? setting.workbook) : t.serverFile);
  return (
    <section aria-label={t.setting} style={{ display: "flex", flexDirection: "column", gap: 8, padding: "8px 12px", borderBottom: "1px solid #e0e0e0" }}>
      <div style={{ display: "flex", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
        <Text size={200}>{format(t.current, { name: shown })}</Text>
        {!open && <Button size="small" onClick={start}>{t.change}</Button>}
      </div>
      {open && (
        <form onSubmit={(e) => void save(e)} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
          <Field label={t.setting}>
            <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as WorkbookSetting["kind"])}>
              <Radio value="embedded" label={t.embedded} />
              <Radio value="graph" label={t.graph} />
            </RadioGroup>
          </Field>
          {kind === "graph" && (
            <>
              <Field label={t.workbook} hint={t.workbookHint} validationState={invalid ? "error" : "none"} validationMessage={invalid ? t.invalid : undefined}>
                <Input value={workbook} onChange={(_e, d) => { setWorkbook(d.value); setName(undefined); setInvalid(false); }} />
              </Field>
              <Button onClick={() => void pick()} disabled={files === "loading"}>{t.pick}</Button>
              {files === "loading" && <Spinner size="tiny" label={t.picking} />}
              {Array.isArray(files) && files.length === 0 && <MessageBar intent="info">{t.noFiles}</MessageBar>}
              {Array.isArray(files) && files.length > 0 && (
                <Field label={t.files}>
                  <Select
                    value={files.some((f) => f.webUrl === workbook) ? workbook : ""}
                    onChange={(_e, d) => {
                      const file = files.find((f) => f.webUrl === d.value);
                      setWorkbook(file?.webUrl ?? "");
                      setName(file?.name);
                      setInvalid(false);
                    }}
                  >
                    <option value="">—</option>
                    {files.map((f) => <option key={f.webUrl} value={f.webUrl}>{f.folder ? `${f.folder}/${f.name}` : f.name}</option>)}
                  </Select>
                </Field>
              )}
            </>
          )}
          <div style={{ display: "flex", gap: 8 }}>
            <Button appearance="primary" type="submit">{t.save}</Button>
            <Button onClick={() => setOpen(false)}>{t.cancel}</Button>
          </div>
          {problem !== undefined && <MessageBar intent="error">{problem}</MessageBar>}
        </form>
      )}
    </section>
  );
}
