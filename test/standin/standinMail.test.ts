// The stand-in's mail side as Graph documents it, met with plain HTTPS requests and a real
// client-credentials token: $batch's limit and dependsOn, the mailbox's concurrency limit with
// Retry-After, the upload URL that takes no token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appToken } from "../../src/graph/appToken";
import { standinMailSide, type StandinMailSide } from "../../src/standin/standinMailParts";
import { startStandin, type Standin } from "../../src/standin/standinServer";
import { STANDIN_SHARED_MAILBOX } from "../../src/standin/standinTenant";

let standin: Standin;
let mail: StandinMailSide;
let token: string;
const box = `/users/${STANDIN_SHARED_MAILBOX.userPrincipalName}`;
beforeAll(async () => {
  mail = standinMailSide({ mail: { latencyMs: 60 }, limits: { fractionalRetryAfter: true, concurrencyRetryAfterMs: 250 } });
  standin = await startStandin({ parts: mail.parts, env: process.env });
  token = await appToken({ tenantId: standin.tenant.tenantId, clientId: standin.tenant.clientId, clientSecret: standin.tenant.clientSecret, authorityHost: standin.url })();
});
afterAll(() => standin.close());
beforeEach(() => {
  mail.store.clear();
  mail.limits.reset();
});

async function graph(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(`${standin.url}/v1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: await response.json().catch(() => undefined) };
}

const draft = (key: string): unknown => ({ subject: key, singleValueExtendedProperties: [{ id: "String {6f0c3b52-9d4e-4a7f-b1c8-2e5d7a9f4c31} Name RelancesKey", value: key }] });

describe("the stand-in's mail side", () => {
  it("refuses a batch of more than 20 requests with 400, and carries out none of them", async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: "POST", url: `${box}/messages`, headers: { "Content-Type": "application/json" }, body: draft(`k${i}`) }));
    expect((await graph("POST", "/$batch", { requests })).status).toBe(400);
    expect((await graph("POST", "/$batch", { requests: requests.slice(0, 20) })).status).toBe(200);
    expect(mail.store.all()).toHaveLength(20);
  });

  it("answers a request that depends on a failed one 424, inside an envelope that answers 200", async () => {
    const answer = await graph("POST", "/$batch", {
      requests: [
        { id: "1", method: "GET", url: `${box}/messages/nowhere` },
        { id: "2", method: "POST", url: `${box}/messages`, headers: { "Content-Type": "application/json" }, body: draft("k"), dependsOn: ["1"] },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.json.responses.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([["1", 404], ["2", 424]]);
    expect(mail.store.all()).toHaveLength(0);
  });

  it("lets 4 requests on a mailbox run at once and answers a fifth 429 with Retry-After", async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => graph("GET", `${box}/messages`)));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.json.error.message).toMatch(/MailboxConcurrency/);
    expect(refused[0]!.headers.get("retry-after")).toBe("0.25");
    expect(mail.limits.concurrencyRefusals).toBe(1);
  });

  it("finds a draft by its extended property, and gives the immutable id when asked for it", async () => {
    const created = await graph("POST", `${box}/messages`, draft("clé-1"), { prefer: 'IdType="ImmutableId"' });
    expect(created.status).toBe(201);
    expect(created.json.id).toMatch(/^AAkALg/);
    expect(created.json.isDraft).toBe(true);
    const filter = encodeURIComponent("singleValueExtendedProperties/Any(ep: ep/id eq 'String {6f0c3b52-9d4e-4a7f-b1c8-2e5d7a9f4c31} Name RelancesKey' and ep/value eq 'clé-1')");
    const found = await graph("GET", `${box}/messages?$filter=${filter}&$select=id`, undefined, { prefer: 'IdType="ImmutableId"' });
    expect(found.json.value.map((m: { id: string }) => m.id)).toEqual([created.json.id]);
    const restId = await graph("GET", `${box}/messages?$filter=${filter}&$select=id`);
    expect(restId.json.value[0].id).toMatch(/^AAMkAD/);
    expect((await graph("GET", `/me/messages`)).status).toBe(400);
  });

  it("takes an attachment's ranges in order at the upload URL, which refuses a bearer token", async () => {
    const created = await graph("POST", `${box}/messages`, draft("k"));
    const session = await graph("POST", `${box}/messages/${created.json.id}/attachments/createUploadSession`, { AttachmentItem: { attachmentType: "file", name: "big.pdf", size: 10 } });
    expect(session.status).toBe(201);
    const put = (range: string, bytes: number[], extra: Record<string, string> = {}): Promise<Response> =>
      fetch(session.json.uploadUrl, { method: "PUT", headers: { "content-type": "application/octet-stream", "content-range": range, ...extra }, body: new Uint8Array(bytes) });
    expect((await put("bytes 0-4/10", [1, 2, 3, 4, 5], { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await put("bytes 5-9/10", [6, 7, 8, 9, 10])).status).toBe(416);
    expect((await put("bytes 0-4/10", [1, 2, 3, 4, 5])).status).toBe(200);
    const last = await put("bytes 5-9/10", [6, 7, 8, 9, 10]);
    expect(last.status).toBe(201);
    expect(last.headers.get("location")).toContain("/attachments/");
    expect([...mail.store.all()[0]!.attachments[0]!.bytes]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
