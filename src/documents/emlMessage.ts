// E-mail drafts as .eml files (RFC 5322 and MIME), the embedded default when Microsoft 365 is not
// configured: Outlook opens a message with X-Unsent: 1 as an unsent draft the user reviews and sends.
// Pure: strings and bytes in, a string out (ASCII only, CRLF line endings); base64, quoted-printable
// and RFC 2047 / 2231 are written here, so the same code runs in Node and in the task pane.
//
// Nothing a customer typed can add a header: CR, LF and every other control character become
// spaces in header values, addresses are checked, display names are quoted or encoded, and the
// body parts are quoted-printable (a line of their text can never start a header or a boundary).
import { isEmailAddress } from "../core/emailAddress";
import { problem, type Problem } from "../core/problem";
import type { ReminderData } from "./reminderData";
import { TemplateError, checkTemplate, escapeHtml, plainText, renderTemplate } from "./template";
import { ProblemError } from "./problemError";

export interface EmlAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly data: Uint8Array;
}

export interface EmlInput {
  /** "Name <address>", "\"Name\" <address>" or a bare address. */
  readonly from: string;
  readonly replyTo?: string | undefined;
  /** One or more addresses (a string may list several, separated by , or ;); none leaves To out. */
  readonly to: string | readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly attachments?: readonly EmlAttachment[] | undefined;
  /** An RFC 5322 date, e.g. emailDate("2026-06-30"): the caller decides, so that output is reproducible. */
  readonly date: string;
  /** "<id@domain>" or "id@domain". */
  readonly messageId: string;
}

/** A message that cannot be written: its problem says why in French, naming the address. */
export class EmailError extends ProblemError {
  override readonly name = "EmailError";
}

export interface Mailbox {
  readonly name?: string | undefined;
  readonly address: string;
}

const CRLF = "\r\n";
const MAX_LINE = 78;

// ---------------------------------------------------------------------------------------------
// Bytes

const encoder = new TextEncoder();

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of bytes, on one line. */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out.push(BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + BASE64[n & 63]!);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out.push(`${BASE64[n >> 18]!}${BASE64[(n >> 12) & 63]!}==`);
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out.push(`${BASE64[n >> 18]!}${BASE64[(n >> 12) & 63]!}${BASE64[(n >> 6) & 63]!}=`);
  }
  return out.join("");
}

/** Base64 in lines of 76 characters (MIME), CRLF between them. */
function base64Lines(bytes: Uint8Array): string {
  const text = base64(bytes);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join(CRLF);
}

const HEX = "0123456789ABCDEF";
const hex = (b: number): string => `=${HEX[b >> 4]!}${HEX[b & 15]!}`;

/**
 * Quoted-printable (RFC 2045) of a text as UTF-8: line breaks become CRLF, lines are cut with soft
 * breaks at 76 characters, trailing spaces and every byte outside printable ASCII are encoded.
 */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const bytes = encoder.encode(line);
    let current = "";
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      let piece: string;
      if (b === 0x20 || b === 0x09) piece = i === bytes.length - 1 ? hex(b) : String.fromCharCode(b);
      // "." and "F" at a line start are encoded too: no line can read as SMTP's end or as mbox's "From ".
      else if (b >= 33 && b <= 126 && b !== 61 && !(current === "" && (b === 0x2e || b === 0x46))) piece = String.fromCharCode(b);
      else piece = hex(b);
      if (current.length + piece.length > 75) {
        out.push(`${current}=`);
        current = "";
        if (piece === "." || piece === "F") piece = hex(b);
      }
      current += piece;
    }
    out.push(current);
  }
  return out.join(CRLF);
}

// ---------------------------------------------------------------------------------------------
// Headers

/** A header value on one line: control characters (CR, LF, NUL, tab, U+2028…) become spaces. */
export function headerText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim();
}

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** RFC 2047 encoded-words (UTF-8, base64) of at most 39 bytes each: 64 characters, split between characters. */
function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk: number[] = [];
  for (const char of text) {
    const bytes = encoder.encode(char);
    if (chunk.length + bytes.length > 39) {
      words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0) words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
  return words;
}

/** "Name: token token…", folded before a token when a line would pass 78 characters. */
function foldHeader(name: string, tokens: readonly string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  let first = true;
  for (const token of tokens) {
    if (!first && line.length + 1 + token.length > MAX_LINE) {
      lines.push(line);
      line = ` ${token}`;
    } else {
      line += ` ${token}`;
    }
    first = false;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** An unstructured header (Subject): ASCII folded at its spaces, anything else as encoded-words. */
function unstructuredHeader(name: string, value: string): string {
  const text = headerText(value);
  if (ASCII_PRINTABLE.test(text) && !text.includes("=?") && text.split(" ").every((w) => w.length <= 900)) {
    return foldHeader(name, text === "" ? [] : text.split(" "));
  }
  return foldHeader(name, encodedWords(text));
}

const ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/;

/** A display name as RFC 5322 words: atoms, a quoted string, or encoded-words. */
function phraseTokens(name: string): string[] {
  if (ATOM_PHRASE.test(name)) return name.split(" ");
  if (ASCII_PRINTABLE.test(name) && !name.includes("=?") && name.length <= 60) return [`"${name.replace(/[\\"]/g, "\\$&")}"`];
  return encodedWords(name);
}

function addressHeader(name: string, boxes: readonly Mailbox[]): string {
  const tokens: string[] = [];
  boxes.forEach((box, i) => {
    const last = i === boxes.length - 1;
    const address = `<${box.address}>${last ? "" : ","}`;
    if (box.name) tokens.push(...phraseTokens(box.name), address);
    else tokens.push(last ? box.address : `${box.address},`);
  });
  return foldHeader(name, tokens);
}

// ---------------------------------------------------------------------------------------------
// Addresses


/** Splits "a@x.fr; Dupont <b@x.fr>, \"Martin, SARL\" <c@x.fr>" at the commas and semicolons outside quotes and <>. */
function splitAddressList(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let angle = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === "\\" && i + 1 < text.length) {
      current += c + text[++i]!;
      continue;
    }
    if (c === '"' && !angle) quoted = !quoted;
    else if (c === "<" && !quoted) angle = true;
    else if (c === ">" && !quoted) angle = false;
    if ((c === "," || c === ";") && !quoted && !angle) {
      parts.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * Reads one or more mailboxes as people write them.
 * @param text - "a@x.fr", "Dupont <a@x.fr>", "\"Dupont, SARL\" <a@x.fr>", several separated by , or ;
 * @param role - what the address is for, in French, for the message ("destinataire")
 * @returns the mailboxes (none for an empty text), or a Problem naming the faulty address
 * @example parseMailboxes("Dupont <a@x.fr>", "destinataire") // [{ name: "Dupont", address: "a@x.fr" }]
 */
export function parseMailboxes(text: string, role: string): Mailbox[] | Problem {
  const boxes: Mailbox[] = [];
  for (const part of splitAddressList(headerText(text))) {
    const match = /^(.*?)\s*<([^<>]*)>$/.exec(part);
    let name = match ? match[1]!.trim() : "";
    const address = (match ? match[2]! : part).trim();
    if (!isEmailAddress(address)) return problem(`adresse e-mail invalide «${address}» (${role})`);
    if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).replace(/\\(.)/g, "$1").trim();
    boxes.push(name === "" ? { address } : { name, address });
  }
  return boxes;
}

function mailboxes(text: string, role: string): Mailbox[] {
  const result = parseMailboxes(text, role);
  if (!Array.isArray(result)) throw new EmailError(result as Problem);
  return result;
}

function messageIdHeader(id: string): string {
  const bare = headerText(id).replace(/^<|>$/g, "");
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(bare)) {
    throw new EmailError(problem(`identifiant de message invalide «${bare}» (Message-ID)`));
  }
  return `<${bare}>`;
}

// ---------------------------------------------------------------------------------------------
// Parameters (RFC 2045 / 2231)

/** name="value" for ASCII values, else name*=UTF-8''percent-encoded, continued (name*0*, name*1*…) past 60 characters. */
function parameter(name: string, value: string): string[] {
  const clean = headerText(value);
  if (ASCII_PRINTABLE.test(clean) && clean.length <= 60) {
    return [`${name}="${clean.replace(/[\\"]/g, "\\$&")}"`];
  }
  let encoded = "";
  for (const b of encoder.encode(clean)) {
    encoded += (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2d || b === 0x2e || b === 0x5f ? String.fromCharCode(b) : `%${HEX[b >> 4]!}${HEX[b & 15]!}`;
  }
  encoded = `UTF-8''${encoded}`;
  if (encoded.length <= 60) return [`${name}*=${encoded}`];
  const pieces: string[] = [];
  let rest = encoded;
  while (rest.length > 0) {
    let cut = Math.min(60, rest.length);
    // Never split a %XX escape.
    const percent = rest.lastIndexOf("%", cut - 1);
    if (percent >= 0 && percent > cut - 3 && cut < rest.length) cut = percent;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return pieces.map((piece, i) => `${name}*${i}*=${piece}`);
}

/** A structured header with parameters, one parameter per folded line. */
function headerWithParameters(name: string, value: string, parameters: readonly string[]): string {
  return [`${name}: ${value}${parameters.length > 0 ? ";" : ""}`, ...parameters.map((p, i) => ` ${p}${i < parameters.length - 1 ? ";" : ""}`)].join(CRLF);
}

/** ASCII form of a file name, for the old "name" parameter that some readers still take. */
function asciiFileName(name: string): string {
  return headerText(name)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_");
}

const CONTENT_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/;

// ---------------------------------------------------------------------------------------------
// The message

/** A short, stable hash (cyrb53) in base 36: boundaries and Message-IDs that do not change between runs. */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Writes a draft e-mail: multipart/mixed holding multipart/alternative (text/plain then text/html,
 * UTF-8, quoted-printable) and the attachments (base64), with X-Unsent: 1.
 * @returns the .eml text: ASCII, CRLF line endings
 * @throws EmailError when an address or the Message-ID is invalid (French message naming it)
 */
export function buildEml(input: EmlInput): string {
  const from = mailboxes(input.from, "expéditeur, From");
  if (from.length !== 1) throw new EmailError(problem(`une seule adresse d'expéditeur est attendue, pas «${headerText(input.from)}» (From)`));
  const replyTo = input.replyTo === undefined ? [] : mailboxes(input.replyTo, "adresse de réponse, Reply-To");
  const to = (typeof input.to === "string" ? [input.to] : input.to).flatMap((t) => mailboxes(t, "destinataire, To"));
  const messageId = messageIdHeader(input.messageId);
  const hash = stableHash(messageId);
  // "=_" never occurs in quoted-printable or base64 text: the boundaries cannot appear in a part.
  const mixed = `=_mixed_${hash}`;
  const alternative = `=_alternative_${hash}`;

  const headers = [
    addressHeader("From", from),
    ...(replyTo.length > 0 ? [addressHeader("Reply-To", replyTo)] : []),
    ...(to.length > 0 ? [addressHeader("To", to)] : []),
    unstructuredHeader("Subject", input.subject),
    `Date: ${headerText(input.date)}`,
    foldHeader("Message-ID", [messageId]),
    "MIME-Version: 1.0",
    "X-Unsent: 1",
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
  ];
  const body = [
    "This is a multi-part message in MIME format.",
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    "",
    `--${alternative}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quotedPrintable(input.text),
    `--${alternative}`,
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quotedPrintable(input.html),
    `--${alternative}--`,
  ];
  for (const attachment of input.attachments ?? []) {
    const type = CONTENT_TYPE.test(attachment.contentType) ? attachment.contentType.toLowerCase() : "application/octet-stream";
    body.push(
      `--${mixed}`,
      headerWithParameters("Content-Type", type, parameter("name", asciiFileName(attachment.filename))),
      "Content-Transfer-Encoding: base64",
      headerWithParameters("Content-Disposition", "attachment", parameter("filename", attachment.filename)),
      "",
      base64Lines(attachment.data),
    );
  }
  body.push(`--${mixed}--`, "");
  return [...headers, "", ...body].join(CRLF);
}

// ---------------------------------------------------------------------------------------------
// Reminder e-mails

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The day of the month of the last Sunday of a month (UTC calendar arithmetic). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * An RFC 5322 date for a day at a time of Paris (summer time from the last Sunday of March to the
 * last Sunday of October): reproducible, whatever the machine's time zone.
 * @param isoDay - "2026-06-30"
 * @param time - "HH:MM", 09:00 by default
 * @example emailDate("2026-06-30") // "Tue, 30 Jun 2026 09:00:00 +0200"
 */
export function emailDate(isoDay: string, time = "09:00"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) throw new EmailError(problem(`date d'e-mail invalide «${headerText(isoDay)} ${headerText(time)}»`));
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const summer =
    (month > 3 && month < 10) || (month === 3 && day >= lastSunday(year, 3)) || (month === 10 && day < lastSunday(year, 10));
  return `${WEEKDAYS[weekday]!}, ${String(day).padStart(2, "0")} ${MONTHS[month - 1]!} ${year} ${clock[1]!}:${clock[2]!}:00 ${summer ? "+0200" : "+0100"}`;
}

/**
 * A file-name-safe form of a text: ASCII letters, digits and dashes, lower case, at most 60 characters.
 * @example asciiSlug("SARL Hôtel du Château") // "sarl-hotel-du-chateau"
 */
export function asciiSlug(text: string, fallback = "client"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, 60).replace(/-+$/, "") || fallback;
}

export interface EmailTemplates {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface ReminderEmailOptions {
  /** The sender ("compta@x.fr" or "Name <compta@x.fr>"); without a name, the company's. */
  readonly from: string;
  /** Where replies go; by default the company's e-mail when it differs from the sender. */
  readonly replyTo?: string | undefined;
}

export interface ReminderEmail {
  /** "<date_iso>-<stage>-<customer slug>.eml": the same for the same reminder on a re-run. */
  readonly fileName: string;
  readonly eml: string;
  readonly subject: string;
  readonly messageId: string;
}

function rendered(part: string, template: string, data: ReminderData, check: object, escape: (s: string) => string): string {
  const found = checkTemplate(template, check);
  if (found !== undefined) throw new TemplateError(problem(`modèle d'e-mail (${part}) : ${found.message}`));
  return renderTemplate(template, data, escape);
}

/**
 * A customer's reminder as a draft e-mail: the templates rendered with its data (HTML escaped,
 * text and subject as they are), the account statement attached when given.
 * @param data - the customer's merge data
 * @param templates - subject, HTML and text templates (defaultEmailTemplate gives the shipped ones)
 * @param statementPdf - the account statement, attached as Releve-<customer>-<date>.pdf
 * @param options - sender and reply address
 * @throws TemplateError for a faulty template, EmailError for an invalid address (French messages)
 */
export function reminderEmail(
  data: ReminderData,
  templates: EmailTemplates,
  statementPdf: Uint8Array | undefined,
  options: ReminderEmailOptions,
): ReminderEmail {
  // A template of one level may name the court file, which only level 4 data carries.
  const check = { injonction: null, ...data };
  const subject = headerText(rendered("objet", templates.subject, data, check, plainText));
  const html = rendered("HTML", templates.html, data, check, escapeHtml);
  const text = rendered("texte", templates.text, data, check, plainText);

  const [sender] = mailboxes(options.from, "expéditeur, From");
  if (sender === undefined) throw new EmailError(problem("adresse d'expéditeur manquante (From)"));
  const from: Mailbox = sender.name ? sender : { name: data.societe.raison_sociale || undefined, address: sender.address };
  const company = data.societe.email.trim();
  const replyTo = options.replyTo ?? (isEmailAddress(company) && company.toLowerCase() !== sender.address.toLowerCase() ? company : undefined);

  let to: Mailbox[];
  try {
    to = mailboxes(data.email, "destinataire, To");
  } catch (error) {
    if (error instanceof EmailError) throw new EmailError(problem(`client «${headerText(data.raison_sociale)}» : ${error.message}`));
    throw error;
  }
  if (to.length === 1 && !to[0]!.name && data.raison_sociale.trim() !== "") to = [{ name: data.raison_sociale, address: to[0]!.address }];

  const slug = asciiSlug(data.raison_sociale);
  const domain = sender.address.slice(sender.address.lastIndexOf("@") + 1);
  const key = `${data.date_iso}|${data.etape}|${data.raison_sociale}|${data.email}`;
  const messageId = `<relances.${data.date_iso}.${data.etape}.${stableHash(key)}@${domain}>`;
  const statementName = `${data.langue === "en" ? "Statement" : "Releve"}-${slug}-${data.date_iso}.pdf`;

  const eml = buildEml({
    from: formatMailbox(from),
    replyTo,
    to: to.map(formatMailbox),
    subject,
    html,
    text,
    attachments: statementPdf === undefined ? [] : [{ filename: statementName, contentType: "application/pdf", data: statementPdf }],
    date: emailDate(data.date_iso),
    messageId,
  });
  return { fileName: `${data.date_iso}-${data.etape}-${slug}.eml`, eml, subject, messageId };
}

/** A mailbox back as text that parseMailboxes reads again the same way. */
function formatMailbox(box: Mailbox): string {
  const name = box.name === undefined ? "" : headerText(box.name);
  return name === "" ? box.address : `"${name.replace(/[\\"]/g, "\\$&")}" <${box.address}>`;
}

export { isEmailAddress };
