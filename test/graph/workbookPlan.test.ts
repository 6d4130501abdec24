// The workbook read through the stand-in's Graph, in small windows, gives the same plan as the
// file read by the command line (readWorkbookSource), for the bundled sample and messy workbooks.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { planToJson } from "../../src/core/planJson";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbook } from "../../src/engine/readWorkbook";
import { graphWorkbookInput } from "../../src/graph/workbookInput";
import { findWorkbook } from "../../src/graph/workbookLocation";
import { WorkbookSession } from "../../src/graph/workbookSession";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { STANDIN_USER } from "../../src/standin/standinTenant";
import { readWorkbookSource } from "../../src/workbook/workbookSource";
import { writeMessyCabinet, writeMessyMapping } from "./workbookMessy";
import { startWorkbookStandin, type WorkbookStandin } from "./workbookStandin";

let m365: WorkbookStandin;
let dir: string;
beforeAll(async () => {
  m365 = await startWorkbookStandin();
  dir = await mkdtemp(path.join(tmpdir(), "relances-graph-plan-"));
});
afterAll(async () => {
  await m365.close();
  await rm(dir, { recursive: true, force: true });
});

/** The plan of a file read by the CLI, and of the same file on the stand-in's drive read through Graph. */
async function bothPlans(file: string, asOfIso: string, windowRows: number) {
  const asOf = dayFromIso(asOfIso)!;
  const fromFile = planWorkbook(await readWorkbookSource(file, { asOf }), asOf);
  const item = m365.drive.put(STANDIN_USER, `Compta/${path.basename(file)}`, await readFile(file));
  const client = m365.client();
  const session = await WorkbookSession.open(client, await findWorkbook(client, { url: m365.drive.webUrl(item) }));
  try {
    const seen = m365.workbooks.requests.length;
    const source = await readWorkbook(graphWorkbookInput(session, { windowRows }), { asOf });
    const requests = m365.workbooks.requests.slice(seen);
    // Every call in the session, every window at most windowRows rows, from column A.
    expect(requests.every((r) => r.sessionId !== undefined)).toBe(true);
    const windows = requests.map((r) => /range\(address='A(\d+):[A-Z]+(\d+)'\)/.exec(r.path)).filter((m) => m !== null);
    expect(windows.length).toBeGreaterThan(3);
    for (const m of windows) expect(Number(m[2]) - Number(m[1]) + 1).toBeLessThanOrEqual(windowRows);
    return { fromFile, fromGraph: planWorkbook(source, asOf) };
  } finally {
    await session.close();
  }
}

describe("a workbook read through Graph gives the plan the command line gives of its file", () => {
  it("the bundled sample, in windows of 7 rows", async () => {
    const file = path.join(dir, "sample.xlsx");
    await writeSampleWorkbook(file);
    const { fromFile, fromGraph } = await bothPlans(file, SAMPLE_AS_OF, 7);
    expect(fromGraph.actions.length).toBeGreaterThan(5);
    expect(fromGraph).toEqual(fromFile);
    expect(JSON.stringify(planToJson(fromGraph))).toBe(JSON.stringify(planToJson(fromFile)));
  });
});

describe("messy workbooks read through Graph give the command line's plan", () => {
  it("a cabinet's two yearly sheets, journal table, history sheet and settings, in windows of 7 rows", async () => {
    const file = path.join(dir, "cabinet.xlsx");
    await writeMessyCabinet(file);
    const { fromFile, fromGraph } = await bothPlans(file, "2026-06-30", 7);
    expect(fromGraph.sheets).toMatchObject({ read: ["Suivi 2025", "Suivi 2026"] });
    expect(fromGraph.rejected.length).toBeGreaterThan(0);
    expect(fromGraph.invoices.some((i) => i.history?.lastLevel !== undefined)).toBe(true);
    expect(fromGraph).toEqual(fromFile);
    expect(JSON.stringify(planToJson(fromGraph))).toBe(JSON.stringify(planToJson(fromFile)));
  });

  it("invoices on a hidden sheet named by the saved mapping, 300 rows in windows of 7", async () => {
    const file = path.join(dir, "roux.xlsx");
    await writeMessyMapping(file);
    const { fromFile, fromGraph } = await bothPlans(file, "2026-06-30", 7);
    expect(fromGraph.sheets).toMatchObject({ read: ["Feuil1"] });
    expect(fromGraph.counts.rows).toBeGreaterThan(290);
    expect(fromGraph).toEqual(fromFile);
    expect(JSON.stringify(planToJson(fromGraph))).toBe(JSON.stringify(planToJson(fromFile)));
  });
});
