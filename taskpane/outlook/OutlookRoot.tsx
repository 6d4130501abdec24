// The read pane over the tracking workbook the pane's setting names (the server's file by default,
// OneDrive or SharePoint when Microsoft 365 is configured): reads the sheets, again after each log.
import { FluentProvider, MessageBar, Spinner, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Day } from "../../src/core/day";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { ApiClient } from "../shared/apiClient";
import type { PaneLanguage } from "../shared/paneHost";
import type { MailMessage } from "./mailItem";
import { ReadPane } from "./ReadPane";
import type { SettingsStore } from "./settingsStore";
import { EMBEDDED, readWorkbookSetting, saveWorkbookSetting, type WorkbookSetting } from "./workbookSetting";
import { workbookSourceOf } from "./workbookSourceChoice";
import { WorkbookSourceSetting } from "./WorkbookSourceSetting";

export interface OutlookRootProps {
  readonly language: PaneLanguage;
  readonly message: MailMessage | undefined;
  readonly asOf: Day;
  /** The API client when GET /api/config says Microsoft 365 is configured: the setting is offered then. */
  readonly api?: ApiClient | undefined;
  /** Where the setting is kept (roamingSettings, localStorage); without one, the server's file. */
  readonly settings?: SettingsStore | undefined;
  /** Who the journal names in Utilisateur (Outlook's user profile); none in the preview. */
  readonly user?: string | undefined;
}

export function OutlookRoot({ language, message, asOf, api, settings, user }: OutlookRootProps) {
  const [setting, setSetting] = useState<WorkbookSetting>(() => (settings === undefined ? EMBEDDED : readWorkbookSetting(settings)));
  const source = useMemo(() => workbookSourceOf(setting, api), [setting, api]);
  const [read, setRead] = useState<{ name: string; sheets: MemorySheet[] } | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  // A read of a workbook no longer chosen lands nowhere.
  const current = useRef(source);
  current.current = source;
  const reload = useCallback(() => {
    source.sheets().then(
      (w) => {
        if (current.current !== source) return;
        setFailure(undefined);
        setRead(w);
      },
      (e: unknown) => current.current === source && setFailure(e instanceof Error ? e.message : String(e)),
    );
  }, [source]);
  useEffect(() => {
    setRead(undefined);
    setFailure(undefined);
    reload();
  }, [reload]);
  const save = async (chosen: WorkbookSetting): Promise<void> => {
    if (settings !== undefined) await saveWorkbookSetting(settings, chosen);
    setSetting(chosen);
  };
  return (
    <FluentProvider theme={webLightTheme}>
      {api !== undefined && <WorkbookSourceSetting language={language} setting={setting} workbookName={read?.name} api={api} onSave={save} />}
      {failure !== undefined ? <MessageBar intent="error">{failure}</MessageBar>
        : read === undefined ? <Spinner label={language === "en" ? "Reading the workbook…" : "Lecture du classeur…"} />
        : <ReadPane language={language} message={message} sheets={read.sheets} asOf={asOf} appendJournal={source.appendJournal} reload={reload} user={user} />}
    </FluentProvider>
  );
}
