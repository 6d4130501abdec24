// The routes the Outlook pane's workbook setting uses, through the stand-in's Graph signed in as
// its user: GET /api/onedrive/files lists the workbooks of the user's OneDrive (not other files),
// and the workbook routes take a path in that drive instead of a URL (one of the two, no more).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSampleWorkbook } from "../../../src/sample/sampleWorkbook";
import { oneDriveFilesRoute } from "../../../src/server/api/oneDriveFilesRoute";
import { workbookRoute } from "../../../src/server/api/workbookRoute";
import { STANDIN_USER } from "../../../src/standin/standinTenant";
import { startWorkbookStandin, type WorkbookStandin } from "../../graph/workbookStandin";
import { startWorkbookApp } from "./workbookApp";

let m365: WorkbookStandin;
let app: { url: string; close(): Promise<void> };
let dir: string;
let token: string;
let tracking: string;

beforeAll(async () => {
  m365 = await startWorkbookStandin();
  app = await startWorkbookApp(m365.standin, [workbookRoute, oneDriveFilesRoute]);
  dir = await mkdtemp(path.join(tmpdir(), "relances-onedrive-workbooks-"));
  const file = path.join(dir, "sample.xlsx");
  await writeSampleWorkbook(file);
  const bytes = await readFile(file);
  tracking = m365.drive.webUrl(m365.drive.put(STANDIN_USER, "Compta/Suivi 2026.xlsx", bytes));
  m365.drive.put(STANDIN_USER, "Budget.xlsm", bytes);
  m365.drive.put(STANDIN_USER, "Compta/relances-2026-06-30/Relance 1.docx", new Uint8Array([1, 2, 3]));
  m365.drive.put(STANDIN_USER, "Compta/xlsx-notes.txt", new Uint8Array([1]));
  token = await m365.standin.authority.mintApiToken({ user: STANDIN_USER });
});
afterAll(async () => {
  await app.close();
  await m365.close();
  await rm(dir, { recursive: true, force: true });
});

async function call(route: string, body?: unknown, bearer: string | null = token): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app.url}/api${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("GET /api/onedrive/files", () => {
  it("lists the workbooks of the user's OneDrive with their folder and webUrl, and nothing else", async () => {
    const { status, body } = await call("/onedrive/files");
    expect(status).toBe(200);
    expect(body.files).toEqual([
      { name: "Budget.xlsm", webUrl: expect.stringMatching(/^https:\/\/.*Budget\.xlsm$/) },
      { name: "Suivi 2026.xlsx", webUrl: tracking, folder: "Compta" },
    ]);
  });

  it("answers 401 without sign-in", async () => {
    expect((await call("/onedrive/files", undefined, null)).status).toBe(401);
  });
});

describe("the workbook routes by path", () => {
  it("read the workbook at a path of the user's drive, a leading slash allowed", async () => {
    const { status, body } = await call("/workbook/sheets", { workbookPath: "/Compta/Suivi 2026.xlsx" });
    expect(status).toBe(200);
    expect(body.workbook).toEqual({ name: "Suivi 2026.xlsx", webUrl: tracking });
  });

  it("answer 400 for both a URL and a path, for neither, and for a path leaving the drive", async () => {
    for (const request of [{ workbookUrl: tracking, workbookPath: "Compta/Suivi 2026.xlsx" }, {}, { workbookPath: "Compta/../../x.xlsx" }]) {
      expect((await call("/workbook/sheets", request)).body.error.code, JSON.stringify(request)).toBe("invalid_request");
    }
    expect((await call("/workbook/journal", { workbookPath: "Compta/Absent.xlsx", lines: [{ date: "2026-06-30", customer: "X", invoice: "F1" }] })).body.error.code).toBe("workbook_not_found");
  });
});
