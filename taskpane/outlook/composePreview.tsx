// Compose mode of the Outlook preview (/preview/outlook?mode=compose): a message being written to
// a sample customer (its To field, subject, body editor and attachments) beside the compose pane,
// which drives it through the calls it makes to Outlook's item. ?mailbox=1.5 plays an older Outlook.
import { Field, FluentProvider, Input, Select, webLightTheme } from "@fluentui/react-components";
import { useMemo, useState, useSyncExternalStore } from "react";
import type { Day } from "../../src/core/day";
import type { ApiClient } from "../shared/apiClient";
import type { PaneLanguage } from "../shared/paneHost";
import { ComposeRoot } from "./ComposeRoot";
import { COMPOSE_SAMPLES } from "./composeSamples";
import { PreviewComposeItem } from "./previewComposeItem";
import type { SettingsStore } from "./settingsStore";

const WORDS = {
  fr: { sample: "Message à écrire", to: "À", subject: "Objet", body: "Corps du message", attachments: "Pièces jointes", none: "Aucune", heading: "Nouveau message" },
  en: { sample: "Message to write", to: "To", subject: "Subject", body: "Message body", attachments: "Attachments", none: "None", heading: "New message" },
} as const;

/** The item the preview's tests read: the body as Outlook would hold it, and the attachments. */
declare global {
  interface Window {
    relancesCompose?: { bodyHtml(): string; attachments(): readonly { name: string; base64: string }[] };
  }
}

export interface ComposePreviewProps {
  readonly language: PaneLanguage;
  readonly asOf: Day;
  /** The Mailbox requirement set the fake Outlook has (1.8: all the pane uses). */
  readonly mailboxVersion: number;
  readonly api?: ApiClient | undefined;
  readonly settings?: SettingsStore | undefined;
}

export function ComposePreview({ language, asOf, mailboxVersion, api, settings }: ComposePreviewProps) {
  const w = WORDS[language];
  const item = useMemo(() => new PreviewComposeItem(mailboxVersion), [mailboxVersion]);
  const constants = useMemo(() => item.constants(), [item]);
  useSyncExternalStore(item.subscribe, item.snapshot);
  const [index, setIndex] = useState(-1);
  const [toText, setToText] = useState("");
  window.relancesCompose = { bodyHtml: () => item.editor?.innerHTML ?? "", attachments: () => item.attachments.map(({ name, base64 }) => ({ name, base64 })) };

  const pick = (i: number): void => {
    setIndex(i);
    item.clear();
    const sample = COMPOSE_SAMPLES[i];
    setToText(sample === undefined ? "" : sample.to.map((r) => r.emailAddress).join(", "));
    item.setRecipients(sample?.to ?? []);
  };
  const typeTo = (text: string): void => {
    setToText(text);
    item.setRecipients(text.split(/[;,\s]+/).filter((a) => a !== "").map((emailAddress) => ({ emailAddress, displayName: "" })));
  };

  return (
    <FluentProvider theme={webLightTheme} style={{ display: "flex", flexWrap: "wrap", alignItems: "flex-start" }}>
      <section aria-labelledby="preview-message" style={{ flex: "1 1 420px", padding: 12, borderRight: "1px solid #ccc", display: "flex", flexDirection: "column", gap: 8 }}>
        <h2 id="preview-message" style={{ fontSize: 16, margin: 0 }}>{w.heading}</h2>
        <Field label={w.sample}>
          <Select value={String(index)} onChange={(_e, d) => pick(Number(d.value))}>
            <option value="-1">—</option>
            {COMPOSE_SAMPLES.map((s, i) => <option key={s.label} value={i}>{s.label}</option>)}
          </Select>
        </Field>
        <Field label={w.to}><Input value={toText} onChange={(_e, d) => typeTo(d.value)} /></Field>
        <Field label={w.subject}><Input value={item.subjectValue} onChange={(_e, d) => item.typeSubject(d.value)} /></Field>
        <div id="preview-body-label" style={{ fontWeight: 600 }}>{w.body}</div>
        <div
          ref={(el) => void (item.editor = el)}
          role="textbox"
          aria-multiline="true"
          aria-labelledby="preview-body-label"
          contentEditable
          suppressContentEditableWarning
          data-testid="compose-body"
          style={{ minHeight: 240, maxHeight: 560, overflow: "auto", border: "1px solid #8a8886", borderRadius: 4, padding: 8, background: "#fff" }}
        />
        <div>
          <div id="preview-attachments" style={{ fontWeight: 600 }}>{w.attachments}</div>
          <ul aria-labelledby="preview-attachments" data-testid="compose-attachments" style={{ margin: 0, paddingLeft: 16 }}>
            {item.attachments.length === 0 ? <li>{w.none}</li> : item.attachments.map((a) => <li key={a.id}>{`${a.name} (${Math.round((a.base64.length * 3) / 4 / 1024)} Ko)`}</li>)}
          </ul>
        </div>
      </section>
      <div style={{ flex: "0 1 420px", maxWidth: 420 }}>
        <ComposeRoot language={language} item={item} constants={constants} asOf={asOf} api={api} settings={settings} />
      </div>
    </FluentProvider>
  );
}
