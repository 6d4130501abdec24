// The API's frame on the real add-in server: /healthz and /api/config without sign-in, the
// Microsoft 365 routes behind it (503 when Microsoft 365 is not configured), errors answered in one
// shape ({error: {code, message}}): zod's naming the field, a bug's saying nothing of it; and the
// add-in server's own /api/files untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "./apiHarness";
import { PROBE_ROUTES } from "./probeRoutes";

let h: ApiHarness;
let bare: ApiHarness;
beforeAll(async () => {
  [h, bare] = await Promise.all([startApiHarness({ routes: PROBE_ROUTES, jsonLimit: "64kb" }), startApiHarness({ routes: PROBE_ROUTES, env: { AZURE_CLIENT_SECRET: "" } })]);
});
afterAll(() => Promise.all([h.close(), bare.close()]));

type ErrorBody = { error: { code: string; message: string } };

describe("without sign-in", () => {
  it("GET /healthz answers ok, configured or not", async () => {
    for (const harness of [h, bare]) {
      const answer = await harness.call("/healthz");
      expect(answer.status).toBe(200);
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(await answer.json()).toEqual({ status: "ok" });
    }
  });

  it("GET /api/config gives msal-browser's public values, and never the client secret", async () => {
    const answer = await h.call("/api/config");
    const text = await answer.text();
    const { tenantId, clientId, clientSecret } = h.standin.tenant;
    expect(JSON.parse(text)).toEqual({
      microsoft365: true,
      clientId,
      tenantId,
      authority: `${h.standin.url}/${tenantId}`,
      apiScope: `api://localhost:3000/${clientId}/access_as_user`,
    });
    expect(text).not.toContain(clientSecret);
  });

  it("GET /api/config says when Microsoft 365 is not configured, and nothing else", async () => {
    expect(await (await bare.call("/api/config")).json()).toEqual({ microsoft365: false });
  });
});

describe("Microsoft 365 not configured", () => {
  it("answers 503 on every Microsoft 365 route, in French then English, even with a good token", async () => {
    const token = await bare.standin.authority.mintApiToken();
    for (const pathname of ["/api/me", "/api/probe/graph-me", "/api/probe/anything"]) {
      const answer = await bare.call(pathname, token);
      expect(answer.status).toBe(503);
      const body = (await answer.json()) as ErrorBody;
      expect(body.error.code).toBe("microsoft365_not_configured");
      expect(body.error.message).toMatch(/^Microsoft 365 n'est pas configuré .* \/ Microsoft 365 is not configured/);
    }
  });
});

describe("errors in one place", () => {
  it("a body zod refuses is a 400 naming the field", async () => {
    const token = await h.standin.authority.mintApiToken();
    const post = (body: unknown) => h.call("/api/probe/echo", token, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const good = await post({ customer: "SCI Les Tilleuls", amount: 210000, lines: [{ invoice: "F2021-014" }] });
    expect(good.status).toBe(200);
    const bad = await post({ customer: "SCI Les Tilleuls", amount: 210000, lines: [{ invoice: 14 }] });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/^Champ « lines\.0\.invoice » invalide : .* \/ Invalid field "lines\.0\.invoice": /);
    const query = await h.call("/api/probe/echo?top=1000", token);
    expect(query.status).toBe(400);
    expect(((await query.json()) as ErrorBody).error.message).toContain("« top »");
  });

  it("a body that is not JSON is a 400, a body too large a 413, both in the API's shape", async () => {
    const token = await h.standin.authority.mintApiToken();
    const broken = await h.call("/api/probe/echo", token, { method: "POST", headers: { "content-type": "application/json" }, body: '{"customer": ' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ErrorBody).error.code).toBe("invalid_json");
    const huge = await h.call("/api/probe/echo", token, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ customer: "x".repeat(65 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as ErrorBody).error.code).toBe("payload_too_large");
  });

  it("a bug is a 500 that tells nothing of the internals; the log keeps what it was", async () => {
    const answer = await h.call("/api/probe/bug", await h.standin.authority.mintApiToken());
    expect(answer.status).toBe(500);
    const text = await answer.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: "Erreur interne du serveur / Internal server error" } });
    expect(text).not.toContain("motdepasse");
    expect(h.lines.some((line) => line.startsWith("error api_failed") && line.includes("src/db.ts:42"))).toBe(true);
  });

  it("a path the API owns but no route answers is a JSON 404, after the sign-in check", async () => {
    expect((await h.call("/api/probe/nowhere")).status).toBe(401);
    const answer = await h.call("/api/probe/nowhere", await h.standin.authority.mintApiToken());
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as ErrorBody).error.code).toBe("not_found");
  });
});

describe("the add-in server around the API", () => {
  it("keeps /api/files as it was: no sign-in asked, files written", async () => {
    const body = JSON.stringify({ files: [{ path: "courriers/relance-1.docx", type: "application/octet-stream", base64: Buffer.from("PK").toString("base64") }] });
    const answer = await h.call("/api/files", undefined, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(answer.status).toBe(201);
    const missing = await h.call("/api/elsewhere");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("Introuvable / Not found\n");
  });
});
