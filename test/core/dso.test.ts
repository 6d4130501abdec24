import { describe, expect, it } from "vitest";
import { dso } from "../../src/core/dso";
import { isProblem } from "../../src/core/problem";

describe("DSO", () => {
  it("is receivables over sales times the days of the period", () => {
    expect(dso(1_500_000, 12_000_000, 365)).toBeCloseTo(45.625, 10);
    expect(dso(300_000, 900_000, 90)).toBeCloseTo(30, 10);
  });
  it("defaults to a year of 365 days", () => {
    expect(dso(100, 365)).toBe(100);
  });
  it("cannot be computed on zero sales", () => {
    const result = dso(100, 0);
    expect(isProblem(result) && result.message).toContain("Chiffre d'affaires nul");
  });
  it("refuses a period that is not positive", () => {
    expect(isProblem(dso(100, 100, 0))).toBe(true);
  });
});
