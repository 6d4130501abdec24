// A reminder e-mail as JSON, for the trip from a task pane (which renders it with the engine) to the
// server's draft endpoint (which drafts it through Graph): the message as it is, its attachments'
// bytes in base64. The server checks what arrives (zod) before it trusts any of it.
import type { EmailMessage } from "../documents/emailMessage";
import { base64Of, bytesOfBase64 } from "./base64";

export interface EmailMessageWire extends Omit<EmailMessage, "attachments"> {
  readonly attachments: readonly { readonly fileName: string; readonly contentType: string; readonly base64: string }[];
}

/** One draft asked of POST /api/drafts: the reminder's key (the same on a retry) and its message. */
export interface DraftRequestWire {
  readonly key: string;
  readonly message: EmailMessageWire;
}

/** POST /api/drafts's answer, one per request, in their order. */
export interface DraftAnswerWire {
  readonly key: string;
  /** The draft's immutable id: the journal's Référence. */
  readonly id: string;
  /** Whether this call made it (false: an earlier call had, and it was found by its key). */
  readonly created: boolean;
  /** Outlook on the web's link to the draft, when Graph gives one. */
  readonly webLink?: string | undefined;
}

export function emailMessageToWire(message: EmailMessage): EmailMessageWire {
  return { ...message, attachments: message.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, base64: base64Of(a.data) })) };
}

export function emailMessageFromWire(wire: EmailMessageWire): EmailMessage {
  return { ...wire, attachments: wire.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, data: bytesOfBase64(a.base64) })) };
}
