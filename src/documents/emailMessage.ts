// A draft e-mail as plain data, free of any MIME: the .eml writer (src/mail/emlFile.ts, Node), a
// Graph draft or Outlook's compose pane each turn it into their own form. Every value is already
// checked and on one line where a header needs it (headerText, parseMailboxes).
import type { Mailbox } from "./mailboxes";

export type { Mailbox } from "./mailboxes";

export interface EmailAttachment {
  readonly fileName: string;
  /** "application/pdf" */
  readonly contentType: string;
  readonly data: Uint8Array;
}

export interface EmailMessage {
  readonly from: Mailbox;
  /** Where replies go, when not to the sender (none: Reply-To is left out). */
  readonly replyTo: readonly Mailbox[];
  /** None leaves To out (the user fills it in the draft). */
  readonly to: readonly Mailbox[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly attachments: readonly EmailAttachment[];
  /** An RFC 5322 date from the run's day (emailDate), never the clock: a re-run writes the same draft. */
  readonly date: string;
  /** "<id@domain>", from the run's data. */
  readonly messageId: string;
}
