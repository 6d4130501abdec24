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
    const source = await readWorkbook(graphWorkbookInput(session, { windowRows }), { asOf });
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
