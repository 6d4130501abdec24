// plan --json written from templates (src/core/planJsonText.ts, src/cli/planJsonStream.ts) against
// JSON.stringify(planToJson(plan), null, 2) on random plans: strings with quotes, backslashes,
// control characters, lone surrogates and characters outside the BMP; numbers of every kind.
import { Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planJsonChunks, writePlanJson } from "../../src/cli/planJsonStream";
import type { Plan } from "../../src/core/plan";
import { planToJson } from "../../src/core/planJson";

/** Text that JSON must escape or encode with care, mixed with plain text. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', "\\", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f", "\u007f", "\u2028", "é", "😀", "\ud800", "\udfff", "a"),
    fc.string({ unit: "grapheme", maxLength: 2 }),
    fc.string({ unit: "binary", maxLength: 2 }),
  ),
  maxLength: 12,
});
const anyNumber = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e21, 5e-7));
const day = fc.integer({ min: -800_000, max: 3_000_000 });
const level = fc.constantFrom(0, 1, 2, 3, 4) as fc.Arbitrary<0 | 1 | 2 | 3 | 4>;
const customer = tricky.map((name) => ({ name }));

const invoice = fc.record({
  record: fc.record({ sheet: tricky, row: anyNumber, customer, number: tricky, invoiceDate: day, dueDate: day, amount: anyNumber }),
  balance: anyNumber,
  daysOverdue: anyNumber,
  history: fc.option(fc.record({ lastLevel: fc.option(level, { nil: undefined }), lastLevelDate: fc.option(day, { nil: undefined }) }), { nil: undefined }),
  nextLevel: fc.option(level, { nil: null }),
  hold: fc.option(fc.constantFrom("paid", "dispute", "promise", "payment_announced", "awaiting_acceptance"), { nil: null }),
  brokenPromise: fc.boolean(),
  paymentNotReceived: fc.boolean(),
});
const numbered = fc.array(tricky.map((number) => ({ record: { number } })), { maxLength: 3 });
const action = fc.record({
  customer,
  level,
  stage: tricky,
  channel: tricky,
  invoices: numbered,
  claimed: numbered,
  balance: anyNumber,
  penalties: fc.option(anyNumber, { nil: null }),
  recoveryFee: anyNumber,
});
const rejected = fc.record({ sheet: tricky, row: anyNumber, column: tricky, value: tricky, message: tricky });
const count = fc.nat();
/** Only what plan --json reads of a plan: the rest of Plan plays no part in its text. */
const plan = fc
  .record({
    asOf: day,
    invoices: fc.array(invoice, { maxLength: 4 }),
    actions: fc.array(action, { maxLength: 3 }),
    rejected: fc.array(rejected, { maxLength: 3 }),
    warnings: fc.array(tricky, { maxLength: 3 }),
    counts: fc.record({ rows: count, invoices: count, creditNotes: count, skipped: count, rejected: count }),
    sheets: fc.option(fc.record({ read: fc.array(tricky, { maxLength: 2 }), leftOut: fc.array(fc.record({ sheet: tricky, reason: tricky, message: tricky }), { maxLength: 2 }) }), { nil: undefined }),
  })
  .map((p) => p as unknown as Plan);

function collect(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

describe("plan --json on random plans", () => {
  it("joins to exactly JSON.stringify(planToJson(plan), null, 2)", () => {
    fc.assert(
      fc.property(plan, (p) => {
        expect([...planJsonChunks(p)].join("")).toBe(JSON.stringify(planToJson(p), null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it("streams the same UTF-8 bytes as the whole text written at once", async () => {
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const sink = collect();
        await writePlanJson(p, sink.stream);
        expect(sink.bytes().equals(Buffer.from(`${JSON.stringify(planToJson(p), null, 2)}\n`, "utf8"))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
