// The Outlook read pane in a plain browser (/preview/outlook), on the workbook the server is
// pointed at (the sample by default), with sample replies to pick from instead of Outlook's item.
// When the server points at the Microsoft 365 stand-in, the workbook setting is offered (kept in
// localStorage) and the pane signs in with the stand-in's token.
import { Field, FluentProvider, Input, Select, Textarea, webLightTheme } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { dayFromIso } from "../../src/core/day";
import { stableHash } from "../../src/documents/stableHash";
import { fetchApiConfig } from "../shared/apiConfig";
import type { ApiClient } from "../shared/apiClient";
import { languageOf } from "../shared/i18n";
import { previewApi } from "../preview/previewSignIn";
import { ComposePreview } from "./composePreview";
import { OutlookRoot } from "./OutlookRoot";
import { localStorageStore } from "./settingsStore";
import { SAMPLE_MESSAGES } from "./sampleMessages";

// The sample's reference date (src/sample/sampleWorkbook.ts SAMPLE_AS_OF), which its replies' dates
// follow; ?asOf=YYYY-MM-DD for another workbook (RELANCES_WORKBOOK), as the Excel preview takes it.
const SAMPLE_AS_OF = dayFromIso("2026-06-30")!;
const query = new URLSearchParams(location.search);
const asOf = dayFromIso(query.get("asOf") ?? "") ?? SAMPLE_AS_OF;
const language = languageOf(navigator.languages ?? [navigator.language]);
document.documentElement.lang = language;

/** The option of a message the user types (a customer of their own workbook), after the samples. */
const TYPED = SAMPLE_MESSAGES.length;

const settings = localStorageStore(window.localStorage);

function Preview({ api }: { api: ApiClient | undefined }) {
  const en = language === "en";
  const [index, setIndex] = useState(0);
  const [from, setFrom] = useState("");
  const [subject, setSubject] = useState("");
  const [text, setText] = useState("");
  // A typed message is a message of its own (the journal's Référence, the suggestion read again) for each sender, subject and text.
  const typed = useMemo(() => ({ id: `preview-saisi-${stableHash(`${from.trim()}\n${subject}\n${text}`)}`, from: from.trim(), fromName: "", subject, text }), [from, subject, text]);
  const message = index === TYPED ? (typed.from === "" ? undefined : typed) : SAMPLE_MESSAGES[index];
  return (
    <div style={{ maxWidth: 420 }}>
      <FluentProvider theme={webLightTheme} style={{ padding: 12, borderBottom: "1px solid #ccc", display: "grid", gap: 8 }}>
        <Field label={en ? "Sample message" : "Message d'exemple"}>
          <Select value={String(index)} onChange={(_e, d) => setIndex(Number(d.value))}>
            {SAMPLE_MESSAGES.map((m, i) => <option key={m.id} value={i}>{m.label}</option>)}
            <option value={TYPED}>{en ? "A message I type (my own workbook)" : "Un message saisi (mon propre classeur)"}</option>
          </Select>
        </Field>
        {index === TYPED && (
          <>
            <Field label={en ? "From (address)" : "De (adresse)"}>
              <Input type="email" value={from} onChange={(_e, d) => setFrom(d.value)} />
            </Field>
            <Field label={en ? "Subject" : "Objet"}>
              <Input value={subject} onChange={(_e, d) => setSubject(d.value)} />
            </Field>
            <Field label={en ? "Text" : "Texte"}>
              <Textarea value={text} onChange={(_e, d) => setText(d.value)} resize="vertical" />
            </Field>
          </>
        )}
      </FluentProvider>
      <OutlookRoot language={language} message={message} asOf={asOf} api={api} settings={settings} />
    </div>
  );
}

// ?mode=compose: the compose pane beside a message being written (?mailbox=1.5: an older Outlook).
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
      {compose ? <ComposePreview language={language} asOf={asOf} mailboxVersion={Number(query.get("mailbox") ?? "1.8")} api={api} settings={settings} /> : <Preview api={api} />}
    </>,
  );
});
