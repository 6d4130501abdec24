// The .eml writer (nodemailer's MailComposer) on messages that push MIME's limits, read back by a
// MIME parser.
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import type { EmailMessage } from "../../src/documents/emailMessage";
import { emlFile } from "../../src/mail/emlFile";
import { expectWellFormed } from "./expectWellFormed";

function addresses(field: AddressObject | AddressObject[] | undefined): Array<{ name: string; address: string }> {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address ?? "" })));
}

const base: EmailMessage = {
  from: { name: "Société Générale de Bâtiment du Sud-Ouest et des Pyrénées Ariégeoises", address: "compta@sgb.example" },
  replyTo: [],
  to: [
    { name: "Ødegård & Søn AS", address: "post@odegard.example" },
    { name: "Martin, Dupont", address: "md@x.example" },
  ],
  subject: "Relance — facture F2026-001 — reste dû 1 200,00 € — merci de régler au plus vite, c'est la troisième fois 🙂",
  html: "<p>Été</p>",
  text: "",
  attachments: [],
  date: "Tue, 30 Jun 2026 09:00:00 +0200",
  messageId: "<abc.123@sgb.example>",
};

async function roundTrip(message: EmailMessage): Promise<{ eml: string; parsed: ParsedMail }> {
  const eml = Buffer.from(await emlFile(message)).toString("latin1");
  expectWellFormed(eml);
  return { eml, parsed: await simpleParser(eml) };
}

describe("emlFile", () => {
  it("encodes and folds long non-ASCII headers that parse back exactly", async () => {
    const { eml, parsed } = await roundTrip(base);
    expect(parsed.subject).toBe(base.subject);
    expect(addresses(parsed.from)).toEqual([{ name: "Société Générale de Bâtiment du Sud-Ouest et des Pyrénées Ariégeoises", address: "compta@sgb.example" }]);
    expect(addresses(parsed.to)).toEqual([
      { name: "Ødegård & Søn AS", address: "post@odegard.example" },
      { name: "Martin, Dupont", address: "md@x.example" },
    ]);
    expect(parsed.messageId).toBe("<abc.123@sgb.example>");
    expect(parsed.headers.get("x-unsent")).toBe("1");
    expect(eml.split("\r\n\r\n")[0]).toMatch(/\r\nFrom: .*\r\n(?: .*\r\n)*To: /);
    expect(eml).toContain("\r\nDate: Tue, 30 Jun 2026 09:00:00 +0200\r\n");
  });

  it("keeps the text part exactly, long lines, trailing spaces and boundary lookalikes included", async () => {
    const text = [
      "Ligne avec espaces à la fin   ",
      "From the start, a line that mbox would mangle",
      ".",
      ". point en tête",
      "a=b =3D ==",
      `${"x".repeat(74)}é${"y".repeat(200)}`,
      "--=_relances-boundary lookalike",
      "tab\tinside and at end\t",
      "emoji 🙂 and € and \u202f",
      "",
    ].join("\n");
    const { parsed, eml } = await roundTrip({ ...base, text, to: [] });
    expect(parsed.text).toBe(text);
    expect(parsed.to).toBeUndefined();
    expect(eml).not.toMatch(/^To:/m);
  });

  it("attaches files in base64 lines of 76, with non-ASCII names that parse back", async () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) & 255);
    const { parsed, eml } = await roundTrip({
      ...base,
      attachments: [
        { fileName: "Relevé de compte — été 2026 — Société Générale de Bâtiment.pdf", contentType: "application/pdf", data },
        { fileName: 'plain "quoted".txt', contentType: "text/plain", data: new Uint8Array([104, 105]) },
        { fileName: "empty.bin", contentType: "application/octet-stream", data: new Uint8Array() },
      ],
    });
    expect(parsed.attachments.map((a) => a.filename)).toEqual(["Relevé de compte — été 2026 — Société Générale de Bâtiment.pdf", 'plain "quoted".txt', "empty.bin"]);
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(["application/pdf", "text/plain", "application/octet-stream"]);
    expect(Buffer.compare(parsed.attachments[0]!.content, Buffer.from(data))).toBe(0);
    expect(parsed.attachments[1]!.content.toString()).toBe("hi");
    expect(parsed.attachments[2]!.size).toBe(0);
    const lines = eml.split("\r\n");
    const start = lines.indexOf("", lines.findIndex((l) => l.startsWith("Content-Disposition: attachment"))) + 1;
    expect(lines.slice(start, start + 17).map((l) => l.length)).toEqual(Array(17).fill(76));
    expect(lines[start + 17]!.length).toBe(1336 - 17 * 76);
  });

  it("writes a reply address when there is one", async () => {
    const { parsed } = await roundTrip({ ...base, replyTo: [{ name: "Service comptable", address: "factures@sgb.example" }] });
    expect(addresses(parsed.replyTo)).toEqual([{ name: "Service comptable", address: "factures@sgb.example" }]);
    expect((await roundTrip(base)).parsed.replyTo).toBeUndefined();
  });

  it("writes the same bytes for the same message, and boundaries that no quoted-printable line can hold", async () => {
    const message = { ...base, text: "Bonjour", attachments: [{ fileName: "a.pdf", contentType: "application/pdf", data: new Uint8Array([1, 2, 3]) }] };
    const first = Buffer.from(await emlFile(message));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.from(await emlFile(message)).equals(first)).toBe(true);
    const boundaries = [...first.toString("latin1").matchAll(/boundary="([^"]+)"/g)].map((m) => m[1]!);
    expect(boundaries).toHaveLength(2);
    for (const b of boundaries) expect(b.startsWith("=_")).toBe(true);
    const other = Buffer.from(await emlFile({ ...message, messageId: "<other@sgb.example>" })).toString("latin1");
    expect(other).not.toContain(boundaries[0]!);
  });
});
