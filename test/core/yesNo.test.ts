import { describe, expect, it } from "vitest";
import { NO_WORDS, parseYesNo, YES_WORDS } from "../../src/core/yesNo";

describe("a yes/no cell", () => {
  it("reads oui, x, yes, VRAI and 1 as yes, in any case and with accents or spaces", () => {
    for (const value of ["Oui", " x ", "YES", "vrai", "1", 1, true]) expect(parseYesNo(value)).toBe(true);
  });

  it("reads non, no, FAUX and 0 as no", () => {
    for (const value of ["NON", "no", "Faux", "0", 0, false]) expect(parseYesNo(value)).toBe(false);
  });

  it("gives undefined for a blank cell and for any other word", () => {
    for (const value of [null, undefined, "", "peut-être", 2]) expect(parseYesNo(value)).toBeUndefined();
  });

  it("has no word that says both yes and no", () => {
    expect(YES_WORDS.filter((word) => NO_WORDS.includes(word))).toEqual([]);
  });
});
