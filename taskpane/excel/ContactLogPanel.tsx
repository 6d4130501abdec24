// Log a phone call, a promise to pay or a dispute for one customer's open invoices: the engine
// (logContact) makes one journal line per invoice, the host appends them, the plan reads them back
// (a promise or an open dispute holds the invoices). Logged twice the same day, it adds nothing.
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Plan } from "../../src/core/plan";
import { logContact, type ContactEvent } from "../../src/engine/browserEntry";
import { inLanguage } from "../shared/bilingual";
import { usePane, useText } from "./paneContext";
import { openInvoices } from "./worklistRows";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
});

type Kind = ContactEvent["kind"];

export function ContactLogPanel({ plan }: { readonly plan: Plan }) {
  const styles = useStyles();
  const t = useText();
  const { host, sheets, asOf, reload, announce } = usePane();
  // Every customer with an open invoice, by name, in French order.
  const customers = useMemo(() => {
    const byKey = new Map<string, { name: string; invoices: string[] }>();
    for (const p of openInvoices(plan.invoices)) {
      if (p.balance < 100) continue;
      const entry = byKey.get(p.customerKey) ?? { name: p.record.customer.name, invoices: [] };
      entry.invoices.push(p.record.number);
      byKey.set(p.customerKey, entry);
    }
    return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
  }, [plan]);
  const [customer, setCustomer] = useState("");
  const [kind, setKind] = useState<Kind>("call");
  const [promisedDate, setPromisedDate] = useState("");
  const [disputeState, setDisputeState] = useState<"ouvert" | "clos">("ouvert");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const chosen = customers.find((c) => c.name === customer);

  const submit = async (): Promise<void> => {
    if (chosen === undefined) return;
    const noteText = note.trim() === "" ? undefined : note.trim();
    const event: ContactEvent =
      kind === "promise" ? { kind, promisedDate, note: noteText } : kind === "dispute" ? { kind, state: disputeState, note: noteText } : { kind: "call", note: noteText };
    setBusy(true);
    try {
      const result = await logContact({ sheets, asOf, customer: chosen.name, invoices: chosen.invoices, event });
      if (result.problem !== undefined) throw new Error(result.problem);
      if (result.appends.length > 0) await host.output.append(result.appends);
      const text = t("contact.logged", { customer: chosen.name, count: result.journalled });
      setMessage({ intent: "success", text });
      announce(text);
      if (result.appends.length > 0) await reload();
    } catch (error) {
      const text = inLanguage(error instanceof Error ? error.message : String(error), host.language);
      setMessage({ intent: "error", text });
      announce(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="contact-heading">
      <h3 id="contact-heading">{t("contact.heading")}</h3>
      <div className={styles.form}>
        <Field label={t("contact.customer")}>
          <Select value={customer} onChange={(_e, data) => setCustomer(data.value)} data-testid="contact-customer">
            <option value="">—</option>
            {customers.map((c) => (
              <option key={c.name} value={c.name}>{c.name}</option>
            ))}
          </Select>
        </Field>
        <Field label={t("contact.kind")}>
          <RadioGroup layout="horizontal" value={kind} onChange={(_e, data) => setKind(data.value as Kind)}>
            <Radio value="call" label={t("contact.call")} />
            <Radio value="promise" label={t("contact.promise")} />
            <Radio value="dispute" label={t("contact.dispute")} />
          </RadioGroup>
        </Field>
        {kind === "promise" && (
          <Field label={t("contact.promisedDate")}>
            <Input type="date" value={promisedDate} onChange={(_e, data) => setPromisedDate(data.value)} />
          </Field>
        )}
        {kind === "dispute" && (
          <Field label={t("contact.disputeState")}>
            <Select value={disputeState} onChange={(_e, data) => setDisputeState(data.value as "ouvert" | "clos")}>
              <option value="ouvert">{t("contact.disputeOpen")}</option>
              <option value="clos">{t("contact.disputeClosed")}</option>
            </Select>
          </Field>
        )}
        <Field label={t("contact.note")}>
          <Input value={note} onChange={(_e, data) => setNote(data.value)} />
        </Field>
        <Button disabled={busy || chosen === undefined || (kind === "promise" && promisedDate === "")} onClick={() => void submit()}>
          {t("contact.log")}
        </Button>
      </div>
      {message !== undefined && (
        <MessageBar intent={message.intent} data-testid="contact-result">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
