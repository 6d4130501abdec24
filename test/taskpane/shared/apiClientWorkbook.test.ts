// The API client's workbook calls against a real HTTP server on loopback answering as the add-in
// server's routes do: the workbooks listed by a GET that carries the bearer and no body (a 401
// retried once with a fresh token, as for a POST), and answers without what was asked refused.
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClientError, createApiClient } from "../../../taskpane/shared/apiClient";
import type { TokenSource } from "../../../taskpane/shared/tokenSource";
import { listenOnLoopback, type LoopbackServer } from "../loopbackServer";

let server: LoopbackServer;
const seen: { method: string; authorization: string | undefined; length: string | undefined }[] = [];
let answers: (() => [number, unknown])[] = [];

beforeAll(async () => {
  const app = express();
  app.use(express.json());
  app.all(["/api/onedrive/files", "/api/workbook/sheets", "/api/workbook/journal"], (req, res) => {
    seen.push({ method: req.method, authorization: req.headers.authorization, length: req.headers["content-length"] });
    const [status, body] = answers.shift()?.() ?? [200, {}];
    res.status(status).json(body);
  });
  server = await listenOnLoopback(app);
});
afterAll(() => server.close());

function tokens(): TokenSource {
  let n = 0;
  return { token: async ({ fresh = false } = {}) => `${fresh ? "fresh" : "cached"}-${++n}` };
}

describe("the API client's workbook calls", () => {
  it("lists the workbooks with a GET, bearer and no body, retrying a 401 once with a fresh token", async () => {
    seen.length = 0;
    const file = { name: "Suivi 2026.xlsx", webUrl: "https://contoso-my.sharepoint.com/personal/a/Documents/Suivi%202026.xlsx", folder: "Compta" };
    answers = [() => [401, { error: { code: "not_signed_in" } }], () => [200, { files: [file, { name: "x.xlsx", webUrl: "javascript:alert(1)" }] }]];
    expect(await createApiClient({ origin: server.origin, tokens: tokens(), fetch }).listWorkbooks()).toEqual([file]);
    expect(seen).toEqual([
      { method: "GET", authorization: "Bearer cached-1", length: undefined },
      { method: "GET", authorization: "Bearer fresh-2", length: undefined },
    ]);
  });

  it("refuses an answer without the sheets, or without what the journal added", async () => {
    const api = createApiClient({ origin: server.origin, tokens: tokens(), fetch });
    answers = [() => [200, { sheets: [] }], () => [200, { added: "3" }]];
    const sheets = (await api.workbookSheets({ workbookPath: "Suivi.xlsx" }).catch((e: unknown) => e)) as ApiClientError;
    expect([sheets.code, sheets.message]).toEqual(["bad_answer", "Le serveur a répondu sans les feuilles du classeur. / The server answered without the workbook's sheets."]);
    const journal = (await api.appendToJournal({ workbookPath: "Suivi.xlsx" }, [{}]).catch((e: unknown) => e)) as ApiClientError;
    expect(journal.code).toBe("bad_answer");
  });
});
