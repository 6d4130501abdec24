// A draft e-mail as a .eml file (RFC 5322 and MIME), the embedded default when Microsoft 365 is not
// configured: Outlook opens a message with X-Unsent: 1 as an unsent draft the user reviews and sends.
// Node only: nodemailer's MailComposer writes the MIME (encoded words, quoted-printable, base64,
// folding); src/documents gives it a message that is plain, checked data.
import MailComposer from "nodemailer/lib/mail-composer";
import type { EmailMessage, Mailbox } from "../documents/emailMessage";
import { stableHash } from "../documents/stableHash";

/** CRLF line breaks in a body part, as MIME wants (MailComposer keeps the text's own). */
const crlf = (text: string): string => text.replace(/\r\n?|\n/g, "\r\n");

const address = (box: Mailbox): { name: string; address: string } => ({ name: box.name ?? "", address: box.address });

/**
 * Writes a draft e-mail: multipart/mixed holding multipart/alternative (text/plain then text/html,
 * UTF-8) and the attachments (base64), with X-Unsent: 1.
 * The same message gives the same bytes: the boundaries come from its Message-ID (a hash, never a
 * random value), the Date and Message-ID from the message itself.
 * @returns the .eml bytes: ASCII, CRLF line endings
 * @example await emlFile(reminderEmail(data, templates, pdf, { from }).message)
 */
export function emlFile(message: EmailMessage): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: address(message.from),
    ...(message.replyTo.length > 0 ? { replyTo: message.replyTo.map(address) } : {}),
    ...(message.to.length > 0 ? { to: message.to.map(address) } : {}),
    subject: message.subject,
    date: message.date,
    messageId: message.messageId,
    headers: { "X-Unsent": "1" },
    text: crlf(message.text),
    html: crlf(message.html),
    // Named rather than guessed from each text (a scan of every part per message): readable, 7-bit
    // safe, and the same for every draft.
    textEncoding: "quoted-printable",
    attachments: message.attachments.map((a) => ({
      filename: a.fileName,
      contentType: a.contentType,
      content: Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength),
    })),
    // "=_" never occurs in quoted-printable or base64 text: no line of a part can read as a boundary.
    boundaryPrefix: "=_relances",
    baseBoundary: stableHash(message.messageId),
    // Nothing in a message may make the composer read a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((error, eml) => (error ? reject(error) : resolve(new Uint8Array(eml.buffer, eml.byteOffset, eml.byteLength))));
  });
}
