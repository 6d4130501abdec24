// POST /api/drafts: a task pane's reminder e-mails (rendered there by the engine) drafted in the
// signed-in user's own Outlook (/me/messages, on-behalf-of), by the same drafting code as
// `relances run --mail graph`: each looked up by its key first, created only when missing. The
// body is checked with zod before any of it is trusted.
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { emailMessageFromWire, type DraftAnswerWire, type DraftRequestWire } from "../../engine/emailMessageWire";
import { GraphBatcher, GraphTokenRefused } from "../../graph/graphBatcher";
import { graphClient } from "../../graph/graphClient";
import { GraphDraftError } from "../../graph/graphDraftError";
import { draftAll } from "../../graph/graphDrafts";
import { InFlightSlots } from "../../graph/inFlightSlots";
import type { ApiRoute } from "./apiDeps";
import { ApiError } from "./apiError";

/** Drafts per call: a pane sends a day's reminders, in a few calls for a large day. */
const MAX_DRAFTS = 200;

const mailbox = z.object({ name: z.string().max(400).optional(), address: z.string().min(3).max(320) });
const attachment = z.object({ fileName: z.string().min(1).max(255), contentType: z.string().min(1).max(255), base64: z.string().max(20_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/) });
const message = z.object({
  from: mailbox,
  replyTo: z.array(mailbox).max(20),
  to: z.array(mailbox).max(50),
  subject: z.string().max(1000),
  html: z.string().max(5_000_000),
  text: z.string().max(5_000_000),
  attachments: z.array(attachment).max(10),
  date: z.string().max(100),
  messageId: z.string().min(3).max(400),
});
const draftsBody = z.object({ drafts: z.array(z.object({ key: z.string().min(1).max(400), message })).min(1).max(MAX_DRAFTS) });

/** Each user's mailbox keeps to Outlook's 4 requests at once, across their concurrent calls. */
const mailboxSlots = new Map<string, InFlightSlots>();

function slotsOf(userId: string): InFlightSlots {
  let slots = mailboxSlots.get(userId);
  if (slots === undefined) mailboxSlots.set(userId, (slots = new InFlightSlots()));
  return slots;
}

export const draftsRoute: ApiRoute = (deps) => {
  const router = Router();
  router.post("/drafts", async (req: Request, res: Response) => {
    const { drafts } = draftsBody.parse(req.body) as { drafts: DraftRequestWire[] };
    const user = deps.user(req);
    // Asked once, before any draft: a refusal (consent, Microsoft 365 unreachable) is the call's answer.
    const token = await deps.graphToken(req);
    const client = graphClient({ baseUrl: deps.graphBaseUrl, accessToken: () => Promise.resolve(token) });
    const target = { batcher: new GraphBatcher(client, { slots: slotsOf(user.oid) }), mailbox: "/me", mailboxAddress: user.username };
    let results;
    try {
      results = await draftAll(
        drafts.map((d) => ({ key: d.key, message: emailMessageFromWire(d.message), label: d.message.to[0]?.name ?? d.message.to[0]?.address ?? d.key })),
        target,
      );
    } catch (error) {
      if (error instanceof GraphDraftError) {
        const [french, english] = [`Brouillon de «${error.reminder}» non créé : ${error.french}`, `draft of «${error.reminder}» not created: ${error.english}`];
        throw new ApiError(502, "draft_failed", french, english, { cause: error });
      }
      if (error instanceof GraphTokenRefused) throw new ApiError(401, "graph_token_refused", "Jeton Microsoft Graph refusé", "Microsoft Graph token refused", { cause: error });
      throw error;
    }
    const answer: { drafts: DraftAnswerWire[] } = { drafts: results.map((r) => ({ key: r.key, id: r.id, created: r.created, webLink: r.webLink })) };
    res.setHeader("Cache-Control", "no-store");
    res.json(answer);
  });
  return router;
};
