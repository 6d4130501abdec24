// Calls, promises and disputes logged from the pane: journal lines the plan reads back as holds,
// never twice the same day, on the customer's own invoices only.
import { beforeAll, describe, expect, it } from "vitest";
import { JOURNAL_SHEET } from "../../src/core/journalEntry";
import { planFromArrays } from "../../src/engine/browserEntry";
import { logContact, type ContactEvent } from "../../src/engine/contactLog";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { appendToSheets } from "../../src/engine/memoryWorkbookOutput";
import { SAMPLE_AS_OF } from "../../src/sample/sampleWorkbook";
import { sampleSheets } from "./paneFixtures";

let sheets: MemorySheet[];
let invoices: string[];
const CUSTOMER = "Delmas & Associés";

beforeAll(async () => {
  sheets = await sampleSheets();
  const { json } = await planFromArrays(sheets, SAMPLE_AS_OF);
  invoices = json!.actions.find((a) => a.customer === CUSTOMER)!.invoices.slice();
}, 60_000);

const log = (event: ContactEvent, on: MemorySheet[] = sheets, chosen: string[] = invoices) =>
  logContact({ sheets: on, asOf: SAMPLE_AS_OF, customer: CUSTOMER, invoices: chosen, event, user: "test" });

const holdOf = async (on: MemorySheet[]): Promise<(string | null)[]> => {
  const { json } = await planFromArrays(on, SAMPLE_AS_OF);
  return json!.invoices.filter((i) => invoices.includes(i.number)).map((i) => i.hold);
};

describe("a contact logged from the pane", () => {
  it("a phone call: one journal line per invoice chosen, by phone, without a level", async () => {
    const result = await log({ kind: "call", note: "rappeler lundi" });
    expect(result.problem).toBeUndefined();
    const rows = result.appends[0]!.rows;
    expect(result.appends[0]!.sheet).toBe(JOURNAL_SHEET);
    expect(rows.map((r) => r[2])).toEqual(invoices);
    expect(rows.every((r) => r[1] === CUSTOMER && r[3] === null && r[4] === "téléphone" && r[8] === "appel téléphonique / phone call : rappeler lundi" && r[9] === "test")).toBe(true);
    expect(result.journalled).toBe(invoices.length);
  });

  it("a promise holds the invoices until its date, and is not logged twice the same day", async () => {
    const result = await log({ kind: "promise", promisedDate: "2026-07-15" });
    expect(result.appends[0]!.rows.every((r) => r[6] === 46218)).toBe(true);
    const after = appendToSheets(sheets, result.appends);
    expect(await holdOf(after)).toEqual(invoices.map(() => "promise"));
    expect((await planFromArrays(after, SAMPLE_AS_OF)).json!.actions.some((a) => a.customer === CUSTOMER)).toBe(false);
    expect(await log({ kind: "promise", promisedDate: "2026-07-15" }, after)).toEqual({ appends: [], journalled: 0 });
  });

  it("a dispute opened holds the invoices, closed releases them", async () => {
    const opened = appendToSheets(sheets, (await log({ kind: "dispute", state: "ouvert" })).appends);
    expect(await holdOf(opened)).toEqual(invoices.map(() => "dispute"));
    const closed = appendToSheets(opened, (await log({ kind: "dispute", state: "clos" }, opened)).appends);
    expect(await holdOf(closed)).toEqual(invoices.map(() => null));
  });

  it("refuses an invoice that is not the customer's, a past promise and a date that is none, logging nothing", async () => {
    const other = (await planFromArrays(sheets, SAMPLE_AS_OF)).json!.invoices.find((i) => i.customer !== CUSTOMER)!.number;
    expect(await log({ kind: "call" }, sheets, [invoices[0]!, other])).toEqual({ appends: [], journalled: 0, problem: expect.stringContaining(other) });
    expect((await log({ kind: "promise", promisedDate: "2026-06-01" })).problem).toMatch(/passée/);
    expect((await log({ kind: "promise", promisedDate: "15/07/2026" })).problem).toMatch(/invalide/);
    expect((await log({ kind: "call" }, sheets, [])).problem).toMatch(/Aucune facture/);
  });

  it("finds an invoice typed with its « N° »", async () => {
    const result = await log({ kind: "call" }, sheets, [`N° ${invoices[0]}`]);
    expect(result.appends[0]!.rows.map((r) => r[2])).toEqual([invoices[0]]);
  });
});
