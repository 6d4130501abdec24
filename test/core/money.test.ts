import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  centsFromEuros,
  eurosFromCents,
  formatEuros,
  MUL_DIV_MAX_DIVISOR,
  mulDivRoundHalfUp,
} from "../../src/core/money";

/** The oracle, with BigInt (fine in Node; the core itself must not use it, see mulDivRoundHalfUp). */
function bigMulDivRoundHalfUp(a: number, b: number, divisor: number): bigint {
  const d = BigInt(divisor);
  return (2n * BigInt(a) * BigInt(b) + d) / (2n * d);
}

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

describe("mulDivRoundHalfUp", () => {
  const MAX = Number.MAX_SAFE_INTEGER;

  it("rounds halves up", () => {
    expect(mulDivRoundHalfUp(5, 1, 2)).toBe(3);
    expect(mulDivRoundHalfUp(426575, 1, 100)).toBe(4266);
    expect(mulDivRoundHalfUp(1, 1, 2)).toBe(1);
  });

  it("rounds below half down and above half up", () => {
    expect(mulDivRoundHalfUp(7, 1, 3)).toBe(2);
    expect(mulDivRoundHalfUp(4, 2, 3)).toBe(3);
    expect(mulDivRoundHalfUp(1, 1, 3)).toBe(0);
  });

  it("is exact when the division is", () => {
    expect(mulDivRoundHalfUp(0, 7, 7)).toBe(0);
    expect(mulDivRoundHalfUp(7, 0, 7)).toBe(0);
    expect(mulDivRoundHalfUp(42, 1, 6)).toBe(7);
    expect(mulDivRoundHalfUp(6, 7, 1)).toBe(42);
  });

  it("gives the 42.66 of DOMAIN.md: 240,000 cents x (145,000 x 30 + 142,500 x 15) / 365,000,000", () => {
    expect(mulDivRoundHalfUp(240000, 145000 * 30 + 142500 * 15, 365000000)).toBe(4266);
  });

  it("stays exact when a x b is far beyond 2^53", () => {
    expect(mulDivRoundHalfUp(MAX, 1000, 1000)).toBe(MAX);
    expect(mulDivRoundHalfUp(MAX, 365000000, 365000000)).toBe(MAX);
    expect(mulDivRoundHalfUp(123456789012345, 987654321, 365000000)).toBe(
      Number(bigMulDivRoundHalfUp(123456789012345, 987654321, 365000000)),
    );
    // A half exactly at the edge of a limb: (10^14 + 1) x 5 / 10 = 5 x 10^13 + 0.5, rounded up.
    expect(mulDivRoundHalfUp(1e14 + 1, 5, 10)).toBe(5e13 + 1);
  });

  it("treats its bounds as bugs and throws RangeError", () => {
    expect(() => mulDivRoundHalfUp(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(1, 1, MUL_DIV_MAX_DIVISOR + 1)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(1, 1, 1.5)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(-1, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(1, -1, 1)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(0.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(MAX + 1, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(Number.NaN, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(1, Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
    // Results beyond 2^53 - 1, including one that only the rounding pushes over.
    expect(() => mulDivRoundHalfUp(MAX, MAX, MUL_DIV_MAX_DIVISOR)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(MAX, 2, 1)).toThrow(RangeError);
    // (2^27 - 1) x (2^27 + 1) / 2 = (2^54 - 1) / 2 = 2^53 - 0.5, which rounds up to 2^53.
    expect(() => mulDivRoundHalfUp(2 ** 27 - 1, 2 ** 27 + 1, 2)).toThrow(RangeError);
  });

  it("reaches the largest safe integer itself", () => {
    expect(mulDivRoundHalfUp(MAX, 3, 3)).toBe(MAX);
    expect(mulDivRoundHalfUp(MAX, 2, 2)).toBe(MAX);
    // 36,217 x 497,401,731,493 / 2 = (2^54 - 3) / 2 = 2^53 - 1.5, which rounds up to 2^53 - 1.
    expect(mulDivRoundHalfUp(36217, 497401731493, 2)).toBe(MAX);
  });

  it("equals the BigInt computation for any operands whose result is safe", () => {
    const operand = fc.oneof(
      fc.integer({ min: 0, max: MAX }),
      fc.integer({ min: 0, max: 1e7 }),
      fc.constantFrom(0, 1, 9999999, 1e7, 1e7 + 1, 1e14 - 1, 1e14, MAX - 1, MAX),
    );
    const divisor = fc.oneof(
      fc.integer({ min: 1, max: MUL_DIV_MAX_DIVISOR }),
      fc.integer({ min: 1, max: 1000 }),
      fc.constantFrom(1, 2, 3, 365000000, MUL_DIV_MAX_DIVISOR - 1, MUL_DIV_MAX_DIVISOR),
    );
    fc.assert(
      fc.property(operand, operand, divisor, (a, b, d) => {
        const expected = bigMulDivRoundHalfUp(a, b, d);
        if (expected > BigInt(MAX)) {
          expect(() => mulDivRoundHalfUp(a, b, d)).toThrow(RangeError);
        } else {
          expect(mulDivRoundHalfUp(a, b, d)).toBe(Number(expected));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("equals the BigInt computation for late interest on large amounts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX }),
        fc.integer({ min: 0, max: 365000000 }),
        (cents, rateDays) => mulDivRoundHalfUp(cents, rateDays, 365000000) === Number(bigMulDivRoundHalfUp(cents, rateDays, 365000000)),
      ),
      { numRuns: 2000 },
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

  it("writes every digit of amounts beyond 2^53, as exactly as the float holds them", () => {
    expect(formatEuros(1e25, "en")).toBe("€100,000,000,000,000,009,059,696.64");
    expect(formatEuros(2 ** 53 + 2, "en")).toBe("€90,071,992,547,409.90"); // read to 15 digits first
    expect(formatEuros(1.79769313486231e308, "en")).toBe("€" + bigEuros(BigInt(1.79769313486231e308)));
    expect(formatEuros(Number.MAX_VALUE)).toBe(""); // 15 digits of it read as Infinity
    fc.assert(
      fc.property(fc.double({ min: 2 ** 53, max: 1e308, noNaN: true }), (x) => {
        const read = Number(x.toPrecision(15)); // formatEuros reads 15 digits first, as Excel shows them
        return formatEuros(read, "en") === "€" + bigEuros(BigInt(read)) && formatEuros(-read, "en") === "-€" + bigEuros(BigInt(read));
      }),
    );
  });

  it("gives an empty text for a non-finite amount", () => {
    expect(formatEuros(Number.NaN)).toBe("");
  });
});

/** Cents as English euros with BigInt, the oracle for amounts beyond 2^53. */
function bigEuros(cents: bigint): string {
  const digits = cents.toString().padStart(3, "0");
  return `${digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ",")}.${digits.slice(-2)}`;
}
