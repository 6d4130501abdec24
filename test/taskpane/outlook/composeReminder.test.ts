// Compose mode's reminder on the sample: the very e-mail, statement and journal lines the run
// makes for the customer (checked against the Excel pane's e-mail action, which is `relances run`'s),
// by e-mail whatever channel the policy gives the level, in the customer's language, under a
// Référence that is the same on every click.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso, dayToIso } from "../../../src/core/day";
import { journalLine } from "../../../src/core/journalAppend";
import { JOURNAL_SHEET } from "../../../src/core/journalEntry";
import type { Plan } from "../../../src/core/plan";
import type { EmailMessage } from "../../../src/documents/emailMessage";
import { memoryWorkbook, type MemorySheet } from "../../../src/engine/memoryWorkbook";
import { runPaneAction } from "../../../src/engine/paneActions";
import { planWorkbook } from "../../../src/engine/planWorkbook";
import { readWorkbook } from "../../../src/engine/readWorkbook";
import { SAMPLE_AS_OF } from "../../../src/sample/sampleWorkbook";
import { findRecipients } from "../../../taskpane/outlook/recipientCustomer";
import { bodyFragment, COMPOSE_REFERENCE_PREFIX, composeReminder, type ComposeReminder } from "../../../taskpane/outlook/composeReminder";
import { sampleSheetsAt, shippedTemplateFiles } from "../../engine/paneFixtures";

let dir: string;
let sheets: MemorySheet[];
let templates: Record<string, Uint8Array | string>;
let plan: Plan;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "outlook-compose-"));
  sheets = await sampleSheetsAt(path.join(dir, "suivi.xlsx"));
  templates = await shippedTemplateFiles();
  const asOf = dayFromIso(SAMPLE_AS_OF)!;
  plan = planWorkbook(await readWorkbook(memoryWorkbook(sheets), { asOf }), asOf);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const keyOf = (name: string): string => plan.invoices.find((i) => i.record.customer.name === name)!.customerKey;

async function reminderOf(name: string): Promise<ComposeReminder> {
  const outcome = await composeReminder({ sheets, asOf: SAMPLE_AS_OF, customerKey: keyOf(name), templates });
  if (!("reminder" in outcome)) throw new Error(JSON.stringify(outcome));
  return outcome.reminder;
}

describe("composeReminder", () => {
  it("is the e-mail and the journal lines of the run, for a customer reminded by e-mail", async () => {
    const reminder = await reminderOf("Cabinet Martin Architecture");
    // The pane's e-mail action (relances run's documents), delivered under compose mode's Référence.
    let sent: EmailMessage | undefined;
    const run = await runPaneAction({
      sheets, asOf: SAMPLE_AS_OF, kind: "emails", selection: { customers: ["Cabinet Martin Architecture"] }, templates,
      mail: { deliver: async (email) => ((sent = email.message), `${COMPOSE_REFERENCE_PREFIX}${email.fileName.replace(/\.eml$/, "")}`) },
    });
    expect(sent).toBeDefined();
    expect(reminder.subject).toBe(sent!.subject);
    expect(reminder.html).toBe(sent!.html);
    expect(reminder.text).toBe(sent!.text);
    expect(reminder.statement.fileName).toBe(sent!.attachments[0]!.fileName);
    expect(Buffer.from(reminder.statement.bytes).equals(Buffer.from(sent!.attachments[0]!.data))).toBe(true);
    const rows = run.appends.find((a) => a.sheet === JOURNAL_SHEET)!.rows;
    expect(reminder.lines.map(journalLine)).toEqual(rows);
    expect(reminder.lines.map((l) => [l.invoice, l.level, l.channel, l.reference])).toEqual([["F2026-049", 1, "email", `${COMPOSE_REFERENCE_PREFIX}2026-06-30-reminder1-cabinet-martin-architecture`]]);
    expect(reminder.invoices.map((i) => i.numero)).toContain("F2026-049");
    expect(reminder.totalDue.replace(/\s/g, " ")).toBe("7 840,00 €");
  });

  it("writes by e-mail a level the policy sends by post, saying so, journalled as e-mail at each invoice's level", async () => {
    const reminder = await reminderOf("SCI Les Tilleuls");
    expect(reminder.level).toBe(3);
    expect(reminder.policyChannel).toBe("recommandé");
    expect(reminder.subject).toMatch(/mise en demeure/i);
    expect(reminder.lines.map((l) => [l.invoice, l.level, l.channel, dayToIso(l.date)])).toEqual([
      ["F2026-027", 3, "email", SAMPLE_AS_OF],
      // Each invoice at its own level: F2026-050 reached its first reminder only.
      ["F2026-050", 1, "email", SAMPLE_AS_OF],
    ]);
    expect(new Set(reminder.lines.map((l) => l.reference)).size).toBe(1);
  });

  it("writes in the customer's language, and makes a courtesy reminder's statement on demand", async () => {
    const reminder = await reminderOf("Thornton & Hale Ltd");
    expect(reminder.level).toBe(0);
    expect(reminder.language).toBe("en");
    expect(reminder.html).toContain("F2026-045");
    expect(reminder.html).not.toMatch(/Bonjour|Madame/);
    expect(reminder.statement.fileName).toMatch(/^Statement-thornton-hale-ltd-2026-06-30\.pdf$/);
    expect(new TextDecoder().decode(reminder.statement.bytes.subarray(0, 5))).toBe("%PDF-");
  });

  it("gives the same Référence and lines on every call", async () => {
    const [a, b] = await Promise.all([reminderOf("Delmas & Associés"), reminderOf("Delmas & Associés")]);
    expect(a.reference).toBe(b.reference);
    expect(a.lines).toEqual(b.lines);
  });

  it("says when there is nothing to write: nothing due, or the court file's level", async () => {
    const idle = plan.invoices.find((i) => !plan.actions.some((a) => a.customerKey === i.customerKey))!.customerKey;
    expect(await composeReminder({ sheets, asOf: SAMPLE_AS_OF, customerKey: idle, templates })).toEqual({ nothing: "none" });
    expect(await composeReminder({ sheets, asOf: SAMPLE_AS_OF, customerKey: keyOf("SARL Hôtel du Château"), templates })).toEqual({ nothing: "injunction" });
  });
});

describe("findRecipients", () => {
  const names = (recipients: string[]) => {
    const match = findRecipients(plan, recipients.map((address) => ({ address, name: "" })));
    return { by: match.by, names: match.candidates.map((c) => c.name).sort() };
  };

  it("finds the customer of a recipient's address, one recipient unknown beside it", () => {
    expect(names(["quelquun@ailleurs.example", "gestion@sci-lestilleuls.example"])).toEqual({ by: "address", names: ["SCI Les Tilleuls"] });
  });

  it("prefers an address found to a domain found, and offers several customers when they share one", () => {
    expect(names(["compta@delmas-associes.example", "contact@martin-architecture.example"])).toEqual({ by: "address", names: ["Cabinet Martin Architecture"] });
    expect(names(["compta@delmas-associes.example"])).toEqual({ by: "domain", names: ["Delmas & Associés"] });
    expect(names(["fournier.mazeres@example.com"])).toEqual({ by: "address", names: ["Boulangerie Fournier", "SARL Fournier et Fils"] });
  });

  it("finds nobody without a known address or domain", () => {
    expect(names([])).toEqual({ by: "none", names: [] });
    expect(names(["quelquun@gmail.com"])).toEqual({ by: "none", names: [] });
  });
});

describe("bodyFragment", () => {
  it("keeps the body's content and style, without the document's head", () => {
    const fragment = bodyFragment('<!DOCTYPE html>\n<html><head><title>x</title></head><body style="margin:0; background-color:#f3f4f6;">\n<p>Bonjour</p>\n</body></html>');
    expect(fragment).toBe('<div style="margin:0; background-color:#f3f4f6;"><p>Bonjour</p></div>');
  });

  it("leaves a fragment as it is", () => {
    expect(bodyFragment("<p>Bonjour</p>")).toBe("<p>Bonjour</p>");
  });
});
