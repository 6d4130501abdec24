import { describe, expect, it } from "vitest";
import { dayFromIso, dayToExcelSerial } from "../../src/core/day";
import { parseFiscalYearStart } from "../../src/core/fiscalYearStartInput";
import { isProblem } from "../../src/core/problem";

describe("parseFiscalYearStart", () => {
  it("reads a day and a month as jj/mm", () => {
    expect(parseFiscalYearStart("01/07")).toEqual({ month: 7, day: 1 });
    expect(parseFiscalYearStart(" 1.10 ")).toEqual({ month: 10, day: 1 });
    expect(parseFiscalYearStart("29/02")).toEqual({ month: 2, day: 29 });
  });
  it("reads a month by its French or English name, its 1st when no day is given", () => {
    expect(parseFiscalYearStart("1er juillet")).toEqual({ month: 7, day: 1 });
    expect(parseFiscalYearStart("Août")).toEqual({ month: 8, day: 1 });
    expect(parseFiscalYearStart("15 october")).toEqual({ month: 10, day: 15 });
  });
  it("keeps the day and month of a whole date, or of the serial Excel made of one", () => {
    expect(parseFiscalYearStart("01/04/2025")).toEqual({ month: 4, day: 1 });
    expect(parseFiscalYearStart(String(dayToExcelSerial(dayFromIso("2026-07-01")!)))).toEqual({ month: 7, day: 1 });
  });
  it("refuses what is no day of the year, saying what was typed", () => {
    for (const text of ["31/02", "13/13", "juillette", "32 mai", "bientôt"]) {
      const result = parseFiscalYearStart(text);
      expect(isProblem(result) && result.message, text).toContain(`«${text}»`);
    }
  });
});
