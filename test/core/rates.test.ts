import { describe, expect, it } from "vitest";
import { dayFromIso, type Day } from "../../src/core/day";
import { isProblem } from "../../src/core/problem";
import {
  DEFAULT_RATES,
  formatRate,
  halfYearLabel,
  halfYearOf,
  lastKnownHalfYear,
  percentFromRateUnits,
  rateUnitsFromPercent,
  ratesFor,
  withHalfYear,
  type HalfYearRates,
} from "../../src/core/rates";

function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
}

function known(year: number, half: 1 | 2): HalfYearRates {
  const rates = ratesFor(DEFAULT_RATES, year, half);
  if (isProblem(rates)) throw new Error(rates.message);
  return rates;
}

describe("rate units", () => {
  it("hold a rate with up to 4 decimals exactly", () => {
    expect(rateUnitsFromPercent(13.15)).toBe(131500);
    expect(rateUnitsFromPercent(0.05)).toBe(500);
    expect(rateUnitsFromPercent(7.86)).toBe(78600);
    expect(rateUnitsFromPercent(3 * 2.62)).toBe(78600);
    expect(rateUnitsFromPercent(1.2345)).toBe(12345);
    expect(rateUnitsFromPercent(0.1 + 0.2)).toBe(3000);
  });

  it("convert back to a percent", () => {
    expect(percentFromRateUnits(131500)).toBe(13.15);
    expect(percentFromRateUnits(0)).toBe(0);
  });

  it("are NaN for a non-finite percent", () => {
    expect(rateUnitsFromPercent(Number.NaN)).toBeNaN();
  });

  it("print as a French or English percentage with 2 to 4 decimals", () => {
    expect(formatRate(78600)).toBe("7,86\u00A0%");
    expect(formatRate(100000)).toBe("10,00\u00A0%");
    expect(formatRate(12345)).toBe("1,2345\u00A0%");
    expect(formatRate(131500, "en")).toBe("13.15%");
  });
});

describe("DEFAULT_RATES", () => {
  it("has one row per half-year from 2015 S1 to 2026 S1, in order", () => {
    expect(DEFAULT_RATES).toHaveLength(23);
    expect(DEFAULT_RATES[0]).toMatchObject({ year: 2015, half: 1 });
    const keys = DEFAULT_RATES.map((r) => r.year * 2 + r.half - 1);
    keys.forEach((k, i) => {
      if (i > 0) expect(k).toBe((keys[i - 1] ?? 0) + 1);
    });
  });

  it("holds the ECB rate and both TIL of several half-years", () => {
    expect(known(2015, 1)).toEqual({ year: 2015, half: 1, ecb: 500, tilP: 40600, tilA: 9300 });
    expect(known(2016, 2)).toEqual({ year: 2016, half: 2, ecb: 0, tilP: 43500, tilA: 9300 });
    expect(known(2022, 2)).toEqual({ year: 2022, half: 2, ecb: 0, tilP: 31500, tilA: 7700 });
    expect(known(2023, 1)).toEqual({ year: 2023, half: 1, ecb: 25000, tilP: 44700, tilA: 20600 });
    expect(known(2024, 1)).toEqual({ year: 2024, half: 1, ecb: 45000, tilP: 80100, tilA: 50700 });
    expect(known(2024, 2)).toEqual({ year: 2024, half: 2, ecb: 42500, tilP: 81600, tilA: 49200 });
    expect(known(2025, 2)).toEqual({ year: 2025, half: 2, ecb: 21500, tilP: 66500, tilA: 27600 });
    expect(known(2026, 1)).toEqual({ year: 2026, half: 1, ecb: 21500, tilP: 66700, tilA: 26200 });
  });

  it("holds only whole rate units", () => {
    for (const r of DEFAULT_RATES) {
      expect([r.ecb, r.tilP, r.tilA].every(Number.isInteger)).toBe(true);
    }
  });

  it("shows 2026 S1 as the last half-year it knows", () => {
    expect(lastKnownHalfYear(DEFAULT_RATES)).toMatchObject({ year: 2026, half: 1 });
  });
});

describe("halfYearOf", () => {
  it("puts 1 January to 30 June in S1 and 1 July to 31 December in S2", () => {
    expect(halfYearOf(day("2024-01-01"))).toEqual({ year: 2024, half: 1 });
    expect(halfYearOf(day("2024-06-30"))).toEqual({ year: 2024, half: 1 });
    expect(halfYearOf(day("2024-07-01"))).toEqual({ year: 2024, half: 2 });
    expect(halfYearOf(day("2024-12-31"))).toEqual({ year: 2024, half: 2 });
  });

  it("names half-years in French", () => {
    expect(halfYearLabel(2026, 1)).toBe("1er semestre 2026");
    expect(halfYearLabel(2026, 2)).toBe("2d semestre 2026");
  });
});

describe("ratesFor", () => {
  it("answers a clear #N/A error for a half-year the table does not know, never a guess", () => {
    const result = ratesFor(DEFAULT_RATES, 2026, 2);
    expect(isProblem(result)).toBe(true);
    expect(result).toMatchObject({
      code: "na",
      message: "Taux inconnus pour le 2d semestre 2026 : indiquez le taux ou ajoutez ce semestre aux paramètres",
    });
    expect(ratesFor(DEFAULT_RATES, 2014, 1)).toMatchObject({
      code: "na",
      message: expect.stringContaining("1er semestre 2014"),
    });
  });
});

describe("withHalfYear", () => {
  const s2026: HalfYearRates = { year: 2026, half: 2, ecb: 20000, tilP: 66000, tilA: 25000 };

  it("adds a half-year the table did not know, and leaves the original table alone", () => {
    const table = withHalfYear(DEFAULT_RATES, s2026);
    expect(table).toHaveLength(24);
    expect(ratesFor(table, 2026, 2)).toEqual(s2026);
    expect(lastKnownHalfYear(table)).toEqual(s2026);
    expect(DEFAULT_RATES).toHaveLength(23);
    expect(isProblem(ratesFor(DEFAULT_RATES, 2026, 2))).toBe(true);
  });

  it("corrects a half-year the table knew, keeping one row for it", () => {
    const fixed = { year: 2024, half: 2 as const, ecb: 42500, tilP: 81600, tilA: 49300 };
    const table = withHalfYear(DEFAULT_RATES, fixed);
    expect(table).toHaveLength(23);
    expect(ratesFor(table, 2024, 2)).toEqual(fixed);
  });

  it("keeps the table sorted whatever the order rows are added in", () => {
    const table = withHalfYear(withHalfYear([], s2026), { ...s2026, year: 2014, half: 1 });
    expect(table.map((r) => `${r.year}-${r.half}`)).toEqual(["2014-1", "2026-2"]);
  });
});

describe("lastKnownHalfYear", () => {
  it("treats an empty table as a bug", () => {
    expect(() => lastKnownHalfYear([])).toThrow(RangeError);
  });
});
