import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  addDays,
  addMonthsClamped,
  dayFromExcelSerial,
  dayFromFrench,
  dayFromIso,
  dayFromLocalParts,
  dayFromYmd,
  daysInMonth,
  dayToExcelSerial,
  dayToFrench,
  dayToIso,
  endOfMonth,
  isLeapYear,
  isValidYmd,
  MAX_EXCEL_DAY,
  MIN_EXCEL_DAY,
  ymdFromDay,
  type Day,
} from "../../src/core/day";

const iso = (text: string): Day => {
  const day = dayFromIso(text);
  if (day === undefined) throw new Error(`bad fixture ${text}`);
  return day;
};

const validYmd = fc
  .record({ year: fc.integer({ min: 1900, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month));
const excelDay = fc.integer({ min: MIN_EXCEL_DAY, max: MAX_EXCEL_DAY });
const anyDay = fc.integer({ min: -1_000_000, max: 4_000_000 });

describe("day numbers", () => {
  it("1970-01-01 is day 0 and the days before it are negative", () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(dayFromYmd(1970, 1, 2)).toBe(1);
  });

  it("known days match the proleptic Gregorian calendar", () => {
    expect(dayFromYmd(2000, 3, 1)).toBe(11017);
    expect(dayFromYmd(2025, 1, 1)).toBe(20089);
    expect(dayFromYmd(1900, 1, 1)).toBe(MIN_EXCEL_DAY);
    expect(dayFromYmd(9999, 12, 31)).toBe(MAX_EXCEL_DAY);
    expect(ymdFromDay(-719468)).toEqual({ year: 0, month: 3, day: 1 });
  });

  it("ymdFromDay reverses dayFromYmd for every date of years 1900 to 9999", () => {
    fc.assert(
      fc.property(validYmd, ({ year, month, day }) => {
        expect(ymdFromDay(dayFromYmd(year, month, day))).toEqual({ year, month, day });
      }),
    );
  });

  it("dayFromYmd reverses ymdFromDay for any day, before 1970 too", () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const { year, month, day } = ymdFromDay(d);
        expect(isValidYmd(year, month, day)).toBe(true);
        expect(dayFromYmd(year, month, day)).toBe(d);
      }),
    );
  });

  it("consecutive day numbers are consecutive calendar dates", () => {
    fc.assert(
      fc.property(excelDay, (d) => {
        const a = ymdFromDay(d);
        const b = ymdFromDay(d + 1);
        if (a.day < daysInMonth(a.year, a.month)) expect(b).toEqual({ ...a, day: a.day + 1 });
        else expect(b.day).toBe(1);
      }),
    );
  });

  it("dayFromLocalParts(2025, 0, 1) is the day of 2025-01-01, whatever the time zone", () => {
    expect(dayFromLocalParts(2025, 0, 1)).toBe(iso("2025-01-01"));
    // What the edges do with a JS Date: read its local calendar parts.
    const local = new Date(2025, 0, 1, 23, 59);
    expect(dayFromLocalParts(local.getFullYear(), local.getMonth(), local.getDate())).toBe(iso("2025-01-01"));
  });
});

describe("leap years and valid dates", () => {
  it("29/02/2024 is a date, 29/02/2023 is not", () => {
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2023, 2, 29)).toBe(false);
  });

  it("29/02/1900 is not a date (century), 29/02/2000 is (every 400 years)", () => {
    expect(isValidYmd(1900, 2, 29)).toBe(false);
    expect(isValidYmd(2000, 2, 29)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
  });

  it("months have their usual lengths", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it("month 0, month 13, day 0, day 32 and fractions are not dates", () => {
    expect(isValidYmd(2025, 0, 1)).toBe(false);
    expect(isValidYmd(2025, 13, 1)).toBe(false);
    expect(isValidYmd(2025, 1, 0)).toBe(false);
    expect(isValidYmd(2025, 1, 32)).toBe(false);
    expect(isValidYmd(2025, 1.5, 1)).toBe(false);
    expect(isValidYmd(2025, 1, 1.5)).toBe(false);
    expect(isValidYmd(Number.NaN, 1, 1)).toBe(false);
  });
});

describe("day arithmetic", () => {
  it("addDays moves by whole days across months and years", () => {
    expect(dayToIso(addDays(iso("2025-01-15"), 60))).toBe("2025-03-16");
    expect(dayToIso(addDays(iso("2024-12-31"), 1))).toBe("2025-01-01");
    expect(dayToIso(addDays(iso("2024-03-01"), -1))).toBe("2024-02-29");
  });

  it("addDays is strictly increasing in the number of days", () => {
    fc.assert(
      fc.property(excelDay, fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (d, n, k) => {
        expect(addDays(d, n + k)).toBeGreaterThan(addDays(d, n));
      }),
    );
  });

  it("endOfMonth gives the last day of the month, 29 February in a leap year", () => {
    expect(dayToIso(endOfMonth(iso("2024-02-10")))).toBe("2024-02-29");
    expect(dayToIso(endOfMonth(iso("2025-02-10")))).toBe("2025-02-28");
    expect(dayToIso(endOfMonth(iso("2025-12-31")))).toBe("2025-12-31");
    expect(dayToIso(endOfMonth(iso("1969-04-01")))).toBe("1969-04-30");
  });

  it("endOfMonth is idempotent, never before the day, and followed by a 1st", () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const end = endOfMonth(d);
        expect(endOfMonth(end)).toBe(end);
        expect(end).toBeGreaterThanOrEqual(d);
        expect(end - d).toBeLessThan(31);
        expect(ymdFromDay(end + 1).day).toBe(1);
      }),
    );
  });

  it("adding a month to 31 January stops on 28 or 29 February", () => {
    expect(dayToIso(addMonthsClamped(iso("2025-01-31"), 1))).toBe("2025-02-28");
    expect(dayToIso(addMonthsClamped(iso("2024-01-31"), 1))).toBe("2024-02-29");
    expect(dayToIso(addMonthsClamped(iso("2025-03-31"), -1))).toBe("2025-02-28");
    expect(dayToIso(addMonthsClamped(iso("2025-11-15"), 3))).toBe("2026-02-15");
    expect(dayToIso(addMonthsClamped(iso("2025-01-15"), -13))).toBe("2023-12-15");
  });

  it("adding months keeps the day of the month when it exists and lands in the right month", () => {
    fc.assert(
      fc.property(validYmd, fc.integer({ min: -1200, max: 1200 }), (ymd, n) => {
        const moved = ymdFromDay(addMonthsClamped(dayFromYmd(ymd.year, ymd.month, ymd.day), n));
        expect(moved.year * 12 + moved.month).toBe(ymd.year * 12 + ymd.month + n);
        expect(moved.day).toBe(Math.min(ymd.day, daysInMonth(moved.year, moved.month)));
      }),
    );
  });
});

describe("ISO text", () => {
  it("dayToIso writes YYYY-MM-DD", () => {
    expect(dayToIso(dayFromYmd(2025, 3, 31))).toBe("2025-03-31");
    expect(dayToIso(dayFromYmd(1900, 1, 1))).toBe("1900-01-01");
    expect(dayToIso(0)).toBe("1970-01-01");
  });

  it("dayFromIso reads a real date and ignores a time after it", () => {
    expect(dayFromIso("2025-03-31")).toBe(dayFromYmd(2025, 3, 31));
    expect(dayFromIso("2025-03-31T00:00:00")).toBe(dayFromYmd(2025, 3, 31));
    expect(dayFromIso("2025-03-31 10:00")).toBe(dayFromYmd(2025, 3, 31));
    expect(dayFromIso("2025-03-31T23:59:59.999Z")).toBe(dayFromYmd(2025, 3, 31));
    expect(dayFromIso("2025-03-31T10:00:00+02:00")).toBe(dayFromYmd(2025, 3, 31));
  });

  it("dayFromIso refuses impossible dates and loose formats", () => {
    for (const text of ["2021-02-31", "2023-02-29", "1900-02-29", "2025-13-01", "2025-3-31", "25-03-31", "2025/03/31", "2025-03-31T25:00", "2025-03-31x", " 2025-03-31", "", "31/03/2025"]) {
      expect(dayFromIso(text), text).toBeUndefined();
    }
    expect(dayFromIso("2024-02-29")).toBe(dayFromYmd(2024, 2, 29));
    expect(dayFromIso("2000-02-29")).toBe(dayFromYmd(2000, 2, 29));
  });

  it("ISO text round-trips for every day Excel can hold", () => {
    fc.assert(
      fc.property(excelDay, (d) => {
        expect(dayFromIso(dayToIso(d))).toBe(d);
      }),
    );
  });
});

describe("French text", () => {
  it("dayToFrench writes dd/mm/yyyy", () => {
    expect(dayToFrench(dayFromYmd(2025, 3, 31))).toBe("31/03/2025");
    expect(dayToFrench(dayFromYmd(2025, 1, 5))).toBe("05/01/2025");
  });

  it("dayFromFrench reads day first, with /, - or . and optional leading zeros", () => {
    const march31 = dayFromYmd(2025, 3, 31);
    for (const text of ["31/03/2025", "31/3/2025", "31-03-2025", "31.03.2025", "  31/03/2025  ", "31/03/25", "31/03/2025 10:00"]) {
      expect(dayFromFrench(text), text).toBe(march31);
    }
    expect(dayFromFrench("1/2/2025")).toBe(dayFromYmd(2025, 2, 1));
  });

  it("a two-digit year is in the 2000s", () => {
    expect(dayFromFrench("01/06/16")).toBe(dayFromYmd(2016, 6, 1));
    expect(dayFromFrench("01/06/99")).toBe(dayFromYmd(2099, 6, 1));
  });

  it("dayFromFrench refuses impossible dates: 31/02/2021, 29/02/2023, 29/02/1900", () => {
    for (const text of ["31/02/2021", "29/02/2023", "29/02/1900", "00/01/2025", "32/01/2025", "01/13/2025", "31/03-2025", "31/03/202", "2025-03-31", "31 mars 2025", ""]) {
      expect(dayFromFrench(text), text).toBeUndefined();
    }
    expect(dayFromFrench("29/02/2024")).toBe(dayFromYmd(2024, 2, 29));
    expect(dayFromFrench("29/02/2000")).toBe(dayFromYmd(2000, 2, 29));
  });

  it("French text round-trips for every day Excel can hold", () => {
    fc.assert(
      fc.property(excelDay, (d) => {
        expect(dayFromFrench(dayToFrench(d))).toBe(d);
      }),
    );
  });
});

describe("Excel serial numbers (1900 date system)", () => {
  it("serial 1 is 1900-01-01 and serial 59 is 1900-02-28", () => {
    expect(dayToIso(dayFromExcelSerial(1)!)).toBe("1900-01-01");
    expect(dayToIso(dayFromExcelSerial(59)!)).toBe("1900-02-28");
  });

  it("serial 60, the fictitious 29 February 1900, is no day", () => {
    expect(dayFromExcelSerial(60)).toBeUndefined();
    expect(dayFromExcelSerial(60.5)).toBeUndefined();
  });

  it("serial 61 is 1900-03-01, 25569 is 1970-01-01, 45658 is 2025-01-01", () => {
    expect(dayToIso(dayFromExcelSerial(61)!)).toBe("1900-03-01");
    expect(dayFromExcelSerial(25569)).toBe(0);
    expect(dayToIso(dayFromExcelSerial(45658)!)).toBe("2025-01-01");
  });

  it("a fractional serial (a date with a time) is its day", () => {
    expect(dayToIso(dayFromExcelSerial(45658.999)!)).toBe("2025-01-01");
    expect(dayToIso(dayFromExcelSerial(45658.5)!)).toBe("2025-01-01");
    expect(dayToIso(dayFromExcelSerial(1.25)!)).toBe("1900-01-01");
    expect(dayToIso(dayFromExcelSerial(2958465.9)!)).toBe("9999-12-31");
  });

  it("serials below 1, above 2958465, NaN and infinities are no day", () => {
    for (const serial of [0, 0.5, -1, -5, 2958466, 1e20, Number.NaN, Infinity, -Infinity]) {
      expect(dayFromExcelSerial(serial), String(serial)).toBeUndefined();
    }
    expect(dayToIso(dayFromExcelSerial(2958465)!)).toBe("9999-12-31");
    expect(dayFromExcelSerial(1)).toBe(MIN_EXCEL_DAY);
    expect(dayFromExcelSerial(2958465)).toBe(MAX_EXCEL_DAY);
  });

  it("dayToExcelSerial gives serials 1..59 before 1900-03-01 and skips 60 after", () => {
    expect(dayToExcelSerial(dayFromYmd(1900, 1, 1))).toBe(1);
    expect(dayToExcelSerial(dayFromYmd(1900, 2, 28))).toBe(59);
    expect(dayToExcelSerial(dayFromYmd(1900, 3, 1))).toBe(61);
    expect(dayToExcelSerial(0)).toBe(25569);
    expect(dayToExcelSerial(dayFromYmd(2025, 1, 1))).toBe(45658);
    expect(dayToExcelSerial(MAX_EXCEL_DAY)).toBe(2958465);
  });

  it("every valid serial except 60 round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }).filter((s) => s !== 60), (serial) => {
        const day = dayFromExcelSerial(serial);
        expect(day).toBeDefined();
        expect(dayToExcelSerial(day!)).toBe(serial);
      }),
    );
    fc.assert(
      fc.property(excelDay, (d) => {
        expect(dayFromExcelSerial(dayToExcelSerial(d))).toBe(d);
      }),
    );
  });
});

describe("endOfMonth over its fast table (1900-2299)", () => {
  it("agrees with the calendar arithmetic on every day of the table and at its edges", () => {
    const first = dayFromYmd(1899, 12, 1);
    const last = dayFromYmd(2300, 2, 1);
    for (let day = first; day <= last; day++) {
      const { year, month } = ymdFromDay(day);
      expect(endOfMonth(day)).toBe(dayFromYmd(year, month, daysInMonth(year, month)));
    }
  });
});
