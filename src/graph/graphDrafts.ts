// The drafting code that `relances run --mail graph` and the server's POST /api/drafts share: each
// reminder is first looked up by its key (the extended property's $filter, in batches), and
// created only when missing. A creation whose answer never came (a timeout, a dropped connection,
// a 503) is looked up again before any second try: a reminder is drafted once, whatever the faults.
// Large attachments go by upload session once the draft exists; a draft found without them gets
// them then, so that a run stopped in between is completed by the next.
import type { EmailMessage } from "../documents/emailMessage";
import { draftMessageJson, splitAttachments } from "./draftMessage";
import { GraphBatcher, GraphRetriesExhausted, GraphTokenRefused, UncertainOutcome } from "./graphBatcher";
import { GraphDraftError, graphErrorText } from "./graphDraftError";
import { attachmentNames, uploadAttachment } from "./largeAttachment";
import { reminderKeyFilter } from "./reminderKeyProperty";

export interface DraftRequest {
  /** The reminder's key, the same on a re-run (its e-mail's Message-ID). */
  readonly key: string;
  readonly message: EmailMessage;
  /** What names the reminder in an error (its e-mail's name); the key by default. */
  readonly label?: string | undefined;
}

export interface DraftResult {
  readonly key: string;
  /** The draft's immutable id. */
  readonly id: string;
  /** Made by this call (false: found, made by an earlier one). */
  readonly created: boolean;
  readonly webLink?: string | undefined;
}

export interface DraftTarget {
  readonly batcher: GraphBatcher;
  /** "/me", or "/users/{id or address}" for a shared mailbox. */
  readonly mailbox: string;
  /** The mailbox's own address, when known (a draft from it needs no `from`). */
  readonly mailboxAddress?: string | undefined;
  /** Look-ups of one reminder before giving up (each after a creation whose outcome is unknown). */
  readonly maxRounds?: number | undefined;
}

interface FoundDraft {
  readonly id: string;
  readonly webLink?: string | undefined;
  readonly attachments: Set<string>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The shared mailbox's path segment: /users/{id or address}. */
export function userMailbox(idOrAddress: string): string {
  return `/users/${encodeURIComponent(idOrAddress)}`;
}

async function lookUp(target: DraftTarget, key: string): Promise<FoundDraft | undefined> {
  const query = `$filter=${encodeURIComponent(reminderKeyFilter(key))}&$select=id,webLink&$expand=${encodeURIComponent("attachments($select=name)")}&$top=1`;
  const answer = await target.batcher.send({ method: "GET", url: `${target.mailbox}/messages?${query}`, idempotent: true });
  if (answer.status !== 200) throw new Error(graphErrorText(answer.status, answer.body));
  const found = ((answer.body as { value?: { id: string; webLink?: string; attachments?: { name?: string }[] }[] }).value ?? [])[0];
  if (found === undefined) return undefined;
  return { id: found.id, webLink: found.webLink, attachments: new Set((found.attachments ?? []).map((a) => String(a.name))) };
}

/** Uploads the large attachments a draft lacks, each tried again (after a fresh look at the draft) when an upload fails. */
async function completeAttachments(target: DraftTarget, id: string, large: EmailMessage["attachments"], present: Set<string>): Promise<void> {
  const messageUrl = `${target.mailbox}/messages/${encodeURIComponent(id)}`;
  for (const attachment of large) {
    let names = present;
    for (let attempt = 1; !names.has(attachment.fileName); attempt++) {
      try {
        await uploadAttachment(target.batcher, messageUrl, attachment);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        // The last PUT may have completed before its answer was lost.
        names = await attachmentNames(target.batcher, messageUrl);
      }
    }
  }
}

async function draftOne(request: DraftRequest, target: DraftTarget): Promise<DraftResult> {
  const label = request.label ?? request.key;
  const { inline, large } = splitAttachments(request.message.attachments);
  const maxRounds = target.maxRounds ?? 8;
  let triedToCreate = false;
  let lastReason = "";
  try {
    for (let round = 0; round < maxRounds; round++) {
      const found = await lookUp(target, request.key);
      if (found !== undefined) {
        await completeAttachments(target, found.id, large, found.attachments);
        // Found after a creation whose answer was lost: that creation was this call's.
        return { key: request.key, id: found.id, created: triedToCreate, webLink: found.webLink };
      }
      triedToCreate = true;
      try {
        const body = draftMessageJson(request.message, request.key, target.mailboxAddress, inline);
        const answer = await target.batcher.send({ method: "POST", url: `${target.mailbox}/messages`, body, idempotent: false });
        if (answer.status !== 201 && answer.status !== 200) throw new GraphDraftError(label, `refusé par Microsoft Graph (${graphErrorText(answer.status, answer.body)})`, `refused by Microsoft Graph (${graphErrorText(answer.status, answer.body)})`);
        const draft = answer.body as { id: string; webLink?: string };
        await completeAttachments(target, draft.id, large, new Set(inline.map((a) => a.fileName)));
        return { key: request.key, id: draft.id, created: true, webLink: draft.webLink };
      } catch (error) {
        if (!(error instanceof UncertainOutcome)) throw error;
        lastReason = error.reason;
        await sleep(error.retryAfterMs);
      }
    }
  } catch (error) {
    if (error instanceof GraphDraftError || error instanceof GraphTokenRefused) throw error;
    const reason = error instanceof GraphRetriesExhausted ? error.message : (error as Error).message;
    throw new GraphDraftError(label, reason, reason, { cause: error });
  }
  throw new GraphDraftError(label, `${maxRounds} essais sans réponse sûre (${lastReason})`, `${maxRounds} attempts without a sure answer (${lastReason})`);
}

/**
 * Drafts reminders in a mailbox, each once: every key is looked up, the missing ones created, in
 * batches shared by all of them.
 * @returns one promise per request, in their order, each with the draft's immutable id
 * @example const [first] = draftReminders([{ key: email.message.messageId, message: email.message }], { batcher, mailbox: "/me" });
 */
export function draftReminders(requests: readonly DraftRequest[], target: DraftTarget): Promise<DraftResult>[] {
  return requests.map((request) => draftOne(request, target));
}

/**
 * The same, all at once: the results in order once every draft settled.
 * @throws GraphDraftError of the first that failed (the others were made, and are found next time)
 */
export async function draftAll(requests: readonly DraftRequest[], target: DraftTarget): Promise<DraftResult[]> {
  const settled = await Promise.allSettled(draftReminders(requests, target));
  const failed = settled.find((s) => s.status === "rejected");
  if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
  return settled.map((s) => (s as PromiseFulfilledResult<DraftResult>).value);
}
