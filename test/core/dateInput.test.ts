import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseDateInput } from "../../src/core/dateInput";
import { dayFromYmd, dayToExcelSerial, dayToFrench, dayToIso, MAX_EXCEL_DAY, MIN_EXCEL_DAY } from "../../src/core/day";
import { isProblem, problem } from "../../src/core/problem";

const march31 = dayFromYmd(2025, 3, 31);

describe("parseDateInput", () => {
  it("a number is an Excel serial", () => {
    expect(parseDateInput(45658)).toBe(dayFromYmd(2025, 1, 1));
    expect(parseDateInput(45658.75)).toBe(dayFromYmd(2025, 1, 1));
  });

  it("ISO text is read, with or without a time", () => {
    expect(parseDateInput("2025-03-31")).toBe(march31);
    expect(parseDateInput("2025-03-31T00:00:00")).toBe(march31);
    expect(parseDateInput("  2025-03-31 10:00  ")).toBe(march31);
  });

  it("French text is read, trimmed", () => {
    expect(parseDateInput("31/03/2025")).toBe(march31);
    expect(parseDateInput(" 31.03.25 ")).toBe(march31);
    expect(parseDateInput("31-3-2025")).toBe(march31);
  });

  it("an empty cell is «Date manquante»", () => {
    for (const value of ["", "   ", null, undefined]) {
      expect(parseDateInput(value)).toEqual(problem("Date manquante"));
    }
  });

  it("an impossible date says «…» n'est pas une date, with the text as typed", () => {
    expect(parseDateInput("31/02/2021")).toEqual(problem("«31/02/2021» n'est pas une date"));
    expect(parseDateInput(" 2023-02-29 ")).toEqual(problem("«2023-02-29» n'est pas une date"));
    expect(parseDateInput("demain")).toEqual(problem("«demain» n'est pas une date"));
  });

  it("a number outside Excel's dates is not a date", () => {
    expect(parseDateInput(-5)).toEqual(problem("«-5» n'est pas une date"));
    expect(parseDateInput(0)).toEqual(problem("«0» n'est pas une date"));
    expect(parseDateInput(60)).toEqual(problem("«60» n'est pas une date"));
    expect(parseDateInput(2958466)).toEqual(problem("«2958466» n'est pas une date"));
    expect(parseDateInput(Number.NaN)).toEqual(problem("«NaN» n'est pas une date"));
  });

  it("text dates outside Excel's years are not dates", () => {
    expect(parseDateInput("1899-12-31")).toEqual(problem("«1899-12-31» n'est pas une date"));
    expect(parseDateInput("1900-01-01")).toBe(MIN_EXCEL_DAY);
  });

  it("a boolean is not a date", () => {
    expect(parseDateInput(true)).toEqual(problem("«VRAI» n'est pas une date"));
    expect(parseDateInput(false)).toEqual(problem("«FAUX» n'est pas une date"));
  });

  it("a JS Date is refused: the edge converts it with dayFromLocalParts", () => {
    expect(isProblem(parseDateInput(new Date(2025, 0, 1)))).toBe(true);
    expect(isProblem(parseDateInput({}))).toBe(true);
  });

  it("problems map to #VALUE!", () => {
    const result = parseDateInput("31/02/2021");
    expect(isProblem(result) && result.code).toBe("value");
  });

  it("serial, ISO and French forms of the same day agree", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_EXCEL_DAY, max: MAX_EXCEL_DAY }), (d) => {
        expect(parseDateInput(dayToExcelSerial(d))).toBe(d);
        expect(parseDateInput(dayToIso(d))).toBe(d);
        expect(parseDateInput(dayToFrench(d))).toBe(d);
      }),
    );
  });
});
