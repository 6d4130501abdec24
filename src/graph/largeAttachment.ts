// An attachment of 3 MB or more, added to a draft by upload session (Graph's createUploadSession,
// then the byte ranges PUT in order to the session's URL). That URL is pre-authenticated and on
// Outlook's host, not Graph's: the PUTs go without the Graph token, by plain fetch.
import type { EmailAttachment } from "../documents/emailMessage";
import { graphErrorText } from "./graphDraftError";
import type { GraphBatcher } from "./graphBatcher";

/** Each PUT's range (under Graph's advised 4 MB). */
const CHUNK_BYTES = 2 * 1024 * 1024;

/** The attachments a draft already has, by name. */
export async function attachmentNames(batcher: GraphBatcher, messageUrl: string): Promise<Set<string>> {
  const answer = await batcher.send({ method: "GET", url: `${messageUrl}/attachments?$select=name`, idempotent: true });
  if (answer.status !== 200) throw new Error(graphErrorText(answer.status, answer.body));
  return new Set(((answer.body as { value?: { name?: string }[] }).value ?? []).map((a) => String(a.name)));
}

/**
 * Uploads one attachment to a draft.
 * @param messageUrl - "/users/x/messages/ID"
 * @throws Error with Graph's or Outlook's answer when a step is refused or the connection fails
 */
export async function uploadAttachment(batcher: GraphBatcher, messageUrl: string, attachment: EmailAttachment): Promise<void> {
  const total = attachment.data.length;
  const session = await batcher.send({
    method: "POST",
    url: `${messageUrl}/attachments/createUploadSession`,
    body: { AttachmentItem: { attachmentType: "file", name: attachment.fileName, size: total, contentType: attachment.contentType } },
    // A session made twice is harmless: the unused one expires.
    idempotent: true,
  });
  if (session.status !== 201 && session.status !== 200) throw new Error(graphErrorText(session.status, session.body));
  const uploadUrl = (session.body as { uploadUrl?: string }).uploadUrl;
  if (typeof uploadUrl !== "string") throw new Error("createUploadSession: uploadUrl absent / missing");
  for (let start = 0; start < total; ) {
    const end = Math.min(start + CHUNK_BYTES, total) - 1;
    const chunk = attachment.data.subarray(start, end + 1);
    const response = await batcher.exclusive(() =>
      fetch(uploadUrl, {
        method: "PUT",
        headers: { "Content-Type": "application/octet-stream", "Content-Range": `bytes ${start}-${end}/${total}` },
        body: new Blob([chunk as Uint8Array<ArrayBuffer>]),
        signal: AbortSignal.timeout(batcher.requestTimeoutMs),
      }),
    );
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 201) return;
    if (response.status !== 200) throw new Error(graphErrorText(response.status, body));
    const next = Number(String((body as { nextExpectedRanges?: string[] }).nextExpectedRanges?.[0] ?? "").split("-")[0]);
    start = Number.isFinite(next) && next > start ? next : end + 1;
  }
  throw new Error("upload: tous les octets envoyés sans 201 / every byte sent without a 201");
}
