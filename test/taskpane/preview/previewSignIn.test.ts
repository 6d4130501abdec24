// The preview's sign-in: only against the loopback stand-in, whose token door mints what nested app
// authentication hands a pane (checked here with the stand-in's own keys, over real HTTPS); against
// a real tenant, or without Microsoft 365, the preview has no API and writes .eml files as before.
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../../../src/standin/standinServer";
import { parseApiConfig } from "../../../taskpane/shared/apiConfig";
import { previewApi } from "../../../taskpane/preview/previewSignIn";
import { standinTokenSource } from "../../../taskpane/preview/standinTokenSource";

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin({ env: process.env });
});
afterAll(() => standin.close());

describe("the preview's token from the stand-in", () => {
  it("is a token for the add-in's API, access_as_user, signed by the stand-in's tenant keys", async () => {
    const token = await standinTokenSource(standin.url, fetch).token();
    const keys = createRemoteJWKSet(new URL(`${standin.url}/${standin.tenant.tenantId}/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(token, keys, { audience: standin.tenant.clientId, issuer: `${standin.url}/${standin.tenant.tenantId}/v2.0` });
    expect(payload.scp).toBe("access_as_user");
    expect(payload.tid).toBe(standin.tenant.tenantId);
  });

  it("is kept until asked fresh", async () => {
    const tokens = standinTokenSource(standin.url, fetch);
    const first = await tokens.token();
    expect(await tokens.token()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await tokens.token({ fresh: true })).not.toBe(first);
  });
});

describe("previewApi", () => {
  const configured = (authorityHost: string) => parseApiConfig({ microsoft365: true, clientId: "c", tenantId: "t", apiScope: "api://x/access_as_user", authorityHost });

  it("gives an API client for a server pointed at the loopback stand-in", () => {
    expect(previewApi(configured(standin.url), "https://localhost:3000", fetch)).toBeDefined();
  });

  it("gives none against a real tenant's authority, nor without Microsoft 365", () => {
    expect(previewApi(configured("https://login.microsoftonline.com"), "https://localhost:3000", fetch)).toBeUndefined();
    expect(previewApi(parseApiConfig({ microsoft365: true, clientId: "c", tenantId: "t", apiScope: "s" }), "https://localhost:3000", fetch)).toBeUndefined();
    expect(previewApi(parseApiConfig({ microsoft365: false }), "https://localhost:3000", fetch)).toBeUndefined();
    expect(previewApi(parseApiConfig({ microsoft365: true, clientId: "c" }), "https://localhost:3000", fetch)).toBeUndefined();
  });
});

describe("parseApiConfig", () => {
  it("takes the authority whole, as the server names it, or its host alone", () => {
    const whole = parseApiConfig({ microsoft365: true, clientId: "c", tenantId: "5f1c2a7e-3b8d", apiScope: "s", authority: "https://localhost:4040/5f1c2a7e-3b8d" });
    expect(whole).toMatchObject({ authorityHost: "https://localhost:4040" });
    expect(parseApiConfig({ microsoft365: true, clientId: "c", tenantId: "t", apiScope: "s", authorityHost: "https://localhost:4040/" })).toMatchObject({ authorityHost: "https://localhost:4040" });
    expect(parseApiConfig({ microsoft365: true, clientId: "c", tenantId: "t", apiScope: "s" })).toMatchObject({ authorityHost: "https://login.microsoftonline.com" });
  });
});

describe("the pane and the server agree on GET /api/config", () => {
  it("reads what the server's config route says, for the stand-in and for Entra", async () => {
    const { publicConfig } = await import("../../../src/server/api/configRoute");
    const m365 = { clientId: "0c7e4d92", tenantId: "5f1c2a7e", apiScope: "api://localhost:3000/0c7e4d92/access_as_user" };
    expect(parseApiConfig(JSON.parse(JSON.stringify(publicConfig("https://localhost:4040", m365))))).toEqual({ microsoft365: true, ...m365, authorityHost: "https://localhost:4040" });
    expect(parseApiConfig(JSON.parse(JSON.stringify(publicConfig("https://login.microsoftonline.com", m365))))).toMatchObject({ authorityHost: "https://login.microsoftonline.com" });
    expect(parseApiConfig(JSON.parse(JSON.stringify(publicConfig("https://login.microsoftonline.com", undefined))))).toEqual({ microsoft365: false });
  });
});
