// A draft e-mail as a .eml file in the browser, where nodemailer (src/mail/emlFile.ts) cannot run:
// multipart/mixed holding multipart/alternative (text/plain then text/html, UTF-8, base64) and the
// attachments (base64), with X-Unsent: 1 so that Outlook opens it as an unsent draft. Header values
// are already checked, one-line text (headerText, parseMailboxes); non-ASCII goes as RFC 2047 words.
// The same message gives the same bytes: the boundary comes from its Message-ID, never a random value.
import type { EmailMessage, Mailbox } from "../../src/documents/emailMessage";
import { stableHash } from "../../src/documents/stableHash";

const CRLF = "\r\n";
const encoder = new TextEncoder();

/** Bytes as base64 lines of 76 characters. */
function base64Lines(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return (btoa(binary).match(/.{1,76}/g) ?? []).join(CRLF);
}

/** A header value: as it is when printable ASCII, else RFC 2047 encoded words of UTF-8 base64, folded. */
function headerWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = "";
  for (const char of text) {
    // 39 bytes of UTF-8 make 52 characters of base64: a word and its header name fit in 78.
    if (encoder.encode(chunk + char).length > 39) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk !== "") words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${btoa(String.fromCharCode(...encoder.encode(w)))}?=`).join(`${CRLF} `);
}

function mailbox(box: Mailbox): string {
  if (box.name === undefined || box.name === "") return `<${box.address}>`;
  const name = /^[\x20-\x7e]*$/.test(box.name) ? `"${box.name.replace(/(["\\])/g, "\\$1")}"` : headerWord(box.name);
  // An encoded name may fill its line: the address then goes on a folded line of its own.
  return name.startsWith("=?") ? `${name}${CRLF} <${box.address}>` : `${name} <${box.address}>`;
}

/** A file name for Content-Disposition: RFC 2231 when it is not plain ASCII. */
function fileNameParameter(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name)) return `filename="${name}"`;
  return `filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The .eml text of a draft: ASCII, CRLF line endings.
 * @example draftEml(message).startsWith("From: ")
 */
export function draftEml(message: EmailMessage): string {
  const boundary = `=_relances_${stableHash(message.messageId)}`;
  const mixed = `${boundary}_mixed`;
  const alternative = `${boundary}_alt`;
  const lines: string[] = [`From: ${mailbox(message.from)}`];
  if (message.replyTo.length > 0) lines.push(`Reply-To: ${message.replyTo.map(mailbox).join(`,${CRLF} `)}`);
  if (message.to.length > 0) lines.push(`To: ${message.to.map(mailbox).join(`,${CRLF} `)}`);
  lines.push(
    `Subject: ${headerWord(message.subject)}`,
    `Date: ${message.date}`,
    `Message-ID: ${message.messageId}`,
    "X-Unsent: 1",
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    "",
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    "",
    `--${alternative}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(encoder.encode(message.text.replace(/\r\n?|\n/g, CRLF))),
    `--${alternative}`,
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(encoder.encode(message.html.replace(/\r\n?|\n/g, CRLF))),
    `--${alternative}--`,
  );
  for (const attachment of message.attachments) {
    lines.push(
      `--${mixed}`,
      `Content-Type: ${attachment.contentType}`,
      "Content-Transfer-Encoding: base64",
      `Content-Disposition: attachment;${CRLF} ${fileNameParameter(attachment.fileName)}`,
      "",
      base64Lines(attachment.data),
    );
  }
  lines.push(`--${mixed}--`, "");
  return lines.join(CRLF);
}
