// A customer's reminder e-mail, written as a .eml file (src/mail/emlFile.ts) and read back by a MIME parser.
import { simpleParser, type AddressObject } from "mailparser";
import { describe, expect, it } from "vitest";
import { defaultEmailTemplate } from "../../src/node/emailTemplates";
import { asciiSlug } from "../../src/documents/asciiSlug";
import { EmailError } from "../../src/documents/emailError";
import { reminderEmail, type EmailTemplates } from "../../src/documents/reminderEmail";
import { emlFile } from "../../src/mail/emlFile";
import { expectWellFormed } from "../mail/expectWellFormed";
import type { ReminderData } from "../../src/documents/reminderData";
import { TemplateError, escapeHtml } from "../../src/documents/template";
import { hostile, sampleReminders } from "./sampleReminders";

/** Bytes standing for a PDF: every byte value, a few kilobytes. */
const PDF = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7 + (i >> 8)) & 255);
const FROM = "compta@egpl.example";

function addresses(field: AddressObject | AddressObject[] | undefined): Array<{ name: string; address: string }> {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address ?? "" })));
}

async function draft(data: ReminderData, pdf: Uint8Array | null = PDF, options: { from: string; replyTo?: string } = { from: FROM }) {
  const templates = await defaultEmailTemplate(data.niveau_numero, data.langue);
  const { fileName, message } = reminderEmail(data, templates, pdf ?? undefined, options);
  const eml = Buffer.from(await emlFile(message)).toString("latin1");
  return { fileName, message, eml, parsed: await simpleParser(eml), templates };
}

describe("reminderEmail", () => {
  it("writes every sample reminder as a draft a MIME parser reads back whole", async () => {
    const { data } = await sampleReminders();
    expect(data.length).toBeGreaterThan(5);
    for (const d of data) {
      const { message, eml, parsed, fileName } = await draft(d);
      expectWellFormed(eml);
      expect(parsed.headers.get("x-unsent")).toBe("1");
      expect(parsed.headers.get("mime-version")).toBe("1.0");
      expect(parsed.subject).toBe(message.subject);
      expect(parsed.subject).not.toMatch(/\{\{|\n/);
      expect(parsed.messageId).toBe(message.messageId);
      expect(parsed.date?.toISOString()).toBe(`${d.date_iso}T07:00:00.000Z`);
      expect(addresses(parsed.from)).toEqual([{ name: d.societe.raison_sociale, address: FROM }]);
      expect(addresses(parsed.to)).toEqual([{ name: d.raison_sociale, address: d.email }]);
      expect(parsed.headers.get("content-type")).toMatchObject({ value: "multipart/mixed" });

      const html = parsed.html as string;
      const text = parsed.text!;
      expect(html).toContain(`<html lang="${d.langue}">`);
      for (const f of d.factures) {
        expect(html).toContain(`>${escapeHtml(f.numero)}</td>`);
        expect(html).toContain(f.solde);
        expect(text).toContain(f.numero);
      }
      for (const total of [d.total_solde, escapeHtml(d.societe.mentions_legales), d.societe.iban]) expect(html).toContain(total);
      if (d.reclame_penalites) expect(html).toContain(d.total_du);
      expect(text).toContain(d.total_solde);
      expect(text).toContain(d.societe.mentions_legales);

      expect(parsed.attachments).toHaveLength(1);
      const [attachment] = parsed.attachments;
      expect(attachment!.contentType).toBe("application/pdf");
      expect(attachment!.contentDisposition).toBe("attachment");
      expect(attachment!.filename).toBe(`${d.langue === "en" ? "Statement" : "Releve"}-${asciiSlug(d.raison_sociale)}-${d.date_iso}.pdf`);
      expect(new Uint8Array(attachment!.content).length).toBe(PDF.length);
      expect(Buffer.compare(attachment!.content, Buffer.from(PDF))).toBe(0);
      expect(fileName).toBe(`${d.date_iso}-${d.etape}-${asciiSlug(d.raison_sociale)}.eml`);
    }
  });

  it("decodes accented subjects and names, and the text part keeps its words", async () => {
    const { data } = await sampleReminders();
    const d = data.find((x) => x.niveau_numero === 3 && x.langue === "fr")!;
    const { parsed } = await draft(d);
    expect(parsed.subject).toBe(`Mise en demeure de payer — ${d.raison_sociale} — EGPL — Entreprise Générale de la Lèze`);
    expect(addresses(parsed.from)[0]!.name).toBe("EGPL — Entreprise Générale de la Lèze");
    expect(parsed.text).toContain("Malgré nos relances du");
    expect(parsed.text).toContain(`${d.total_du}`);
    expect(parsed.text).toContain("dans un délai de 8 jours à compter de la réception de notre lettre recommandée");
  });

  it("gives the English customer the English template", async () => {
    const { data } = await sampleReminders();
    const english = data.find((d) => d.langue === "en")!;
    const { parsed } = await draft(english);
    expect(parsed.subject).toMatch(/^Upcoming due date — invoice F2026-045 /);
    expect(parsed.text).toMatch(/^Dear /);
    expect(parsed.html).toContain('<html lang="en">');
    expect(parsed.attachments[0]!.filename).toMatch(/^Statement-thornton-hale-ltd-/);
    const french = data.find((d) => d.langue === "fr" && d.niveau_numero === english.niveau_numero)!;
    expect((await draft(french)).parsed.subject).toMatch(/^Échéance prochaine — facture F2026-058 /);
  });

  it("leaves the statement out when there is none", async () => {
    const { data } = await sampleReminders();
    const { parsed } = await draft(data[0]!, null);
    expect(parsed.attachments).toHaveLength(0);
    expect(parsed.html).toBeTruthy();
    expect(parsed.text).toBeTruthy();
  });

  it("takes Reply-To from the options, else the company's e-mail when it is not the sender", async () => {
    const { data } = await sampleReminders();
    const d = data[0]!;
    expect((await draft(d)).parsed.replyTo).toBeUndefined();
    const shared = await draft(d, PDF, { from: "Relances EGPL <relances@egpl.example>" });
    expect(addresses(shared.parsed.from)).toEqual([{ name: "Relances EGPL", address: "relances@egpl.example" }]);
    expect(addresses(shared.parsed.replyTo)).toEqual([{ name: "", address: d.societe.email }]);
    expect(shared.message.messageId).toMatch(/@egpl\.example>$/);
    const given = await draft(d, PDF, { from: FROM, replyTo: "Service comptable <factures@egpl.example>" });
    expect(addresses(given.parsed.replyTo)).toEqual([{ name: "Service comptable", address: "factures@egpl.example" }]);
  });

  it("writes the same bytes on a re-run, and a different Message-ID for another customer", async () => {
    const { data } = await sampleReminders();
    const [a, b] = [data[0]!, data[1]!];
    const first = await draft(a);
    const again = await draft(a);
    expect(again.eml).toBe(first.eml);
    expect(again.fileName).toBe(first.fileName);
    expect(first.message.messageId).toMatch(new RegExp(`^<relances\\.${a.date_iso}\\.${a.etape}\\..+@egpl\\.example>$`));
    expect((await draft(b)).message.messageId).not.toBe(first.message.messageId);
  });

  it("shows a hostile customer name as inert text", async () => {
    const { data } = await sampleReminders();
    for (const d of data.filter((x) => x.niveau_numero === 3 || x.langue === "en")) {
      const tag = "<img src=x onerror=alert(1)>";
      const { parsed, fileName } = await draft(hostile(d, tag));
      const html = parsed.html as string;
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(html).not.toMatch(/<img/i);
      expect(parsed.text).toContain(tag);
      expect(addresses(parsed.to)).toEqual([{ name: tag, address: d.email }]);
      expect(fileName).toMatch(/-img-src-x-onerror-alert-1\.eml$/);

      const formula = "=cmd|' /C calc'!A0";
      const f = await draft(hostile(d, formula));
      expect(f.parsed.text).toContain(`- ${d.langue === "en" ? "Invoice" : "Facture"} ${formula} `);
      expect(f.parsed.html).toContain(">=cmd|&#39; /C calc&#39;!A0</td>");
      expect(f.parsed.html).not.toContain(formula);
    }
  });

  it("lets no CR or LF in a value add a header", async () => {
    const { data } = await sampleReminders();
    const d = data.find((x) => x.niveau_numero === 3)!;
    const evil = "Evil\r\nBcc: x@y.example\r\nX-Injected: 1";
    const { parsed, eml } = await draft(hostile(d, evil));
    expect(parsed.headers.has("bcc")).toBe(false);
    expect(parsed.headers.has("x-injected")).toBe(false);
    expect(parsed.bcc).toBeUndefined();
    const headers = eml.slice(0, eml.indexOf("\r\n\r\n"));
    expect(headers).not.toMatch(/^(Bcc|X-Injected):/im);
    expect(headers.split("\r\n").filter((l) => !l.startsWith(" ")).map((l) => l.slice(0, l.indexOf(":")))).toEqual([
      "X-Unsent", "From", "To", "Subject", "Message-ID", "Date", "MIME-Version", "Content-Type",
    ]);
    expect(parsed.subject).toContain("Evil Bcc: x@y.example X-Injected: 1");
    expect(addresses(parsed.to)).toEqual([{ name: "Evil Bcc: x@y.example X-Injected: 1", address: d.email }]);
    expectWellFormed(eml);

    const sender = await draft(d, PDF, { from: "Compta\nBcc: x@y.example <compta@egpl.example>" });
    expect(sender.parsed.headers.has("bcc")).toBe(false);
    expect(addresses(sender.parsed.from)).toEqual([{ name: "Compta Bcc: x@y.example", address: FROM }]);

    // In the address itself it is not an address any more.
    const templates = await defaultEmailTemplate(d.niveau_numero, d.langue);
    expect(() => reminderEmail({ ...d, email: `${d.email}\r\nBcc: x@y.example` }, templates, PDF, { from: FROM })).toThrow(EmailError);
  });

  it("refuses an invalid address with a French message naming it", async () => {
    const { data } = await sampleReminders();
    const d = data[0]!;
    const templates = await defaultEmailTemplate(d.niveau_numero, d.langue);
    expect(() => reminderEmail({ ...d, email: "jean.dupont@" }, templates, PDF, { from: FROM })).toThrow(
      `client «${d.raison_sociale}» : adresse e-mail invalide «jean.dupont@» (destinataire, To)`,
    );
    expect(() => reminderEmail(d, templates, PDF, { from: "compta" })).toThrow("adresse e-mail invalide «compta» (expéditeur, From)");
    expect(() => reminderEmail(d, templates, PDF, { from: FROM, replyTo: "a b@x.fr" })).toThrow("adresse e-mail invalide «a b@x.fr» (adresse de réponse, Reply-To)");
  });

  it("leaves To out for a customer without an e-mail, and lists several addresses", async () => {
    const { data } = await sampleReminders();
    const d = data[0]!;
    expect((await draft({ ...d, email: "" })).parsed.to).toBeUndefined();
    const several = await draft({ ...d, email: "a@client.example; Service compta <b@client.example>" });
    expect(addresses(several.parsed.to)).toEqual([
      { name: "", address: "a@client.example" },
      { name: "Service compta", address: "b@client.example" },
    ]);
  });

  it("names the tag of a broken user template in French", async () => {
    const { data } = await sampleReminders();
    const d = data[0]!;
    const templates = await defaultEmailTemplate(d.niveau_numero, d.langue);
    const broken = (t: Partial<EmailTemplates>) => () => reminderEmail(d, { ...templates, ...t }, PDF, { from: FROM });
    expect(broken({ html: "<table>{{#factures}}<tr><td>{{numero}}</td></tr></table>" })).toThrow(TemplateError);
    expect(broken({ html: "<table>{{#factures}}<tr><td>{{numero}}</td></tr></table>" })).toThrow(
      "modèle d'e-mail (HTML) : balise «{{#factures}}» non fermée (ligne 1) : il manque «{{/factures}}»",
    );
    expect(broken({ subject: "Relance {{raison_social}}" })).toThrow(
      "modèle d'e-mail (objet) : balise inconnue «{{raison_social}}» (ligne 1) : voulez-vous dire «{{raison_sociale}}» ?",
    );
    expect(broken({ text: "{{{raison_sociale}}}" })).toThrow(/modèle d'e-mail \(texte\) : balise «\{\{\{raison_sociale\}\}\}» interdite/);
  });
});

