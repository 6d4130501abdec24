// What a public buyer reads at each level (DOMAIN section 2): the Code de la commande publique, not
// the Code de commerce, and the administrative court, not an injonction de payer; a business still
// reads L441-10 and D441-5. Word letters and the e-mails' text parts, as rendered.
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import type { InvoiceHistory } from "../../src/core/journalEntry";
import { planRun } from "../../src/core/plan";
import { DEFAULT_RATES } from "../../src/core/rates";
import type { ReminderLevel } from "../../src/core/reminderLevel";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import type { CustomerDetails } from "../../src/core/trackingRecord";
import { defaultWordTemplate } from "../../src/node/defaultTemplates";
import { defaultEmailTemplate } from "../../src/node/emailTemplates";
import { reminderData, type ReminderData } from "../../src/documents/reminderData";
import { plainText, renderTemplate } from "../../src/documents/template";
import { renderLetters } from "../../src/documents/wordLetters";
import { SAMPLE_COMPANY } from "../../src/sample/sampleWorkbook";
import { customer, d, invoice } from "../core/records";

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, company: SAMPLE_COMPANY };

function wordText(docx: Uint8Array): string {
  const xml = new PizZip(docx).file("word/document.xml")!.asText();
  return (xml.match(/<w:t\b[^>]*>[^<]*<\/w:t>|<\/w:p>/g) ?? [])
    .map((t) => (t === "</w:p>" ? "\n" : t.replace(/<[^>]+>/g, "")))
    .join("")
    .replace(/&apos;/g, "'")
    .replace(/[\u00a0\u202f]/g, " ");
}

const HISTORY: Readonly<Record<1 | 2 | 3, InvoiceHistory>> = {
  1: { lastLevel: 1, lastLevelDate: d("2025-04-05"), levelDates: { 1: d("2025-04-05") }, dispute: false },
  2: { lastLevel: 2, lastLevelDate: d("2025-04-15"), levelDates: { 1: d("2025-04-05"), 2: d("2025-04-15") }, dispute: false },
  3: { lastLevel: 3, lastLevelDate: d("2025-04-22"), levelDates: { 1: d("2025-04-05"), 2: d("2025-04-15"), 3: d("2025-04-22") }, dispute: false },
};

/** The merge data of one customer's document at a level, 30 days after the due date. */
function dataAt(level: 1 | 2 | 3, who: CustomerDetails): ReminderData {
  const record = invoice({ number: "F1", customer: who, invoiceDate: d("2025-01-15"), dueDate: d("2025-03-31"), amount: 1000000, acceptanceDate: d("2025-01-10") });
  const histories = level === 1 ? new Map() : new Map([["F1", HISTORY[(level - 1) as 1 | 2]]]);
  const plan = planRun(
    { invoices: [record], creditNotes: [], rejected: [], rows: 1, skipped: 0, warnings: [], histories },
    { asOf: d("2025-04-30"), policy: SETTINGS.policy, rates: DEFAULT_RATES, splitByHalfYear: true, forcedLevels: new Map([[who.name, level as ReminderLevel]]) },
  );
  return reminderData(plan.actions[0]!, plan, SETTINGS);
}

async function letter(level: 1 | 2 | 3, who: CustomerDetails): Promise<string> {
  const data = dataAt(level, who);
  return wordText(renderLetters(await defaultWordTemplate(level, data.langue), [data]));
}

async function emailText(level: 1 | 2 | 3, who: CustomerDetails): Promise<string> {
  const data = dataAt(level, who);
  const template = await defaultEmailTemplate(level, data.langue);
  return renderTemplate(template.text, data, plainText).replace(/[\u00a0\u202f]/g, " ");
}

const mairie = customer("Mairie de Saverdun", { customerType: "collectivite", address: "1 place du Balouard", postcode: "09700", city: "Saverdun" });
const sarl = customer("SARL Hôtel du Château", { address: "2 rue du Rocher", postcode: "09000", city: "Foix" });
const COMMERCE = /L441-10|D441-5|Code de commerce|Commercial Code/;

describe("a public buyer's letters", () => {
  it("cite the Code de la commande publique at every level, in French and in English", async () => {
    const r1 = await letter(1, mairie);
    expect(r1).toContain("articles L2192-13, R2192-31 et D2192-35 du Code de la commande publique");
    const r2 = await letter(2, mairie);
    // EUR 10,000, 30 days at ECB 3.15 + 8 = 11.15 %: 91.64.
    expect(r2).toContain("intérêts moratoires au taux de la Banque centrale européenne majoré de 8 points (articles L2192-13 et R2192-31 du Code de la commande publique), qui s'élèvent à ce jour à 91,64 €");
    // Before the formal notice they are given for information, outside the sum asked.
    expect(r2).toContain("indiquées pour information, ne sont pas comprises dans le montant demandé");
    expect(r2).toContain("40 € par facture (article D2192-35 du même code), soit 40,00 €");
    const notice = await letter(3, mairie);
    expect(notice).toContain("nous saisirons le juge des référés du tribunal administratif compétent");
    expect(notice).toContain("article R541-1 du Code de justice administrative");
    expect(notice).toContain("La présente vaut demande préalable de paiement.");
    for (const text of [r1, r2, notice]) {
      expect(text).not.toMatch(COMMERCE);
      expect(text).not.toContain("injonction de payer");
    }
    const english = await letter(3, { ...mairie, language: "en" });
    expect(english).toContain("interim relief judge of the competent administrative court");
    expect(english).toContain("French Public Procurement Code");
    expect(english).not.toMatch(COMMERCE);
  });

  it("say the same in the e-mails' text", async () => {
    for (const lang of ["fr", "en"] as const) {
      const text = (await emailText(2, { ...mairie, language: lang })) + (await emailText(3, { ...mairie, language: lang }));
      expect(text).toContain("R2192-31");
      expect(text).toContain("D2192-35");
      expect(text).not.toMatch(COMMERCE);
      expect(text).not.toMatch(/injonction de payer/);
    }
  });
});

describe("a business's letters", () => {
  it("still cite the Code de commerce and threaten the injonction de payer", async () => {
    const notice = await letter(3, sarl);
    expect(notice).toContain("article L441-10 du Code de commerce");
    expect(notice).toContain("requête en injonction de payer");
    expect(notice).not.toMatch(/commande publique|tribunal administratif/);
    expect(await emailText(3, sarl)).toContain("L441-10 et D441-5 du Code de commerce");
  });
});
