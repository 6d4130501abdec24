// The stand-in's drive and workbook endpoints answer as Graph documents them, over plain HTTPS:
// sharing URLs, sessions that end (404, invalidSessionReCreatable), usedRange and range resources
// with $select, values written read as typed, tables grown by rows/add, overlapping writes refused.
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso, dayToExcelSerial } from "../../src/core/day";
import { SAMPLE_SHEET, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { STANDIN_SHAREPOINT } from "../../src/standin/standinDrive";
import { STANDIN_USER } from "../../src/standin/standinTenant";
import { startWorkbookStandin, type WorkbookStandin } from "../graph/workbookStandin";

let m365: WorkbookStandin;
let dir: string;
let base: string;
let webUrl: string;
beforeAll(async () => {
  m365 = await startWorkbookStandin();
  dir = await mkdtemp(path.join(tmpdir(), "relances-standin-workbook-"));
  const file = path.join(dir, "sample.xlsx");
  await writeSampleWorkbook(file);
  const item = m365.drive.put(STANDIN_USER, "Suivi.xlsx", await readFile(file));
  webUrl = m365.drive.webUrl(item);
  base = `${m365.standin.url}/v1.0/drives/${item.driveId}/items/${item.id}/workbook`;
});
afterAll(async () => {
  await m365.close();
  await rm(dir, { recursive: true, force: true });
});

async function graph(url: string, init: { method?: string; body?: unknown; session?: string } = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(url.startsWith("http") ? url : `${base}${url}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${await m365.graphToken()}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.session === undefined ? {} : { "workbook-session-id": init.session }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}

const sheet = `/worksheets('${encodeURIComponent(SAMPLE_SHEET)}')`;

describe("the stand-in's drive", () => {
  it("resolves a document's URL through /shares/{u!base64url}/driveItem, and refuses one it does not hold", async () => {
    const share = (url: string): string => `${m365.standin.url}/v1.0/shares/u!${Buffer.from(url).toString("base64url")}/driveItem`;
    const found = await graph(share(`${webUrl}?web=1`));
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ name: "Suivi.xlsx", webUrl, file: { mimeType: expect.stringContaining("spreadsheetml") }, parentReference: { driveType: "business" } });
    expect(webUrl.startsWith(`${STANDIN_SHAREPOINT}/personal/claire_martin_cabinet-exemple_fr/Documents/`)).toBe(true);
    const missing = await graph(share(`${STANDIN_SHAREPOINT}/personal/x/Documents/nope.xlsx`));
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "itemNotFound" } } });
  });
});

describe("the stand-in's workbook sessions", () => {
  it("answer 201 with the session, then 404 invalidSessionReCreatable once it is closed or has timed out", async () => {
    const created = await graph("/createSession", { method: "POST", body: { persistChanges: true } });
    expect(created).toMatchObject({ status: 201, body: { persistChanges: true } });
    const session = created.body.id as string;
    expect((await graph("/worksheets", { session })).status).toBe(200);
    expect((await graph("/closeSession", { method: "POST", body: {}, session })).status).toBe(204);
    const after = await graph("/worksheets", { session });
    expect(after.status).toBe(404);
    expect(after.body.error.innerError.code).toBe("invalidSessionReCreatable");
    m365.workbooks.sessionIdleMs = 50;
    try {
      const idle = (await graph("/createSession", { method: "POST", body: { persistChanges: true } })).body.id as string;
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await graph("/worksheets", { session: idle })).body.error.innerError.code).toBe("invalidSessionReCreatable");
    } finally {
      m365.workbooks.sessionIdleMs = 5 * 60_000;
    }
  });
});

describe("the stand-in's ranges", () => {
  it("gives usedRange(valuesOnly=true) as a workbookRange: quoted address, values as Graph gives them, $select honoured", async () => {
    const used = await graph(`${sheet}/usedRange(valuesOnly=true)`);
    expect(used.body).toMatchObject({ address: `'${SAMPLE_SHEET}'!A1:V${used.body.rowCount}`, rowIndex: 0, columnIndex: 0, columnCount: 22 });
    const header = used.body.values[3] as unknown[];
    expect(header.slice(0, 4)).toEqual(["Client", "Catégorie", "N° facture", "Date facture"]);
    // A merge covers B1:M1: its cells other than A1 give "".
    expect(used.body.values[0].slice(0, 3)).toEqual([expect.stringContaining("EGPL"), "", ""]);
    expect(used.body.valueTypes[3][0]).toBe("String");
    const window = await graph(`${sheet}/range(address='A5:D6')?$select=values,address`);
    expect(Object.keys(window.body).filter((k) => !k.startsWith("@odata")).sort()).toEqual(["address", "values"]);
    expect(window.body.values).toHaveLength(2);
    expect(window.body.values.flat().some((v: unknown) => typeof v === "number" && v > 40000)).toBe(true);
  });

  it("reads values written as if typed: formulas, numbers and dates unless an apostrophe keeps them text", async () => {
    const written = await graph(`/worksheets('Feuil')/range(address='A1:A1')`, { method: "PATCH", body: { values: [["x"]] } });
    expect(written.status).toBe(404);
    await graph("/worksheets/add", { method: "POST", body: { name: "Essais" } });
    const patch = await graph(`/worksheets('Essais')/range(address='A1:F1')`, { method: "PATCH", body: { values: [["=1+1", "'=1+1", "00123", "'00123", "3/31/2026", "TRUE"]] } });
    expect(patch.status).toBe(200);
    expect(patch.body.values[0].slice(1)).toEqual(["=1+1", 123, "00123", dayToExcelSerial(dayFromIso("2026-03-31")!), true]);
    expect(patch.body.formulas[0][0]).toBe("=1+1");
    expect(await m365.workbooks.formulas(STANDIN_USER, "Suivi.xlsx", "Essais")).toEqual(["Essais!A1"]);
    const misshapen = await graph(`/worksheets('Essais')/range(address='A1:B1')`, { method: "PATCH", body: { values: [["a"]] } });
    expect(misshapen).toMatchObject({ status: 400, body: { error: { code: "InvalidArgument" } } });
  });

  it("grows a table by rows/add, the rows below moved down, and refuses a second write while one holds the workbook", async () => {
    const before = await graph("/tables('JournalRelances')/range");
    const added = await graph("/tables('JournalRelances')/rows/add", { method: "POST", body: { index: null, values: [[46203, "Dupont", "F-1", "Relance 1", "email", "", "", "", "", "Claire"]] } });
    expect(added).toMatchObject({ status: 201, body: { index: before.body.rowCount - 1, values: [[46203, "Dupont", "F-1", "Relance 1", "email", "", "", "", "", "Claire"]] } });
    expect((await graph("/tables('JournalRelances')/range")).body.rowCount).toBe(before.body.rowCount + 1);
    const tables = await graph("/tables");
    expect(tables.body.value.map((t: { name: string }) => t.name)).toEqual(["JournalRelances"]);
    m365.workbooks.writeDelayMs = 50;
    try {
      const write = (text: string) => graph(`/worksheets('Essais')/range(address='H1:H1')`, { method: "PATCH", body: { values: [[text]] } });
      const answers = await Promise.all([write("a"), write("b")]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body.error.innerError.code).toBe("accessConflict");
    } finally {
      m365.workbooks.writeDelayMs = 0;
    }
  });
});
