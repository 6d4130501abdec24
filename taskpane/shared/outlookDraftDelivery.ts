// The e-mail action's delivery when Microsoft 365 is configured: each reminder becomes a draft in
// the user's Outlook through the server (POST /api/drafts), keyed by its Message-ID, which is the
// same for the same reminder on a re-run: the server finds a draft already made instead of making
// it again. The engine hands over every e-mail before awaiting (flush): they go in few requests,
// one at a time, and the draft's id is the journal's Référence.
import type { ReminderEmail } from "../../src/documents/reminderEmail";
import { emailMessageToWire, type DraftRequestWire } from "../../src/engine/emailMessageWire";
import type { MailDelivery } from "../../src/engine/mailDelivery";
import type { ApiClient } from "./apiClient";

/** Drafts per request: one Graph $batch's worth, and a body of a few MB at most. */
export const DRAFTS_PER_REQUEST = 20;
/** JSON characters per request before a new one starts (attachments travel in base64). */
export const REQUEST_CHARACTERS = 3_000_000;

/** What the drafting did, for the action's summary. */
export interface DraftTally {
  /** Drafts this action made. */
  readonly created: number;
  /** Drafts an earlier action had made, found by their key. */
  readonly found: number;
}

export interface OutlookDraftDelivery extends MailDelivery {
  readonly flush: () => Promise<void>;
  tally(): DraftTally;
}

interface Waiting {
  readonly draft: DraftRequestWire;
  resolve(id: string): void;
  reject(error: unknown): void;
}

/**
 * @param api - the signed-in API client
 * @example
 * const mail = outlookDraftDelivery(api);
 * const result = await runPaneAction({ ...request, mail });
 * mail.tally() // { created: 3, found: 0 }
 */
export function outlookDraftDelivery(api: Pick<ApiClient, "createDrafts">, limits = { drafts: DRAFTS_PER_REQUEST, characters: REQUEST_CHARACTERS }): OutlookDraftDelivery {
  let gathered: Waiting[] = [];
  let characters = 0;
  let created = 0;
  let found = 0;
  // One request at a time: the server drafts within the mailbox's limits, not several panes' worth.
  let queue: Promise<void> = Promise.resolve();

  const send = (): void => {
    const chunk = gathered;
    gathered = [];
    characters = 0;
    if (chunk.length === 0) return;
    queue = queue.then(async () => {
      try {
        const answers = await api.createDrafts(chunk.map((w) => w.draft));
        answers.forEach((answer, i) => {
          if (answer.created) created++;
          else found++;
          chunk[i]!.resolve(answer.id);
        });
      } catch (error) {
        for (const waiting of chunk) waiting.reject(error);
      }
    });
  };

  return {
    deliver(email: ReminderEmail): Promise<string> {
      const draft: DraftRequestWire = { key: email.message.messageId, message: emailMessageToWire(email.message) };
      const size = JSON.stringify(draft).length;
      if (gathered.length > 0 && (gathered.length >= limits.drafts || characters + size > limits.characters)) send();
      return new Promise<string>((resolve, reject) => {
        gathered.push({ draft, resolve, reject });
        characters += size;
      });
    },
    async flush() {
      send();
      await queue;
    },
    tally: () => ({ created, found }),
  };
}
