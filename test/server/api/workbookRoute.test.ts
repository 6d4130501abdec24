// The server's workbook routes through the stand-in's Graph, signed in as its user: the sheets
// as the engine reads them (the Outlook pane plans on them what the command line plans on the
// file), journal lines appended once however often they are sent, files saved beside the
// workbook, and requests that cannot be served answered with their code.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../../src/core/day";
import { JOURNAL_SHEET } from "../../../src/core/journalEntry";
import { base64Of } from "../../../src/engine/base64";
import { memoryWorkbook, type MemorySheet } from "../../../src/engine/memoryWorkbook";
import { planWorkbook } from "../../../src/engine/planWorkbook";
import { readWorkbook } from "../../../src/engine/readWorkbook";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../../src/sample/sampleWorkbook";
import { oneDriveFilesRoute } from "../../../src/server/api/oneDriveFilesRoute";
import { workbookRoute } from "../../../src/server/api/workbookRoute";
import { STANDIN_USER } from "../../../src/standin/standinTenant";
import { readWorkbookSource } from "../../../src/workbook/workbookSource";
import { startWorkbookStandin, type WorkbookStandin } from "../../graph/workbookStandin";
import { startWorkbookApp } from "./workbookApp";

let m365: WorkbookStandin;
let app: { url: string; close(): Promise<void> };
let dir: string;
let file: string;
let workbookUrl: string;
let token: string;
const asOf = dayFromIso(SAMPLE_AS_OF)!;

beforeAll(async () => {
  m365 = await startWorkbookStandin();
  app = await startWorkbookApp(m365.standin, [workbookRoute, oneDriveFilesRoute]);
  dir = await mkdtemp(path.join(tmpdir(), "relances-workbook-route-"));
  file = path.join(dir, "sample.xlsx");
  await writeSampleWorkbook(file);
  workbookUrl = m365.drive.webUrl(m365.drive.put(STANDIN_USER, "Compta/Suivi EGPL 2026.xlsx", await readFile(file)));
  token = await m365.standin.authority.mintApiToken({ user: STANDIN_USER });
});
afterAll(async () => {
  await app.close();
  await m365.close();
  await rm(dir, { recursive: true, force: true });
});

async function post(route: string, body: unknown, bearer: string | null = token): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app.url}/api${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("POST /api/workbook/sheets", () => {
  it("gives the sheets the engine reads, on which the engine plans what the command line plans on the file", async () => {
    const { status, body } = await post("/workbook/sheets", { workbookUrl });
    expect(status).toBe(200);
    expect(body.workbook).toEqual({ name: "Suivi EGPL 2026.xlsx", webUrl: workbookUrl });
    const sheets = body.sheets as MemorySheet[];
    expect(sheets.map((s) => s.name)).toEqual(["Suivi 2026", JOURNAL_SHEET, "Paramètres Relances"]);
    const fromArrays = planWorkbook(await readWorkbook(memoryWorkbook(sheets), { asOf }), asOf);
    expect(fromArrays.actions.length).toBeGreaterThan(5);
    expect(fromArrays).toEqual(planWorkbook(await readWorkbookSource(file, { asOf }), asOf));
  });

  it("answers 404 for a workbook Graph cannot find, 400 for a body that is not one, 401 without sign-in", async () => {
    expect((await post("/workbook/sheets", { workbookUrl: `${workbookUrl.replace(/\.xlsx$/, "")}-autre.xlsx` })).body.error.code).toBe("workbook_not_found");
    const bad = await post("/workbook/sheets", { workbookUrl: "http://example.com/x.xlsx" });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "invalid_request" } } });
    expect((await post("/workbook/sheets", { workbookUrl }, null)).status).toBe(401);
  });
});

describe("POST /api/workbook/journal", () => {
  it("appends the lines once, however often they are sent, with the signed-in user as Utilisateur", async () => {
    const lines = [
      { date: "2026-06-30", customer: "SCI Les Tilleuls", invoice: "F-2026-001", level: 1, channel: "email", reference: "AAMk-1" },
      { date: "2026-06-30", customer: '=HYPERLINK("http://evil.example","x")', invoice: "F-2026-002", channel: "téléphone", promiseDate: "2026-07-15", note: "rappeler" },
    ];
    const [first, second] = await Promise.all([post("/workbook/journal", { workbookUrl, lines }), post("/workbook/journal", { workbookUrl, lines })]);
    expect([first.body.added, second.body.added].sort()).toEqual([0, 2]);
    expect((await post("/workbook/journal", { workbookUrl, lines })).body.added).toBe(0);
    const journal = await m365.workbooks.values(STANDIN_USER, "Compta/Suivi EGPL 2026.xlsx", JOURNAL_SHEET);
    const added = journal!.filter((row) => row[2] === "F-2026-001" || row[2] === "F-2026-002");
    expect(added.map((row) => [row[1], row[9]])).toEqual([["SCI Les Tilleuls", STANDIN_USER.displayName], ['=HYPERLINK("http://evil.example","x")', STANDIN_USER.displayName]]);
    expect(await m365.workbooks.formulas(STANDIN_USER, "Compta/Suivi EGPL 2026.xlsx", JOURNAL_SHEET)).toEqual([]);
  });

  it("refuses a line with an unknown channel or a date that is none", async () => {
    expect((await post("/workbook/journal", { workbookUrl, lines: [{ date: "2026-02-31", customer: "A", invoice: "F" }] })).status).toBe(400);
    expect((await post("/workbook/journal", { workbookUrl, lines: [{ date: "2026-02-03", customer: "A", invoice: "F", channel: "pigeon" }] })).status).toBe(400);
  });
});

describe("POST /api/onedrive/files", () => {
  it("saves the files in the day's folder beside the workbook and answers their links", async () => {
    const letters = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
    const statement = new TextEncoder().encode("%PDF-1.7 relevé");
    const { status, body } = await post("/onedrive/files", {
      workbookUrl,
      files: [
        { path: "courriers/Relance 1.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", base64: base64Of(letters) },
        { path: "releves/SCI Les Tilleuls.pdf", type: "application/pdf", base64: base64Of(statement) },
      ],
    });
    expect(status).toBe(200);
    const now = new Date();
    const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    const folder = `Compta/relances-${day}`;
    expect([...m365.drive.read(STANDIN_USER, `${folder}/courriers/Relance 1.docx`)!]).toEqual([...letters]);
    expect(Buffer.from(m365.drive.read(STANDIN_USER, `${folder}/releves/SCI Les Tilleuls.pdf`)!).toString()).toBe("%PDF-1.7 relevé");
    expect(body.links.map((l: { path: string }) => l.path)).toEqual(["courriers/Relance 1.docx", "releves/SCI Les Tilleuls.pdf"]);
    expect(body.links[0].url).toContain(`/Documents/Compta/relances-${day}/courriers/Relance%201.docx`);
  });

  it("refuses a path leaving the folder", async () => {
    const answer = await post("/onedrive/files", { workbookUrl, files: [{ path: "../Suivi EGPL 2026.xlsx", type: "application/octet-stream", base64: "AA==" }] });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "invalid_request" } } });
  });
});
