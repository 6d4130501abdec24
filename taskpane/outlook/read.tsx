// The Outlook read pane's entry (taskpane/outlook/read.html): once Office is ready, the selected
// message's account, following the selection when the pane is pinned (ItemChanged). With Microsoft
// 365 configured on the server, the pane signs in as the Excel pane does (NAA, Office SSO where NAA
// is not there) and offers its workbook setting, kept in the mailbox's roamingSettings.
import { createRoot } from "react-dom/client";
import { languageOf } from "../shared/i18n";
import { todayIso } from "../excel/todayIso";
import { dayFromIso } from "../../src/core/day";
import { followSelectedItem, readMailItem, type MailboxLike, type MailMessage, type OfficeConstants } from "./mailItem";
import { OutlookRoot } from "./OutlookRoot";
import { fetchApiConfig } from "../shared/apiConfig";
import { createApiClient, type ApiClient } from "../shared/apiClient";
import { officeTokenSource } from "../excel/officeTokenSource";
import { roamingSettingsStore, type RoamingSettingsLike } from "./settingsStore";

declare const Office: {
  onReady(): Promise<unknown>;
  context: { displayLanguage: string; mailbox: MailboxLike & { userProfile?: { displayName?: string } }; roamingSettings: RoamingSettingsLike };
  CoercionType: { Text: unknown };
  EventType: { ItemChanged: unknown };
  AsyncResultStatus: { Succeeded: unknown };
};

const root = createRoot(document.getElementById("root")!);

void Office.onReady().then(async () => {
  const language = languageOf([Office.context.displayLanguage]);
  document.documentElement.lang = language;
  const constants: OfficeConstants = { textCoercion: Office.CoercionType.Text, itemChanged: Office.EventType.ItemChanged };
  const asOf = dayFromIso(todayIso())!;
  const fetcher = fetch.bind(window);
  const config = await fetchApiConfig(location.origin, fetcher);
  const api: ApiClient | undefined = config.microsoft365 ? createApiClient({ origin: location.origin, fetch: fetcher, tokens: officeTokenSource(config, location.origin) }) : undefined;
  const settings = roamingSettingsStore(Office.context.roamingSettings, Office.AsyncResultStatus.Succeeded);
  const show = (message: MailMessage | undefined): void => root.render(<OutlookRoot language={language} message={message} asOf={asOf} api={api} settings={settings} user={Office.context.mailbox.userProfile?.displayName} />);
  const failed = (error: unknown): void => {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = error instanceof Error ? error.message : String(error);
    document.getElementById("root")!.replaceChildren(p);
  };
  followSelectedItem(Office.context.mailbox, constants, show, failed);
  readMailItem(Office.context.mailbox, constants).then(show, failed);
});
