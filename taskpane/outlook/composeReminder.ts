// Compose mode's reminder: the e-mail `relances run` would write for one customer on the reference
// date (the engine's plan, sender check, templates, statement and journal lines, through runPlan),
// sent here by e-mail whatever channel the policy gives its level: the user is writing that e-mail.
// Its journal lines name a Référence made of the reminder's date, stage and customer, the same on
// every click and every draft, so that the workbook route adds them once.
import type { JournalEntry } from "../../src/core/journalEntry";
import { invoiceKey } from "../../src/core/invoiceKey";
import type { PlannedAction } from "../../src/core/plan";
import type { ReminderLevel } from "../../src/core/reminderLevel";
import type { Channel } from "../../src/core/reminderPolicy";
import { missingSettingMessage } from "../../src/core/senderCheck";
import { renderStatement } from "../../src/documents/accountStatement";
import { asciiSlug } from "../../src/documents/asciiSlug";
import type { EmailMessage } from "../../src/documents/emailMessage";
import { reminderData, type InvoiceLine, type Language } from "../../src/documents/reminderData";
import { readArrays } from "../../src/engine/arraysSource";
import { historyJournalEntries } from "../../src/engine/historyJournalEntries";
import type { MailDelivery } from "../../src/engine/mailDelivery";
import { MemoryDocumentSink } from "../../src/engine/memoryDocumentSink";
import { memoryTemplateStore } from "../../src/engine/memoryTemplateStore";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { runPlan } from "../../src/engine/runPlan";

/** What the Référence of compose mode's journal lines starts with. */
export const COMPOSE_REFERENCE_PREFIX = "outlook-relance:";

export interface ComposeReminder {
  readonly customer: string;
  readonly level: ReminderLevel;
  /** The level's name in the customer's language (« Relance 1 », « Formal notice »). */
  readonly levelName: string;
  readonly language: Language;
  /** The channel the policy gives this level, when it is not e-mail (the run would have sent a letter). */
  readonly policyChannel?: Channel | undefined;
  /** The invoices the reminder lists (as its table shows them) and the amount it asks for. */
  readonly invoices: readonly InvoiceLine[];
  readonly totalDue: string;
  readonly subject: string;
  /** The e-mail's HTML body, every value escaped by the engine; bodyFragment gives its content. */
  readonly html: string;
  readonly text: string;
  readonly statement: { readonly fileName: string; readonly bytes: Uint8Array };
  /** The journal lines the run would append for it (history taken over first, then one per invoice due). */
  readonly lines: readonly JournalEntry[];
  readonly reference: string;
}

export interface ComposeRequest {
  readonly sheets: readonly MemorySheet[];
  /** ISO reference date. */
  readonly asOf: string;
  readonly customerKey: string;
  /** The templates by "<lang>/<name>" (loadTemplates). */
  readonly templates: Readonly<Record<string, Uint8Array | string>>;
  readonly user?: string | undefined;
}

export type ComposeOutcome =
  | { readonly reminder: ComposeReminder }
  /** Nothing is due for this customer today, or the level is not an e-mail's (the court file). */
  | { readonly nothing: "none" | "injunction" }
  /** The sender's settings are incomplete: nothing goes out (SPEC section 5); the messages say which. */
  | { readonly missing: readonly string[] }
  | { readonly problem: string };

/**
 * The reminder e-mail of a customer, or why there is none.
 * @throws TemplateError for a broken template
 * @example
 * const outcome = await composeReminder({ sheets, asOf: "2026-06-30", customerKey, templates });
 * if ("reminder" in outcome) item.body.setAsync(bodyFragment(outcome.reminder.html), …);
 */
export async function composeReminder(request: ComposeRequest): Promise<ComposeOutcome> {
  const read = await readArrays(request.sheets, request.asOf);
  if ("problem" in read) return { problem: read.problem };
  const { source, day } = read;
  const plan = planWorkbook(source, day);
  const planned = plan.actions.find((a) => a.customerKey === request.customerKey);
  if (planned === undefined) return { nothing: "none" };
  if (planned.level === 4) return { nothing: "injunction" };
  const action: PlannedAction = { ...planned, channel: "email" };
  const invoices = new Set(action.account.invoices.map((i) => invoiceKey(i.record.number)));
  const history = historyJournalEntries(source, day).entries.filter((e) => invoices.has(invoiceKey(e.invoice)));

  let email: { message: EmailMessage; reference: string } | undefined;
  const mail: MailDelivery = {
    async deliver(reminder) {
      const reference = `${COMPOSE_REFERENCE_PREFIX}${reminder.fileName.replace(/\.eml$/, "")}`;
      email = { message: reminder.message, reference };
      return reference;
    },
  };
  const outcome = await runPlan(
    { plan: { ...plan, actions: [action] }, settings: source.settings, journal: source.journal.entries, history, user: request.user },
    { templates: memoryTemplateStore(new Map(Object.entries(request.templates))), sink: new MemoryDocumentSink(), mail },
  );
  if (outcome.refused !== undefined) return { missing: outcome.refused.map(missingSettingMessage) };
  if (email === undefined) return { problem: "Aucun e-mail produit / no e-mail was produced" };

  const data = reminderData(action, plan, source.settings);
  // The run attaches the statement from reminder 1 on; a courtesy reminder's is made on demand.
  const attached = email.message.attachments[0];
  const statement = attached !== undefined ? { fileName: attached.fileName, bytes: attached.data } : { fileName: `${data.langue === "en" ? "Statement" : "Releve"}-${asciiSlug(data.raison_sociale)}-${data.date_iso}.pdf`, bytes: await renderStatement(data) };
  return {
    reminder: {
      customer: action.customer.name,
      level: action.level,
      levelName: data.niveau,
      language: data.langue,
      policyChannel: planned.channel === "email" ? undefined : planned.channel,
      invoices: data.factures,
      totalDue: data.total_du,
      subject: email.message.subject,
      html: email.message.html,
      text: email.message.text,
      statement,
      lines: outcome.journalLines,
      reference: email.reference,
    },
  };
}

/**
 * The content of an HTML document's body, for the message being written (Outlook takes a fragment
 * at the cursor). The engine escapes every value, so the template's own tags are the only ones.
 * @example bodyFragment("<html><body style='x'><p>Bonjour</p></body></html>") // "<div style='x'><p>Bonjour</p></div>"
 */
export function bodyFragment(html: string): string {
  const open = /<body([^>]*)>/i.exec(html);
  const close = html.toLowerCase().lastIndexOf("</body>");
  if (open === null || close < open.index) return html;
  const style = /\sstyle\s*=\s*("[^"]*"|'[^']*')/i.exec(open[1] ?? "")?.[1];
  const inner = html.slice(open.index + open[0].length, close).trim();
  return style === undefined ? inner : `<div style=${style}>${inner}</div>`;
}
