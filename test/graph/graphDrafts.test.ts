import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { draftAll } from "../../src/graph/graphDrafts";
import { REMINDER_KEY_PROPERTY } from "../../src/graph/reminderKeyProperty";
import { normalizedPropertyId } from "../../src/standin/standinMailStore";
import { draftingStandin, reminderMessage, reminderRequests, type DraftingStandin } from "./standinDrafting";

let s: DraftingStandin;
beforeAll(async () => {
  s = await draftingStandin({ mail: { latencyMs: 1 }, limits: { fractionalRetryAfter: true, concurrencyRetryAfterMs: 50 } });
});
afterAll(() => s.standin.close());
beforeEach(() => {
  s.mail.store.clear();
  s.mail.limits.reset();
  s.mail.faults.reset();
  s.mail.batches.reset();
});

function draftsPerKey(): Map<string, number> {
  return s.mail.store.countsByProperty("RelancesKey");
}

describe("drafting reminders in a shared mailbox through Graph", () => {
  it("drafts each reminder once, tagged with its key, and a second call finds them all instead", async () => {
    const requests = reminderRequests(45);
    const first = await draftAll(requests, s.target());
    expect(first.every((r) => r.created)).toBe(true);
    expect([...draftsPerKey().values()]).toEqual(Array(45).fill(1));
    const stored = s.mail.store.all();
    expect(first.map((r) => r.id).sort()).toEqual(stored.map((m) => m.immutableId).sort());
    expect(stored[0]!.extended.get(normalizedPropertyId(REMINDER_KEY_PROPERTY))?.value).toMatch(/^<relances\./);

    const second = await draftAll(requests, s.target());
    expect(second.every((r) => !r.created)).toBe(true);
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(s.mail.store.all()).toHaveLength(45);
  });

  it("keeps to 20 requests per batch and 4 in flight on the mailbox: the stand-in never had to refuse one", async () => {
    const target = s.target();
    await draftAll(reminderRequests(90), target);
    expect(s.mail.batches.largestBatch).toBe(20);
    expect(s.mail.batches.mostInFlight).toBeLessThanOrEqual(4);
    expect(s.mail.limits.mostAtOnce).toBeLessThanOrEqual(4);
    expect(s.mail.limits.mostAtOnce).toBeGreaterThan(1);
    expect(s.mail.limits.concurrencyRefusals).toBe(0);
    expect(target.batcher.stats.largestBatch).toBe(20);
  });

  it("sends a draft the message's content: HTML body, recipients, the statement, and no `from` when it is the mailbox's own", async () => {
    const message = { ...reminderMessage(1), from: { address: "relances@cabinet-exemple.fr" }, replyTo: [{ name: "Compta", address: "compta@cabinet-exemple.fr" }] };
    const [result] = await draftAll([{ key: message.messageId, message }], s.target());
    const stored = s.mail.store.all()[0]!;
    expect(stored.immutableId).toBe(result!.id);
    expect(result!.id).toMatch(/^AAkALg/);
    expect(stored.fields.body).toEqual({ contentType: "HTML", content: message.html });
    expect(stored.fields.toRecipients).toEqual([{ emailAddress: { name: "Client 1", address: "client1@exemple.fr" } }]);
    expect(stored.fields.replyTo).toEqual([{ emailAddress: { name: "Compta", address: "compta@cabinet-exemple.fr" } }]);
    expect(stored.fields.from).toBeUndefined();
    expect(stored.attachments.map((a) => [a.name, a.bytes.length])).toEqual([["Releve-client-1.pdf", 2000]]);
  });

  it("attaches a statement of 3 MB or more by upload session, in ranges, without the Graph token", async () => {
    const [request] = reminderRequests(1, 4_500_000);
    const [result] = await draftAll([request!], s.target());
    const stored = s.mail.store.all()[0]!;
    expect(stored.immutableId).toBe(result!.id);
    expect(stored.attachments).toHaveLength(1);
    expect(Buffer.from(stored.attachments[0]!.bytes).equals(Buffer.from(request!.message.attachments[0]!.data))).toBe(true);
  });

  it("a connection dropped after the draft was created does not make a second one: the retry looks the key up first", async () => {
    s.mail.faults.configure({ applies: (r) => r.method === "POST" && r.path.endsWith("/messages") });
    s.mail.faults.script("drop");
    const [result] = await draftAll(reminderRequests(1), s.target({ backoffMs: 10 }));
    expect(s.mail.faults.count("drop")).toBe(1);
    expect([...draftsPerKey().values()]).toEqual([1]);
    expect(result!.created).toBe(true);
    expect(result!.id).toBe(s.mail.store.all()[0]!.immutableId);
  });

  it("with 20% of requests meeting 429, 503, timeouts and dropped answers, still drafts each reminder exactly once", async () => {
    s.mail.faults.configure({ rate: 0.2, seed: 12, retryAfterMs: 20, holdMs: 400, fractionalRetryAfter: true });
    const requests = reminderRequests(60);
    const results = await draftAll(requests, s.target({ timeoutMs: 150, backoffMs: 10 }));
    for (const kind of ["throttle", "unavailable", "timeout", "drop"] as const) expect(s.mail.faults.count(kind)).toBeGreaterThan(0);
    expect(draftsPerKey().size).toBe(60);
    expect([...draftsPerKey().values()].every((n) => n === 1)).toBe(true);
    const ids = new Map(s.mail.store.all().map((m) => [m.immutableId, m]));
    expect(results.every((r) => ids.has(r.id))).toBe(true);
  });

  it("honours a Retry-After given inside a batch: only the failed requests are sent again, after it", async () => {
    s.mail.faults.configure({ applies: (r) => r.method === "POST" && r.path.endsWith("/messages"), retryAfterMs: 300, fractionalRetryAfter: true });
    s.mail.faults.script("none", "throttle");
    await draftAll(reminderRequests(5), s.target());
    const creates = s.mail.faults.seen;
    const throttled = creates.find((c) => c.fault === "throttle")!;
    expect(throttled.inBatch).toBe(true);
    // The first create went through and is not sent again; the throttled one and those chained after it wait.
    expect(creates.filter((c) => c.key === creates[0]!.key)).toHaveLength(1);
    const retried = creates.filter((c) => c.at > throttled.at);
    expect(retried).toHaveLength(4);
    for (const c of retried) expect(c.at - throttled.at).toBeGreaterThanOrEqual(300);
    expect([...draftsPerKey().values()]).toEqual(Array(5).fill(1));
  });

  it("waits out the 10-minute window (scaled here) when a mailbox's requests run out, then goes on", async () => {
    s.mail.limits.configure({ requestsPerWindow: 30, windowMs: 400 });
    const started = Date.now();
    await draftAll(reminderRequests(40), s.target());
    s.mail.limits.configure({ requestsPerWindow: 10_000, windowMs: 600_000 });
    expect(s.mail.limits.windowRefusals).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 400);
    expect([...draftsPerKey().values()]).toEqual(Array(40).fill(1));
  });

  it("names the reminder in French and English when Graph keeps refusing its draft", async () => {
    const message = reminderMessage(2);
    s.mail.faults.configure({ applies: (r) => r.method === "POST" && r.path.endsWith("/messages"), retryAfterMs: 10, fractionalRetryAfter: true });
    s.mail.faults.script("throttle", "throttle", "throttle");
    await expect(draftAll([{ key: message.messageId, message, label: "emails/2026-06-30-reminder1-client-2.eml" }], s.target({ maxThrottled: 3, backoffMs: 1 }))).rejects.toThrow(
      /Brouillon Outlook de la relance «emails\/2026-06-30-reminder1-client-2\.eml» non créé : 3 essais.*429.* \/ Outlook draft of reminder/,
    );
  });
});
