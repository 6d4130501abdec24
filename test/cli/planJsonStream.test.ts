// plan --json streamed (src/cli/planJsonStream.ts): the same bytes as the JSON of
// src/core/planJson.ts written whole, for the sample and for a messy workbook, valid against the
// schema of SPEC section 10, and written with backpressure.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planJsonChunks, WRITE_SIZE, writePlanJson } from "../../src/cli/planJsonStream";
import { runCli, type CliIo } from "../../src/cli/relances";
import { dayFromIso, type Day } from "../../src/core/day";
import { planToJson } from "../../src/core/planJson";
import type { Plan } from "../../src/core/plan";
import { withSenderWarnings } from "../../src/core/senderCheck";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";
import { validateJson, type Schema } from "../helpers/jsonSchema";
import schema from "./planJson.schema.json";

let dir: string;
let sample: string;
let messy: string;
let empty: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-plan-json-"));
  sample = path.join(dir, "suivi.xlsx");
  await writeSampleWorkbook(sample);
  messy = await writeMessyWorkbook(path.join(dir, "messy.xlsx"));
  empty = await writeEmptyWorkbook(path.join(dir, "empty.xlsx"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** What a real workbook holds beside clean rows: quotes, backslashes, line breaks, accents, emoji, bad dates, formula-like text, a credit note, a second sheet. */
async function writeMessyWorkbook(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Suivi 2026");
  sheet.addRow(["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Email"]);
  sheet.addRow(['SCI « Les "Tilleuls" »', "F\\001", utc("2026-01-10"), utc("2026-02-10"), 1200.55, "compta@tilleuls.example"]);
  sheet.addRow(["Garage\nMoreau", "F-002", utc("2026-03-01"), utc("2026-03-31"), 800, ""]);
  sheet.addRow(["Café 😀 Zoé", "F-003", "31/02/2026", utc("2026-04-30"), 99.99, "zoe@cafe.example"]);
  sheet.addRow(["@Home", "=1+1", utc("2026-01-06"), utc("2026-02-06"), 450, "home@example.com"]);
  sheet.addRow(["SCI « Les \"Tilleuls\" »", "AV-1", utc("2026-02-01"), utc("2026-02-01"), -200, ""]);
  sheet.addRow(["Dupont SARL", "F-004", utc("2026-05-01"), "bientôt", "mille", ""]);
  sheet.addRow([]);
  sheet.addRow(["Martin SAS", "F-005", utc("2025-11-02"), utc("2025-12-02"), 15000, "martin@example.com"]);
  const other = workbook.addWorksheet("Notes");
  other.addRow(["rien à voir / nothing here"]);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function writeEmptyWorkbook(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Suivi").addRow(["Client", "N° facture", "Date facture", "Échéance", "Montant TTC"]);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The plan as plan --json makes it. */
async function planOf(file: string, asOf: Day): Promise<Plan> {
  const source = await readWorkbookSource(file, { asOf });
  return withSenderWarnings(planWorkbook(source, asOf), source.settings);
}

/** A stream that takes `highWaterMark` bytes at a time and answers later, as a slow pipe does. */
function slowSink(highWaterMark: number) {
  const chunks: Buffer[] = [];
  let drains = 0;
  let mostQueued = 0;
  const stream: Writable = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      mostQueued = Math.max(mostQueued, stream.writableLength);
      setImmediate(done);
    },
  });
  stream.on("drain", () => drains++);
  return { stream, bytes: () => Buffer.concat(chunks), drains: () => drains, mostQueued: () => mostQueued };
}

const AS_OF = dayFromIso(SAMPLE_AS_OF)!;

describe("plan --json, streamed", () => {
  for (const [name, file] of [
    ["the sample", () => sample],
    ["a messy workbook", () => messy],
    ["a workbook without invoices", () => empty],
  ] as const) {
    it(`gives the same bytes as JSON.stringify of planToJson for ${name}`, async () => {
      const plan = await planOf(file(), AS_OF);
      const whole = JSON.stringify(planToJson(plan), null, 2);
      expect([...planJsonChunks(plan)].join("")).toBe(whole);
      const sink = slowSink(1024);
      await writePlanJson(plan, sink.stream);
      expect(sink.bytes().equals(Buffer.from(`${whole}\n`, "utf8"))).toBe(true);
      expect(validateJson(schema as Schema, JSON.parse(sink.bytes().toString("utf8")))).toEqual([]);
    });
  }

  it("the messy workbook gives what the stream must get right: rejected rows, warnings, text to escape", async () => {
    const json = planToJson(await planOf(messy, AS_OF));
    expect(json.rejected.length).toBeGreaterThan(0);
    expect(json.warnings.length).toBeGreaterThan(0);
    expect(json.invoices.map((i) => i.customer)).toContain('SCI « Les "Tilleuls" »');
    expect(json.invoices.some((i) => i.number === "F\\001")).toBe(true);
  });

  it("waits for the stream to drain rather than queueing the whole text", async () => {
    const plan = await planOf(sample, AS_OF);
    // The sample's invoices 400 times over: a JSON text far larger than one write.
    const large: Plan = { ...plan, invoices: Array.from({ length: 400 }, () => plan.invoices).flat() };
    const sink = slowSink(16);
    await writePlanJson(large, sink.stream);
    const total = sink.bytes().length;
    expect(total).toBeGreaterThan(10 * WRITE_SIZE);
    expect(sink.drains()).toBeGreaterThan(5);
    // At most one write (WRITE_SIZE bytes) waits in the queue.
    expect(sink.mostQueued()).toBeLessThanOrEqual(WRITE_SIZE);
    expect(sink.bytes().toString("utf8")).toBe(`${JSON.stringify(planToJson(large), null, 2)}\n`);
  });

  it("is what relances plan --json writes to its stdout stream", async () => {
    const sink = slowSink(4096);
    const err: string[] = [];
    const io: CliIo = { out: () => expect.fail("plan --json should stream, not call out()"), err: (t) => err.push(t), env: { USER: "test" }, stdout: sink.stream };
    expect(await runCli(["plan", messy, "--as-of", SAMPLE_AS_OF, "--json"], io)).toBe(0);
    expect(err).toEqual([]);
    const expected = `${JSON.stringify(planToJson(await planOf(messy, AS_OF)), null, 2)}\n`;
    expect(sink.bytes().toString("utf8")).toBe(expected);
  });
});
