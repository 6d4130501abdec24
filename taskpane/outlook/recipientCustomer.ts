// Compose mode's customer: the one the message's recipients are, found as the read pane finds a
// sender's (senderAccount.ts), over all the To addresses: those found by address first, else by domain.
import type { Plan } from "../../src/core/plan";
import type { Recipient } from "./composeItem";
import { findSender, type CustomerCandidate, type SenderMatch } from "./senderAccount";

/**
 * The customers the recipients may be (several for the user to choose from).
 * @example findRecipients(plan, [{ address: "gestion@sci-lestilleuls.example", name: "" }]) // { by: "address", candidates: [SCI Les Tilleuls] }
 */
export function findRecipients(plan: Plan, recipients: readonly Recipient[]): SenderMatch {
  const matches = recipients.map((r) => findSender(plan, r.address));
  const by = matches.some((m) => m.by === "address") ? "address" : matches.some((m) => m.by === "domain") ? "domain" : "none";
  const candidates = new Map<string, CustomerCandidate>();
  for (const m of matches) if (m.by === by) for (const c of m.candidates) candidates.set(c.key, c);
  return { by, candidates: [...candidates.values()] };
}
