// The Outlook read pane's entry (taskpane/outlook/read.html): once Office is ready, the selected
// message's account, following the selection when the pane is pinned (ItemChanged).
import { createRoot } from "react-dom/client";
import { languageOf } from "../shared/i18n";
import { todayIso } from "../excel/todayIso";
import { dayFromIso } from "../../src/core/day";
import { followSelectedItem, readMailItem, type MailboxLike, type MailMessage, type OfficeConstants } from "./mailItem";
import { OutlookRoot } from "./OutlookRoot";

declare const Office: {
  onReady(): Promise<unknown>;
  context: { displayLanguage: string; mailbox: MailboxLike };
  CoercionType: { Text: unknown };
  EventType: { ItemChanged: unknown };
};

const root = createRoot(document.getElementById("root")!);

void Office.onReady().then(async () => {
  const language = languageOf([Office.context.displayLanguage]);
  document.documentElement.lang = language;
  const constants: OfficeConstants = { textCoercion: Office.CoercionType.Text, itemChanged: Office.EventType.ItemChanged };
  const asOf = dayFromIso(todayIso())!;
  const show = (message: MailMessage | undefined): void => root.render(<OutlookRoot language={language} message={message} asOf={asOf} />);
  const failed = (error: unknown): void => {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = error instanceof Error ? error.message : String(error);
    document.getElementById("root")!.replaceChildren(p);
  };
  followSelectedItem(Office.context.mailbox, constants, show, failed);
  readMailItem(Office.context.mailbox, constants).then(show, failed);
});
