// The message being written, as the compose pane needs it from Office.js: its To recipients
// (followed with RecipientsChanged where Mailbox 1.7 has it), the reminder put in its body at the
// cursor or as the whole body (HTML, or the text version in a plain-text message), its subject
// filled when empty, and the statement attached (Mailbox 1.8). Each call says plainly what failed.
import { officeCall, type OfficeCallback as Callback } from "./officeCall";
type RecipientDetails = readonly { readonly emailAddress?: string; readonly displayName?: string }[];

/** The part of Office.context.mailbox.item in compose mode the pane uses (Office.js is a global script). */
export interface ComposeItemLike {
  readonly itemId?: string | undefined;
  readonly to: { getAsync(callback: Callback<RecipientDetails>): void };
  readonly subject: { getAsync(callback: Callback<string>): void; setAsync(subject: string, callback: Callback<void>): void };
  readonly body: {
    getTypeAsync(callback: Callback<string>): void;
    setSelectedDataAsync(data: string, options: { coercionType: unknown }, callback: Callback<void>): void;
    setAsync(data: string, options: { coercionType: unknown }, callback: Callback<void>): void;
  };
  addFileAttachmentFromBase64Async?(base64: string, name: string, options: { isInline: boolean }, callback: Callback<string>): void;
  addHandlerAsync?(eventType: unknown, handler: () => void, callback?: Callback<void>): void;
}

/** Office.js's constants and requirement check, passed in so that the module runs without Office.js. */
export interface ComposeConstants {
  readonly htmlCoercion: unknown;
  readonly textCoercion: unknown;
  readonly recipientsChanged: unknown;
  /** Office.context.requirements.isSetSupported("Mailbox", version). */
  supports(version: string): boolean;
}

export interface Recipient {
  readonly address: string;
  readonly name: string;
}

/** Where the reminder goes in the body. */
export type BodyPlacement = "cursor" | "replace";

/** The message's To recipients with an address, lower case. */
export async function readRecipients(item: ComposeItemLike): Promise<Recipient[]> {
  const to = await officeCall<RecipientDetails>("Destinataires illisibles / cannot read the recipients", (cb) => item.to.getAsync(cb));
  return (to ?? [])
    .map((r) => ({ address: (r.emailAddress ?? "").trim().toLowerCase(), name: r.displayName ?? "" }))
    .filter((r) => r.address.includes("@"));
}

/**
 * Calls `changed` with the recipients each time they change (Mailbox 1.7), a later reading always
 * winning over an earlier one that answers late. Without 1.7, false: the pane offers to read again.
 */
export function followRecipients(item: ComposeItemLike, constants: ComposeConstants, changed: (recipients: Recipient[]) => void, failed: (error: unknown) => void): boolean {
  if (!constants.supports("1.7") || item.addHandlerAsync === undefined) return false;
  let reading = 0;
  item.addHandlerAsync(constants.recipientsChanged, () => {
    const mine = ++reading;
    readRecipients(item).then(
      (recipients) => mine === reading && changed(recipients),
      (error: unknown) => mine === reading && failed(error),
    );
  });
  return true;
}

/**
 * Puts the reminder in the body: at the cursor (replacing a selection, as typing would) or as the
 * whole body; HTML in an HTML message, the text version in a plain-text one.
 * @returns the form written
 */
export async function putReminder(item: ComposeItemLike, constants: ComposeConstants, reminder: { readonly html: string; readonly text: string }, placement: BodyPlacement): Promise<"html" | "text"> {
  const type = await officeCall<string>("Format du message inconnu / cannot read the body's format", (cb) => item.body.getTypeAsync(cb));
  const html = String(type).toLowerCase() === "html";
  const data = html ? reminder.html : reminder.text;
  const options = { coercionType: html ? constants.htmlCoercion : constants.textCoercion };
  if (placement === "cursor") await officeCall<void>("Insertion impossible / cannot insert", (cb) => item.body.setSelectedDataAsync(data, options, cb));
  else await officeCall<void>("Remplacement du corps impossible / cannot replace the body", (cb) => item.body.setAsync(data, options, cb));
  return html ? "html" : "text";
}

/** Sets the subject when the user has not written one; whether it was set. */
export async function subjectIfEmpty(item: ComposeItemLike, subject: string): Promise<boolean> {
  const current = await officeCall<string>("Objet illisible / cannot read the subject", (cb) => item.subject.getAsync(cb));
  if ((current ?? "").trim() !== "") return false;
  await officeCall<void>("Objet non modifiable / cannot set the subject", (cb) => item.subject.setAsync(subject, cb));
  return true;
}

export type AttachOutcome = { readonly attached: string } | { readonly unsupported: true };

/**
 * Attaches a file given in base64 (Mailbox 1.8); unsupported where the Outlook in use lacks it.
 * @returns the attachment's id, or unsupported
 */
export async function attachFile(item: ComposeItemLike, constants: ComposeConstants, name: string, base64: string): Promise<AttachOutcome> {
  const add = item.addFileAttachmentFromBase64Async;
  if (!constants.supports("1.8") || add === undefined) return { unsupported: true };
  const id = await officeCall<string>("Pièce jointe refusée / the attachment was refused", (cb) => add.call(item, base64, name, { isInline: false }, cb));
  return { attached: id };
}
