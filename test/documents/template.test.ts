import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REMINDER_LEVELS } from "../../src/core/reminderLevel";
import { defaultEmailTemplate, emailTemplateFiles, templatesFolder } from "../../src/node/emailTemplates";
import type { ReminderData } from "../../src/documents/reminderData";
import { TemplateError, checkTemplate, escapeHtml, plainText, renderTemplate } from "../../src/documents/template";
import { hostile, sampleReminders } from "./sampleReminders";

const data = {
  raison_sociale: "Dupont & Fils",
  contact: "",
  total: "1 200,00 €",
  factures: [
    { numero: "F1", solde: "200,00 €" },
    { numero: "F2", solde: "1 000,00 €" },
  ],
  vide: [] as unknown[],
  societe: { iban: "FR76 1234", bic: "" },
  oui: true,
  non: false,
  zero: 0,
  nombre: 3,
  tags: ["a", "b"],
};

describe("renderTemplate", () => {
  it("replaces names and dotted names, escaping each value", () => {
    expect(renderTemplate("{{raison_sociale}} — {{ societe.iban }}", data, escapeHtml)).toBe("Dupont &amp; Fils — FR76 1234");
    expect(renderTemplate("{{raison_sociale}}", data, plainText)).toBe("Dupont & Fils");
    expect(renderTemplate("{{nombre}} {{oui}}", data, plainText)).toBe("3 true");
  });

  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(renderTemplate("<td>{{v}}</td>", { v: "<img src=x onerror=alert(1)>" }, escapeHtml)).toBe("<td>&lt;img src=x onerror=alert(1)&gt;</td>");
  });

  it("repeats a section over a list, with the item's fields and the outer fields in scope", () => {
    expect(renderTemplate("{{#factures}}[{{numero}} {{solde}} {{raison_sociale}}]{{/factures}}", data, plainText)).toBe(
      "[F1 200,00 € Dupont & Fils][F2 1 000,00 € Dupont & Fils]",
    );
    expect(renderTemplate("{{#tags}}<{{.}}>{{/tags}}", data, plainText)).toBe("<a><b>");
    expect(renderTemplate("{{#vide}}x{{/vide}}{{^vide}}aucune{{/vide}}", data, plainText)).toBe("aucune");
  });

  it("shows a section for truthy values and an inverted one for empty, false, zero or missing ones", () => {
    const t = "{{#oui}}A{{/oui}}{{#non}}B{{/non}}{{^non}}C{{/non}}{{#zero}}D{{/zero}}{{^absent}}E{{/absent}}{{#societe.bic}}F{{/societe.bic}}{{^contact}}G{{/contact}}";
    expect(renderTemplate(t, data, plainText)).toBe("ACEG");
    expect(renderTemplate("{{#societe}}{{iban}}{{/societe}}", data, plainText)).toBe("FR76 1234");
    expect(renderTemplate("{{#raison_sociale}}Bonjour {{raison_sociale}}{{/raison_sociale}}", data, plainText)).toBe("Bonjour Dupont & Fils");
  });

  it("drops comments and the lines of standalone section tags", () => {
    const t = "{{! en-tête }}\nFactures :\n{{#factures}}\n  - {{numero}}\n{{/factures}}\n  {{^vide}}  \nfin\r\n{{/vide}}\r\nTotal {{! note }}{{total}}";
    expect(renderTemplate(t, data, plainText)).toBe("Factures :\n  - F1\n  - F2\nfin\r\nTotal 1 200,00 €");
    // Two tags on a line: neither is standalone, the line stays.
    expect(renderTemplate("a\n{{#oui}}{{/oui}}\nb", data, plainText)).toBe("a\n\nb");
    expect(renderTemplate(`{{#oui}}${" ".repeat(300)}x{{/oui}}`, data, plainText)).toBe(`${" ".repeat(300)}x`);
    expect(renderTemplate("a\n  {{! fin }}  ", data, plainText)).toBe("a\n");
  });

  it("renders missing names as nothing and never reaches an object's prototype", () => {
    expect(renderTemplate("[{{absent}}][{{constructor}}][{{__proto__}}][{{societe.toString}}][{{factures}}]", data, plainText)).toBe("[][][][][]");
    expect(renderTemplate("{{#constructor}}x{{/constructor}}", data, plainText)).toBe("");
  });

  it("throws a TemplateError naming the tag on a malformed template", () => {
    expect(() => renderTemplate("{{#factures}}x", data, plainText)).toThrow(TemplateError);
    expect(() => renderTemplate("{{{raison_sociale}}}", data, plainText)).toThrow(/balise «\{\{\{raison_sociale\}\}\}» interdite/);
  });
});

describe("checkTemplate", () => {
  it("accepts a well-formed template", () => {
    expect(checkTemplate("Bonjour {{contact}}\n{{#factures}}{{numero}}{{/factures}}{{! ok }}")).toBeUndefined();
  });

  it("names an unclosed section, a wrong or lone closing tag, an unfinished tag", () => {
    expect(checkTemplate("a\n{{#factures}}\n{{numero}}")?.message).toBe("balise «{{#factures}}» non fermée (ligne 2) : il manque «{{/factures}}»");
    expect(checkTemplate("{{#factures}}{{/facture}}")?.message).toContain("balise «{{/facture}}» (ligne 1) ne ferme pas «{{#factures}}»");
    expect(checkTemplate("x{{/factures}}")?.message).toContain("balise «{{/factures}}» sans balise ouvrante");
    expect(checkTemplate("Bonjour {{contact")?.message).toContain("balise «{{contact» non terminée");
    expect(checkTemplate("{{}}")?.message).toContain("balise «{{}}» vide");
    expect(checkTemplate("{{raison sociale}}")?.message).toContain("balise «{{raison sociale}}» invalide");
  });

  it("refuses unescaped values, partials and delimiter changes", () => {
    expect(checkTemplate("{{{raison_sociale}}}")?.message).toMatch(/^balise «\{\{\{raison_sociale\}\}\}» interdite .*«\{\{raison_sociale\}\}»/);
    expect(checkTemplate("{{& raison_sociale}}")?.message).toContain("balise «{{& raison_sociale}}» interdite");
    expect(checkTemplate("{{> pied}}")?.message).toContain("non prise en charge");
    expect(checkTemplate("{{=<% %>=}}")?.message).toContain("non prise en charge");
  });

  it("names unknown tags against the data, with a suggestion", () => {
    expect(checkTemplate("{{raison_social}}", data)?.message).toBe("balise inconnue «{{raison_social}}» (ligne 1) : voulez-vous dire «{{raison_sociale}}» ?");
    expect(checkTemplate("{{#factures}}{{numéro}}{{/factures}}", data)?.message).toContain("balise inconnue «{{numéro}}»");
    expect(checkTemplate("{{societe.ibna}}", data)?.message).toContain("voulez-vous dire «{{societe.iban}}» ?");
    expect(checkTemplate("{{#facture}}{{/facture}}", data)?.message).toContain("balise inconnue «{{#facture}}»");
    expect(checkTemplate("{{xyz}}", data)?.message).toBe("balise inconnue «{{xyz}}» (ligne 1)");
    expect(checkTemplate("{{#factures}}{{numero}} {{raison_sociale}}{{/factures}}{{^non}}{{total}}{{/non}}", data)).toBeUndefined();
  });

  it("says when a list or a group is used as a value", () => {
    expect(checkTemplate("{{factures}}", data)?.message).toContain("«factures» est une liste, écrivez «{{#factures}}…{{/factures}}»");
    expect(checkTemplate("{{societe}}", data)?.message).toContain("par exemple «{{societe.iban}}»");
  });

  it("does not judge names inside a section over an empty list or a missing value", () => {
    expect(checkTemplate("{{#vide}}{{quoi}}{{/vide}}", data)).toBeUndefined();
    expect(checkTemplate("{{#injonction}}{{tribunal}}{{/injonction}}", { injonction: null })).toBeUndefined();
  });
});

describe("default e-mail templates", () => {
  const files = (["fr", "en"] as const).flatMap((lang) => REMINDER_LEVELS.map((level) => ({ lang, level })));

  it("ship for every level in French and English, as subject, HTML and text files", async () => {
    for (const { lang, level } of files) {
      const t = await defaultEmailTemplate(level, lang);
      expect(t.subject.trim()).not.toBe("");
      expect(t.html).toContain(`<html lang="${lang}">`);
      for (const part of [t.subject, t.html, t.text]) expect(checkTemplate(part)).toBeUndefined();
      for (const part of [t.html, t.text]) {
        expect(part).toContain("{{#factures}}");
        expect(part).toContain("{{societe.mentions_legales}}");
        expect(part).toContain("{{societe.iban}}");
        expect(part).toContain("{{societe.raison_sociale}}");
      }
      expect(path.basename(path.dirname(path.join(templatesFolder(), lang, emailTemplateFiles(level).html)))).toBe(lang);
    }
  });

  it("render against the sample's data of their level with no unknown tag and nothing left over", async () => {
    const { data } = await sampleReminders();
    const byLevel = new Map<number, ReminderData>();
    for (const d of data) if (!byLevel.has(d.niveau_numero)) byLevel.set(d.niveau_numero, d);
    expect([...byLevel.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
    for (const { lang, level } of files) {
      const t = await defaultEmailTemplate(level, lang);
      const sample = byLevel.get(level)!;
      for (const part of [t.subject, t.html, t.text]) {
        expect(checkTemplate(part, { injonction: null, ...sample })).toBeUndefined();
        for (const d of [sample, hostile(sample, "<img src=x onerror=alert(1)>")]) {
          const out = renderTemplate(part, d, part === t.html ? escapeHtml : plainText);
          expect(out).not.toContain("{{");
          expect(out).not.toContain("}}");
        }
      }
    }
  });

  it("carry what each level must say", async () => {
    const { data } = await sampleReminders();
    const render = async (level: 0 | 1 | 2 | 3 | 4, d: ReminderData): Promise<string> => {
      const t = await defaultEmailTemplate(level, d.langue);
      return renderTemplate(t.text, d, plainText);
    };
    const courtesy = data.find((d) => d.niveau_numero === 0 && d.langue === "fr")!;
    // Mme Lefèvre's one invoice: singular.
    expect(await render(0, courtesy)).toMatch(/bien reçue et qu'elle a été validée/);
    const r1 = data.find((d) => d.niveau_numero === 1)!;
    expect(await render(1, r1)).toContain(`relevé de compte au ${r1.date_du_jour}`);
    // Reminder 2 tells a business of its penalties and fees for information, and asks for the balance only.
    const r2 = data.find((d) => d.niveau_numero === 2 && d.penalites_pour_information)!;
    const r2Text = await render(2, r2);
    expect(r2Text).toContain(`Malgré notre relance du ${r2.date_relance_1}`);
    expect(r2Text).toContain("40 € par facture");
    expect(r2Text).toContain(`Pour information, au ${r2.date_du_jour} : pénalités de retard ${r2.total_penalites}, indemnités forfaitaires ${r2.total_indemnites}`);
    expect(r2Text).toContain(`règlement de la somme de ${r2.total_solde}.`);
    expect(r2Text).not.toContain("Total dû");
    const r2Consumer = data.find((d) => d.niveau_numero === 2 && !d.penalites_applicables)!;
    expect(await render(2, r2Consumer)).not.toContain("40 €");
    // A formal notice lists the customer's other overdue invoices on their own, outside the sum.
    const notice = data.find((d) => d.niveau_numero === 3 && d.reclame_penalites && d.avec_autres_factures)!;
    const noticeText = await render(3, notice);
    expect(noticeText).toContain("lettre recommandée avec demande d'avis de réception");
    expect(noticeText).toContain("dans un délai de 8 jours à compter de la réception de notre lettre recommandée");
    const [demand, others] = noticeText.split("AUTRES FACTURES ÉCHUES");
    for (const f of notice.factures) expect(demand).toContain(f.numero);
    for (const f of notice.autres_factures) {
      expect(demand).not.toContain(f.numero);
      expect(others).toContain(`Facture ${f.numero}`);
    }
    expect(others).toContain(`Total des autres factures échues : ${notice.total_autres_factures}`);
    const alone = data.find((d) => d.niveau_numero === 3 && !d.avec_autres_factures)!;
    expect(await render(3, alone)).not.toContain("AUTRES FACTURES");
    const noticeConsumer = data.find((d) => d.niveau_numero === 3 && !d.penalites_applicables)!;
    expect(await render(3, noticeConsumer)).toContain("article 1231-6 du Code civil");
    const injunction = data.find((d) => d.niveau_numero === 4)!;
    expect(await render(4, injunction)).toContain(`auprès du ${injunction.injonction!.tribunal}`);
    const english = data.find((d) => d.langue === "en")!;
    const englishText = await render(english.niveau_numero, english);
    expect(englishText).toMatch(/^Dear /);
    expect(englishText).toContain("Could you please confirm that you have received it");
    for (const d of data) {
      const text = await render(d.niveau_numero, d);
      for (const f of d.factures) expect(text).toContain(f.numero);
      expect(text).toContain(d.total_solde);
      expect(text).toContain(d.societe.mentions_legales);
    }
  });

  it("are replaced file by file by a user's folder, checked on reading", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "relances-tpl-"));
    try {
      await mkdir(path.join(dir, "fr"));
      await writeFile(path.join(dir, "fr", "reminder1.subject.txt"), "\uFEFFRelance {{raison_sociale}}\n");
      const t = await defaultEmailTemplate(1, "fr", dir);
      expect(t.subject).toBe("Relance {{raison_sociale}}\n");
      expect(t.html).toBe((await defaultEmailTemplate(1, "fr")).html);
      expect((await defaultEmailTemplate(1, "en", dir)).subject).toBe((await defaultEmailTemplate(1, "en")).subject);

      await writeFile(path.join(dir, "fr", "reminder1.html"), "<p>{{#factures}}{{numero}}</p>");
      await expect(defaultEmailTemplate(1, "fr", dir)).rejects.toThrow(/modèle «.*reminder1\.html» : balise «\{\{#factures\}\}» non fermée/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
