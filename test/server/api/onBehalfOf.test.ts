// The API's Graph token, on-behalf-of the signed-in user, by msal-node against the stand-in's
// token endpoint: the same user on Graph, kept in msal's cache, one exchange for concurrent
// requests; and each failure Entra ID documents answered with a code the task pane can act on.
import express from "express";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandinPart } from "../../../src/standin/standinServer";
import type { StandinUser } from "../../../src/standin/standinTenant";
import { startApiHarness, type ApiHarness } from "./apiHarness";
import { GRAPH_ME_PART, PROBE_ROUTES } from "./probeRoutes";

const NEEDS_CONSENT: StandinUser = { id: "c0c0c0c0-0000-4000-8000-000000000001", userPrincipalName: "nouvelle@cabinet-exemple.fr", displayName: "Nouvelle Recrue" };
const NEEDS_MFA: StandinUser = { id: "c0c0c0c0-0000-4000-8000-000000000002", userPrincipalName: "voyage@cabinet-exemple.fr", displayName: "En Voyage" };

/** Token requests the stand-in's authority received, by grant type. */
const tokenRequests: string[] = [];

/** Entra's answers to an on-behalf-of request it cannot serve, as documented (AADSTS65001, 50076). */
const ENTRA_REFUSALS: StandinPart = (standin) =>
  standin.app.post("/:tenant/oauth2/v2.0/token", express.urlencoded({ extended: false }), (req, res, next) => {
    const form = req.body as Record<string, string>;
    tokenRequests.push(form.grant_type ?? "");
    const oid = form.assertion === undefined ? undefined : decodeJwt(form.assertion).oid;
    const refusal = (description: string, code: number, suberror: string) =>
      res.status(400).json({
        error: "invalid_grant",
        error_description: description,
        error_codes: [code],
        suberror,
        timestamp: new Date().toISOString(),
        trace_id: crypto.randomUUID(),
        correlation_id: crypto.randomUUID(),
      });
    if (oid === NEEDS_CONSENT.id) {
      return void refusal(
        "AADSTS65001: The user or administrator has not consented to use the application with ID '" + standin.tenant.clientId + "' named 'Relances'. Send an interactive authorization request for this user and resource.",
        65001,
        "consent_required",
      );
    }
    if (oid === NEEDS_MFA.id) {
      return void refusal("AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access 'Microsoft Graph'.", 50076, "basic_action");
    }
    next();
  });

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness({ routes: PROBE_ROUTES, standinParts: [ENTRA_REFUSALS, GRAPH_ME_PART] });
});
afterAll(() => h.close());

type ErrorBody = { error: { code: string; message: string } };

describe("the Graph token on-behalf-of the signed-in user", () => {
  it("reaches Graph as that user, with the app's delegated permissions", async () => {
    const answer = await h.call("/api/probe/graph-me", await h.standin.authority.mintApiToken());
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ id: h.standin.tenant.users[0]!.id, scopes: ["Mail.ReadWrite", "Files.ReadWrite"] });
  });

  it("is exchanged once per API token: msal's cache serves the next requests, concurrent ones share one exchange", async () => {
    const token = await h.standin.authority.mintApiToken({ user: h.standin.tenant.users[1] });
    const before = tokenRequests.length;
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.call("/api/probe/graph-me", token)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await h.call("/api/probe/graph-me", token)).status).toBe(200);
    expect(tokenRequests.slice(before)).toEqual(["urn:ietf:params:oauth:grant-type:jwt-bearer"]);
  });

  it("asks for consent when the user has not given it (AADSTS65001): 401 consent_required", async () => {
    const answer = await h.call("/api/probe/graph-me", await h.standin.authority.mintApiToken({ user: NEEDS_CONSENT }));
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as ErrorBody).error.code).toBe("consent_required");
  });

  it("asks for an interactive sign-in when Entra wants multi-factor (AADSTS50076): 401 interaction_required", async () => {
    const answer = await h.call("/api/probe/graph-me", await h.standin.authority.mintApiToken({ user: NEEDS_MFA }));
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as ErrorBody).error.code).toBe("interaction_required");
  });
});

describe("the server's own faults", () => {
  it("a client secret Entra refuses is a 503 microsoft365_misconfigured, the secret in no answer and no log line", async () => {
    const wrong = await startApiHarness({ routes: PROBE_ROUTES, env: { AZURE_CLIENT_SECRET: "secret-perime-0123456789" }, standinParts: [GRAPH_ME_PART] });
    try {
      const answer = await wrong.call("/api/probe/graph-me", await wrong.standin.authority.mintApiToken());
      const text = await answer.text();
      expect(answer.status).toBe(503);
      expect(((JSON.parse(text)) as ErrorBody).error.code).toBe("microsoft365_misconfigured");
      expect(wrong.lines.some((line) => line.includes("on_behalf_of_failed") && line.includes("invalid_client"))).toBe(true);
      for (const line of [text, ...wrong.lines]) expect(line).not.toContain("secret-perime");
    } finally {
      await wrong.close();
    }
  });

  it("an authority that cannot be reached is a 503 identity_unavailable with Retry-After, not a 401", async () => {
    const away = await startApiHarness({ env: { AUTHORITY_HOST: "https://localhost:9" } });
    try {
      const token = await away.standin.authority.sign({ ...decodeJwt(await away.standin.authority.mintApiToken()), iss: `https://localhost:9/${away.standin.tenant.tenantId}/v2.0` });
      const answer = await away.call("/api/me", token);
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(((await answer.json()) as ErrorBody).error.code).toBe("identity_unavailable");
    } finally {
      await away.close();
    }
  });
});
