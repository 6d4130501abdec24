import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { isProblem } from "../../src/core/problem";
import { defaultEmailTemplate } from "../../src/documents/emailTemplates";
import {
  EmailError,
  asciiSlug,
  base64,
  buildEml,
  emailDate,
  parseMailboxes,
  quotedPrintable,
  reminderEmail,
  type EmailTemplates,
} from "../../src/documents/emlMessage";
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
  const message = reminderEmail(data, templates, pdf ?? undefined, options);
  return { message, parsed: await simpleParser(message.eml), templates };
}

/** Every line ends with CRLF, the text is ASCII, no line passes 78 characters. */
function expectWellFormed(eml: string): void {
  expect(/[^\r]\n|\r[^\n]/.test(eml)).toBe(false);
  expect(/^[\x00-\x7f]*$/.test(eml)).toBe(true);
  for (const line of eml.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
}

describe("reminderEmail", () => {
  it("writes every sample reminder as a draft a MIME parser reads back whole", async () => {
    const { data } = await sampleReminders();
    expect(data.length).toBeGreaterThan(5);
    for (const d of data) {
      const { message, parsed } = await draft(d);
      expectWellFormed(message.eml);
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
      expect(message.fileName).toBe(`${d.date_iso}-${d.etape}-${asciiSlug(d.raison_sociale)}.eml`);
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

  it("writes the same file on a re-run, and a different Message-ID for another customer", async () => {
    const { data } = await sampleReminders();
    const [a, b] = [data[0]!, data[1]!];
    const first = await draft(a);
    const again = await draft(a);
    expect(again.message.eml).toBe(first.message.eml);
    expect(again.message.fileName).toBe(first.message.fileName);
    expect(first.message.messageId).toMatch(new RegExp(`^<relances\\.${a.date_iso}\\.${a.etape}\\..+@egpl\\.example>$`));
    expect((await draft(b)).message.messageId).not.toBe(first.message.messageId);
  });

  it("shows a hostile customer name as inert text", async () => {
    const { data } = await sampleReminders();
    for (const d of data.filter((x) => x.niveau_numero === 3 || x.langue === "en")) {
      const tag = "<img src=x onerror=alert(1)>";
      const { parsed, message } = await draft(hostile(d, tag));
      const html = parsed.html as string;
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(html).not.toMatch(/<img/i);
      expect(parsed.text).toContain(tag);
      expect(addresses(parsed.to)).toEqual([{ name: tag, address: d.email }]);
      expect(message.fileName).toMatch(/-img-src-x-onerror-alert-1\.eml$/);

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
    const { parsed, message } = await draft(hostile(d, evil));
    expect(parsed.headers.has("bcc")).toBe(false);
    expect(parsed.headers.has("x-injected")).toBe(false);
    expect(parsed.bcc).toBeUndefined();
    const headers = message.eml.slice(0, message.eml.indexOf("\r\n\r\n"));
    expect(headers).not.toMatch(/^(Bcc|X-Injected):/im);
    expect(headers.split("\r\n").filter((l) => !l.startsWith(" ")).map((l) => l.slice(0, l.indexOf(":")))).toEqual([
      "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "X-Unsent", "Content-Type",
    ]);
    expect(parsed.subject).toContain("Evil Bcc: x@y.example X-Injected: 1");
    expect(addresses(parsed.to)).toEqual([{ name: "Evil Bcc: x@y.example X-Injected: 1", address: d.email }]);
    expectWellFormed(message.eml);

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

describe("buildEml", () => {
  const base = {
    from: "Société Générale de Bâtiment du Sud-Ouest et des Pyrénées Ariégeoises <compta@sgb.example>",
    to: ["Ødegård & Søn AS <post@odegard.example>", '"Martin, Dupont" <md@x.example>'],
    subject: "Relance — facture F2026-001 — reste dû 1 200,00 € — merci de régler au plus vite, c'est la troisième fois 🙂",
    html: "<p>Été</p>",
    text: "",
    date: "Tue, 30 Jun 2026 09:00:00 +0200",
    messageId: "abc.123@sgb.example",
  };

  async function roundTrip(input: Parameters<typeof buildEml>[0]): Promise<{ eml: string; parsed: ParsedMail }> {
    const eml = buildEml(input);
    expectWellFormed(eml);
    return { eml, parsed: await simpleParser(eml) };
  }

  it("encodes and folds long non-ASCII headers that parse back exactly", async () => {
    const { eml, parsed } = await roundTrip(base);
    expect(parsed.subject).toBe(base.subject);
    expect(addresses(parsed.from)).toEqual([{ name: "Société Générale de Bâtiment du Sud-Ouest et des Pyrénées Ariégeoises", address: "compta@sgb.example" }]);
    expect(addresses(parsed.to)).toEqual([
      { name: "Ødegård & Søn AS", address: "post@odegard.example" },
      { name: "Martin, Dupont", address: "md@x.example" },
    ]);
    expect(parsed.messageId).toBe("<abc.123@sgb.example>");
    expect(eml).toContain("\r\nX-Unsent: 1\r\n");
    expect(eml.split("\r\n\r\n")[0]).toMatch(/^From: .*\r\n(?: .*\r\n)*To: /);
  });

  it("keeps the text part exactly through quoted-printable", async () => {
    const text = [
      "Ligne avec espaces à la fin   ",
      "From the start, a line that mbox would mangle",
      ".",
      ". point en tête",
      "a=b =3D ==",
      `${"x".repeat(74)}é${"y".repeat(200)}`,
      "--=_mixed_boundary lookalike",
      "tab\tinside and at end\t",
      "emoji 🙂 and € and \u202f",
      "",
    ].join("\n");
    const { parsed, eml } = await roundTrip({ ...base, text, to: [] });
    expect(parsed.text).toBe(text);
    expect(parsed.to).toBeUndefined();
    expect(eml).not.toMatch(/\r\nFrom /);
    expect(eml).not.toMatch(/\r\n\.\r\n/);
  });

  it("attaches files in base64 lines of 76, with RFC 2231 names when not ASCII", async () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) & 255);
    const { parsed, eml } = await roundTrip({
      ...base,
      attachments: [
        { filename: "Relevé de compte — été 2026 — Société Générale de Bâtiment.pdf", contentType: "application/pdf", data },
        { filename: 'plain "quoted".txt', contentType: "text/plain\r\nBcc: x@y.example", data: new Uint8Array([104, 105]) },
        { filename: "empty.bin", contentType: "application/octet-stream", data: new Uint8Array() },
      ],
    });
    expect(parsed.attachments.map((a) => a.filename)).toEqual(["Relevé de compte — été 2026 — Société Générale de Bâtiment.pdf", 'plain "quoted".txt', "empty.bin"]);
    expect(Buffer.compare(parsed.attachments[0]!.content, Buffer.from(data))).toBe(0);
    // An unusable type falls back to application/octet-stream (which mailparser then guesses from the name).
    expect(eml).toContain('Content-Type: application/octet-stream;\r\n name="plain \\"quoted\\".txt"');
    expect(parsed.attachments[2]!.size).toBe(0);
    expect(parsed.headers.has("bcc")).toBe(false);
    expect(eml).toContain("filename*0*=UTF-8''Relev%C3%A9");
    const lines = eml.split("\r\n");
    const parameter = lines.findIndex((l) => l.startsWith(" filename*0*="));
    const start = lines.indexOf("", parameter) + 1;
    expect(parameter).toBeGreaterThan(0);
    expect(lines.slice(start, start + 17).map((l) => l.length)).toEqual(Array(17).fill(76));
    expect(lines[start + 17]!.length).toBe(1336 - 17 * 76);
  });

  it("refuses a bad Message-ID and several senders", () => {
    expect(() => buildEml({ ...base, messageId: "pas un identifiant" })).toThrow("identifiant de message invalide «pas un identifiant» (Message-ID)");
    expect(() => buildEml({ ...base, from: "a@x.example, b@x.example" })).toThrow(/une seule adresse d'expéditeur/);
  });
});

describe("helpers", () => {
  it("base64 matches Node's", () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 13) & 255);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }
  });

  it("quoted-printable keeps lines within 76 characters and encodes trailing spaces", () => {
    const qp = quotedPrintable(`${"é".repeat(60)} \nfin `);
    for (const line of qp.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
    expect(qp.endsWith("fin=20")).toBe(true);
    expect(qp).not.toMatch(/=[0-9A-F]?=\r\n/);
  });

  it("dates the message at 09:00 in Paris, summer or winter", () => {
    expect(emailDate("2026-06-30")).toBe("Tue, 30 Jun 2026 09:00:00 +0200");
    expect(emailDate("2026-01-05")).toBe("Mon, 05 Jan 2026 09:00:00 +0100");
    expect(emailDate("2026-03-29")).toBe("Sun, 29 Mar 2026 09:00:00 +0200");
    expect(emailDate("2026-03-28")).toBe("Sat, 28 Mar 2026 09:00:00 +0100");
    expect(emailDate("2026-10-25")).toBe("Sun, 25 Oct 2026 09:00:00 +0100");
    expect(emailDate("2026-10-24", "17:30")).toBe("Sat, 24 Oct 2026 17:30:00 +0200");
    expect(() => emailDate("30/06/2026")).toThrow(EmailError);
  });

  it("reads mailboxes as people write them", () => {
    expect(parseMailboxes('"Dupont, SARL" <a@x.example>; b@y.example', "destinataire")).toEqual([
      { name: "Dupont, SARL", address: "a@x.example" },
      { address: "b@y.example" },
    ]);
    expect(parseMailboxes("", "destinataire")).toEqual([]);
    for (const bad of ["a@b", "a@@b.fr", "a..b@c.fr", "é@c.fr", "a@-c.fr", "<a@b.fr", "a@b.fr>"]) {
      const result = parseMailboxes(bad, "destinataire");
      expect(isProblem(result), bad).toBe(true);
    }
  });

  it("slugs names into ASCII file names", () => {
    expect(asciiSlug("SARL Hôtel du Château")).toBe("sarl-hotel-du-chateau");
    expect(asciiSlug("Œuvres & Cœur")).toBe("oeuvres-coeur");
    expect(asciiSlug("東京")).toBe("client");
    expect(asciiSlug("a".repeat(100))).toHaveLength(60);
  });
});
