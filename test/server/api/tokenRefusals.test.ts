// Every kind of bad token a task pane could send, or an attacker forge, is refused by GET /api/me
// with the same 401 that says nothing of which check failed; a good token passes. Tokens are made
// by the stand-in's authority (its key, its kid) or forged beside it.
import { createHmac, createPublicKey, type JsonWebKey } from "node:crypto";
import { SignJWT, base64url, decodeJwt, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "./apiHarness";

let h: ApiHarness;
/** How many times the stand-in's key set was fetched. */
let keyFetches = 0;
beforeAll(async () => {
  h = await startApiHarness({
    standinParts: [
      (standin) =>
        standin.app.use((req, _res, next) => {
          if (req.path.endsWith("/discovery/v2.0/keys")) keyFetches++;
          next();
        }),
    ],
  });
});
afterAll(() => h.close());

const now = () => Math.floor(Date.now() / 1000);
const OTHER_TENANT = "11111111-2222-4333-8444-555555555555";

/** The claims of a good token with `changes` applied, signed by the stand-in. */
async function tokenWith(changes: Record<string, unknown>): Promise<string> {
  const good = decodeJwt(await h.standin.authority.mintApiToken());
  return h.standin.authority.sign({ ...good, ...changes });
}

/** 401 invalid_token, the same for every case; the server's log alone says which check failed. */
async function expectRefused(token: string, reason: string): Promise<void> {
  const logged = h.lines.length;
  const answer = await h.call("/api/me", token);
  const text = await answer.text();
  expect(answer.status).toBe(401);
  expect(answer.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
  expect(JSON.parse(text)).toEqual({ error: { code: "invalid_token", message: "Connexion refusée : reconnectez-vous / Sign-in refused: sign in again" } });
  // Nothing of the token, the user or the checks comes back.
  expect(text).not.toContain("Claire");
  expect(text).not.toMatch(/aud|iss|exp|kid|alg|scope|tenant/i);
  expect(h.lines.slice(logged).filter((line) => line.includes("token_refused"))).toEqual([`warn token_refused reason=${reason} path=/api/me`]);
}

describe("the API's sign-in check", () => {
  it("accepts a good token: GET /api/me answers the user's name and sign-in address", async () => {
    const answer = await h.call("/api/me", await h.standin.authority.mintApiToken());
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ name: "Claire Martin", username: "claire.martin@cabinet-exemple.fr" });
  });

  it("accepts the Application ID URI as audience (v1-style aud of Office SSO)", async () => {
    const answer = await h.call("/api/me", await tokenWith({ aud: `api://localhost:3000/${h.standin.tenant.clientId}` }));
    expect(answer.status).toBe(200);
  });

  it("answers 401 not_signed_in without a token, or with another scheme", async () => {
    const cases: Record<string, string>[] = [{}, { authorization: "Basic dXNlcjpwYXNz" }, { authorization: "Bearer" }];
    for (const headers of cases) {
      const answer = await h.call("/api/me", undefined, { headers });
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toBe("Bearer");
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("not_signed_in");
    }
  });

  it("refuses a token for another audience", async () => {
    await expectRefused(await tokenWith({ aud: "https://graph.microsoft.com" }), "aud");
    await expectRefused(await tokenWith({ aud: "api://localhost:3000/another-app" }), "aud");
  });

  it("refuses a token from another issuer, even with the right tenant", async () => {
    await expectRefused(await tokenWith({ iss: `https://login.microsoftonline.com/${h.standin.tenant.tenantId}/v2.0` }), "iss");
    await expectRefused(await tokenWith({ iss: `${h.standin.url}/${h.standin.tenant.tenantId}/` }), "iss");
  });

  it("refuses a tenant off the allow-list, issuer consistent with it", async () => {
    await expectRefused(await tokenWith({ tid: OTHER_TENANT, iss: `${h.standin.url}/${OTHER_TENANT}/v2.0` }), "tenant");
    await expectRefused(await tokenWith({ tid: undefined }), "tenant");
  });

  it("refuses a token without the access_as_user scope, or an app-only token", async () => {
    await expectRefused(await h.standin.authority.mintApiToken({ scp: "User.Read" }), "scope");
    await expectRefused(await h.standin.authority.mintApiToken({ scp: "access_as_user_not" }), "scope");
    await expectRefused(await tokenWith({ scp: undefined, roles: ["access_as_user"] }), "scope");
  });

  it("refuses an expired token, beyond the minute of clock tolerance", async () => {
    await expectRefused(await tokenWith({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 120 }), "expired");
    const justExpired = await h.call("/api/me", await tokenWith({ exp: now() - 20 }));
    expect(justExpired.status).toBe(200);
  });

  it("refuses a token not yet valid, and one with no expiry", async () => {
    await expectRefused(await tokenWith({ nbf: now() + 600, iat: now() + 600 }), "not_yet_valid");
    await expectRefused(await tokenWith({ exp: undefined }), "exp");
  });

  it("refuses a bad signature: another key under the stand-in's kid, or the payload changed after signing", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const claims = decodeJwt(await h.standin.authority.mintApiToken());
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: h.standin.authority.kid }).sign(privateKey);
    await expectRefused(forged, "signature");
    const [header, , signature] = (await h.standin.authority.mintApiToken()).split(".");
    const otherUser = base64url.encode(JSON.stringify({ ...claims, oid: "00000000-0000-4000-8000-000000000000" }));
    await expectRefused(`${header}.${otherUser}.${signature}`, "signature");
  });

  it("refuses alg none, with or without a signature", async () => {
    const claims = decodeJwt(await h.standin.authority.mintApiToken());
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT", kid: h.standin.authority.kid }));
    const payload = base64url.encode(JSON.stringify(claims));
    await expectRefused(`${header}.${payload}.`, "algorithm");
    await expectRefused(`${header}.${payload}.c2lnbmF0dXJl`, "algorithm");
  });

  it("refuses an unknown key id, without fetching the keys again at every such request", async () => {
    expect((await h.call("/api/me", await h.standin.authority.mintApiToken())).status).toBe(200);
    const before = keyFetches;
    const claims = decodeJwt(await h.standin.authority.mintApiToken());
    await expectRefused(await h.standin.authority.sign(claims, { kid: "rotated-away" }), "unknown_key");
    await expectRefused(await h.standin.authority.sign(claims, { kid: "rotated-away-too" }), "unknown_key");
    expect(keyFetches - before).toBeLessThanOrEqual(1);
  });

  it("refuses an HS256 token whose secret is the tenant's public key (key confusion)", async () => {
    const claims = decodeJwt(await h.standin.authority.mintApiToken());
    const jwk = h.standin.authority.jwks.keys[0]!;
    const pem = createPublicKey({ key: jwk as JsonWebKey, format: "jwk" }).export({ type: "spki", format: "pem" }).toString();
    for (const secret of [pem, JSON.stringify(jwk)]) {
      const header = base64url.encode(JSON.stringify({ alg: "HS256", typ: "JWT", kid: h.standin.authority.kid }));
      const payload = base64url.encode(JSON.stringify(claims));
      const mac = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
      await expectRefused(`${header}.${payload}.${mac}`, "algorithm");
    }
  });

  it("refuses what is not a token at all", async () => {
    await expectRefused("abc.def.ghi", "malformed");
    await expectRefused("not-a-jwt", "malformed");
  });
});
