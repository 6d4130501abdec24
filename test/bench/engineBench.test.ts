import { describe, expect, it } from "vitest";
import { arrayWorkbook, planArrays } from "../../bench/engineBench";

describe("the engine benchmark's workbook in memory", () => {
  it("holds the tracking sheet's title, header and one row per invoice, dates as Excel serials", () => {
    const workbook = arrayWorkbook(200, 20);
    expect(workbook.tracking).toHaveLength(202);
    const dates = workbook.tracking.slice(2).map((row) => row[3]);
    expect(dates.every((d) => typeof d === "number" && d > 45000 && d < 47000)).toBe(true);
  });

  it("is planned through the in-memory adapter: every row read, none rejected, the journal's lines found", async () => {
    const plan = await planArrays(arrayWorkbook(200, 20));
    expect(plan.counts.rows).toBe(200);
    expect(plan.counts.rejected).toBe(0);
    expect(plan.counts.invoices + plan.counts.creditNotes).toBe(200);
    expect(plan.invoices.some((invoice) => invoice.history !== undefined)).toBe(true);
  });
});
