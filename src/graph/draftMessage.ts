// A reminder e-mail as the JSON of an Outlook draft (Graph's message resource): the HTML body, the
// recipients, the reply address, the statement as a file attachment, and the reminder's key as a
// single-value extended property. `from` only when the sender is not the mailbox itself: a draft
// in a mailbox is from it, and naming another sender needs Send As rights there.
import type { EmailAttachment, EmailMessage, Mailbox } from "../documents/emailMessage";
import { base64Of } from "../engine/base64";
import { REMINDER_KEY_PROPERTY } from "./reminderKeyProperty";

/** Under this, an attachment goes inline with the message; from it on, by upload session (Graph's 3 MB). */
export const INLINE_ATTACHMENT_LIMIT = 3 * 1024 * 1024;

function recipient(box: Mailbox): { emailAddress: { address: string; name?: string } } {
  return { emailAddress: box.name === undefined || box.name === "" ? { address: box.address } : { name: box.name, address: box.address } };
}

/**
 * Which attachments go inline with the message and which by upload session: inline while they stay
 * under 3 MB together, so that the message stays well within Graph's 4 MB request.
 */
export function splitAttachments(attachments: readonly EmailAttachment[]): { inline: EmailAttachment[]; large: EmailAttachment[] } {
  const inline: EmailAttachment[] = [];
  const large: EmailAttachment[] = [];
  let total = 0;
  for (const attachment of attachments) {
    if (total + attachment.data.length < INLINE_ATTACHMENT_LIMIT) {
      inline.push(attachment);
      total += attachment.data.length;
    } else large.push(attachment);
  }
  return { inline, large };
}

/**
 * The draft's JSON for POST …/messages.
 * @param message - the rendered reminder
 * @param key - the reminder's key, the same on a re-run (its Message-ID)
 * @param mailboxAddress - the mailbox's own address, when known: `from` is left out when it is the sender
 * @param inline - the attachments sent with the message (splitAttachments)
 * @example draftMessageJson(email.message, email.message.messageId, "relances@x.fr", splitAttachments(email.message.attachments).inline)
 */
export function draftMessageJson(message: EmailMessage, key: string, mailboxAddress: string | undefined, inline: readonly EmailAttachment[]): Record<string, unknown> {
  const ownMailbox = mailboxAddress !== undefined && mailboxAddress.toLowerCase() === message.from.address.toLowerCase();
  return {
    subject: message.subject,
    body: { contentType: "HTML", content: message.html },
    toRecipients: message.to.map(recipient),
    ...(message.replyTo.length > 0 ? { replyTo: message.replyTo.map(recipient) } : {}),
    ...(ownMailbox ? {} : { from: recipient(message.from) }),
    singleValueExtendedProperties: [{ id: REMINDER_KEY_PROPERTY, value: key }],
    attachments: inline.map((a) => ({ "@odata.type": "#microsoft.graph.fileAttachment", name: a.fileName, contentType: a.contentType, contentBytes: base64Of(a.data) })),
  };
}
