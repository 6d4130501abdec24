// A message being written, in a plain browser, that answers as Outlook's compose item does
// (Office.js's callback shape, "succeeded" or "failed"): the preview's To field, subject and body
// editor (a contenteditable, into which HTML goes as Outlook's editor takes it), and its
// attachments. Mailbox versions above the one given are missing, to try the pane's fallbacks.
import type { AsyncResultLike } from "./mailItem";
import type { ComposeConstants, ComposeItemLike } from "./composeItem";

export interface PreviewAttachment {
  readonly id: string;
  readonly name: string;
  readonly base64: string;
}

type Callback<T> = (result: AsyncResultLike<T>) => void;
const ok = <T>(value: T): AsyncResultLike<T> => ({ status: "succeeded", value });
const failed = (message: string): AsyncResultLike<never> => ({ status: "failed", value: undefined as never, error: { message } });

export const PREVIEW_COERCION = { html: "html", text: "text" } as const;
export const PREVIEW_RECIPIENTS_CHANGED = "olkRecipientsChanged";

export class PreviewComposeItem implements ComposeItemLike {
  private recipients: { emailAddress: string; displayName: string }[] = [];
  private subjectText = "";
  private readonly files: PreviewAttachment[] = [];
  private readonly listeners = new Set<() => void>();
  private recipientsChanged: (() => void) | undefined;
  private version = 0;
  /** The body editor, once on the page; the cursor's last place in it. */
  editor: HTMLElement | null = null;
  private cursor: Range | undefined;

  constructor(readonly mailboxVersion: number) {
    document.addEventListener("selectionchange", () => {
      const selection = document.getSelection();
      if (this.editor && selection && selection.rangeCount > 0 && this.editor.contains(selection.getRangeAt(0).commonAncestorContainer)) {
        this.cursor = selection.getRangeAt(0).cloneRange();
      }
    });
  }

  /** For the preview's fields: told of each change, with a number that changes with it. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  snapshot = (): number => this.version;
  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  get toText(): string {
    return this.recipients.map((r) => r.emailAddress).join(", ");
  }
  get subjectValue(): string {
    return this.subjectText;
  }
  get attachments(): readonly PreviewAttachment[] {
    return this.files;
  }

  /** The user typing recipients: the pane is told, as Outlook tells it (Mailbox 1.7). */
  setRecipients(recipients: readonly { emailAddress: string; displayName: string }[]): void {
    this.recipients = [...recipients];
    this.changed();
    if (this.mailboxVersion >= 1.7) setTimeout(() => this.recipientsChanged?.(), 0);
  }
  typeSubject(subject: string): void {
    this.subjectText = subject;
    this.changed();
  }
  /** A new message: no subject, an empty body, no attachment. */
  clear(): void {
    this.subjectText = "";
    this.files.length = 0;
    if (this.editor) this.editor.replaceChildren();
    this.cursor = undefined;
    this.changed();
  }

  readonly to = {
    getAsync: (callback: Callback<readonly { emailAddress: string; displayName: string }[]>): void => {
      const copy = this.recipients.map((r) => ({ ...r }));
      setTimeout(() => callback(ok(copy)), 0);
    },
  };

  readonly subject = {
    getAsync: (callback: Callback<string>): void => void setTimeout(() => callback(ok(this.subjectText)), 0),
    setAsync: (subject: string, callback: Callback<void>): void => {
      this.typeSubject(subject);
      setTimeout(() => callback(ok(undefined)), 0);
    },
  };

  readonly body = {
    getTypeAsync: (callback: Callback<string>): void => void setTimeout(() => callback(ok("html")), 0),
    setSelectedDataAsync: (data: string, options: { coercionType: unknown }, callback: Callback<void>): void => {
      const editor = this.editor;
      if (editor === null) return void callback(failed("no body"));
      const range = this.cursor && editor.contains(this.cursor.commonAncestorContainer) ? this.cursor : startOf(editor);
      range.deleteContents();
      const inserted = options.coercionType === PREVIEW_COERCION.html ? range.createContextualFragment(data) : document.createTextNode(data);
      range.insertNode(inserted);
      range.collapse(false);
      this.cursor = range;
      this.changed();
      setTimeout(() => callback(ok(undefined)), 0);
    },
    setAsync: (data: string, options: { coercionType: unknown }, callback: Callback<void>): void => {
      const editor = this.editor;
      if (editor === null) return void callback(failed("no body"));
      if (options.coercionType === PREVIEW_COERCION.html) editor.innerHTML = data;
      else editor.textContent = data;
      this.cursor = undefined;
      this.changed();
      setTimeout(() => callback(ok(undefined)), 0);
    },
  };

  addHandlerAsync = (eventType: unknown, handler: () => void, callback?: Callback<void>): void => {
    if (eventType === PREVIEW_RECIPIENTS_CHANGED) this.recipientsChanged = handler;
    callback?.(ok(undefined));
  };

  addFileAttachmentFromBase64Async = (base64: string, name: string, _options: { isInline: boolean }, callback: Callback<string>): void => {
    const id = `preview-attachment-${this.files.length + 1}`;
    this.files.push({ id, name, base64 });
    this.changed();
    setTimeout(() => callback(ok(id)), 0);
  };

  constants(): ComposeConstants {
    return {
      htmlCoercion: PREVIEW_COERCION.html,
      textCoercion: PREVIEW_COERCION.text,
      recipientsChanged: PREVIEW_RECIPIENTS_CHANGED,
      supports: (version) => Number(version) <= this.mailboxVersion,
    };
  }
}

/** The start of the body: where Outlook inserts when the cursor was never put in it. */
function startOf(editor: HTMLElement): Range {
  const range = document.createRange();
  range.setStart(editor, 0);
  range.collapse(true);
  return range;
}
