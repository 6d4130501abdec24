import { describe, expect, it } from "vitest";
import { settingsSheetLayout } from "../../src/core/settingsSheetLayout";

describe("the layout of a settings sheet", () => {
  it("follows a header that puts the values before the keys, under blank rows", () => {
    expect(settingsSheetLayout([[], ["Valeur", "Clé"], [10, "delai_relance_2"]])).toEqual({ keyColumn: 1, valueColumn: 0, start: 2 });
  });

  it("reads keys in A and values in B from the first row without a header", () => {
    expect(settingsSheetLayout([["delai_relance_2", 10]])).toEqual({ keyColumn: 0, valueColumn: 1, start: 0 });
    expect(settingsSheetLayout([])).toEqual({ keyColumn: 0, valueColumn: 1, start: 0 });
  });
});
