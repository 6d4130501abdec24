import { describe, expect, it } from "vitest";
import { excelErrorOf } from "../../src/core/excelError";

describe("excelErrorOf", () => {
  it.each(["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"])(
    "names %s",
    (error) => {
      expect(excelErrorOf(error)).toBe(error);
    },
  );

  it("reads the error as Excel shows it, whatever the spaces and case", () => {
    expect(excelErrorOf(" #n/a ")).toBe("#N/A");
  });

  it("names nothing in other values", () => {
    for (const value of ["N/A", "#1", "# REF!", "REF!", "", null, 0, true, "#REF! et plus"]) expect(excelErrorOf(value)).toBeUndefined();
  });
});
