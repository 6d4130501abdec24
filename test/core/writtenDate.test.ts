import { describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { shortEnglishDate, writtenDate } from "../../src/core/writtenDate";

const day = (iso: string) => dayFromIso(iso)!;

describe("writtenDate", () => {
  it("writes a French date out, « 1er » on the first of the month", () => {
    expect(writtenDate(day("2026-06-30"), "fr")).toBe("30 juin 2026");
    expect(writtenDate(day("2026-07-01"), "fr")).toBe("1er juillet 2026");
    expect(writtenDate(day("2026-08-14"), "fr")).toBe("14 août 2026");
    expect(writtenDate(day("2026-02-03"), "fr")).toBe("3 février 2026");
  });

  it("writes an English date day first, month in words", () => {
    expect(writtenDate(day("2026-07-21"), "en")).toBe("21 July 2026");
    expect(writtenDate(day("2026-07-01"), "en")).toBe("1 July 2026");
  });
});

describe("shortEnglishDate", () => {
  it("gives tables a date no reader takes for another: 3 Sep 2026, not 03/09/2026", () => {
    expect(shortEnglishDate(day("2026-09-03"))).toBe("3 Sep 2026");
    expect(shortEnglishDate(day("2026-12-25"))).toBe("25 Dec 2026");
  });
});
