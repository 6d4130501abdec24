import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseAmountInput } from "../../src/core/amountInput";
import { isProblem } from "../../src/core/problem";

describe("amounts as users type them", () => {
  it.each([
    ["1 234,56 €", 123456],
    ["1\u202f234,56\u00a0€", 123456],
    ["1234.56", 123456],
    ["1.234,56", 123456],
    ["1,234.56", 123456],
    ["4 200", 420000],
    ["1.234", 123400],
    ["12,5", 1250],
    ["-50 EUR", -5000],
    ["(120,00)", -12000],
    ["€ 99", 9900],
    ["0,10", 10],
  ])("reads %j as %i cents", (text, cents) => {
    expect(parseAmountInput(text)).toBe(cents);
  });
  it("reads numbers to the cent despite binary floats", () => {
    expect(parseAmountInput(0.1 + 0.2)).toBe(30);
    expect(parseAmountInput(19.99)).toBe(1999);
  });
  it("names what is not an amount", () => {
    const result = parseAmountInput("douze euros");
    expect(isProblem(result) && result.message).toBe("«douze euros» n'est pas un montant");
    expect(isProblem(parseAmountInput("1,2,3"))).toBe(true);
    expect(isProblem(parseAmountInput("12,345"))).toBe(true);
    expect(isProblem(parseAmountInput(true))).toBe(true);
  });
  it("refuses what is not a finite number of euros under EUR 1 billion, either sign", () => {
    for (const value of [Infinity, -Infinity, Number.NaN, 1e308, 1e9, -1e9, 1e9 + 0.01, "1 000 000 000,00 €", "-1000000000"]) {
      expect([value, isProblem(parseAmountInput(value))]).toEqual([value, true]);
    }
    const result = parseAmountInput(1e308);
    expect(isProblem(result) && result.message).toBe("«1e+308» n'est pas un montant inférieur à 1 milliard d'euros / not an amount under EUR 1 billion");
    expect(parseAmountInput(999_999_999.99)).toBe(99_999_999_999);
    expect(parseAmountInput("-999 999 999,99 €")).toBe(-99_999_999_999);
  });
  it("refuses a number with a third decimal once float noise is rounded away", () => {
    const result = parseAmountInput(12.345);
    expect(isProblem(result) && result.message).toBe("«12.345» a plus de deux décimales : arrondissez au centime / more than two decimals: round it to the cent");
    expect(isProblem(parseAmountInput(0.001))).toBe(true);
    expect(parseAmountInput(1234.56 * 3)).toBe(370368);
    expect(parseAmountInput(0.1 * 3)).toBe(30);
  });
  it("says when the amount is missing", () => {
    const result = parseAmountInput("  ");
    expect(isProblem(result) && result.message).toBe("Montant manquant");
  });
  it("reads back what French formatting writes", () => {
    fc.assert(fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), (cents) => {
      const euros = Math.trunc(Math.abs(cents) / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
      const text = `${cents < 0 ? "-" : ""}${euros},${String(Math.abs(cents) % 100).padStart(2, "0")} €`;
      expect(parseAmountInput(text)).toBe(cents);
    }));
  });
});
