// A customer's reminder as a draft e-mail: the templates rendered with its data, the addresses
// checked, the statement attached. Host-free: the message is data (./emailMessage), written as a
// .eml file by src/mail/emlFile.ts on Node, or handed to Graph or Outlook elsewhere.
//
// Nothing a customer typed can add a header: the subject and names are kept on one line
// (headerText), addresses are checked (parseMailboxes), and the MIME writer encodes the rest.
import { isEmailAddress } from "../core/emailAddress";
import { problem } from "../core/problem";
import { asciiSlug } from "./asciiSlug";
import { emailDate } from "./emailDate";
import { EmailError } from "./emailError";
import type { EmailMessage } from "./emailMessage";
import { headerText } from "./headerText";
import { mailboxes, type Mailbox } from "./mailboxes";
import type { ReminderData } from "./reminderData";
import { stableHash } from "./stableHash";
import { TemplateError, checkTemplate, escapeHtml, plainText, renderTemplate } from "./template";

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
  readonly message: EmailMessage;
}

function rendered(part: string, template: string, data: ReminderData, check: object, escape: (s: string) => string): string {
  const found = checkTemplate(template, check);
  if (found !== undefined) throw new TemplateError(problem(`modèle d'e-mail (${part}) : ${found.message}`));
  return renderTemplate(template, data, escape);
}

/** A display name on one line, left out when empty. */
function named(box: Mailbox): Mailbox {
  const name = box.name === undefined ? "" : headerText(box.name);
  return name === "" ? { address: box.address } : { name, address: box.address };
}

/**
 * A customer's reminder as a draft e-mail: the templates rendered with its data (HTML escaped,
 * text and subject as they are), the account statement attached when given.
 * @param data - the customer's merge data
 * @param templates - subject, HTML and text templates (defaultEmailTemplate gives the shipped ones)
 * @param statementPdf - the account statement, attached as Releve-<customer>-<date>.pdf
 * @param options - sender and reply address
 * @returns the file name a draft of it takes, and the message
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
  const from = named(sender.name ? sender : { name: data.societe.raison_sociale, address: sender.address });
  const company = data.societe.email.trim();
  const replyText = options.replyTo ?? (isEmailAddress(company) && company.toLowerCase() !== sender.address.toLowerCase() ? company : undefined);
  const replyTo = replyText === undefined ? [] : mailboxes(replyText, "adresse de réponse, Reply-To");

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
  const statementName = `${data.langue === "en" ? "Statement" : "Releve"}-${slug}-${data.date_iso}.pdf`;

  const message: EmailMessage = {
    from,
    replyTo: replyTo.map(named),
    to: to.map(named),
    subject,
    html,
    text,
    attachments: statementPdf === undefined ? [] : [{ fileName: statementName, contentType: "application/pdf", data: statementPdf }],
    date: emailDate(data.date_iso),
    messageId: `<relances.${data.date_iso}.${data.etape}.${stableHash(key)}@${domain}>`,
  };
  return { fileName: `${data.date_iso}-${data.etape}-${slug}.eml`, message };
}
