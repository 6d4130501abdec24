import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centsFromEuros, eurosFromCents, formatEuros, roundHalfUpDiv } from "../../src/core/money";

describe("centsFromEuros", () => {
  it("reads an amount by the decimal a person typed, not by its binary float", () => {
    expect(centsFromEuros(0.1 + 0.2)).toBe(30);
    expect(centsFromEuros(19.99)).toBe(1999);
    expect(centsFromEuros(1.005)).toBe(101);
    expect(centsFromEuros(1.015)).toBe(102);
    expect(centsFromEuros(2400)).toBe(240000);
  });

  it("rounds a half cent away from zero for negative amounts too", () => {
    expect(centsFromEuros(-1.005)).toBe(-101);
    expect(centsFromEuros(-0.001)).toBe(0);
    expect(Object.is(centsFromEuros(-0.001), 0)).toBe(true);
  });

  it("rounds below half a cent down", () => {
    expect(centsFromEuros(1.0049)).toBe(100);
  });

  it("answers NaN for a non-finite amount", () => {
    expect(centsFromEuros(Number.NaN)).toBeNaN();
    expect(centsFromEuros(Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it("gives back any whole number of cents converted to euros", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (c) => centsFromEuros(eurosFromCents(c)) === c + 0),
    );
  });
});

describe("eurosFromCents", () => {
  it("divides by one hundred", () => {
    expect(eurosFromCents(1999)).toBe(19.99);
    expect(eurosFromCents(4266)).toBe(42.66);
  });
});

describe("roundHalfUpDiv", () => {
  it("rounds halves up", () => {
    expect(roundHalfUpDiv(5n, 2n)).toBe(3n);
    expect(roundHalfUpDiv(426575n, 100n)).toBe(4266n);
  });

  it("rounds below half down and above half up", () => {
    expect(roundHalfUpDiv(7n, 3n)).toBe(2n);
    expect(roundHalfUpDiv(8n, 3n)).toBe(3n);
  });

  it("rounds halves away from zero for negative results", () => {
    expect(roundHalfUpDiv(-5n, 2n)).toBe(-3n);
    expect(roundHalfUpDiv(5n, -2n)).toBe(-3n);
    expect(roundHalfUpDiv(-5n, -2n)).toBe(3n);
    expect(roundHalfUpDiv(-7n, 3n)).toBe(-2n);
  });

  it("is exact when the division is", () => {
    expect(roundHalfUpDiv(0n, 7n)).toBe(0n);
    expect(roundHalfUpDiv(42n, 6n)).toBe(7n);
  });

  it("treats a zero divisor as a bug", () => {
    expect(() => roundHalfUpDiv(1n, 0n)).toThrow(RangeError);
  });

  it("is never more than half away from the exact quotient", () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const q = roundHalfUpDiv(n, d);
        const error = n * 2n - q * 2n * d; // 2 x (n/d - q) x d
        return error <= d && error >= -d;
      }),
    );
  });
});

describe("formatEuros", () => {
  it("writes French amounts with narrow no-break spaces between thousands", () => {
    expect(formatEuros(123456)).toBe("1\u202F234,56\u00A0€");
    expect(formatEuros(123456789012, "fr")).toBe("1\u202F234\u202F567\u202F890,12\u00A0€");
  });

  it("writes English amounts with the sign first and commas between thousands", () => {
    expect(formatEuros(123456, "en")).toBe("€1,234.56");
    expect(formatEuros(100000000, "en")).toBe("€1,000,000.00");
  });

  it("writes small and negative amounts", () => {
    expect(formatEuros(0)).toBe("0,00\u00A0€");
    expect(formatEuros(5)).toBe("0,05\u00A0€");
    expect(formatEuros(-4000)).toBe("-40,00\u00A0€");
    expect(formatEuros(-123456, "en")).toBe("-€1,234.56");
  });

  it("agrees with Intl where the host has its data", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        const fr = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(c / 100);
        const en = new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(c / 100);
        return formatEuros(c, "fr") === fr && formatEuros(c, "en") === en;
      }),
    );
  });

  it("gives an empty text for a non-finite amount", () => {
    expect(formatEuros(Number.NaN)).toBe("");
  });
});
