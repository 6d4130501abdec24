import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { agingBandIndex, agingBandLabels, agingSummary, checkAgingBounds } from "../../src/core/aging";
import { dayFromIso, type Day } from "../../src/core/day";
import { isProblem } from "../../src/core/problem";

const d = (iso: string): Day => dayFromIso(iso)!;

describe("ageing bands", () => {
  it("puts each number of days past due in its band", () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 1000].map((n) => agingBandIndex(n))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });
  it("not yet due is band 0", () => {
    expect(agingBandIndex(-10)).toBe(0);
  });
  it("labels the default bands as DOMAIN section 6 does", () => {
    expect(agingBandLabels()).toEqual(["Non échu", "1-30", "31-60", "61-90", ">90"]);
    expect(agingBandLabels(undefined, "en")[0]).toBe("Not due");
  });
  it("labels custom bounds", () => {
    expect(agingBandLabels([15, 45])).toEqual(["Non échu", "1-15", "16-45", ">45"]);
  });
  it("refuses bounds that are not increasing whole days", () => {
    expect(isProblem(checkAgingBounds([30, 30]))).toBe(true);
    expect(isProblem(checkAgingBounds([0, 30]))).toBe(true);
    expect(isProblem(checkAgingBounds([30.5]))).toBe(true);
    expect(isProblem(checkAgingBounds([]))).toBe(true);
    expect(checkAgingBounds([10, 20])).toEqual([10, 20]);
  });
  it("the band index never decreases with the days past due", () => {
    fc.assert(fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 50 }), (n, k) => {
      expect(agingBandIndex(n + k)).toBeGreaterThanOrEqual(agingBandIndex(n));
    }));
  });
});

describe("ageing summary (balance âgée)", () => {
  it("sums balances per band and in total, leaving out paid ones", () => {
    const today = d("2025-06-30");
    const summary = agingSummary(
      [
        { dueDate: d("2025-07-15"), balance: 100000 },
        { dueDate: d("2025-06-20"), balance: 25050 },
        { dueDate: d("2025-05-15"), balance: 5000 },
        { dueDate: d("2025-01-01"), balance: 99 },
        { dueDate: d("2025-01-01"), balance: 70000 },
      ],
      today,
    );
    expect(summary.amounts).toEqual([100000, 25050, 5000, 0, 70000]);
    expect(summary.counts).toEqual([1, 1, 1, 0, 1]);
    expect(summary.total).toBe(200050);
  });
});
