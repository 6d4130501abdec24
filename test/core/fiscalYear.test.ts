import { describe, expect, it } from "vitest";
import { dayToIso } from "../../src/core/day";
import { fiscalYear, twelveMonthsTo, type DayPeriod } from "../../src/core/fiscalYear";
import { d } from "./records";

const iso = (p: DayPeriod) => [dayToIso(p.from), dayToIso(p.to)];

describe("fiscalYear", () => {
  it("is the calendar year of the date by default", () => {
    expect(iso(fiscalYear(d("2026-06-30")))).toEqual(["2026-01-01", "2026-12-31"]);
    expect(iso(fiscalYear(d("2026-01-01")))).toEqual(["2026-01-01", "2026-12-31"]);
  });
  it("starts on the day the settings name, in the year before when the date comes earlier", () => {
    expect(iso(fiscalYear(d("2026-06-30"), { month: 7, day: 1 }))).toEqual(["2025-07-01", "2026-06-30"]);
    expect(iso(fiscalYear(d("2026-07-01"), { month: 7, day: 1 }))).toEqual(["2026-07-01", "2027-06-30"]);
  });
  it("starts a 29 February year on the 28th when the year has none", () => {
    expect(iso(fiscalYear(d("2025-03-15"), { month: 2, day: 29 }))).toEqual(["2025-02-28", "2026-02-27"]);
  });
});

describe("twelveMonthsTo", () => {
  it("is the 365 days that end on the date", () => {
    const period = twelveMonthsTo(d("2026-06-30"));
    expect(iso(period)).toEqual(["2025-07-01", "2026-06-30"]);
    expect(period.to - period.from + 1).toBe(365);
  });
  it("is 366 days across a 29 February", () => {
    const period = twelveMonthsTo(d("2024-06-30"));
    expect(period.to - period.from + 1).toBe(366);
  });
});
