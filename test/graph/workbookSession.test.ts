// A workbook session through Graph as Excel keeps it: every call carries its id, a session that
// ends under a read (Excel times idle ones out and answers invalidSessionReCreatable) is made
// again and the read completes with the command line's plan, and throttling answers (429, 503,
// 504 with Retry-After) are waited out.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbook } from "../../src/engine/readWorkbook";
import { graphWorkbookInput } from "../../src/graph/workbookInput";
import { findWorkbook, type WorkbookItem } from "../../src/graph/workbookLocation";
import { WorkbookSession } from "../../src/graph/workbookSession";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { graphError, type GraphRequest } from "../../src/standin/graphExchange";
import { STANDIN_USER } from "../../src/standin/standinTenant";
import { readWorkbookSource } from "../../src/workbook/workbookSource";
import { startWorkbookStandin, type WorkbookStandin } from "./workbookStandin";

/** What a test asks the stand-in to do to the next requests that match. */
let intercept: ((request: GraphRequest) => ReturnType<typeof graphError> | undefined) | undefined;

let m365: WorkbookStandin;
let dir: string;
let file: string;
let item: WorkbookItem;
const asOf = dayFromIso(SAMPLE_AS_OF)!;
beforeAll(async () => {
  m365 = await startWorkbookStandin({}, [
    (standin) =>
      standin.graph.use(async (request, next) => {
        const answer = intercept?.(request);
        return answer ?? next();
      }),
  ]);
  dir = await mkdtemp(path.join(tmpdir(), "relances-graph-session-"));
  file = path.join(dir, "sample.xlsx");
  await writeSampleWorkbook(file);
  const put = m365.drive.put(STANDIN_USER, "Suivi EGPL.xlsx", await readFile(file));
  item = await findWorkbook(m365.client(), { url: `${m365.drive.webUrl(put)}?web=1` });
});
afterAll(async () => {
  await m365.close();
  await rm(dir, { recursive: true, force: true });
});

const windowsOf = (request: GraphRequest): boolean => request.path.includes("/range(address=");

describe("a workbook session", () => {
  it("is made again when Excel ends it in the middle of a read, and the read gives the command line's plan", async () => {
    const session = await WorkbookSession.open(m365.client(), item);
    const made = m365.workbooks.sessions.created;
    let windows = 0;
    intercept = (request) => {
      if (windowsOf(request) && ++windows === 4) m365.workbooks.sessions.expireAll();
      return undefined;
    };
    try {
      const source = await readWorkbook(graphWorkbookInput(session, { windowRows: 7 }), { asOf });
      expect(session.recreated).toBe(1);
      expect(m365.workbooks.sessions.created).toBe(made + 1);
      expect(planWorkbook(source, asOf)).toEqual(planWorkbook(await readWorkbookSource(file, { asOf }), asOf));
    } finally {
      intercept = undefined;
      await session.close();
    }
    expect(m365.workbooks.sessions.open).toBe(0);
  });

  it("that timed out while idle is made again on the next call", async () => {
    m365.workbooks.sessionIdleMs = 150;
    try {
      const session = await WorkbookSession.open(m365.client(), item);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { value } = await session.get<{ value: { name: string }[] }>("/worksheets", ["name"]);
      expect(value.map((s) => s.name)).toContain("Suivi 2026");
      expect(session.recreated).toBe(1);
      await session.close();
    } finally {
      m365.workbooks.sessionIdleMs = 5 * 60_000;
    }
  });

  it("names itself in every call, and is closed at the end", async () => {
    const seen = m365.workbooks.requests.length;
    const session = await WorkbookSession.open(m365.client(), item);
    await readWorkbook(graphWorkbookInput(session), { asOf });
    await session.close();
    const requests = m365.workbooks.requests.slice(seen);
    expect(requests[0]).toMatchObject({ method: "POST", path: "/createSession", sessionId: undefined });
    expect(requests.slice(1).every((r) => r.sessionId !== undefined)).toBe(true);
    expect(requests.at(-1)).toMatchObject({ method: "POST", path: "/closeSession" });
  });

  it("waits out the Retry-After of a 429 and of a 504, then goes on", async () => {
    const answers = [
      { match: (r: GraphRequest) => r.path.endsWith("/createSession"), response: graphError(504, "gatewayTimeout", "The service timed out.", { "Retry-After": "1" }) },
      { match: windowsOf, response: graphError(429, "tooManyRequests", "Too many requests.", { "Retry-After": "1" }) },
    ];
    const times: number[] = [];
    intercept = (request) => {
      const answer = answers.find((a) => a.match(request));
      if (answer === undefined) return undefined;
      answers.splice(answers.indexOf(answer), 1);
      times.push(Date.now());
      return answer.response;
    };
    const started = Date.now();
    try {
      const session = await WorkbookSession.open(m365.client(), item);
      const source = await readWorkbook(graphWorkbookInput(session), { asOf });
      expect(source.tracking.invoices.length).toBeGreaterThan(5);
      await session.close();
    } finally {
      intercept = undefined;
    }
    expect(times).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });
});
