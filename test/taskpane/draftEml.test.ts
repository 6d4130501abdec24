// The browser's .eml writer (the preview and the pane make drafts where nodemailer cannot run),
// read back by a MIME parser: the same message comes out, as an unsent draft.
import { simpleParser, type AddressObject } from "mailparser";
import { describe, expect, it } from "vitest";
import type { EmailMessage } from "../../src/documents/emailMessage";
import { draftEml } from "../../taskpane/shared/draftEml";
import { expectWellFormed } from "../mail/expectWellFormed";

const message: EmailMessage = {
  from: { name: "Société Générale de Bâtiment du Sud-Ouest et des Pyrénées Ariégeoises", address: "compta@sgb.example" },
  replyTo: [{ name: "Service \"recouvrement\"", address: "recouvrement@sgb.example" }],
  to: [{ name: "Ødegård & Søn AS", address: "post@odegard.example" }, { address: "md@x.example" }],
  subject: "Relance — facture F2026-001 — reste dû 1 200,00 € — merci de régler au plus vite, c'est la troisième fois 🙂",
  html: "<p>Été &lt;img src=x&gt;</p>\n<p>Deuxième ligne</p>",
  text: "Été\nDeuxième ligne",
  attachments: [{ fileName: "relevé-SARL Hôtel.pdf", contentType: "application/pdf", data: new Uint8Array(5000).map((_, i) => i % 251) }],
  date: "Tue, 30 Jun 2026 09:00:00 +0200",
  messageId: "<abc.123@sgb.example>",
};

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (field === undefined ? [] : Array.isArray(field) ? field : [field]).flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address ?? "" })));

describe("a draft e-mail written in the browser", () => {
  it("reads back as the same message: headers, both parts and the attachment's bytes", async () => {
    const eml = draftEml(message);
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe(message.subject);
    expect(addresses(parsed.from)).toEqual([{ name: message.from.name, address: message.from.address }]);
    expect(addresses(parsed.replyTo)).toEqual([{ name: 'Service "recouvrement"', address: "recouvrement@sgb.example" }]);
    expect(addresses(parsed.to)).toEqual([{ name: "Ødegård & Søn AS", address: "post@odegard.example" }, { name: "", address: "md@x.example" }]);
    expect(parsed.messageId).toBe(message.messageId);
    expect(parsed.headers.get("x-unsent")).toBe("1");
    expect(parsed.text?.replace(/\r\n/g, "\n")).toBe(message.text);
    expect((parsed.html || "").replace(/\r\n/g, "\n")).toBe(message.html);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.filename).toBe("relevé-SARL Hôtel.pdf");
    expect(parsed.attachments[0]!.contentType).toBe("application/pdf");
    expect(new Uint8Array(parsed.attachments[0]!.content)).toEqual(message.attachments[0]!.data);
  });

  it("is ASCII with CRLF line endings and lines within MIME's limit", () => {
    expectWellFormed(draftEml(message));
  });

  it("gives the same bytes for the same message", () => {
    expect(draftEml(message)).toBe(draftEml({ ...message }));
  });
});
