// The embedded workbook route on a real file: the sheets as the engine reads them, journal lines
// appended to the file written whole, a retried or concurrent click adding nothing twice, the
// file refused while Excel holds it open.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJournalOnly } from "../../src/workbook/earlierRuns";
import { writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { EMBEDDED_WORKBOOK_PATH, embeddedWorkbookFile, embeddedWorkbookRoute } from "../../src/server/embeddedWorkbookRoute";

let dir: string;
let file: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "outlook-route-"));
  file = path.join(dir, "suivi.xlsx");
  await writeSampleWorkbook(file);
  const app = express();
  app.use(EMBEDDED_WORKBOOK_PATH, embeddedWorkbookRoute(embeddedWorkbookFile({ RELANCES_WORKBOOK: file })));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${EMBEDDED_WORKBOOK_PATH}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const post = (lines: unknown[]) =>
  fetch(`${base}/journal`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ lines }) });

const promise = (invoice: string, messageId: string) => ({
  date: "2026-06-30",
  customer: "SCI Les Tilleuls",
  invoice,
  channel: "email",
  reference: messageId,
  promiseDate: "2026-07-15",
  note: "promesse de règlement / promise to pay",
});

describe("the embedded workbook route", () => {
  it("hands the sheets over as Office.js arrays, the tracking sheet and the journal among them", async () => {
    const res = await fetch(`${base}/sheets`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { workbook: { name: string }; sheets: { name: string; values: unknown[][] }[] };
    expect(body.workbook.name).toBe("suivi.xlsx");
    expect(body.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Suivi 2026", "Journal des relances"]));
  });

  it("appends the lines to the file, and a retried click adds nothing", async () => {
    const before = (await readJournalOnly(file)).entries.length;
    const first = await post([promise("F2026-027", "msg-1"), promise("F2026-050", "msg-1")]);
    expect(await first.json()).toEqual({ added: 2 });
    const again = await post([promise("F2026-027", "msg-1"), promise("F2026-050", "msg-1")]);
    expect(await again.json()).toEqual({ added: 0 });
    const entries = (await readJournalOnly(file)).entries;
    expect(entries.length).toBe(before + 2);
    expect(entries.filter((e) => e.reference === "msg-1").map((e) => e.invoice)).toEqual(["F2026-027", "F2026-050"]);
  });

  it("adds nothing twice for the same message on the same invoice, even with another date", async () => {
    const res = await post([{ ...promise("F2026-027", "msg-1"), promiseDate: "2026-07-20" }]);
    expect(await res.json()).toEqual({ added: 0 });
  });

  it("writes concurrent clicks one after the other, each line once", async () => {
    const before = (await readJournalOnly(file)).entries.length;
    const answers = await Promise.all([post([promise("F2026-059", "msg-2")]), post([promise("F2026-059", "msg-2")]), post([promise("F2026-058", "msg-3")])]);
    const added = (await Promise.all(answers.map((r) => r.json() as Promise<{ added: number }>))).reduce((s, a) => s + a.added, 0);
    expect(added).toBe(2);
    expect((await readJournalOnly(file)).entries.length).toBe(before + 2);
  });

  it("refuses a body that is not journal lines, and writes nothing while Excel holds the file", async () => {
    expect((await post([{ date: "demain", customer: "X", invoice: "F1" }])).status).toBe(400);
    const lock = path.join(dir, "~$suivi.xlsx");
    await writeFile(lock, "");
    try {
      const res = await post([promise("F2026-027", "msg-9")]);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("workbook_busy");
    } finally {
      await rm(lock);
    }
  });
});
