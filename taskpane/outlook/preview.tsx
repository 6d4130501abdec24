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

const fetcher = fetch.bind(window);
void fetchApiConfig(location.origin, fetcher).then((config) => {
  createRoot(document.getElementById("root")!).render(<Preview api={previewApi(config, location.origin, fetcher)} />);
});
