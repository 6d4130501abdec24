// Files saved beside the workbook on the stand-in's OneDrive: in the day's « relances-… » folder,
// small ones in one PUT and large ones through an upload session, each read back byte for byte,
// with its webUrl; saved again, a file is replaced, not doubled; a throttled upload is retried.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relancesFolder, saveFilesBeside } from "../../src/graph/driveFiles";
import { findWorkbook, type WorkbookItem } from "../../src/graph/workbookLocation";
import { graphError, type GraphRequest } from "../../src/standin/graphExchange";
import { STANDIN_USER } from "../../src/standin/standinTenant";
import { startWorkbookStandin, type WorkbookStandin } from "./workbookStandin";

let intercept: ((request: GraphRequest) => ReturnType<typeof graphError> | undefined) | undefined;
let m365: WorkbookStandin;
let item: WorkbookItem;
beforeAll(async () => {
  m365 = await startWorkbookStandin({}, [(standin) => standin.graph.use(async (request, next) => intercept?.(request) ?? next())]);
  const put = m365.drive.put(STANDIN_USER, "Clients/EGPL/Suivi 2026.xlsx", new Uint8Array([80, 75, 3, 4]));
  item = await findWorkbook(m365.client(), { url: m365.drive.webUrl(put) });
});
afterAll(() => m365.close());

describe("files saved beside the workbook", () => {
  it("land in the day's folder next to it, byte for byte, a large one through an upload session", async () => {
    const letters = randomBytes(40_000);
    const statement = randomBytes(5 * 1024 * 1024 + 123);
    const email = new TextEncoder().encode("Subject: Relance\r\n\r\nBonjour,\r\n");
    const uploads: string[] = [];
    intercept = (request) => {
      if (request.method !== "GET") uploads.push(request.path.endsWith("/createUploadSession") ? "session" : "put");
      return undefined;
    };
    const saved = await saveFilesBeside(m365.client(), item, relancesFolder("2026-06-30"), [
      { path: "Relance 1 - lettres.docx", bytes: letters },
      { path: "relevés/Relevé SCI Les Tilleuls.pdf", bytes: statement },
      { path: "brouillons/Mairie de Saverdun.eml", bytes: email },
    ]);
    intercept = undefined;
    expect(uploads.sort()).toEqual(["put", "put", "session"]);
    const folder = "Clients/EGPL/relances-2026-06-30";
    expect(Buffer.from(m365.drive.read(STANDIN_USER, `${folder}/Relance 1 - lettres.docx`)!).equals(letters)).toBe(true);
    expect(Buffer.from(m365.drive.read(STANDIN_USER, `${folder}/relevés/Relevé SCI Les Tilleuls.pdf`)!).equals(statement)).toBe(true);
    expect(Buffer.from(m365.drive.read(STANDIN_USER, `${folder}/brouillons/Mairie de Saverdun.eml`)!).equals(Buffer.from(email))).toBe(true);
    expect(saved.map((s) => s.path)).toEqual(["Relance 1 - lettres.docx", "relevés/Relevé SCI Les Tilleuls.pdf", "brouillons/Mairie de Saverdun.eml"]);
    expect(saved[1]!.url).toBe(`${item.webUrl.replace(/\/[^/]+$/, "")}/relances-2026-06-30/relev%C3%A9s/Relev%C3%A9%20SCI%20Les%20Tilleuls.pdf`);
  });

  it("replaces a file saved again under its name, and waits out a 429 on the way", async () => {
    const folder = relancesFolder("2026-07-01");
    await saveFilesBeside(m365.client(), item, folder, [{ path: "lettres.docx", bytes: new Uint8Array([1, 2, 3]) }]);
    let throttled = 0;
    intercept = (request) => (request.method === "PUT" && throttled++ === 0 ? graphError(429, "tooManyRequests", "Too many requests.", { "Retry-After": "1" }) : undefined);
    const started = Date.now();
    try {
      await saveFilesBeside(m365.client(), item, folder, [{ path: "lettres.docx", bytes: new Uint8Array([4, 5]) }]);
    } finally {
      intercept = undefined;
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect([...m365.drive.read(STANDIN_USER, `Clients/EGPL/${folder}/lettres.docx`)!]).toEqual([4, 5]);
    const parent = m365.drive.at(m365.drive.item(item.driveId, item.parentId)!, folder)!;
    expect(m365.drive.children(parent).map((c) => c.name)).toEqual(["lettres.docx"]);
  });

  it("refuses a path that would leave the folder, before sending anything", async () => {
    await expect(saveFilesBeside(m365.client(), item, relancesFolder("2026-07-02"), [{ path: "../Suivi 2026.xlsx", bytes: new Uint8Array([0]) }])).rejects.toThrow(/refusé/);
    expect(m365.drive.at(m365.drive.item(item.driveId, item.parentId)!, relancesFolder("2026-07-02"))).toBeUndefined();
  });
});
