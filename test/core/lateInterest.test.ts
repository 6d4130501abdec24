import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromIso, type Day } from "../../src/core/day";
import {
  B2B_RULE,
  CONSUMER_RULE,
  contractualRateWarning,
  lateInterest,
  legalFloor,
  PUBLIC_BUYER_RULE,
  type LateInterest,
  type LateInterestInput,
  type RateRule,
} from "../../src/core/lateInterest";
import { isProblem, type Problem } from "../../src/core/problem";
import { DEFAULT_RATES, withHalfYear } from "../../src/core/rates";

function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
}

function interest(input: LateInterestInput, table = DEFAULT_RATES): LateInterest {
  const result = lateInterest(input, table);
  if (isProblem(result)) throw new Error(result.message);
  return result;
}

function cents(amount: number, from: string, to: string, rule: RateRule = B2B_RULE, split?: boolean): number {
  return interest({ amount, from: day(from), to: day(to), rule, splitByHalfYear: split }).amount;
}

/** Division rounded half up, with BigInt: the test's own oracle (the core has no BigInt, see money.ts). */
function roundHalfUpDiv(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

const THREE_TIL: RateRule = { kind: "legal", category: "A", multiple: 3 };

describe("lateInterest: the worked examples of DOMAIN.md", () => {
  it("EUR 2,400 due 2024-05-31 at the reference date 2024-07-15 is 30 days at 14.50 % + 15 at 14.25 % = 42.66", () => {
    const result = interest({ amount: 240000, from: day("2024-05-31"), to: day("2024-07-15"), rule: B2B_RULE });
    expect(result.amount).toBe(4266);
    expect(result.days).toBe(45);
    expect(result.parts).toEqual([
      { from: day("2024-06-01"), to: day("2024-06-30"), days: 30, rate: 145000 },
      { from: day("2024-07-01"), to: day("2024-07-15"), days: 15, rate: 142500 },
    ]);
  });

  it("rounds once on the invoice's total, not on each half-year's part (42.66, not 42.65)", () => {
    const parts = interest({ amount: 240000, from: day("2024-05-31"), to: day("2024-07-15"), rule: B2B_RULE }).parts;
    const perPart = parts.reduce(
      (sum, p) => sum + roundHalfUpDiv(240000n * BigInt(p.rate) * BigInt(p.days), 365n * 100n * 10000n),
      0n,
    );
    expect(perPart).toBe(4265n);
    expect(cents(240000, "2024-05-31", "2024-07-15")).toBe(4266);
  });

  it("EUR 10,000 due 2025-03-31 paid 2025-04-30 is 30 days at 13.15 % = 108.08", () => {
    expect(cents(1000000, "2025-03-31", "2025-04-30")).toBe(10808);
  });

  it("EUR 5,000 due 2025-06-15 paid 2025-07-15 is 15 days at 13.15 % + 15 at 12.15 % = 51.99", () => {
    expect(cents(500000, "2025-06-15", "2025-07-15")).toBe(5199);
  });

  it("without the split by half-year, the whole delay takes the rate of the first day late (54.04)", () => {
    const result = interest({
      amount: 500000,
      from: day("2025-06-15"),
      to: day("2025-07-15"),
      rule: B2B_RULE,
      splitByHalfYear: false,
    });
    expect(result.amount).toBe(5404);
    expect(result.parts).toEqual([{ from: day("2025-06-16"), to: day("2025-07-15"), days: 30, rate: 131500 }]);
  });

  it("EUR 2,000 at 3 x TIL due 2026-01-31 paid 2026-03-02 is 30 days at 7.86 % = 12.92", () => {
    const result = interest({ amount: 200000, from: day("2026-01-31"), to: day("2026-03-02"), rule: THREE_TIL });
    expect(result).toEqual({
      amount: 1292,
      days: 30,
      parts: [{ from: day("2026-02-01"), to: day("2026-03-02"), days: 30, rate: 78600 }],
    });
  });

  it("a contractual fixed rate of 7.86 % gives the same 12.92", () => {
    expect(cents(200000, "2026-01-31", "2026-03-02", { kind: "fixed", rate: 78600 })).toBe(1292);
  });

  it("a consumer owes the TIL from the mise en demeure: EUR 1,000 received 2025-10-10 paid 2025-11-09 = 2.27", () => {
    const result = interest({ amount: 100000, from: day("2025-10-10"), to: day("2025-11-09"), rule: CONSUMER_RULE });
    expect(result.amount).toBe(227);
    expect(result.parts).toEqual([{ from: day("2025-10-11"), to: day("2025-11-09"), days: 30, rate: 27600 }]);
  });

  it("a public buyer owes ECB + 8 points: EUR 10,000 30 days late in 2025 S1 at 11.15 % = 91.64", () => {
    const result = interest({ amount: 1000000, from: day("2025-03-31"), to: day("2025-04-30"), rule: PUBLIC_BUYER_RULE });
    expect(result.amount).toBe(9164);
    expect(result.parts[0]?.rate).toBe(111500);
  });
});

describe("lateInterest: rules", () => {
  it("nothing is owed on or before the due date", () => {
    expect(interest({ amount: 100000, from: day("2025-03-31"), to: day("2025-03-31"), rule: B2B_RULE })).toEqual({
      amount: 0,
      days: 0,
      parts: [],
    });
    expect(interest({ amount: 100000, from: day("2025-03-31"), to: day("2025-03-01"), rule: B2B_RULE })).toEqual({
      amount: 0,
      days: 0,
      parts: [],
    });
  });

  it("interest runs from the day after the due date: one day late is one day of interest", () => {
    const result = interest({ amount: 3650000, from: day("2025-03-31"), to: day("2025-04-01"), rule: { kind: "fixed", rate: 100000 } });
    expect(result.amount).toBe(1000);
    expect(result.parts[0]?.from).toBe(day("2025-04-01"));
  });

  it("a leap year still counts 365 days a year", () => {
    expect(cents(365000, "2023-12-31", "2024-12-31", { kind: "fixed", rate: 100000 })).toBe(36600);
  });

  it("30 June is the last day of S1 and 1 July the first of S2", () => {
    const parts = interest({ amount: 100000, from: day("2024-06-29"), to: day("2024-07-01"), rule: B2B_RULE }).parts;
    expect(parts.map((p) => [p.days, p.rate])).toEqual([
      [1, 145000],
      [1, 142500],
    ]);
  });

  it("a delay over 31 December is split at 1 January", () => {
    const parts = interest({ amount: 100000, from: day("2024-12-21"), to: day("2025-01-10"), rule: B2B_RULE }).parts;
    expect(parts.map((p) => [p.days, p.rate])).toEqual([
      [10, 142500],
      [10, 131500],
    ]);
  });

  it("consecutive half-years at the same rate make one part", () => {
    const result = interest({ amount: 100000, from: day("2016-12-31"), to: day("2018-12-31"), rule: B2B_RULE });
    expect(result.parts).toEqual([{ from: day("2017-01-01"), to: day("2018-12-31"), days: 730, rate: 100000 }]);
    expect(result.amount).toBe(20000);
  });

  it("a negative amount is a #VALUE! error", () => {
    const result = lateInterest({ amount: -100, from: day("2025-03-31"), to: day("2025-04-30"), rule: B2B_RULE });
    expect(result).toMatchObject({ kind: "problem", code: "value" });
  });

  it("an amount that is not whole cents is a #VALUE! error", () => {
    const result = lateInterest({ amount: 10.5, from: day("2025-03-31"), to: day("2025-04-30"), rule: B2B_RULE });
    expect(result).toMatchObject({ kind: "problem", code: "value" });
  });

  it("a negative contractual rate is a #VALUE! error", () => {
    const result = lateInterest({
      amount: 100,
      from: day("2025-03-31"),
      to: day("2025-04-30"),
      rule: { kind: "fixed", rate: -1 },
    });
    expect(result).toMatchObject({ kind: "problem", code: "value" });
  });
});

describe("lateInterest: large amounts, exact to the cent without BigInt", () => {
  it("EUR 90 billion 45 days late in mid-2024: the numerator is beyond 2^53, the cent is still exact", () => {
    const amount = 9_000_000_000_000; // cents
    const result = interest({ amount, from: day("2024-05-31"), to: day("2024-07-15"), rule: B2B_RULE });
    const exact = roundHalfUpDiv(BigInt(amount) * (145000n * 30n + 142500n * 15n), 365n * 100n * 10000n);
    expect(result.amount).toBe(Number(exact));
    expect(result.amount).toBe(159_965_753_425);
  });

  it("equals the BigInt computation for any amount up to 2^53 - 1 cents", () => {
    const FIRST = day("2015-01-01");
    const LAST = day("2026-06-30");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: FIRST - 1, max: LAST - 1 }),
        fc.integer({ min: 1, max: 1500 }),
        fc.constantFrom<RateRule>(B2B_RULE, CONSUMER_RULE, THREE_TIL, { kind: "fixed", rate: 123456 }),
        (amount, from, length, rule) => {
          const to = Math.min(from + length, LAST);
          const parts = interest({ amount: 1, from, to, rule }).parts; // the parts do not depend on the amount
          const numerator = parts.reduce((sum, p) => sum + BigInt(amount) * BigInt(p.rate) * BigInt(p.days), 0n);
          const exact = roundHalfUpDiv(numerator, 365n * 100n * 10000n);
          const result = lateInterest({ amount, from, to, rule });
          // Beyond 2^52 cents (checked on a float estimate, so give or take a few cents) a Problem.
          if (isProblem(result)) return exact >= BigInt(2 ** 52) - 8n;
          return result.amount === Number(exact) && exact <= BigInt(2 ** 52) + 8n;
        },
      ),
      { numRuns: 500 },
    );
  });

  it("interest beyond 2^52 cents is a #VALUE! error, never an approximate amount", () => {
    const result = lateInterest({
      amount: Number.MAX_SAFE_INTEGER,
      from: day("2015-01-01"),
      to: day("2026-06-30"),
      rule: B2B_RULE,
    });
    expect(result).toMatchObject({ kind: "problem", code: "value", message: expect.stringContaining("trop élevées") });
  });

  it("a rate times days beyond 2^53 is a #VALUE! error too", () => {
    const result = lateInterest({
      amount: 1,
      from: day("2025-01-01"),
      to: day("2025-12-31"),
      rule: { kind: "fixed", rate: Number.MAX_SAFE_INTEGER },
    });
    expect(result).toMatchObject({ kind: "problem", code: "value" });
  });
});

describe("lateInterest: unknown half-years", () => {
  it("a delay that reaches 2026-07-01 without a 2026 S2 row is a #N/A error naming the half-year", () => {
    const result = lateInterest({ amount: 100000, from: day("2026-06-15"), to: day("2026-07-01"), rule: B2B_RULE });
    expect(result).toEqual({
      kind: "problem",
      code: "na",
      message: "Taux inconnus pour le 2d semestre 2026 : indiquez le taux ou ajoutez ce semestre aux paramètres",
    });
  });

  it("a delay before the table's first half-year is a #N/A error too", () => {
    const result = lateInterest({ amount: 100000, from: day("2014-12-15"), to: day("2015-01-15"), rule: B2B_RULE });
    expect(result).toMatchObject({ code: "na", message: expect.stringContaining("2d semestre 2014") });
  });

  it("the TIL of an unknown half-year is unknown as well", () => {
    const result = lateInterest({ amount: 100000, from: day("2026-09-01"), to: day("2026-10-01"), rule: CONSUMER_RULE });
    expect(result).toMatchObject({ code: "na" });
  });

  it("a contractual fixed rate needs no table", () => {
    expect(cents(1000000, "2026-09-30", "2026-10-30", { kind: "fixed", rate: 131500 })).toBe(10808);
  });

  it("adding 2026 S2 to the table makes a late-2026 computation work", () => {
    const table = withHalfYear(DEFAULT_RATES, { year: 2026, half: 2, ecb: 20000, tilP: 66000, tilA: 25000 });
    const result = interest({ amount: 1000000, from: day("2026-06-30"), to: day("2026-11-30"), rule: B2B_RULE }, table);
    expect(result.parts.map((p) => [p.days, p.rate])).toEqual([[153, 120000]]);
    // 1,000,000 x 120,000 x 153 / 365,000,000 = 50,301.37 cents
    expect(result.amount).toBe(50301);
  });
});

describe("legal floor and contractual rates", () => {
  it("the legal floor is 3 x the TIL «autres cas» of the day's half-year", () => {
    expect(legalFloor(day("2026-02-01"))).toBe(78600);
    expect(legalFloor(day("2025-07-01"))).toBe(82800);
    expect(legalFloor(day("2016-12-31"))).toBe(27900);
  });

  it("the legal floor of an unknown half-year is a #N/A error", () => {
    expect(legalFloor(day("2026-07-01"))).toMatchObject({ kind: "problem", code: "na" });
  });

  it("a contractual rate below the floor gets a French warning", () => {
    expect(contractualRateWarning(50000, day("2026-02-01"))).toBe(
      "Taux contractuel de 5,00\u00A0% inférieur au minimum légal de 7,86\u00A0% " +
        "(3 fois le taux de l'intérêt légal du 1er semestre 2026, art. L441-10 du Code de commerce)",
    );
  });

  it("a contractual rate at or above the floor gets no warning", () => {
    expect(contractualRateWarning(78600, day("2026-02-01"))).toBeUndefined();
    expect(contractualRateWarning(100000, day("2026-02-01"))).toBeUndefined();
  });

  it("no warning is made up for a half-year whose TIL is unknown", () => {
    expect(contractualRateWarning(10000, day("2026-08-01"))).toBeUndefined();
  });
});

describe("lateInterest: properties", () => {
  const FIRST = day("2015-01-01");
  const LAST = day("2026-06-30");
  const amount = fc.integer({ min: 0, max: 1e11 });
  const rule = fc.constantFrom<RateRule>(B2B_RULE, PUBLIC_BUYER_RULE, CONSUMER_RULE, THREE_TIL, {
    kind: "fixed",
    rate: 123456,
  });
  // from < mid < to, all inside the table's half-years
  const period = fc
    .tuple(fc.integer({ min: FIRST - 1, max: LAST }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }))
    .map(([from, a, b]) => {
      const to = Math.min(from + a + b, LAST);
      return { from, mid: Math.min(from + a, to), to };
    });

  const run = (input: LateInterestInput): LateInterest => {
    const result: LateInterest | Problem = lateInterest(input);
    if (isProblem(result)) throw new Error(result.message);
    return result;
  };

  it("interest is never negative", () => {
    fc.assert(
      fc.property(amount, period, rule, fc.boolean(), (a, p, r, split) =>
        run({ amount: a, from: p.from, to: p.to, rule: r, splitByHalfYear: split }).amount >= 0,
      ),
    );
  });

  it("interest never falls when the delay grows", () => {
    fc.assert(
      fc.property(amount, period, rule, (a, p, r) => {
        const shorter = run({ amount: a, from: p.from, to: p.mid, rule: r }).amount;
        const longer = run({ amount: a, from: p.from, to: p.to, rule: r }).amount;
        return shorter <= longer;
      }),
    );
  });

  it("interest never falls when the amount grows", () => {
    fc.assert(
      fc.property(amount, amount, period, rule, (a, b, p, r) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        return (
          run({ amount: small, from: p.from, to: p.to, rule: r }).amount <=
          run({ amount: large, from: p.from, to: p.to, rule: r }).amount
        );
      }),
    );
  });

  it("a delay cut in two owes the whole's interest to within a cent", () => {
    fc.assert(
      fc.property(amount, period, rule, (a, p, r) => {
        const whole = run({ amount: a, from: p.from, to: p.to, rule: r }).amount;
        const first = run({ amount: a, from: p.from, to: p.mid, rule: r }).amount;
        const second = run({ amount: a, from: p.mid, to: p.to, rule: r }).amount;
        return Math.abs(first + second - whole) <= 1;
      }),
    );
  });

  it("the parts cover every day late exactly once", () => {
    fc.assert(
      fc.property(amount, period, rule, (a, p, r) => {
        const result = run({ amount: a, from: p.from, to: p.to, rule: r });
        const days = result.parts.reduce((sum, part) => sum + part.days, 0);
        const contiguous = result.parts.every(
          (part, i) => part.days === part.to - part.from + 1 && part.from === (i === 0 ? p.from + 1 : (result.parts[i - 1]?.to ?? 0) + 1),
        );
        return days === result.days && result.days === p.to - p.from && contiguous;
      }),
    );
  });
});
