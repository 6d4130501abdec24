// POST /api/drafts on a small express app of its own (the API's framework mounts the same route):
// the user's token exchanged on-behalf-of by msal-node against the stand-in, the drafts made in the
// user's own mailbox by the drafting code of the command line.
import type { AddressInfo } from "node:net";
import { ConfidentialClientApplication } from "@azure/msal-node";
import express, { type NextFunction, type Request, type Response } from "express";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { emailMessageToWire, type DraftAnswerWire } from "../../../src/engine/emailMessageWire";
import type { ApiDeps } from "../../../src/server/api/apiDeps";
import { ApiError } from "../../../src/server/api/apiError";
import { draftsRoute } from "../../../src/server/api/draftsRoute";
import { STANDIN_USER } from "../../../src/standin/standinTenant";
import { draftingStandin, reminderMessage, type DraftingStandin } from "../../graph/standinDrafting";

let s: DraftingStandin;
let api: string;
let close: () => void;
beforeAll(async () => {
  s = await draftingStandin();
  const { tenant, url } = s.standin;
  const obo = new ConfidentialClientApplication({ auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret, authority: `${url}/${tenant.tenantId}`, knownAuthorities: [new URL(url).host] } });
  const bearer = (req: Request): string => /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
  const deps: ApiDeps = {
    user: (req) => {
      const claims = decodeJwt(bearer(req));
      return { oid: String(claims.oid), tid: String(claims.tid), username: String(claims.preferred_username) };
    },
    graphToken: async (req) => (await obo.acquireTokenOnBehalfOf({ oboAssertion: bearer(req), scopes: ["https://graph.microsoft.com/Mail.ReadWrite"] }))!.accessToken,
    graphBaseUrl: url,
  };
  const app = express();
  app.use("/api", express.json({ limit: "25mb" }), draftsRoute(deps));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof ZodError) return void res.status(400).json({ error: { code: "invalid_request" } });
    if (error instanceof ApiError) return void res.status(error.status).json({ error: { code: error.code, message: error.message } });
    res.status(500).json({ error: { code: "internal_error" } });
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  close = () => server.close();
});
afterAll(async () => {
  close();
  await s.standin.close();
});

async function post(body: unknown): Promise<{ status: number; json: { drafts?: DraftAnswerWire[] } }> {
  const token = await s.standin.authority.mintApiToken();
  const response = await fetch(`${api}/drafts`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as { drafts?: DraftAnswerWire[] } };
}

describe("POST /api/drafts", () => {
  it("drafts the pane's reminders in the signed-in user's own mailbox, once: a second call finds them", async () => {
    const drafts = [1, 2, 3].map((i) => ({ key: reminderMessage(i).messageId, message: emailMessageToWire(reminderMessage(i)) }));
    const first = await post({ drafts });
    expect(first.status).toBe(200);
    expect(first.json.drafts!.map((d) => [d.key, d.created])).toEqual(drafts.map((d) => [d.key, true]));
    const inMailbox = s.mail.store.inMailbox(STANDIN_USER.id);
    expect(inMailbox.map((m) => m.immutableId).sort()).toEqual(first.json.drafts!.map((d) => d.id).sort());
    expect(inMailbox[0]!.attachments).toHaveLength(1);
    expect(first.json.drafts![0]!.webLink).toMatch(/^https:\/\/outlook\.office\.com\//);

    const second = await post({ drafts });
    expect(second.json.drafts!.map((d) => d.created)).toEqual([false, false, false]);
    expect(second.json.drafts!.map((d) => d.id)).toEqual(first.json.drafts!.map((d) => d.id));
    expect(s.mail.store.inMailbox(STANDIN_USER.id)).toHaveLength(3);
  });

  it("refuses a body that is not a list of drafts (400), drafting nothing", async () => {
    const before = s.mail.store.all().length;
    for (const body of [{}, { drafts: [] }, { drafts: [{ key: "k", message: { subject: "x" } }] }]) expect((await post(body)).status).toBe(400);
    expect(s.mail.store.all()).toHaveLength(before);
  });
});
