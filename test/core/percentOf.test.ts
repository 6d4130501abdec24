import { describe, expect, it } from "vitest";
import { percentOf } from "../../src/core/percentOf";

describe("percentOf", () => {
  it("gives two decimals, halves rounded up", () => {
    expect(percentOf(1_000, 3_000)).toBe(33.33);
    expect(percentOf(2_000, 3_000)).toBe(66.67);
    expect(percentOf(1, 800)).toBe(0.13); // 0.125 exactly: the half goes up
  });
  it("is computed in integers: 3850 of 6550 is 58.78, the whole is 100", () => {
    expect(percentOf(385_000, 655_000)).toBe(58.78);
    expect(percentOf(655_000, 655_000)).toBe(100);
  });
  it("keeps the sign of a negative part", () => {
    expect(percentOf(-1_000, 3_000)).toBe(-33.33);
  });
  it("has no percentage of a whole that is not positive", () => {
    expect(percentOf(100, 0)).toBeNull();
    expect(percentOf(100, -5)).toBeNull();
  });
});
