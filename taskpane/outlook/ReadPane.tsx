// Read mode: the sender's account beside the message and the reply sorted in one click. The
// engine plans the workbook's sheets (as the Excel pane does); the triage's lines go to the
// journal only on the user's click, with the message's id in Référence.
import { Button, Checkbox, Field, Input, MessageBar, Radio, RadioGroup, Select, Spinner, Text, Textarea } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { dayToFrench, type Day } from "../../src/core/day";
import type { JournalEntry } from "../../src/core/journalEntry";
import { formatEuros } from "../../src/core/money";
import type { Plan } from "../../src/core/plan";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbook } from "../../src/engine/readWorkbook";
import { memoryWorkbook } from "../../src/engine/memoryWorkbook";
import { format } from "../shared/i18n";
import type { PaneLanguage } from "../shared/paneHost";
import { addCalendarReminder } from "./calendarReminder";
import type { MailMessage } from "./mailItem";
import { outlookTexts } from "./outlookTexts";
import { promiseReminder, type PromiseReminder } from "./promiseReminder";
import { suggestTriage, type TriageKind } from "./replySuggestion";
import { accountView, findSender } from "./senderAccount";
import { triageLines, type Triage } from "./triageLines";
import { invoicesNamedInText, paymentReferenceInText } from "./replyMentions";
import { wireLine, type JournalLineWire } from "./journalLineWire";

export interface ReadPaneProps {
  readonly language: PaneLanguage;
  readonly message: MailMessage | undefined;
  readonly sheets: readonly MemorySheet[];
  readonly asOf: Day;
  /** Appends lines to the journal; how many were added. */
  appendJournal(lines: readonly JournalLineWire[]): Promise<number>;
  /** Reads the workbook again (after a log, so that the account shows the new lines). */
  reload(): void;
  /** Who the journal names in Utilisateur (Outlook's user profile); none in the preview. */
  readonly user?: string | undefined;
}

const KINDS: readonly TriageKind[] = ["paid", "dispute", "promise", "away"];

export function ReadPane({ language, message, sheets, asOf, appendJournal, reload, user }: ReadPaneProps) {
  const t = outlookTexts(language);
  const [read, setRead] = useState<{ plan: Plan; journal: readonly JournalEntry[] } | undefined>();
  const [chosen, setChosen] = useState<string | undefined>();
  const [kind, setKind] = useState<TriageKind | undefined>();
  const [date, setDate] = useState("");
  const [reference, setReference] = useState("");
  const [note, setNote] = useState("");
  const [invoices, setInvoices] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<{ intent: "success" | "error" | "info"; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  // Offered once a promise is in the journal: its calendar reminder.
  const [reminder, setReminder] = useState<PromiseReminder | undefined>();

  useEffect(() => {
    let live = true;
    void readWorkbook(memoryWorkbook(sheets), { asOf }).then((source) => {
      if (live) setRead({ plan: planWorkbook(source, asOf), journal: source.journal.entries });
    });
    return () => void (live = false);
  }, [sheets, asOf]);

  const match = useMemo(() => (read && message ? findSender(read.plan, message.from) : undefined), [read, message]);
  const key = chosen ?? (match?.candidates.length === 1 ? match.candidates[0]!.key : undefined);
  const account = useMemo(() => (read && key ? accountView(read.plan, read.journal, key) : undefined), [read, key]);
  const suggestion = useMemo(() => (message ? suggestTriage(`${message.subject}\n${message.text}`, asOf) : undefined), [message, asOf]);

  // A new message: its suggestion preselected, its payment reference prefilled, nothing logged.
  useEffect(() => {
    setChosen(undefined);
    setOutcome(undefined);
    setReminder(undefined);
    setKind(suggestion?.kind);
    setDate(suggestion?.date ?? "");
    setReference(message === undefined ? "" : (paymentReferenceInText(message.text) ?? ""));
    setNote("");
  }, [message, suggestion]);
  // The invoices the message names, when it names some of the account's; all of them otherwise.
  useEffect(() => {
    const numbers = account?.invoices.map((i) => i.number) ?? [];
    const named = message === undefined ? [] : invoicesNamedInText(`${message.subject}\n${message.text}`, numbers);
    setInvoices(new Set(named.length > 0 ? named : numbers));
  }, [account, message]);

  if (message === undefined) return <Text>{t.noMessage}</Text>;
  if (read === undefined) return <Spinner label={t.loading} />;

  const log = async (): Promise<void> => {
    if (account === undefined || kind === undefined) return;
    const triage: Triage =
      kind === "paid" ? { kind, paidOn: date, paymentReference: reference }
      : kind === "dispute" ? { kind, note }
      : kind === "promise" ? { kind, promisedDate: date }
      : { kind, returnDate: date };
    const result = triageLines({ asOf, invoices: account.invoices.filter((i) => invoices.has(i.number)), messageId: message.id, triage, user });
    setReminder(undefined);
    if ("problem" in result) return setOutcome({ intent: "error", text: result.problem });
    setBusy(true);
    try {
      const added = await appendJournal(result.lines.map(wireLine));
      setOutcome(added > 0 ? { intent: "success", text: format(t.logged, { count: added }) } : { intent: "info", text: t.already });
      const promised = result.lines[0]?.promiseDate;
      if (kind === "promise" && promised !== undefined) {
        const chosenInvoices = account.invoices.filter((i) => invoices.has(i.number));
        setReminder(promiseReminder({ customer: account.name, invoices: chosenInvoices, promisedDate: promised, messageId: message.id }));
      }
      if (added > 0) reload();
    } catch (error) {
      setOutcome({ intent: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const euros = (cents: number): string => formatEuros(cents, language);
  return (
    <main style={{ display: "flex", flexDirection: "column", gap: 12, padding: 12 }}>
      <h1 style={{ fontSize: 18, margin: 0 }}>{t.title}</h1>
      <section aria-label={t.message}>
        <Text weight="semibold">{message.fromName || message.from}</Text>
        <Text block>{message.subject}</Text>
        <Text block style={{ whiteSpace: "pre-wrap", maxHeight: 120, overflow: "auto" }}>{message.text.slice(0, 2000)}</Text>
      </section>
      {match !== undefined && match.candidates.length === 0 && <MessageBar intent="warning">{format(t.unknownSender, { address: message.from })}</MessageBar>}
      {match !== undefined && match.candidates.length > 1 && (
        <Field label={t.chooseCustomer}>
          <Select value={chosen ?? ""} onChange={(_e, d) => setChosen(d.value || undefined)}>
            <option value="">—</option>
            {match.candidates.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
          </Select>
        </Field>
      )}
      {account !== undefined && (
        <>
          <section aria-label={account.name}>
            <h2 style={{ fontSize: 16, margin: 0 }}>{account.name}</h2>
            {match?.by === "domain" && <Text block size={200}>{t.byDomain}</Text>}
            <Text block>{format(t.balance, { amount: euros(account.balance) })}</Text>
            {account.penalties !== null && <Text block>{format(t.penalties, { amount: euros(account.penalties) })}</Text>}
            <Text block weight="semibold">
              {account.nextStep.kind === "reminder" ? format(t.nextReminder, { level: account.nextStep.level })
                : account.nextStep.kind === "held" ? (account.nextStep.until !== undefined ? format(t.nextHeldUntil, { date: dayToFrench(account.nextStep.until) }) : t.nextHeld)
                : t.nextNone}
            </Text>
          </section>
          <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
            <legend><h3 style={{ fontSize: 14, margin: 0 }}>{t.invoices}</h3></legend>
            {account.invoices.map((i) => (
              <Checkbox
                key={i.number}
                checked={invoices.has(i.number)}
                onChange={(_e, d) => setInvoices((s) => { const n = new Set(s); if (d.checked) n.add(i.number); else n.delete(i.number); return n; })}
                label={`${i.number} · ${euros(i.balance)} · ${t[`status_${i.status}`]} · ${i.level === undefined ? t.noLevel : format(t.level, { level: i.level })}`}
              />
            ))}
          </fieldset>
          {account.lastActions.length > 0 && (
            <section aria-label={t.lastActions}>
              <h3 style={{ fontSize: 14, margin: 0 }}>{t.lastActions}</h3>
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {account.lastActions.map((e, n) => <li key={n}>{`${dayToFrench(e.date)} · ${e.invoice} · ${e.note ?? e.reference ?? ""}`}</li>)}
              </ul>
            </section>
          )}
          {suggestion !== undefined && <MessageBar intent="info">{format(t.suggestion, { kind: t[suggestion.kind] })}</MessageBar>}
          <RadioGroup value={kind ?? ""} onChange={(_e, d) => setKind(d.value as TriageKind)} layout="horizontal" aria-label={t.log}>
            {KINDS.map((k) => <Radio key={k} value={k} label={t[k]} />)}
          </RadioGroup>
          {(kind === "paid" || kind === "promise" || kind === "away") && (
            <Field label={kind === "paid" ? t.paidOn : kind === "promise" ? t.promisedDate : t.returnDate}>
              <Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} />
            </Field>
          )}
          {kind === "paid" && <Field label={t.paymentReference}><Input value={reference} onChange={(_e, d) => setReference(d.value)} /></Field>}
          {kind === "dispute" && <Field label={t.note}><Textarea value={note} onChange={(_e, d) => setNote(d.value)} /></Field>}
          <Button appearance="primary" disabled={kind === undefined || busy || invoices.size === 0} onClick={() => void log()}>{t.log}</Button>
          {outcome !== undefined && <MessageBar intent={outcome.intent} role="status">{outcome.text}</MessageBar>}
          {reminder !== undefined && <Button onClick={() => addCalendarReminder(reminder)}>{t.calendarReminder}</Button>}
        </>
      )}
    </main>
  );
}
