// The preview's routes over real HTTPS: its page, the sample workbook it opens, and the shipped
// templates the engine in the page renders from; nothing else of the templates folder or above it.
import { readdir } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templatesFolder } from "../../src/node/emailTemplates";
import { SAMPLE_SHEET } from "../../src/sample/sampleWorkbook";
import { startTestServer, type TestServer } from "./addinServerClient";

let test: TestServer;

beforeAll(async () => {
  test = await startTestServer();
});

afterAll(async () => {
  await test?.close();
});

describe("the preview's routes", () => {
  it("serves the preview's page at /preview, which loads its scripts from /preview/", async () => {
    const page = await test.get("/preview");
    expect(page.status).toBe(200);
    expect(String(page.headers["content-type"])).toMatch(/^text\/html/);
    expect(page.body.toString()).toContain('src="/preview/preview.js"');
    for (const script of ["/preview/preview.js", "/preview/exceljs.min.js"]) expect((await test.get(script)).status, script).toBe(200);
  });

  it("serves the sample workbook as an .xlsx holding the sample's tracking sheet", async () => {
    const reply = await test.get("/preview/sample.xlsx");
    expect(reply.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toContain(SAMPLE_SHEET);
  });

  it("lists the shipped templates and serves each of them byte for byte", async () => {
    const index = JSON.parse((await test.get("/templates/index.json")).body.toString()) as { files: string[] };
    expect(index.files).toContain("fr/reminder2.docx");
    expect(index.files).toContain("en/courtesy.html");
    expect(index.files).toHaveLength((await readdir(path.join(templatesFolder(), "fr"))).length + (await readdir(path.join(templatesFolder(), "en"))).length);
    const docx = await test.get("/templates/fr/reminder2.docx");
    expect(docx.status).toBe(200);
    expect(docx.body.subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses any other path under /templates, a climb out of the folder included", async () => {
    for (const file of ["/templates/fr/absent.docx", "/templates/de/reminder1.html", "/templates/%2e%2e/package.json", "/templates/fr/..%2f..%2fpackage.json"]) {
      expect((await test.get(file)).status, file).toBe(404);
    }
  });
});
