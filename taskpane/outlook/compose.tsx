// The Outlook compose pane's entry (taskpane/outlook/compose.html): once Office is ready, the
// reminder of the message's recipient, following the recipients where Outlook tells of changes.
// With Microsoft 365 configured on the server, it signs in and reads the workbook setting as the
// read pane does (read.tsx).
import { createRoot } from "react-dom/client";
import { dayFromIso } from "../../src/core/day";
import { todayIso } from "../excel/todayIso";
import { officeTokenSource } from "../excel/officeTokenSource";
import { createApiClient, type ApiClient } from "../shared/apiClient";
import { fetchApiConfig } from "../shared/apiConfig";
import { languageOf } from "../shared/i18n";
import type { ComposeConstants, ComposeItemLike } from "./composeItem";
import { ComposeRoot } from "./ComposeRoot";
import { roamingSettingsStore, type RoamingSettingsLike } from "./settingsStore";

declare const Office: {
  onReady(): Promise<unknown>;
  context: {
    displayLanguage: string;
    mailbox: { item: ComposeItemLike | null; userProfile?: { displayName?: string } };
    requirements: { isSetSupported(name: string, version: string): boolean };
    roamingSettings: RoamingSettingsLike;
  };
  CoercionType: { Html: unknown; Text: unknown };
  EventType: { RecipientsChanged: unknown };
  AsyncResultStatus: { Succeeded: unknown };
};

const root = document.getElementById("root")!;

void Office.onReady().then(async () => {
  const language = languageOf([Office.context.displayLanguage]);
  document.documentElement.lang = language;
  const item = Office.context.mailbox.item;
  if (item === null) {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = language === "en" ? "No message being written." : "Aucun message en cours de rédaction.";
    root.replaceChildren(p);
    return;
  }
  const constants: ComposeConstants = {
    htmlCoercion: Office.CoercionType.Html,
    textCoercion: Office.CoercionType.Text,
    // Undefined before Mailbox 1.7: supports("1.7") is false then, and nothing is registered.
    recipientsChanged: Office.EventType.RecipientsChanged,
    supports: (version) => Office.context.requirements.isSetSupported("Mailbox", version),
  };
  const fetcher = fetch.bind(window);
  const config = await fetchApiConfig(location.origin, fetcher);
  const api: ApiClient | undefined = config.microsoft365 ? createApiClient({ origin: location.origin, fetch: fetcher, tokens: officeTokenSource(config, location.origin) }) : undefined;
  const settings = roamingSettingsStore(Office.context.roamingSettings, Office.AsyncResultStatus.Succeeded);
  createRoot(root).render(<ComposeRoot language={language} item={item} constants={constants} asOf={dayFromIso(todayIso())!} api={api} settings={settings} user={Office.context.mailbox.userProfile?.displayName} />);
});
