// What the customer reads, level by level and in both languages (DOMAIN section 4, « Salutations
// and agreement »; SPEC section 8): the rendered letter's paragraphs and the e-mail's text and HTML
// parts, for a SARL with a named contact, an SCI without one, a consumer whose civility is in her
// name, a couple, and two UK companies (one with a contact, one without).
import { simpleParser } from "mailparser";
import PizZip from "pizzip";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReminderLevel } from "../../src/core/reminderLevel";
import { defaultWordTemplate } from "../../src/node/defaultTemplates";
import { defaultEmailTemplate } from "../../src/node/emailTemplates";
import { reminderEmail } from "../../src/documents/reminderEmail";
import { emlFile } from "../../src/mail/emlFile";
import type { Language, ReminderData } from "../../src/documents/reminderData";
import { renderLetters } from "../../src/documents/wordLetters";
import { SAMPLE_COMPANY } from "../../src/sample/sampleWorkbook";
import { dataAtLevel } from "./customersOfEveryKind";

const LEVELS = [0, 1, 2, 3, 4] as const;

interface Expected {
  readonly lang: Language;
  readonly opening: string;
  /** How the French closing names the reader; the English closing. */
  readonly closing: string;
  readonly oneInvoice: boolean;
  /** Names the closing must not repeat. */
  readonly names: readonly string[];
}

const EXPECTED: Readonly<Record<string, Expected>> = {
  "SARL Garonne Bâtiment": { lang: "fr", opening: "Madame,", closing: "Madame", oneInvoice: false, names: ["Anne", "Roques"] },
  "SCI Les Tilleuls": { lang: "fr", opening: "Madame, Monsieur,", closing: "Madame, Monsieur", oneInvoice: true, names: ["Tilleuls"] },
  "Mme Claire Lefèvre": { lang: "fr", opening: "Madame,", closing: "Madame", oneInvoice: true, names: ["Claire", "Lefèvre"] },
  "M. et Mme Dupuy": { lang: "fr", opening: "Madame, Monsieur,", closing: "Madame, Monsieur", oneInvoice: true, names: ["Dupuy"] },
  "Thornton & Hale Ltd": { lang: "en", opening: "Dear Mr Hale,", closing: "Yours sincerely,", oneInvoice: false, names: ["Hale"] },
  "Pennine Supplies Ltd": { lang: "en", opening: "Dear Sir or Madam,", closing: "Yours faithfully,", oneInvoice: true, names: ["Pennine"] },
};

/** The phrase of each letter that agrees with the number of invoices: [one, several]. */
const LETTER_AGREEMENT: Readonly<Record<Language, Readonly<Record<0 | 1 | 2 | 3, readonly [string, string]>>>> = {
  fr: {
    0: ["la facture ci-dessous arrivera prochainement", "les factures ci-dessous arriveront prochainement"],
    1: ["le règlement de la facture ci-dessous ne nous est pas parvenu", "le règlement des factures ci-dessous ne nous est pas parvenu"],
    2: ["la facture ci-dessous reste impayée", "les factures ci-dessous restent impayées"],
    3: ["elle reste impayée à ce jour", "elles restent impayées à ce jour"],
  },
  en: {
    0: ["the invoice below will soon fall due", "the invoices below will soon fall due"],
    1: ["payment of the invoice below", "payment of the invoices below"],
    2: ["invoice below remains unpaid", "invoices below remain unpaid"],
    3: ["it remains unpaid to date", "they remain unpaid to date"],
  },
};

const EMAIL_AGREEMENT: Readonly<Record<Language, Readonly<Record<ReminderLevel, readonly [string, string]>>>> = {
  fr: {
    0: ["de la facture ci-dessous, qui arrive prochainement", "des factures ci-dessous, qui arrivent prochainement"],
    1: ["de la facture ci-dessous, arrivée à échéance", "des factures ci-dessous, arrivées à échéance"],
    2: ["la facture ci-dessous reste impayée", "les factures ci-dessous restent impayées"],
    3: ["la facture ci-dessous reste impayée", "les factures ci-dessous restent impayées"],
    4: ["la facture ci-dessous reste impayée", "les factures ci-dessous restent impayées"],
  },
  en: {
    0: ["the invoice below, which will soon fall due", "the invoices below, which will soon fall due"],
    1: ["the invoice below, which is now past due", "the invoices below, which are now past due"],
    2: ["the invoice below remains unpaid", "the invoices below remain unpaid"],
    3: ["the invoice below remains unpaid", "the invoices below remain unpaid"],
    4: ["the invoice below remains unpaid", "the invoices below remain unpaid"],
  },
};

/** The paragraphs of a merged letter, as Word shows them (one string each, runs joined). */
async function letterParagraphs(level: ReminderLevel, data: ReminderData): Promise<string[]> {
  const bytes = renderLetters(await defaultWordTemplate(level, data.langue), [data]);
  const xml = new PizZip(bytes).file("word/document.xml")!.asText();
  const unescape = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => unescape([...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")));
}

/** The e-mail as its reader sees it: subject, text part, and the HTML part's words. */
async function emailParts(level: ReminderLevel, data: ReminderData): Promise<{ subject: string; text: string; html: string }> {
  const message = reminderEmail(data, await defaultEmailTemplate(level, data.langue), undefined, { from: "compta@egpl.example" });
  const parsed = await simpleParser(Buffer.from(await emlFile(message.message)));
  const html = String(parsed.html)
    .replace(/<br>/g, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/[ \t]+/g, " ");
  return { subject: parsed.subject ?? "", text: parsed.text ?? "", html };
}

const byLevel = new Map<ReminderLevel, readonly ReminderData[]>();
beforeAll(async () => {
  for (const level of LEVELS) byLevel.set(level, await dataAtLevel(level));
}, 60_000);

function customersAt(level: ReminderLevel): readonly [ReminderData, Expected][] {
  const data = byLevel.get(level)!;
  expect(data.map((d) => d.raison_sociale).sort()).toEqual(Object.keys(EXPECTED).sort());
  return data.map((d) => [d, EXPECTED[d.raison_sociale]!] as const);
}

describe("the letters, read paragraph by paragraph", () => {
  for (const level of [0, 1, 2, 3] as const) {
    it(`level ${level}: greets from the civility, closes without the name, agrees with the number of invoices, is signed and dated in words`, async () => {
      for (const [data, expected] of customersAt(level)) {
        const who = `${data.raison_sociale} level ${level}`;
        expect(data.langue, who).toBe(expected.lang);
        const paragraphs = await letterParagraphs(level, data);
        const all = paragraphs.join("\n");
        const subject = paragraphs.findIndex((p) => /^(Objet|Subject) ?:/.test(p));
        expect(paragraphs[subject + 1], who).toBe(expected.opening);
        expect(all, who).not.toMatch(/Bonjour|\(s\)|la ou les|le ou les/);

        const closing =
          expected.lang === "en"
            ? expected.closing
            : level === 3
              ? `Veuillez agréer, ${expected.closing}, l'expression de nos salutations distinguées.`
              : `Nous vous prions d'agréer, ${expected.closing}, l'expression de nos salutations distinguées.`;
        const at = paragraphs.indexOf(closing);
        expect(at, `${who}: ${closing}`).toBeGreaterThan(subject);
        for (const name of expected.names) expect(paragraphs[at], who).not.toContain(name);
        expect(paragraphs.slice(at + 1, at + 4), who).toEqual(["Sophie Marty", "Gérante", "EGPL — Entreprise Générale de la Lèze"]);

        expect(paragraphs, who).toContain(expected.lang === "fr" ? "Saverdun, le 21 juillet 2026" : "Saverdun, 21 July 2026");
        const [one, several] = LETTER_AGREEMENT[expected.lang][level];
        expect(all, who).toContain(expected.oneInvoice ? one : several);
        expect(all, who).not.toContain(expected.oneInvoice ? several : one);
      }
    });
  }

  it("the formal notice counts its deadline from receipt, not from a date the post eats into", async () => {
    for (const [data, expected] of customersAt(3)) {
      const all = (await letterParagraphs(3, data)).join("\n");
      if (expected.lang === "fr") {
        expect(all).toContain(`de nous régler la somme de ${data.total_du} dans un délai de 8 jours à compter de la réception de la présente`);
        expect(all).not.toContain("au plus tard");
      } else {
        expect(all).toContain(`to pay the sum of ${data.total_du} within 8 days of receipt of this letter`);
        expect(all).not.toContain("no later than");
      }
    }
  });

  it("a French recipient's contact carries the civility, and a UK address ends with the country on its own line", async () => {
    const [garonne] = customersAt(1).find(([d]) => d.raison_sociale === "SARL Garonne Bâtiment")!;
    expect(await letterParagraphs(1, garonne)).toEqual(expect.arrayContaining(["À l'attention de Mme Anne Roques", "4 quai de la Daurade", "31000 Toulouse"]));
    for (const level of [0, 1, 2, 3] as const) {
      const [thornton] = customersAt(level).find(([d]) => d.raison_sociale === "Thornton & Hale Ltd")!;
      const paragraphs = await letterParagraphs(level, thornton);
      const street = paragraphs.indexOf("18 Farringdon Road");
      expect(paragraphs.slice(street - 1, street + 3)).toEqual(["For the attention of Mr James Hale", "18 Farringdon Road", "London EC1M 3HE", "United Kingdom"]);
    }
  });

  it("English letters follow English conventions: dates, euros, +33, share capital, one name for each charge", async () => {
    for (const level of [0, 1, 2, 3] as const) {
      for (const [data, expected] of customersAt(level)) {
        if (expected.lang !== "en") continue;
        const all = (await letterParagraphs(level, data)).join("\n");
        expect(all).toContain("Tel. +33 5 61 00 00 00");
        expect(all).toContain("share capital €20,000 —");
        expect(all).toMatch(/€\d{1,3}(,\d{3})*\.\d{2}/);
        expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}|\bEUR\b|\d \d{3},\d{2}/);
        expect(all).not.toMatch(/indemnit|recovery costs|recovery fee|late-payment|penalt/i);
        if (level >= 1) expect(all).toMatch(/late payment interest/i);
        if (level >= 1) expect(all).toMatch(/fixed recovery compensation/i);
        expect(all).not.toMatch(/Yours faithfully/.test(expected.closing) ? /Yours sincerely/ : /Yours faithfully/);
      }
    }
  });

  it("the injunction file is signed by the signatory, dated in words, and places the debtor abroad in its country", async () => {
    for (const [data] of customersAt(4)) {
      const all = (await letterParagraphs(4, data)).join("\n");
      expect(all).toContain("Sophie Marty, Gérante");
      expect(all).toMatch(/21 juillet 2026|21 July 2026/);
      if (data.raison_sociale === "Thornton & Hale Ltd") expect(all).toMatch(/18 Farringdon Road, London EC1M 3HE, (United Kingdom|Royaume-Uni)/);
    }
  });
});

describe("the e-mails, text and HTML parts", () => {
  for (const level of LEVELS) {
    it(`level ${level}: greets from the civility, agrees with the number of invoices and is signed by the signatory`, async () => {
      for (const [data, expected] of customersAt(level)) {
        // The injunction stage is written in French for every customer, as the court file is (DOMAIN
        // section 4): injunctionFile.test.ts reads it.
        if (level === 4 && expected.lang === "en") continue;
        const who = `${data.raison_sociale} level ${level}`;
        const { subject, text, html } = await emailParts(level, data);
        for (const [part, body] of [["text", text], ["html", html]] as const) {
          expect(body, `${who} ${part}`).toContain(`${expected.opening}`);
          expect(body, `${who} ${part}`).not.toMatch(/Bonjour|\(s\)|la ou les|le ou les|Dear Anne|Dear James/);
          expect(body, `${who} ${part}`).toMatch(/Sophie Marty\s*\n\s*Gérante/);
          const [one, several] = EMAIL_AGREEMENT[expected.lang][level];
          expect(body, `${who} ${part}`).toContain(expected.oneInvoice ? one : several);
        }
        expect(text.split("\n").find((line) => line.trim() !== "" && line !== line.toUpperCase()), who).toBe(expected.opening);
        expect(subject, who).not.toMatch(/\(s\)/);
        if (level >= 3) {
          const closing = expected.lang === "en" ? expected.closing : `Veuillez agréer, ${expected.closing}, l'expression de nos salutations distinguées.`;
          expect(text.split("\n"), who).toContain(closing);
        }
      }
    });
  }

  it("the formal notice e-mail gives the deadline from receipt of the registered letter", async () => {
    for (const [data, expected] of customersAt(3)) {
      const { text } = await emailParts(3, data);
      expect(text).toContain(
        expected.lang === "fr"
          ? "dans un délai de 8 jours à compter de la réception de notre lettre recommandée"
          : "within 8 days of receipt of our registered letter",
      );
    }
  });

  it("English e-mails follow English conventions", async () => {
    for (const level of LEVELS) {
      for (const [data, expected] of customersAt(level)) {
        if (expected.lang !== "en" || level === 4) continue;
        const { text } = await emailParts(level, data);
        expect(text).toContain("Tel. +33 5 61 00 00 00");
        expect(text).toContain("share capital €20,000 — 12 chemin de la Lèze 09700 Saverdun, France —");
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}|\bEUR\b|indemnit|recovery costs|late-payment|penalt/i);
        if (level === 1) expect(text).toContain("statement of account as at 21 July 2026");
      }
    }
  });

  it("French e-mails write the date out", async () => {
    const [lefevre] = customersAt(1).find(([d]) => d.raison_sociale === "Mme Claire Lefèvre")!;
    expect((await emailParts(1, lefevre)).text).toContain("votre relevé de compte au 21 juillet 2026");
  });
});

describe("without a signatory in the settings", () => {
  it("a reminder is signed by the accounts department", async () => {
    const unsigned = { ...SAMPLE_COMPANY, signatoryName: undefined, signatoryTitle: undefined };
    for (const data of await dataAtLevel(1, unsigned)) {
      const department = data.langue === "fr" ? "Le service comptabilité" : "Accounts department";
      const paragraphs = await letterParagraphs(1, data);
      expect(paragraphs).toContain(department);
      expect(paragraphs).not.toContain("Gérante");
      expect((await emailParts(1, data)).text).toContain(`${department}\nEGPL — Entreprise Générale de la Lèze`);
    }
  });
});
