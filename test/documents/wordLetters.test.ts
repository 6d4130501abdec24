// The Word letters, opened as Word would: unzip the merged .docx and read word/document.xml.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { REMINDER_LEVELS, type ReminderLevel } from "../../src/core/reminderLevel";
import { defaultWordTemplate, loadUserTemplates, userTemplatesFolder, wordTemplate } from "../../src/node/defaultTemplates";
import type { Language, ReminderData } from "../../src/documents/reminderData";
import { chooseTemplate, templateFileName, userTemplateName } from "../../src/documents/letterTemplateNames";
import { checkLetterTemplate, placeholderValue, renderLetters, TemplateError } from "../../src/documents/wordLetters";
import { documentXml, sections, spaced, visibleText } from "./readDocuments";
import { hostile, sampleReminders } from "./sampleReminders";

const LANGUAGES: readonly Language[] = ["fr", "en"];
const XSS = "<img src=x onerror=alert(1)>";
const FORMULA = "\"=cmd|' /C calc'!A0\"";

let data: readonly ReminderData[];
beforeAll(async () => {
  data = (await sampleReminders()).data;
}, 60_000);

/** The customers of a level in a language, as a run groups them into one letter file. */
function customers(level: ReminderLevel, lang: Language = "fr"): ReminderData[] {
  return data.filter((d) => d.niveau_numero === level && d.langue === lang);
}

function customer(name: string): ReminderData {
  const found = data.find((d) => d.raison_sociale === name);
  if (!found) throw new Error(`no sample customer ${name}`);
  return found;
}

/** libxml2's complaints about XML documents that are not well-formed ([] when all parse). */
async function wellFormed(files: ReadonlyArray<readonly [name: string, xml: string]>): Promise<string[]> {
  const result = await validateXML({
    xml: files.map(([name, xml], i) => ({ fileName: `${i}-${name.replace(/[^\w.]+/g, "_")}`, contents: xml })),
    normalization: "format",
  });
  return result.valid ? [] : result.errors.map((e) => String(e.rawMessage ?? e.message));
}

async function merge(level: ReminderLevel, lang: Language, list: readonly ReminderData[]): Promise<string> {
  return documentXml(renderLetters(await defaultWordTemplate(level, lang), list));
}

/** A default template with its document.xml changed, as a user's edit in Word could leave it. */
async function editedTemplate(level: ReminderLevel, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = new PizZip(await defaultWordTemplate(level, "fr"));
  zip.file("word/document.xml", edit(zip.file("word/document.xml")!.asText()));
  return zip.generate({ type: "uint8array" });
}

describe("the shipped templates", () => {
  const PARTS = [
    "[Content_Types].xml",
    "_rels/.rels",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "docProps/core.xml",
    "docProps/app.xml",
  ];

  it("exist for every level and language, named by templateFileName", () => {
    expect(REMINDER_LEVELS.map((l) => templateFileName(l, "fr"))).toEqual([
      "fr/courtesy.docx",
      "fr/reminder1.docx",
      "fr/reminder2.docx",
      "fr/formal_notice.docx",
      "fr/injunction.docx",
    ]);
    expect(templateFileName(3, "en")).toBe("en/formal_notice.docx");
  });

  it("are Word packages whose every XML part is well-formed", async () => {
    const parts: Array<[string, string]> = [];
    for (const lang of LANGUAGES) {
      for (const level of REMINDER_LEVELS) {
        const zip = new PizZip(await defaultWordTemplate(level, lang));
        for (const part of PARTS) {
          const file = zip.file(part);
          expect(file, `${templateFileName(level, lang)}: ${part}`).not.toBeNull();
          parts.push([`${templateFileName(level, lang)}/${part}`, file!.asText()]);
        }
        const types = zip.file("[Content_Types].xml")!.asText();
        expect(types).toContain('PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"');
        for (const target of zip.file("word/_rels/document.xml.rels")!.asText().matchAll(/Target="([^"]+)"/g)) {
          expect(zip.file(`word/${target[1]}`), `${templateFileName(level, lang)} -> ${target[1]}`).not.toBeNull();
        }
      }
    }
    expect(parts).toHaveLength(2 * 5 * PARTS.length);
    expect(await wellFormed(parts)).toEqual([]);
  });

  it("keep each {{tag}} inside one run, so that Word does not split it", async () => {
    for (const lang of LANGUAGES) {
      for (const level of REMINDER_LEVELS) {
        const xml = documentXml(await defaultWordTemplate(level, lang));
        for (const [text] of xml.matchAll(/<w:t\b[^>]*>[^<]*<\/w:t>/g)) {
          const inner = text.replace(/<[^>]+>/g, "");
          expect(inner.replace(/\{\{[^{}]+\}\}/g, ""), `${templateFileName(level, lang)}: ${inner}`).not.toMatch(/\{\{|\}\}/);
        }
        expect(xml.match(/<w:r>/g)?.length ?? 0).toBeGreaterThan(20);
      }
    }
  });

  it("wrap the whole letter in {{#clients}}...{{/clients}}, each tag alone in its paragraph", async () => {
    for (const lang of LANGUAGES) {
      for (const level of REMINDER_LEVELS) {
        const text = visibleText(documentXml(await defaultWordTemplate(level, lang))).split("\n");
        expect(text[0]).toBe("{{#clients}}");
        expect(text.at(-1)).toBe("{{/clients}}");
      }
    }
  });

  it("use only names the merge data has", async () => {
    for (const lang of LANGUAGES) {
      for (const level of REMINDER_LEVELS) {
        for (const sample of data.filter((d) => d.niveau_numero === level)) {
          expect(checkLetterTemplate(await defaultWordTemplate(level, lang), sample), `${templateFileName(level, lang)} / ${sample.raison_sociale}`).toBeUndefined();
        }
      }
    }
  });

  it("merge every level's customers without a leftover tag or an undefined", async () => {
    const merged: Array<[string, string]> = [];
    for (const lang of LANGUAGES) {
      for (const level of REMINDER_LEVELS) {
        const xml = await merge(level, lang, data.filter((d) => d.niveau_numero === level));
        expect(xml, templateFileName(level, lang)).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]/);
        merged.push([templateFileName(level, lang), xml]);
      }
    }
    expect(await wellFormed(merged)).toEqual([]);
  });
});

describe("a merged letter", () => {
  it("has one section per customer with its name, invoices, amounts and the letterhead's mandatory mentions", async () => {
    for (const level of REMINDER_LEVELS) {
      const list = customers(level);
      const parts = sections(await merge(level, "fr", list));
      expect(parts).toHaveLength(list.length);
      list.forEach((c, i) => {
        const text = parts[i]!;
        expect(text).toContain(c.raison_sociale);
        expect(text).toContain(`${c.code_postal} ${c.ville}`);
        // The court file shows the invoices it claims.
        for (const invoice of level === 4 ? c.injonction!.factures : c.factures) {
          for (const value of [invoice.numero, invoice.date_facture, invoice.echeance, invoice.montant, invoice.solde, invoice.statut]) expect(text).toContain(value);
        }
        expect(text).toContain(level === 4 ? c.injonction!.principal : c.total_solde);
        expect(text).toContain("EGPL — Entreprise Générale de la Lèze SARL");
        expect(text).toContain("12 chemin de la Lèze");
        expect(text).toContain("au capital de 20 000 €");
        expect(text).toContain("SIRET 532 178 448 00016");
        expect(text).toContain("RCS Foix");
        expect(text).toContain("TVA FR 47 532178448");
        expect(text).toContain(level === 4 ? `Établi le ${c.date_du_jour}` : `Saverdun, le ${c.date_du_jour}`);
      });
    }
  });

  it("separates customers by page breaks, with none after the last one", async () => {
    const list = customers(1);
    expect(list.length).toBeGreaterThan(2);
    const xml = await merge(1, "fr", list);
    expect(xml.match(/<w:br\b[^>]*w:type="page"/g)).toHaveLength(list.length - 1);
    expect(xml).toMatch(/<\/w:p><w:sectPr\b/);
    const single = await merge(1, "fr", list.slice(0, 1));
    expect(single).not.toMatch(/w:type="page"/);
  });

  it("with no customer is still a document Word opens", async () => {
    const xml = await merge(2, "fr", []);
    expect(xml).toMatch(/<w:body><w:p\/>/);
    expect(await wellFormed([["empty", xml]])).toEqual([]);
  });

  it("courtesy: a courteous reminder before the due date", async () => {
    const [text] = sections(await merge(0, "fr", customers(0)));
    // Mme Lefèvre's one invoice: the wording is singular.
    expect(text).toContain("Objet : prochaine échéance de votre facture");
    expect(text).toContain("la facture ci-dessous arrivera prochainement à échéance");
    expect(text).toContain("FR76 3000 4000 0300 0012 3456 789");
    expect(text).not.toMatch(/pénalités|mise en demeure/i);
  });

  it("reminder 1: polite; businesses are told of penalties and the EUR 40, consumers are not", async () => {
    const list = customers(1);
    const parts = sections(await merge(1, "fr", list));
    list.forEach((c, i) => {
      expect(parts[i]).toContain("Sauf erreur ou omission de notre part");
      expect(parts[i]).toContain(`Le montant restant dû s'élève à ${c.total_du}.`);
      expect(parts[i]!.includes("indemnité forfaitaire pour frais de recouvrement de 40 €"), c.raison_sociale).toBe(c.penalites_applicables);
    });
    expect(list.some((c) => c.penalites_applicables) && list.some((c) => !c.penalites_applicables)).toBe(true);
  });

  it("reminder 2: firmer; the date of reminder 1, and for businesses penalties and the EUR 40 for information, outside the sum asked", async () => {
    const list = customers(2);
    const parts = sections(await merge(2, "fr", list));
    list.forEach((c, i) => {
      const text = parts[i]!;
      expect(c.date_relance_1).not.toBe("");
      expect(text).toContain(`Malgré notre relance du ${c.date_relance_1}, nous constatons`);
      expect(c.total_du).toBe(c.total_solde);
      expect(text).toContain(`la somme de ${c.total_du}`);
      expect(text).toContain("nous serons contraints de vous adresser une mise en demeure");
      if (c.penalites_pour_information) {
        expect(text).toContain(`pénalités de retard (article L441-10 du Code de commerce), qui s'élèvent à ce jour à ${c.total_penalites}`);
        expect(text).toContain(`40 € par facture (article D441-5 du Code de commerce), soit ${c.total_indemnites}`);
        expect(text).toContain("ne sont pas comprises dans le montant demandé ci-dessous");
      } else {
        expect(text).not.toContain("L441-10");
      }
    });
    expect(new Set(list.map((c) => c.penalites_pour_information)).size).toBe(2);
    expect(list.every((c) => !c.reclame_penalites)).toBe(true);
  });

  it("reminder 2 without a reminder 1 on record does not print an empty date", async () => {
    const c = { ...customers(2)[0]!, date_relance_1: "" };
    const [text] = sections(await merge(2, "fr", [c]));
    expect(text).toContain("Sauf erreur de notre part, nous constatons");
    expect(text).not.toContain("relance du ,");
  });

  it("formal notice: the words, the registered letter, both reminder dates, every invoice, the deadline, the IBAN and the court warning", async () => {
    const list = customers(3);
    const parts = sections(await merge(3, "fr", list));
    list.forEach((c, i) => {
      const text = parts[i]!;
      expect(text).toContain("Lettre recommandée avec accusé de réception");
      expect(text).toContain("Objet : MISE EN DEMEURE DE PAYER");
      expect(text).toContain(`notamment par notre relance du ${c.date_relance_1} et par notre courrier du ${c.date_relance_2}.`);
      expect(text).toContain(`nous vous mettons en demeure de nous régler la somme de ${c.total_du} dans un délai de 8 jours à compter de la réception de la présente`);
      // The date, for a user's template, leaves the 8 days after the registered letter's 3.
      expect(c.date_limite).toBe("11 juillet 2026");
      expect(text).toContain("IBAN : FR76 3000 4000 0300 0012 3456 789 — BIC : BNPAFRPPXXX");
      expect(text).toContain("nous saisirons sans autre avis la juridiction compétente");
      expect(text).toContain("injonction de payer");
      for (const invoice of c.factures) expect(text).toContain([invoice.numero, invoice.date_facture, invoice.echeance, invoice.montant, invoice.solde].join("\n"));
    });
    // SCI Les Tilleuls: F2026-027 reached the formal notice; F2026-050 (reminder 1 stage) follows
    // outside the sum, and F2026-059, not due until 03/07/2026, is not in the letter at all.
    const sci = customer("SCI Les Tilleuls");
    expect(sci.factures.map((f) => f.numero)).toEqual(["F2026-027"]);
    expect(sci.autres_factures.map((f) => f.numero)).toEqual(["F2026-050"]);
    expect([sci.total_solde, sci.total_penalites, sci.total_indemnites, sci.total_du].map(spaced)).toEqual(["13 600,00 €", "276,15 €", "40,00 €", "13 916,15 €"]);
    const business = sections(await merge(3, "fr", [sci]))[0]!;
    expect(business).toContain(`qui s'élèvent à ce jour à ${sci.total_penalites}`);
    expect(business).toContain(`40 € par facture (article D441-5 du Code de commerce), soit ${sci.total_indemnites}`);
    expect(business).toContain(`la somme de ${sci.total_du}`);
    const [demand, others] = business.split("Autres factures échues.");
    expect(demand).toContain("F2026-027");
    expect(demand).not.toContain("F2026-050");
    expect(spaced(others!)).toContain(["F2026-050", "12/05/2026", "11/06/2026", "4 320,00 €", "4 320,00 €", "Échue depuis 19 jours"].join("\n"));
    expect(business).not.toContain("F2026-059");
    const consumer = sections(await merge(3, "fr", [customer("M. Castex")]))[0]!;
    expect(consumer).not.toContain("L441-10");
    expect(consumer).toContain("intérêts au taux légal à compter de la réception de la présente mise en demeure");
  });

  it("formal notice with penalties not yet known says they will follow", async () => {
    const c = { ...customer("SCI Les Tilleuls"), penalites_connues: false, total_penalites: "à calculer" };
    const [text] = sections(await merge(3, "fr", [c]));
    expect(text).toContain("pénalités de retard, dont le montant vous sera communiqué séparément");
    expect(text).not.toContain("à calculer");
  });

  it("injunction: the court, the Cerfa, the amounts and the dated supporting documents", async () => {
    const [c] = customers(4);
    const inj = c!.injonction!;
    const [text] = sections(await merge(4, "fr", [c!]));
    expect(text).toContain("DOSSIER DE REQUÊTE EN INJONCTION DE PAYER");
    expect(text).toContain(`${inj.tribunal} ${inj.ressort}.`);
    expect(text).toContain("Tribunal de commerce du ressort du siège ou du domicile du débiteur, 09000 Foix");
    expect(text).toContain("Cerfa n° 12946");
    expect([inj.principal, inj.penalites, inj.indemnites, inj.total].map(spaced)).toEqual(["10 280,00 €", "311,40 €", "40,00 €", "10 631,40 €"]);
    for (const [label, amount] of [
      ["Principal (solde de la facture)", inj.principal],
      ["Pénalités de retard (article L441-10 du Code de commerce), arrêtées au 30/06/2026", inj.penalites],
      ["Indemnité forfaitaire pour frais de recouvrement (40 € par facture, article D441-5 du Code de commerce)", inj.indemnites],
      ["Total réclamé", inj.total],
    ]) {
      expect(text).toContain(`${label}\n${amount}`);
    }
    for (const piece of inj.pieces) expect(text).toContain(piece.date ? `• ${piece.piece} du ${piece.date}${piece.complement}` : `• ${piece.piece}\n`);
    expect(text).toContain("• Relance 1 du 10/04/2026");
    expect(text).toContain("• Mise en demeure du 15/06/2026, envoyée en lettre recommandée avec accusé de réception — avis de réception du ____/____/________");
    expect(text).not.toContain("petites créances");
    const small = { ...c!, injonction: { ...inj, petites_creances: true } };
    expect(sections(await merge(4, "fr", [small]))[0]).toContain("la procédure simplifiée de recouvrement des petites créances");
  });

  it("is in English for an English-speaking customer", async () => {
    const list = customers(0, "en");
    expect(list.map((c) => c.raison_sociale)).toEqual(["Thornton & Hale Ltd"]);
    const xml = await merge(0, list[0]!.langue, list);
    expect(xml).toContain("Thornton &amp; Hale Ltd");
    const [text] = sections(xml);
    // The sample names Thornton & Hale's contact, Mr James Hale.
    expect(text).toContain("Dear Mr Hale,");
    expect(text).toContain("Subject: upcoming due date of your invoice");
    expect(text).toContain("Invoice no.");
    expect(text).toContain("€16,250.00");
    expect(text).toContain("Yours sincerely,");
    expect(text).not.toMatch(/Madame|Objet|Échéance/);
  });

  it("in English, a formal notice keeps the legal words and the deadline", async () => {
    const [text] = sections(await merge(3, "en", [customer("SCI Les Tilleuls")]));
    expect(text).toContain("Registered letter with acknowledgement of receipt");
    expect(text).toContain("FORMAL NOTICE TO PAY (MISE EN DEMEURE)");
    expect(text).toContain("within 8 days of receipt of this letter");
    expect(text).toContain("IBAN: FR76 3000 4000 0300 0012 3456 789");
    expect(text).toContain("we will refer the matter to the competent court without further notice");
  });
});

describe("hostile values", () => {
  for (const value of [XSS, FORMULA]) {
    it(`come out as literal text: ${value}`, async () => {
      const merged: Array<[string, string]> = [];
      for (const lang of LANGUAGES) {
        for (const level of REMINDER_LEVELS) {
          const sample = data.find((d) => d.niveau_numero === level)!;
          const xml = await merge(level, lang, [hostile(sample, value), sample]);
          expect(xml).not.toContain("<img");
          expect(xml).not.toMatch(/<w:(?:fldSimple|instrText|fldChar|hyperlink)\b/);
          merged.push([templateFileName(level, lang), xml]);
          const [text] = sections(xml);
          expect(text).toContain(value);
          if (value === XSS) expect(xml).toMatch(/<w:t\b[^>]*>[^<]*&lt;img src=x onerror=alert\(1\)&gt;[^<]*<\/w:t>/);
        }
      }
      expect(await wellFormed(merged)).toEqual([]);
    });
  }

  it("with a line break stay in their paragraph", async () => {
    const c = { ...customers(2)[0]!, adresse: "1 rue A\n</w:t><w:fldSimple w:instr=\"CALC\"/>" };
    const xml = await merge(2, "fr", [c]);
    expect(xml).not.toMatch(/<w:fldSimple\b/);
    expect(xml).toContain("&lt;/w:t&gt;&lt;w:fldSimple");
    expect(await wellFormed([["newline", xml]])).toEqual([]);
  });
});

describe("a user's own template", () => {
  it("that is broken gives one French error naming the tag", async () => {
    const broken = await editedTemplate(2, (xml) => xml.replace("{{/factures}}", ""));
    expect(() => renderLetters(broken, customers(2))).toThrow(TemplateError);
    expect(() => renderLetters(broken, customers(2))).toThrow("Modèle de courrier invalide : balise «{{#factures}}» non fermée");
  });

  it("with a closing tag that closes nothing, or crossed sections, is named too", async () => {
    const unopened = await editedTemplate(2, (xml) => xml.replace("{{#penalites_pour_information}}", ""));
    expect(() => renderLetters(unopened, customers(2))).toThrow("balise «{{/penalites_pour_information}}» sans ouverture");
    const unclosedTag = await editedTemplate(2, (xml) => xml.replace("{{raison_sociale}}", "{{raison_sociale"));
    expect(() => renderLetters(unclosedTag, customers(2))).toThrow(/^Modèle de courrier invalide : balise «\{\{raison_sociale/);
  });

  it("cannot insert a value as raw XML", async () => {
    const raw = await editedTemplate(2, (xml) => xml.replace("{{adresse}}", "{{@adresse}}"));
    expect(() => renderLetters(raw, [hostile(customers(2)[0]!, XSS)])).toThrow("balise «{{@adresse}}» non permise");
  });

  it("that is not a Word file gives a French error", () => {
    expect(() => renderLetters(new TextEncoder().encode("not a zip"), customers(2))).toThrow(
      "Modèle de courrier invalide : le fichier n'est pas un document Word (.docx) lisible",
    );
  });

  it("edited in Word with a tag split over two runs still merges", async () => {
    const split = await editedTemplate(2, (xml) =>
      xml.replace("<w:t xml:space=\"preserve\">{{raison_sociale}}</w:t></w:r>", "<w:t xml:space=\"preserve\">{{raison_</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>sociale}}</w:t></w:r>"),
    );
    const text = sections(documentXml(renderLetters(split, customers(2))))[0]!;
    expect(text).toContain(customers(2)[0]!.raison_sociale);
  });

  it("with a misspelt name is reported before a run, with a suggestion", async () => {
    const misspelt = await editedTemplate(2, (xml) => xml.replace("{{date_relance_1}}", "{{date_relance1}}"));
    expect(checkLetterTemplate(misspelt, customers(2)[0]!)?.message).toBe(
      "Modèle de courrier invalide : balise inconnue «{{date_relance1}}» : voulez-vous dire «{{date_relance_1}}» ?",
    );
    const unclosed = await editedTemplate(2, (xml) => xml.replace("{{/clients}}", ""));
    expect(checkLetterTemplate(unclosed, customers(2)[0]!)?.message).toBe("Modèle de courrier invalide : balise «{{#clients}}» non fermée");
  });

  it("is recognised by its file name", () => {
    expect(userTemplateName("reminder2.docx")).toBe("fr/reminder2.docx");
    expect(userTemplateName("modeles/EN/Formal_Notice.docx")).toBe("en/formal_notice.docx");
    expect(userTemplateName("reminder2.en.docx")).toBe("en/reminder2.docx");
    expect(userTemplateName("Relance 2.docx")).toBe("fr/reminder2.docx");
    expect(userTemplateName("Mise en demeure.docx")).toBe("fr/formal_notice.docx");
    expect(userTemplateName("relance préventive.docx")).toBe("fr/courtesy.docx");
    expect(userTemplateName("injonction-en.docx")).toBe("en/injunction.docx");
    expect(userTemplateName("~$lance 2.docx")).toBeUndefined();
    expect(userTemplateName("notes.docx")).toBeUndefined();
    expect(userTemplateName("reminder2.doc")).toBeUndefined();
  });

  it("replaces the default of its level only", async () => {
    const mine = new Uint8Array([1, 2, 3]);
    const load = (name: string): Uint8Array => new TextEncoder().encode(name);
    const user = new Map([["Relance 2.docx", mine]]);
    expect(await chooseTemplate(2, "fr", user, load)).toEqual({ name: "fr/reminder2.docx", bytes: mine, custom: true });
    expect(await chooseTemplate(2, "en", user, load)).toEqual({ name: "en/reminder2.docx", bytes: load("en/reminder2.docx"), custom: false });
    expect((await chooseTemplate(3, "fr", user, load)).custom).toBe(false);
  });

  describe("in a «modeles» folder beside the workbook", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "relances-modeles-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("is read, merged and used instead of the default", async () => {
      const folder = userTemplatesFolder(path.join(dir, "suivi.xlsx"));
      expect(folder).toBe(path.join(dir, "modeles"));
      expect(await loadUserTemplates(folder)).toEqual(new Map());
      const mine = await editedTemplate(2, (xml) => xml.replace("{{salutation}}", "Chère cliente, cher client,"));
      await mkdir(path.join(folder, "en"), { recursive: true });
      await writeFile(path.join(folder, "Relance 2.docx"), mine);
      await writeFile(path.join(folder, "en", "formal_notice.docx"), mine);
      await writeFile(path.join(folder, "notes.docx"), "ignored");
      await writeFile(path.join(folder, "~$lance 2.docx"), "Word's lock file");
      const user = await loadUserTemplates(folder);
      expect([...user.keys()].sort()).toEqual(["en/formal_notice.docx", "fr/reminder2.docx"]);

      const chosen = await wordTemplate(2, "fr", user);
      expect(chosen.custom).toBe(true);
      expect(sections(documentXml(renderLetters(chosen.bytes, customers(2))))[0]).toContain("Chère cliente, cher client,");
      const fallback = await wordTemplate(1, "fr", user);
      expect(fallback).toMatchObject({ name: "fr/reminder1.docx", custom: false });
      expect(fallback.bytes).toEqual(await defaultWordTemplate(1, "fr"));
    });
  });
});

describe("placeholderValue", () => {
  it("reads dotted names in own properties only", () => {
    const scope = { societe: { iban: "FR76" }, factures: [] };
    expect(placeholderValue(scope, "societe.iban")).toBe("FR76");
    expect(placeholderValue(scope, " societe.iban ")).toBe("FR76");
    expect(placeholderValue(scope, ".")).toBe(scope);
    expect(placeholderValue(scope, "societe.bic")).toBeUndefined();
    expect(placeholderValue(scope, "constructor")).toBeUndefined();
    expect(placeholderValue(scope, "societe.__proto__")).toBeUndefined();
    expect(placeholderValue("text", "length")).toBeUndefined();
  });
});

describe("renderLetters output", () => {
  it("is the same bytes for the same data, whatever the clock", async () => {
    const { data } = await sampleReminders();
    const template = await defaultWordTemplate(2, "fr");
    const customers = data.filter((d) => d.niveau_numero === 2 && d.langue === "fr");
    const first = renderLetters(template, customers);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip dates have a 2-second resolution
    expect(Buffer.from(renderLetters(template, customers)).equals(Buffer.from(first))).toBe(true);
  });

  it("from a template merged many times is the bytes a fresh compilation writes, whatever was merged before", async () => {
    for (const level of REMINDER_LEVELS) {
      for (const lang of LANGUAGES) {
        const template = await defaultWordTemplate(level, lang);
        const list = customers(level, lang).length > 0 ? customers(level, lang) : customers(level);
        const fresh = (some: readonly ReminderData[]): Buffer => Buffer.from(renderLetters(template.slice(), some));
        const [first, ...others] = list.map((d) => [d]);
        renderLetters(template, list);
        for (const one of [first!, ...others, first!]) {
          expect(Buffer.from(renderLetters(template, one)).equals(fresh(one)), `${level} ${lang} ${one[0]!.raison_sociale}`).toBe(true);
        }
        expect(Buffer.from(renderLetters(template, list)).equals(fresh(list))).toBe(true);
        expect(documentXml(renderLetters(template, []))).not.toContain(first![0]!.raison_sociale);
      }
    }
  });

  it("merged in slices is the letter one merge writes, at every level and in both languages", async () => {
    for (const level of REMINDER_LEVELS) {
      for (const lang of LANGUAGES) {
        const template = await defaultWordTemplate(level, lang);
        const base = customers(level, lang).length > 0 ? customers(level, lang) : customers(level);
        // Seven customers, slices of two (the last one alone), some sharing a name's beginning.
        const list = Array.from({ length: 7 }, (_, i) => ({ ...base[i % base.length]!, raison_sociale: `${base[i % base.length]!.raison_sociale}${i % 2 === 0 ? "" : ` ${i}`}` }));
        const whole = Buffer.from(renderLetters(template, list, Number.POSITIVE_INFINITY));
        expect(Buffer.from(renderLetters(template, list, 2)).equals(whole), `${level} ${lang}`).toBe(true);
        expect(Buffer.from(renderLetters(template, list, 1)).equals(whole), `${level} ${lang}`).toBe(true);
      }
    }
  });

  it("merged in slices even when another part lists the customers (a title naming them all): the same letter", async () => {
    const zip = new PizZip(await defaultWordTemplate(2, "fr"));
    zip.file("docProps/core.xml", zip.file("docProps/core.xml")!.asText().replace(/<dc:title>[^<]*<\/dc:title>/, "<dc:title>{{#clients}}{{raison_sociale}} ; {{/clients}}</dc:title>"));
    const template = zip.generate({ type: "uint8array" });
    const list = customers(2).slice(0, 3);
    const sliced = renderLetters(template, list, 1);
    expect(Buffer.from(sliced).equals(Buffer.from(renderLetters(template, list, Number.POSITIVE_INFINITY)))).toBe(true);
    expect(new PizZip(sliced).file("docProps/core.xml")!.asText()).toContain(`${list.map((d) => d.raison_sociale.replace(/&/g, "&amp;")).join(" ; ")} ;`);
  });

  it("merges again after a render that failed", async () => {
    const template = await defaultWordTemplate(3, "fr");
    const list = customers(3);
    const broken = { ...list[0]!, get raison_sociale(): string { throw new Error("lecture impossible"); } } as ReminderData;
    expect(() => renderLetters(template, [broken])).toThrow();
    expect(Buffer.from(renderLetters(template, list)).equals(Buffer.from(renderLetters(template.slice(), list)))).toBe(true);
  });

  it("is a stored (uncompressed) zip package, left to the host to deflate", async () => {
    const bytes = renderLetters(await defaultWordTemplate(1, "fr"), customers(1));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // compression method of the first entry: 0 = stored
    expect(documentXml(bytes)).toContain(customers(1)[0]!.raison_sociale);
  });
});
