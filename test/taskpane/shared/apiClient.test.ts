// The pane's API client against a real HTTP server on loopback (express), answering as the add-in
// server's API does: the bearer token sent, a 401 retried once with a fresh token, error answers
// ({ error: { code, message } }) told French first, with Retry-After after a 429 or a 503.
import express, { type Request, type Response } from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiClientError, apiErrorMessage, createApiClient } from "../../../taskpane/shared/apiClient";
import type { TokenSource } from "../../../taskpane/shared/tokenSource";
import { listenOnLoopback, type LoopbackServer } from "../loopbackServer";

let server: LoopbackServer;
let origin: string;
/** What the next answers to POST /api/drafts are, in order; then the drafts themselves. */
let script: ((req: Request, res: Response) => void)[] = [];
const seen: { authorization: string | undefined; body: unknown }[] = [];

beforeAll(async () => {
  const app = express();
  app.use(express.json({ limit: "1mb" }));
  app.post(["/api/drafts", "/api/onedrive/files"], (req, res) => {
    seen.push({ authorization: req.headers.authorization, body: req.body });
    const next = script.shift();
    if (next !== undefined) return void next(req, res);
    if (req.path === "/api/onedrive/files") {
      const { files } = req.body as { files: { path: string }[] };
      return void res.json({ links: files.map((f) => ({ path: f.path, url: `https://contoso.sharepoint.com/${f.path}` })) });
    }
    const { drafts } = req.body as { drafts: { key: string }[] };
    res.json({ drafts: drafts.map((d, i) => ({ key: d.key, id: `AAMk-${i}`, created: true })) });
  });
  server = await listenOnLoopback(app);
  origin = server.origin;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  script = [];
  seen.length = 0;
});

/** Tokens numbered by each ask; "fresh" noted. */
function tokens(): TokenSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async token({ fresh = false, interactive = false } = {}) {
      asked.push(interactive ? "interactive" : fresh ? "fresh" : "cached");
      return `token-${asked.length}`;
    },
  };
}

const draft = (key: string) => ({ key, message: { from: { address: "a@x.fr" }, to: [], replyTo: [], subject: "s", date: "d", messageId: key, text: "t", html: "h", attachments: [] } });

const errorAnswer = (status: number, code: string, message?: string, retryAfter?: string) => (_req: Request, res: Response) => {
  if (retryAfter !== undefined) res.setHeader("Retry-After", retryAfter);
  res.status(status).json({ error: { code, ...(message === undefined ? {} : { message }) } });
};

describe("the API client", () => {
  it("sends the user's token as a bearer and gives the drafts' answers in order", async () => {
    const source = tokens();
    const api = createApiClient({ origin, tokens: source, fetch });
    const answers = await api.createDrafts([draft("<a@x>"), draft("<b@x>")]);
    expect(answers.map((a) => a.id)).toEqual(["AAMk-0", "AAMk-1"]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.authorization).toBe("Bearer token-1");
    expect((seen[0]!.body as { drafts: { key: string }[] }).drafts.map((d) => d.key)).toEqual(["<a@x>", "<b@x>"]);
  });

  it("retries a 401 once, with a fresh token", async () => {
    const source = tokens();
    script = [errorAnswer(401, "invalid_token", "Jeton refusé. / Token refused.")];
    const api = createApiClient({ origin, tokens: source, fetch });
    const answers = await api.createDrafts([draft("<a@x>")]);
    expect(answers[0]!.id).toBe("AAMk-0");
    expect(source.asked).toEqual(["cached", "fresh"]);
    expect(seen.map((s) => s.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("gives up after a second 401, with the server's message, French first", async () => {
    const source = tokens();
    const consent = "Consentement requis pour Mail.ReadWrite. / Consent needed for Mail.ReadWrite.";
    script = [errorAnswer(401, "consent_required", consent), errorAnswer(401, "consent_required", consent)];
    const api = createApiClient({ origin, tokens: source, fetch });
    const error = await api.createDrafts([draft("<a@x>")]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 401, code: "consent_required", message: consent });
    expect(seen).toHaveLength(2);
    // Consent is given at a prompt: the retry signs in interactively.
    expect(source.asked).toEqual(["cached", "interactive"]);
  });

  it("says a consent is needed when the server names the code without a message", async () => {
    script = [errorAnswer(401, "consent_required"), errorAnswer(401, "consent_required")];
    const error = (await createApiClient({ origin, tokens: tokens(), fetch }).createDrafts([draft("<a@x>")]).catch((e: unknown) => e)) as ApiClientError;
    expect(error.message).toMatch(/^Microsoft 365 demande un consentement.* \/ Microsoft 365 asks for consent/);
  });

  it("tells when to try again after a 429, from Retry-After, without retrying", async () => {
    script = [errorAnswer(429, "rate_limited", undefined, "30")];
    const source = tokens();
    const error = (await createApiClient({ origin, tokens: source, fetch }).createDrafts([draft("<a@x>")]).catch((e: unknown) => e)) as ApiClientError;
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 30 });
    expect(error.message).toBe("Trop de demandes à Microsoft 365. Réessayez dans 30 s. / Too many requests to Microsoft 365. Try again in 30 s.");
    expect(source.asked).toEqual(["cached"]);
  });

  it("says Microsoft 365 is unavailable on a 503 without a body", async () => {
    script = [(_req, res) => void res.status(503).setHeader("Retry-After", "5").type("text/plain").send("Service Unavailable")];
    const error = (await createApiClient({ origin, tokens: tokens(), fetch }).createDrafts([draft("<a@x>")]).catch((e: unknown) => e)) as ApiClientError;
    expect(error).toMatchObject({ status: 503, code: "http_503", retryAfterSeconds: 5 });
    expect(error.message).toMatch(/^Microsoft 365 est indisponible pour le moment\. Réessayez dans 5 s\. \/ Microsoft 365 is unavailable for now\. Try again in 5 s\.$/);
  });

  it("refuses an answer that does not hold one draft per request, in order", async () => {
    script = [(req, res) => void res.json({ drafts: [{ key: "<other@x>", id: "AAMk-9", created: true }] })];
    const error = (await createApiClient({ origin, tokens: tokens(), fetch }).createDrafts([draft("<a@x>")]).catch((e: unknown) => e)) as ApiClientError;
    expect(error).toMatchObject({ status: 502, code: "bad_answer" });
  });

  it("says the server does not answer when nothing listens", async () => {
    const closed = await listenOnLoopback(express());
    await closed.close();
    const error = (await createApiClient({ origin: closed.origin, tokens: tokens(), fetch }).createDrafts([draft("<a@x>")]).catch((e: unknown) => e)) as ApiClientError;
    expect(error).toMatchObject({ status: 0, code: "unreachable" });
    expect(error.message).toMatch(/^Le serveur de Relances ne répond pas/);
  });

  it("posts files for OneDrive with the workbook's address and gives their links", async () => {
    const api = createApiClient({ origin, tokens: tokens(), fetch });
    const links = await api.saveToOneDrive("https://contoso.sharepoint.com/Suivi.xlsx", [{ path: "releves/r.pdf", type: "application/pdf", base64: "JVBERg==" }]);
    expect(links).toEqual([{ path: "releves/r.pdf", url: "https://contoso.sharepoint.com/releves/r.pdf" }]);
    expect(seen[0]!.body).toMatchObject({ workbookUrl: "https://contoso.sharepoint.com/Suivi.xlsx", files: [{ path: "releves/r.pdf" }] });
  });
});

describe("apiErrorMessage", () => {
  it("ends the server's sentence before saying when to try again", () => {
    expect(apiErrorMessage(503, { message: "Microsoft Entra ID ne répond pas : réessayez dans un instant / Microsoft Entra ID is not answering: try again shortly" }, 5)).toBe(
      "Microsoft Entra ID ne répond pas : réessayez dans un instant. Réessayez dans 5 s. / Microsoft Entra ID is not answering: try again shortly. Try again in 5 s.",
    );
  });

  it("falls back on the status's sentence, then on the bare status", () => {
    expect(apiErrorMessage(403, undefined)).toMatch(/^Microsoft 365 refuse cet accès/);
    expect(apiErrorMessage(418, {})).toBe("Le serveur a répondu HTTP 418. / The server answered HTTP 418.");
  });
});
