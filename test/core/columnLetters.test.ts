import { describe, expect, it } from "vitest";
import { columnIndex, columnLetter, MAX_COLUMNS } from "../../src/core/columnLetters";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s, and back", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  it("reads every column of a sheet back from its letters", () => {
    for (let index = 0; index < MAX_COLUMNS; index++) expect(columnIndex(columnLetter(index))).toBe(index);
  });

  it.each(["", "A1", "XFE", "ZZZZ", "É", "1"])("«%s» is no column of a sheet", (text) => {
    expect(columnIndex(text)).toBeUndefined();
  });
});
