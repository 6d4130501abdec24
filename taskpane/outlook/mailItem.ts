// The selected message as the read pane needs it, from Office.js: its id (for the journal's
// Référence), the sender, the subject and the body as text. The item is null when nothing is
// selected (a pinned pane between two messages); ItemChanged says when to read it again.
import { officeCall } from "./officeCall";

/** The part of Office.context.mailbox the pane uses (typed here: Office.js is a global script). */
export interface MailboxLike {
  readonly item: MailItemLike | null | undefined;
  addHandlerAsync(eventType: unknown, handler: () => void, callback?: (result: AsyncResultLike<void>) => void): void;
}

export interface MailItemLike {
  readonly itemId?: string | undefined;
  readonly internetMessageId?: string | undefined;
  readonly subject?: string | undefined;
  readonly from?: { readonly emailAddress?: string; readonly displayName?: string } | undefined;
  readonly body: { getAsync(coercionType: unknown, callback: (result: AsyncResultLike<string>) => void): void };
}

export interface AsyncResultLike<T> {
  readonly status: string;
  readonly value: T;
  readonly error?: { readonly message?: string } | undefined;
}

export interface MailMessage {
  readonly id: string;
  readonly from: string;
  readonly fromName: string;
  readonly subject: string;
  readonly text: string;
}

/** Office.js's constants, passed in so that the module runs without Office.js loaded. */
export interface OfficeConstants {
  readonly textCoercion: unknown;
  readonly itemChanged: unknown;
}

/**
 * The selected message, or undefined when no message is selected.
 * @throws Error when Office.js fails to give the body
 */
export async function readMailItem(mailbox: MailboxLike, constants: OfficeConstants): Promise<MailMessage | undefined> {
  const item = mailbox.item;
  if (item === null || item === undefined) return undefined;
  const text = (await officeCall<string>("Corps du message illisible / cannot read the message's body", (cb) => item.body.getAsync(constants.textCoercion, cb))) ?? "";
  return {
    id: item.itemId ?? item.internetMessageId ?? "",
    from: item.from?.emailAddress ?? "",
    fromName: item.from?.displayName ?? "",
    subject: item.subject ?? "",
    text,
  };
}

/** Calls `changed` with the newly selected message (undefined for none) each time the selection changes. */
export function followSelectedItem(mailbox: MailboxLike, constants: OfficeConstants, changed: (message: MailMessage | undefined) => void, failed: (error: unknown) => void): void {
  mailbox.addHandlerAsync(constants.itemChanged, () => {
    readMailItem(mailbox, constants).then(changed, failed);
  });
}
