import { describe, expect, it } from "vitest";
import { percentAsShown, percentFromText } from "../../src/core/percentInput";

describe("a percentage as shown", () => {
  it("reads a cell formatted as % as the figure the user typed, without float noise", () => {
    expect(percentAsShown(0.0215)).toBe(2.15);
    expect(percentAsShown(0.07)).toBe(7);
  });
});

describe("a percentage typed as text", () => {
  it("reads a comma or a dot, spaces and a trailing %", () => {
    expect(percentFromText("12,15 %")).toBe(12.15);
    expect(percentFromText(" 7.86%")).toBe(7.86);
    expect(percentFromText("2,15\u00a0%")).toBe(2.15);
  });

  it("reads a sign", () => {
    expect(percentFromText("-0,5 %")).toBe(-0.5);
  });

  it("gives undefined for what is not a number", () => {
    for (const text of ["dix", "", "%", "1,2,3", "12 %%x"]) expect(percentFromText(text)).toBeUndefined();
  });
});
