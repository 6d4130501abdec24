// The read pane over the tracking workbook the pane's setting names (useChosenWorkbook): reads the
// sheets, again after each log.
import { FluentProvider, MessageBar, Spinner, webLightTheme } from "@fluentui/react-components";
import type { Day } from "../../src/core/day";
import type { ApiClient } from "../shared/apiClient";
import type { PaneLanguage } from "../shared/paneHost";
import type { MailMessage } from "./mailItem";
import { ReadPane } from "./ReadPane";
import type { SettingsStore } from "./settingsStore";
import { useChosenWorkbook } from "./useChosenWorkbook";
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
  const { setting, source, read, failure, reload, save } = useChosenWorkbook(settings, api);
  return (
    <FluentProvider theme={webLightTheme}>
      {api !== undefined && <WorkbookSourceSetting language={language} setting={setting} workbookName={read?.name} api={api} onSave={save} />}
      {failure !== undefined ? <MessageBar intent="error">{failure}</MessageBar>
        : read === undefined ? <Spinner label={language === "en" ? "Reading the workbook…" : "Lecture du classeur…"} />
        : <ReadPane language={language} message={message} sheets={read.sheets} asOf={asOf} appendJournal={source.appendJournal} reload={reload} user={user} />}
    </FluentProvider>
  );
}
