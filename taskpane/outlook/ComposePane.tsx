// Compose mode: the recipient's customer found as the read pane finds a sender (address, then
// domain, candidates when ambiguous), the reminder `relances run` would write for them put in the
// message, the statement attached, and the reminder's journal lines appended on the user's click
// only, under a Référence that makes a second click write nothing.
import { Button, Field, MessageBar, Select, Spinner, Text } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { dayToFrench, dayToIso, type Day } from "../../src/core/day";
import type { JournalEntry } from "../../src/core/journalEntry";
import type { Plan } from "../../src/core/plan";
import { CHANNEL_EN } from "../../src/core/senderCheck";
import { base64Of } from "../../src/engine/base64";
import { memoryWorkbook, type MemorySheet } from "../../src/engine/memoryWorkbook";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbook } from "../../src/engine/readWorkbook";
import { format } from "../shared/i18n";
import type { PaneLanguage } from "../shared/paneHost";
import type { Templates } from "../shared/templates";
import { attachFile, putReminder, subjectIfEmpty, type BodyPlacement, type ComposeConstants, type ComposeItemLike, type Recipient } from "./composeItem";
import { bodyFragment, composeReminder, type ComposeOutcome } from "./composeReminder";
import { composeTexts } from "./composeTexts";
import { wireLine, type JournalLineWire } from "./journalLineWire";
import { findRecipients } from "./recipientCustomer";

export interface ComposePaneProps {
  readonly language: PaneLanguage;
  readonly item: ComposeItemLike;
  readonly constants: ComposeConstants;
  /** The To recipients as last read; undefined while they are read. */
  readonly recipients: readonly Recipient[] | undefined;
  /** False where Outlook does not tell the pane of new recipients (before Mailbox 1.7). */
  readonly following: boolean;
  readAgain(): void;
  readonly sheets: readonly MemorySheet[];
  loadTemplates(): Promise<Templates>;
  readonly asOf: Day;
  /** Appends lines to the journal; how many were added. */
  appendJournal(lines: readonly JournalLineWire[]): Promise<number>;
  /** Who the journal names in Utilisateur (Outlook's user profile); none in the preview. */
  readonly user?: string | undefined;
}

type Outcome = { readonly intent: "success" | "error" | "info" | "warning"; readonly text: string; /** The lines a log added. */ readonly lines?: readonly JournalEntry[] };

export function ComposePane(props: ComposePaneProps) {
  const { language, item, constants, recipients, sheets, asOf } = props;
  const t = composeTexts(language);
  const [plan, setPlan] = useState<Plan | undefined>();
  const [chosen, setChosen] = useState<string | undefined>();
  const [prepared, setPrepared] = useState<{ key: string; outcome: ComposeOutcome } | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void readWorkbook(memoryWorkbook(sheets), { asOf }).then((source) => live && setPlan(planWorkbook(source, asOf)));
    return () => void (live = false);
  }, [sheets, asOf]);

  const match = useMemo(() => (plan && recipients ? findRecipients(plan, recipients) : undefined), [plan, recipients]);
  const key = chosen !== undefined && match?.candidates.some((c) => c.key === chosen) ? chosen : match?.candidates.length === 1 ? match.candidates[0]!.key : undefined;

  // The customer's reminder, made again when the customer (or the workbook) changes.
  useEffect(() => {
    setOutcome(undefined);
    if (key === undefined) return setPrepared(undefined);
    let live = true;
    setPrepared(undefined);
    props.loadTemplates()
      .then((templates) => composeReminder({ sheets, asOf: dayToIso(asOf), customerKey: key, templates, user: props.user }))
      .then(
        (made) => live && setPrepared({ key, outcome: made }),
        (error: unknown) => live && setPrepared({ key, outcome: { problem: error instanceof Error ? error.message : String(error) } }),
      );
    return () => void (live = false);
    // loadTemplates is the host's, the same for the pane's life.
  }, [key, sheets, asOf]);

  if (plan === undefined || recipients === undefined) return <Spinner label={t.loading} />;

  const act = async (work: () => Promise<Outcome>): Promise<void> => {
    setBusy(true);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome({ intent: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const reminder = prepared !== undefined && prepared.key === key && "reminder" in prepared.outcome ? prepared.outcome.reminder : undefined;

  const put = (placement: BodyPlacement) =>
    act(async () => {
      const r = reminder!;
      const form = await putReminder(item, constants, { html: bodyFragment(r.html), text: r.text }, placement);
      const subject = await subjectIfEmpty(item, r.subject);
      const said = [placement === "cursor" ? t.inserted : t.replaced, subject ? format(t.subjectSet, { subject: r.subject }) : "", form === "text" ? t.asText : ""];
      return { intent: "success", text: said.filter(Boolean).join(" ") };
    });
  const attach = () =>
    act(async () => {
      const r = reminder!;
      const done = await attachFile(item, constants, r.statement.fileName, base64Of(r.statement.bytes));
      return "unsupported" in done ? { intent: "warning", text: t.attachUnsupported } : { intent: "success", text: format(t.attached, { name: r.statement.fileName }) };
    });
  const log = () =>
    act(async () => {
      const r = reminder!;
      const added = await props.appendJournal(r.lines.map(wireLine));
      return added > 0 ? { intent: "success", text: format(t.logged, { count: added, reference: r.reference }), lines: r.lines } : { intent: "info", text: format(t.already, { reference: r.reference }) };
    });

  const channelName = (c: string): string => (language === "en" ? (CHANNEL_EN as Record<string, string>)[c] ?? c : c);
  return (
    <main style={{ display: "flex", flexDirection: "column", gap: 12, padding: 12 }}>
      <h1 style={{ fontSize: 18, margin: 0 }}>{t.title}</h1>
      <section aria-label={t.recipients}>
        <Text block>{recipients.length === 0 ? t.noRecipient : recipients.map((r) => (r.name ? `${r.name} <${r.address}>` : r.address)).join(", ")}</Text>
        {!props.following && <Button size="small" onClick={props.readAgain}>{t.readAgain}</Button>}
      </section>
      {match !== undefined && recipients.length > 0 && match.candidates.length === 0 && (
        <MessageBar intent="warning">{format(t.unknownRecipient, { addresses: recipients.map((r) => r.address).join(", ") })}</MessageBar>
      )}
      {match !== undefined && match.candidates.length > 1 && (
        <Field label={t.chooseCustomer}>
          <Select value={key ?? ""} onChange={(_e, d) => setChosen(d.value || undefined)}>
            <option value="">—</option>
            {match.candidates.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
          </Select>
        </Field>
      )}
      {key !== undefined && prepared === undefined && <Spinner label={t.preparing} />}
      {prepared !== undefined && "nothing" in prepared.outcome && <MessageBar intent="info">{prepared.outcome.nothing === "injunction" ? t.injunction : t.nothingDue}</MessageBar>}
      {prepared !== undefined && "problem" in prepared.outcome && <MessageBar intent="error">{prepared.outcome.problem}</MessageBar>}
      {prepared !== undefined && "missing" in prepared.outcome && (
        <MessageBar intent="warning" layout="multiline">
          <div>
            <Text block>{t.missing}</Text>
            <ul style={{ margin: 0, paddingLeft: 16 }}>{prepared.outcome.missing.map((m) => <li key={m}>{m}</li>)}</ul>
          </div>
        </MessageBar>
      )}
      {reminder !== undefined && (
        <>
          <section aria-labelledby="compose-customer">
            <h2 id="compose-customer" style={{ fontSize: 16, margin: 0 }}>{reminder.customer}</h2>
            {match?.by === "domain" && <Text block size={200}>{t.byDomain}</Text>}
            <Text block weight="semibold" data-testid="compose-level">{format(t.levelDue, { level: `${reminder.level} — ${reminder.levelName}` })}</Text>
            <Text block>{format(t.languageOf, { language: t[reminder.language] })}</Text>
            {reminder.policyChannel !== undefined && <Text block size={200}>{format(t.policyChannel, { channel: channelName(reminder.policyChannel) })}</Text>}
          </section>
          <section aria-labelledby="compose-invoices">
            <h3 id="compose-invoices" style={{ fontSize: 14, margin: 0 }}>{t.invoices}</h3>
            <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="compose-invoices">
              {reminder.invoices.map((i) => <li key={i.numero}>{`${i.numero} · ${i.solde} · ${i.statut}`}</li>)}
            </ul>
            <Text block weight="semibold" data-testid="compose-total">{format(t.totalDue, { amount: reminder.totalDue })}</Text>
          </section>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
            <Button appearance="primary" disabled={busy} onClick={() => void put("cursor")}>{t.insert}</Button>
            <Button disabled={busy} onClick={() => void put("replace")}>{t.replace}</Button>
            <Button disabled={busy} onClick={() => void attach()}>{t.attach}</Button>
            <Button disabled={busy} onClick={() => void log()}>{t.log}</Button>
          </div>
          {outcome !== undefined && (
            <MessageBar intent={outcome.intent} role="status" layout="multiline">
              <div>
                <Text block>{outcome.text}</Text>
                {outcome.lines !== undefined && (
                  <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="compose-logged">
                    {outcome.lines.map((l, n) => (
                      <li key={n}>{[dayToFrench(l.date), l.invoice, l.level === undefined ? l.note ?? "" : format(t.lineLevel, { level: l.level }), l.channel ?? ""].filter(Boolean).join(" · ")}</li>
                    ))}
                  </ul>
                )}
              </div>
            </MessageBar>
          )}
          {outcome === undefined && <Text size={200}>{t.notLogged}</Text>}
        </>
      )}
    </main>
  );
}
