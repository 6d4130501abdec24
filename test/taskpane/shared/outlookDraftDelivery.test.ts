// The e-mail action with Microsoft 365 configured: the engine's e-mails go to POST /api/drafts (a
// real HTTP server on loopback answering as the route's contract says: one answer per draft, in
// order, a key drafted twice found instead), and the journal's Référence names each draft, not an
// .eml file that was never written.
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/cellValue";
import { JOURNAL_SHEET } from "../../../src/core/journalEntry";
import type { DraftRequestWire } from "../../../src/engine/emailMessageWire";
import type { MemorySheet } from "../../../src/engine/memoryWorkbook";
import { runPaneAction, type PaneActionResult } from "../../../src/engine/paneActions";
import { SAMPLE_AS_OF } from "../../../src/sample/sampleWorkbook";
import { ApiClientError, createApiClient } from "../../../taskpane/shared/apiClient";
import { outlookDraftDelivery } from "../../../taskpane/shared/outlookDraftDelivery";
import { sampleSheets, shippedTemplateFiles, worklist } from "../../engine/paneFixtures";
import { listenOnLoopback, type LoopbackServer } from "../loopbackServer";

const REFERENCE = 5;
const CHANNEL = 4;

let server: LoopbackServer;
let origin: string;
let sheets: MemorySheet[];
let templates: Record<string, Uint8Array | string>;
let emailCustomers: string[];
/** The mailbox behind the route: draft id by key. */
const drafts = new Map<string, string>();
let requests: DraftRequestWire[][] = [];
let inFlight = 0;
let mostInFlight = 0;
let refuse: { status: number; retryAfter?: string } | undefined;

beforeAll(async () => {
  const app = express();
  app.use(express.json({ limit: "20mb" }));
  app.post("/api/drafts", async (req, res) => {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
    if (req.headers.authorization !== "Bearer jeton") return void res.status(401).json({ error: { code: "not_signed_in" } });
    if (refuse !== undefined) {
      if (refuse.retryAfter !== undefined) res.setHeader("Retry-After", refuse.retryAfter);
      return void res.status(refuse.status).json({ error: { code: refuse.status === 429 ? "rate_limited" : "graph_unavailable" } });
    }
    const asked = (req.body as { drafts: DraftRequestWire[] }).drafts;
    requests.push(asked);
    res.json({
      drafts: asked.map((d) => {
        const id = drafts.get(d.key);
        if (id !== undefined) return { key: d.key, id, created: false };
        const made = `AAMkAG-${drafts.size + 1}`;
        drafts.set(d.key, made);
        return { key: d.key, id: made, created: true };
      }),
    });
  });
  server = await listenOnLoopback(app);
  origin = server.origin;
  [sheets, templates] = await Promise.all([sampleSheets(), shippedTemplateFiles()]);
  emailCustomers = (await worklist(sheets)).filter((c) => c.channel === "email").map((c) => c.customer);
}, 60_000);

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  drafts.clear();
  requests = [];
  mostInFlight = 0;
  refuse = undefined;
});

const api = () => createApiClient({ origin, fetch, tokens: { token: async () => "jeton" } });

const emailLines = (result: PaneActionResult): (readonly CellValue[])[] =>
  (result.appends.find((a) => a.sheet === JOURNAL_SHEET)?.rows ?? []).filter((row) => row[CHANNEL] === "email");

describe("the e-mail action drafting in Outlook", () => {
  it("journals each reminder with its draft's id and writes no .eml", async () => {
    expect(emailCustomers.length).toBeGreaterThanOrEqual(2);
    const mail = outlookDraftDelivery(api());
    const result = await runPaneAction({ sheets, asOf: SAMPLE_AS_OF, kind: "emails", selection: { customers: emailCustomers }, templates, mail });
    expect(result.emails).toEqual({});
    expect(Object.keys(result.files).every((path) => path.startsWith("releves/"))).toBe(true);
    const lines = emailLines(result);
    expect(lines.length).toBeGreaterThanOrEqual(emailCustomers.length);
    const ids = new Set(drafts.values());
    expect(ids.size).toBe(emailCustomers.length);
    for (const line of lines) expect(ids.has(String(line[REFERENCE]))).toBe(true);
    const produced = result.summary.produced.filter((p) => p.kind === "email");
    expect(new Set(produced.map((p) => p.path))).toEqual(ids);
    expect(mail.tally()).toEqual({ created: emailCustomers.length, found: 0 });
  });

  it("keys each draft by its message's Message-ID, and a second action finds them instead of drafting again", async () => {
    const first = await runPaneAction({ sheets, asOf: SAMPLE_AS_OF, kind: "emails", selection: { customers: emailCustomers }, templates, mail: outlookDraftDelivery(api()) });
    const again = outlookDraftDelivery(api());
    const second = await runPaneAction({ sheets, asOf: SAMPLE_AS_OF, kind: "emails", selection: { customers: emailCustomers }, templates, mail: again });
    expect(again.tally()).toEqual({ created: 0, found: emailCustomers.length });
    expect(emailLines(second).map((l) => l[REFERENCE])).toEqual(emailLines(first).map((l) => l[REFERENCE]));
    for (const draft of requests.flat()) expect(draft.key).toBe(draft.message.messageId);
    expect(drafts.size).toBe(emailCustomers.length);
  });

  it("gathers the e-mails into few requests, one at a time", async () => {
    const mail = outlookDraftDelivery(api(), { drafts: 2, characters: 3_000_000 });
    await runPaneAction({ sheets, asOf: SAMPLE_AS_OF, kind: "emails", selection: { customers: emailCustomers }, templates, mail });
    expect(requests.map((r) => r.length)).toEqual(Array.from({ length: Math.ceil(emailCustomers.length / 2) }, (_, i) => Math.min(2, emailCustomers.length - 2 * i)));
    expect(mostInFlight).toBe(1);
  });

  it("fails the action with the server's refusal, French first", async () => {
    refuse = { status: 429, retryAfter: "12" };
    const run = runPaneAction({ sheets, asOf: SAMPLE_AS_OF, kind: "emails", selection: { customers: emailCustomers }, templates, mail: outlookDraftDelivery(api()) });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect((error as Error).message).toMatch(/^Trop de demandes à Microsoft 365\. Réessayez dans 12 s\. \//);
  });

  it("writes .eml names into the journal as before when no delivery is given", async () => {
    const result = await runPaneAction({ sheets, asOf: SAMPLE_AS_OF, kind: "emails", selection: { customers: emailCustomers }, templates });
    expect(Object.keys(result.emails).length).toBe(emailCustomers.length);
    for (const line of emailLines(result)) expect(Object.keys(result.emails)).toContain(String(line[REFERENCE]));
    expect(requests).toEqual([]);
  });
});
