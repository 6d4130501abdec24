// The documents of the bundled sample on the five dates of issue 9, read as their reader reads
// them (the .eml parts, the statement PDF's text, the Word text): each formal notice and
// injunction file demands exactly its claimed invoices with their penalties and fees, every e-mail
// and letter asks for its statement's « Solde à régler », and nothing above courtesy lists an
// invoice not yet due.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { formatEuros, type Cents } from "../../src/core/money";
import { plannedJournalEntries, type Plan, type PlannedAction, type PlannedInvoice } from "../../src/core/plan";
import type { Settings } from "../../src/core/settings";
import { asciiSlug } from "../../src/documents/asciiSlug";
import { writeRunDocuments, type RunDocuments } from "../../src/node/writeRunDocuments";
import { writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";
import { documentXml, pageTexts, sections, spaced } from "./readDocuments";

const DATES = ["2026-06-30", "2026-07-10", "2026-07-21", "2026-08-03", "2026-08-14"] as const;

interface Run {
  readonly plan: Plan;
  readonly settings: Settings;
  readonly out: string;
  readonly result: RunDocuments;
}

let dir: string;
const runs = new Map<string, Run>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-sample-docs-"));
  const file = path.join(dir, "sample.xlsx");
  await writeSampleWorkbook(file);
  for (const iso of DATES) {
    const asOf = dayFromIso(iso)!;
    const source = await readWorkbookSource(file, { asOf });
    const plan = planWorkbook(source, asOf);
    const out = path.join(dir, iso);
    runs.set(iso, { plan, settings: source.settings, out, result: await writeRunDocuments(plan, source.settings, out) });
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const AMOUNT = String.raw`(-?\d{1,3}(?: \d{3})*,\d{2} €|€\d{1,3}(?:,\d{3})*\.\d{2})`;

/** The amounts a text asks for: after « la somme de », « règlement de », "the sum of", "payment of", "recovery of". */
function askedAmounts(text: string): string[] {
  const pattern = new RegExp(String.raw`(?:somme de|règlement de|sum of|payment of|recovery of)\s+` + AMOUNT, "g");
  return [...spaced(text).matchAll(pattern)].map((m) => m[1]!);
}

/** The statement's « Solde à régler » (or "Balance to pay"), as printed. */
function balanceToPay(statement: string): string {
  const found = new RegExp(String.raw`(?:Solde à régler|Balance to pay)(?: \([^)]*\))? ` + AMOUNT).exec(spaced(statement));
  if (found === null) throw new Error(`no balance to pay in: ${statement}`);
  return found[1]!;
}

/** What a demand is worth, invoice by invoice: each balance, its penalties (none when unknown) and its EUR 40. */
function demandOf(action: PlannedAction): Cents {
  const consumer = action.customer.customerType === "particulier";
  return action.claimed.reduce((sum: number, i: PlannedInvoice) => {
    if (consumer) return sum + i.balance + (action.level >= 4 ? (i.penalties ?? 0) : 0);
    return sum + i.balance + (i.penalties ?? 0) + i.recoveryFee;
  }, 0);
}

const money = (action: PlannedAction, cents: Cents): string => spaced(formatEuros(cents, action.customer.language));

/** The statement a document goes with: the e-mail's attachment, or the PDF written beside a letter. */
async function statementText(run: Run, action: PlannedAction): Promise<string> {
  const reference = run.result.documents.get(action.customerKey)!.reference!;
  let pdf: Uint8Array;
  if (reference.endsWith(".eml")) {
    const attachments = (await simpleParser(await readFile(path.join(run.out, reference)))).attachments;
    expect(attachments.map((a) => a.contentType), reference).toEqual(["application/pdf"]);
    pdf = new Uint8Array(attachments[0]!.content);
  } else {
    const file = run.result.files.find((f) => f.startsWith("releves/") && f.includes(asciiSlug(action.customer.name)));
    if (file === undefined) throw new Error(`no statement for ${action.customer.name}`);
    pdf = new Uint8Array(await readFile(path.join(run.out, file)));
  }
  return (await pageTexts(pdf)).join(" ");
}

/** Each action's document text: the e-mail's plain-text part, or its section of the Word file. */
async function documentTexts(run: Run): Promise<Map<PlannedAction, string>> {
  const texts = new Map<PlannedAction, string>();
  const byFile = new Map<string, PlannedAction[]>();
  for (const action of run.plan.actions) {
    const reference = run.result.documents.get(action.customerKey)!.reference!;
    byFile.set(reference, [...(byFile.get(reference) ?? []), action]);
  }
  for (const [reference, actions] of byFile) {
    const bytes = await readFile(path.join(run.out, reference));
    if (reference.endsWith(".eml")) texts.set(actions[0]!, (await simpleParser(bytes)).text ?? "");
    else {
      // One section per customer, in the plan's order, each addressed to its customer.
      sections(documentXml(bytes)).forEach((text, i) => {
        expect(text, reference).toContain(actions[i]!.customer.name);
        texts.set(actions[i]!, text);
      });
    }
  }
  return texts;
}

/** Whether an invoice number appears as a whole word. */
const mentions = (text: string, number: string): boolean => new RegExp(`(?<![\\w-])${number.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`).test(text);

describe.each(DATES)("the sample's documents on %s", (iso) => {
  it("every formal notice and injunction file demands exactly its claimed invoices, their penalties and fees", async () => {
    const run = runs.get(iso)!;
    const texts = await documentTexts(run);
    const demands = run.plan.actions.filter((a) => a.level >= 3);
    expect(demands.length).toBeGreaterThan(0);
    for (const action of demands) {
      const text = spaced(texts.get(action)!);
      const who = `${action.customer.name} (${iso})`;
      const expected = money(action, demandOf(action));
      // The invoices of the demand, before the section of the others.
      const [demanded, others = ""] = text.split(/Autres factures échues|Other overdue invoices/);
      for (const invoice of action.claimed) expect(mentions(demanded!, invoice.record.number), `${who}: ${invoice.record.number}`).toBe(true);
      for (const invoice of action.invoices.filter((i) => !action.claimed.includes(i))) {
        expect(mentions(demanded!, invoice.record.number), `${who}: ${invoice.record.number} is not claimed`).toBe(false);
        // A letter lists them apart; the court file leaves them out.
        if (action.level < 4) expect(mentions(others, invoice.record.number), `${who}: ${invoice.record.number} among the others`).toBe(true);
      }
      if (action.level === 4) {
        expect(text, who).toMatch(new RegExp(String.raw`Total réclamé(?: \(hors [^)]*\))?\s+` + expected.replace(/[.$€]/g, "\\$&")));
        expect(text, who).toMatch(new RegExp(String.raw`Principal \(solde (?:de la facture|des factures)\)\s+` + money(action, action.claimed.reduce((s, i) => s + i.balance, 0))));
      } else {
        expect(askedAmounts(text), who).toEqual(expect.arrayContaining([expected]));
        expect(new Set(askedAmounts(text)), who).toEqual(new Set([expected]));
      }
    }
  });

  it("every e-mail and letter asks for its statement's « Solde à régler » (the e-mail's attached one)", async () => {
    const run = runs.get(iso)!;
    const texts = await documentTexts(run);
    for (const action of run.plan.actions.filter((a) => a.level >= 1 && a.level <= 3)) {
      const who = `${action.customer.name} (${iso})`;
      const statement = await statementText(run, action);
      const asked = askedAmounts(texts.get(action)!);
      expect(asked.length, who).toBeGreaterThan(0);
      expect(new Set(asked), who).toEqual(new Set([balanceToPay(statement)]));
      const reference = run.result.documents.get(action.customerKey)!.reference!;
      if (reference.endsWith(".eml")) {
        // The HTML part, as the mail client shows it, asks the same.
        const html = (await simpleParser(await readFile(path.join(run.out, reference)))).html || "";
        const shown = html.replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ").replace(/\s+/g, " ");
        expect(new Set(askedAmounts(shown)), `${who}, HTML`).toEqual(new Set([balanceToPay(statement)]));
      }
      // A total the reader could take for the sum asked says the same.
      for (const m of spaced(texts.get(action)!).matchAll(new RegExp(String.raw`(?:Total dû|Total due)\s*:?\s*` + AMOUNT, "g"))) expect(m[1], who).toBe(balanceToPay(statement));
    }
  });

  it("no e-mail or letter above courtesy lists an invoice not yet due; the statement shows it for what it is", async () => {
    const run = runs.get(iso)!;
    const texts = await documentTexts(run);
    for (const action of run.plan.actions.filter((a) => a.level >= 1)) {
      const notDue = run.plan.invoices.filter((i) => i.customerKey === action.customerKey && i.balance >= 100 && i.daysOverdue <= 0);
      const text = texts.get(action)!;
      for (const invoice of notDue) {
        const who = `${action.customer.name} (${iso}): ${invoice.record.number}`;
        expect(mentions(text, invoice.record.number), who).toBe(false);
        const statement = await statementText(run, action);
        expect(statement, who).toMatch(new RegExp(`${invoice.record.number} .*?(Non échue|Not yet due|En litige|Disputed|Promesse au|Payment promised)`));
      }
    }
  });

  it("journals each listed invoice whose level was due, and nothing else", () => {
    const run = runs.get(iso)!;
    const listed = new Map(run.plan.actions.flatMap((a) => a.invoices.map((i) => [i.record.number, a] as const)));
    for (const entry of plannedJournalEntries(run.plan)) {
      const action = listed.get(entry.invoice);
      expect(action, `${entry.invoice} (${iso})`).toBeDefined();
      const invoice = action!.invoices.find((i) => i.record.number === entry.invoice)!;
      if (action!.level >= 1) expect(invoice.daysOverdue, `${entry.invoice} (${iso})`).toBeGreaterThan(0);
    }
  });
});
