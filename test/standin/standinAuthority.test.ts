import { ConfidentialClientApplication } from "@azure/msal-node";
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../../src/standin/standinServer";

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin({
    env: process.env,
    parts: [(s) => s.graph.route("GET", /^\/me$/, (request) => ({ status: 200, body: { id: request.caller.userId ?? null, roles: request.caller.permissions } }))],
  });
});
afterAll(() => standin.close());

function app(secret = standin.tenant.clientSecret): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: standin.tenant.clientId,
      clientSecret: secret,
      authority: `${standin.url}/${standin.tenant.tenantId}`,
      knownAuthorities: [new URL(standin.url).host],
    },
  });
}

describe("the stand-in's authority, as msal-node and jose meet Entra ID", () => {
  it("gives msal-node an app-only Graph token by client credentials, over HTTPS it trusts", async () => {
    const result = await app().acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] });
    const claims = decodeJwt(result!.accessToken);
    expect(claims.aud).toBe("https://graph.microsoft.com");
    expect(claims.roles).toContain("Mail.ReadWrite");
    expect(claims.scp).toBeUndefined();
  });

  it("refuses a wrong client secret as Entra does (invalid_client)", async () => {
    await expect(app("mauvais").acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] })).rejects.toThrow(/invalid_client/);
  });

  it("exchanges a user's API token on-behalf-of for a delegated Graph token of that same user", async () => {
    const userToken = await standin.authority.mintApiToken();
    const result = await app().acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: ["https://graph.microsoft.com/Mail.ReadWrite"] });
    const graphClaims = decodeJwt(result!.accessToken);
    expect(graphClaims.oid).toBe(decodeJwt(userToken).oid);
    expect(graphClaims.scp).toBe("Mail.ReadWrite");
  });

  it("publishes the keys its API tokens verify against, and the issuer built from the tenant id", async () => {
    const metadata = (await (await fetch(`${standin.url}/${standin.tenant.tenantId}/v2.0/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
    expect(metadata.issuer).toBe(`${standin.url}/${standin.tenant.tenantId}/v2.0`);
    const token = await standin.authority.mintApiToken();
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(metadata.jwks_uri)), { issuer: metadata.issuer, audience: standin.tenant.clientId });
    expect(payload.scp).toBe("access_as_user");
  });

  it("answers Graph only with a Graph token it signed: none, or the API's own token, get 401", async () => {
    const noToken = await fetch(`${standin.url}/v1.0/me`);
    expect(noToken.status).toBe(401);
    const apiToken = await standin.authority.mintApiToken();
    expect((await fetch(`${standin.url}/v1.0/me`, { headers: { authorization: `Bearer ${apiToken}` } })).status).toBe(401);
    const graph = await app().acquireTokenOnBehalfOf({ oboAssertion: apiToken, scopes: ["https://graph.microsoft.com/Mail.ReadWrite"] });
    const me = await fetch(`${standin.url}/v1.0/me`, { headers: { authorization: `Bearer ${graph!.accessToken}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(decodeJwt(apiToken).oid);
    expect((await fetch(`${standin.url}/v1.0/nowhere`, { headers: { authorization: `Bearer ${graph!.accessToken}` } })).status).toBe(404);
  });

  it("answers a page of another origin, as Entra answers a single-page app: preflight and token door", async () => {
    const preflight = await fetch(`${standin.url}/_standin/user-token`, {
      method: "OPTIONS",
      headers: { origin: "https://localhost:3000", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/content-type/i);
    const minted = await fetch(`${standin.url}/_standin/user-token`, { method: "POST", headers: { "content-type": "application/json", origin: "https://localhost:3000" }, body: "{}" });
    expect(minted.headers.get("access-control-allow-origin")).toBe("*");
    expect(decodeJwt(((await minted.json()) as { access_token: string }).access_token).scp).toBe("access_as_user");
  });
});

describe("the stand-in's unreadable bodies", () => {
  it("answers a body that is not JSON with Graph's 400, not a stack", async () => {
    const client = await app().acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] });
    const answer = await fetch(`${standin.url}/v1.0/me`, { method: "POST", headers: { authorization: `Bearer ${client!.accessToken}`, "content-type": "application/json" }, body: "{pas du json" });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("BadRequest");
  });
});
