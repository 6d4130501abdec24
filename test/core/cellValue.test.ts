import { describe, expect, it } from "vitest";
import { cellText, isBlank } from "../../src/core/cellValue";

describe("a cell as text", () => {
  it("trims text, writes numbers plainly and booleans as a French Excel shows them", () => {
    expect(cellText(" F-1 ")).toBe("F-1");
    expect(cellText(1024)).toBe("1024");
    expect(cellText(true)).toBe("VRAI");
    expect(cellText(false)).toBe("FAUX");
  });

  it("is empty for a blank cell", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
  });
});

describe("a blank cell", () => {
  it("is missing, empty or spaces only", () => {
    for (const value of [null, undefined, "", "   "]) expect(isBlank(value)).toBe(true);
  });

  it("is not a zero or FAUX", () => {
    for (const value of [0, false, "0"]) expect(isBlank(value)).toBe(false);
  });
});
