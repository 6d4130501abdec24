// The Outlook read pane in a plain browser (/preview/outlook), on the workbook the server is
// pointed at (the sample by default), with sample replies to pick from instead of Outlook's item.
// When the server points at the Microsoft 365 stand-in, the workbook setting is offered (kept in
// localStorage) and the pane signs in with the stand-in's token.
import { Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { dayFromIso } from "../../src/core/day";
import { fetchApiConfig } from "../shared/apiConfig";
import type { ApiClient } from "../shared/apiClient";
import { languageOf } from "../shared/i18n";
import { previewApi } from "../preview/previewSignIn";
import { ComposePreview } from "./composePreview";
import { OutlookRoot } from "./OutlookRoot";
import { localStorageStore } from "./settingsStore";
import { SAMPLE_MESSAGES } from "./sampleMessages";

// The sample's reference date (src/sample/sampleWorkbook.ts SAMPLE_AS_OF), which its replies' dates follow.
const SAMPLE_AS_OF = dayFromIso("2026-06-30")!;
const language = languageOf(navigator.languages ?? [navigator.language]);
document.documentElement.lang = language;

const settings = localStorageStore(window.localStorage);

function Preview({ api }: { api: ApiClient | undefined }) {
  const [index, setIndex] = useState(0);
  return (
    <div style={{ maxWidth: 420 }}>
      <div style={{ padding: 12, borderBottom: "1px solid #ccc" }}>
        <Field label={language === "en" ? "Sample message" : "Message d'exemple"}>
          <Select value={String(index)} onChange={(_e, d) => setIndex(Number(d.value))}>
            {SAMPLE_MESSAGES.map((m, i) => <option key={m.id} value={i}>{m.label}</option>)}
          </Select>
        </Field>
      </div>
      <OutlookRoot language={language} message={SAMPLE_MESSAGES[index]} asOf={SAMPLE_AS_OF} api={api} settings={settings} />
    </div>
  );
}

// ?mode=compose: the compose pane beside a message being written (?mailbox=1.5: an older Outlook).
const query = new URLSearchParams(location.search);
const compose = query.get("mode") === "compose";

function ModeSwitch() {
  const read = language === "en" ? "Read mode" : "Lecture";
  const write = language === "en" ? "Compose mode" : "Rédaction";
  return (
    <nav aria-label={language === "en" ? "Preview mode" : "Mode de l'aperçu"} style={{ display: "flex", gap: 12, padding: "8px 12px", borderBottom: "1px solid #ccc" }}>
      <a href="?mode=read" aria-current={compose ? undefined : "page"}>{read}</a>
      <a href="?mode=compose" aria-current={compose ? "page" : undefined}>{write}</a>
    </nav>
  );
}

const fetcher = fetch.bind(window);
void fetchApiConfig(location.origin, fetcher).then((config) => {
  const api = previewApi(config, location.origin, fetcher);
  createRoot(document.getElementById("root")!).render(
    <>
      <ModeSwitch />
      {compose ? <ComposePreview language={language} asOf={SAMPLE_AS_OF} mailboxVersion={Number(query.get("mailbox") ?? "1.8")} api={api} settings={settings} /> : <Preview api={api} />}
    </>,
  );
});
