// The compose pane over the tracking workbook the pane's setting names (the server's file by
// default, OneDrive or SharePoint when Microsoft 365 is configured, as in read mode): reads the
// sheets and the message's recipients, and reads the recipients again when Outlook says they
// changed (or when the user asks, without Mailbox 1.7).
import { FluentProvider, MessageBar, Spinner, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Day } from "../../src/core/day";
import type { ApiClient } from "../shared/apiClient";
import type { PaneLanguage } from "../shared/paneHost";
import { loadTemplates } from "../shared/templates";
import { followRecipients, readRecipients, type ComposeConstants, type ComposeItemLike, type Recipient } from "./composeItem";
import { ComposePane } from "./ComposePane";
import { composeTexts } from "./composeTexts";
import type { SettingsStore } from "./settingsStore";
import { useChosenWorkbook } from "./useChosenWorkbook";
import { WorkbookSourceSetting } from "./WorkbookSourceSetting";

export interface ComposeRootProps {
  readonly language: PaneLanguage;
  readonly item: ComposeItemLike;
  readonly constants: ComposeConstants;
  readonly asOf: Day;
  /** The API client when Microsoft 365 is configured: the workbook setting is offered then. */
  readonly api?: ApiClient | undefined;
  /** Where the setting is kept (roamingSettings, localStorage); without one, the server's file. */
  readonly settings?: SettingsStore | undefined;
  /** Who the journal names in Utilisateur (Outlook's user profile); none in the preview. */
  readonly user?: string | undefined;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function ComposeRoot({ language, item, constants, asOf, api, settings, user }: ComposeRootProps) {
  const { setting, source, read, failure, save } = useChosenWorkbook(settings, api);
  const [recipients, setRecipients] = useState<Recipient[] | undefined>();
  const [following, setFollowing] = useState(true);
  // The recipients' failure, which a later reading clears.
  const [recipientsFailure, setRecipientsFailure] = useState<string | undefined>();
  const reading = useRef(0);
  const failed = useCallback((e: unknown) => setRecipientsFailure(message(e)), []);
  // A later reading wins over an earlier one that answers late.
  const readAgain = useCallback(() => {
    const mine = ++reading.current;
    readRecipients(item).then((r) => mine === reading.current && (setRecipientsFailure(undefined), setRecipients(r)), failed);
  }, [item, failed]);

  useEffect(() => {
    readAgain();
    setFollowing(followRecipients(item, constants, (r) => (++reading.current, setRecipientsFailure(undefined), setRecipients(r)), failed));
  }, [item, constants, readAgain, failed]);

  return (
    <FluentProvider theme={webLightTheme}>
      {api !== undefined && <WorkbookSourceSetting language={language} setting={setting} workbookName={read?.name} api={api} onSave={save} />}
      {failure !== undefined && <MessageBar intent="error">{failure}</MessageBar>}
      {recipientsFailure !== undefined && <MessageBar intent="error">{recipientsFailure}</MessageBar>}
      {read === undefined ? (
        failure === undefined && <Spinner label={composeTexts(language).loading} />
      ) : (
        <ComposePane
          language={language}
          item={item}
          constants={constants}
          recipients={recipients}
          following={following}
          readAgain={readAgain}
          sheets={read.sheets}
          loadTemplates={loadTemplates}
          asOf={asOf}
          appendJournal={source.appendJournal}
          user={user}
        />
      )}
    </FluentProvider>
  );
}
