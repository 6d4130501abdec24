import { describe, it, expect } from "vitest";
import { isProblem, problem } from "../../src/core/problem";

describe("problem values", () => {
  it("a problem is frozen and defaults to #VALUE!", () => {
    const p = problem("Date manquante");
    expect(p).toEqual({ kind: "problem", code: "value", message: "Date manquante" });
    expect(Object.isFrozen(p)).toBe(true);
    expect(problem("Taux inconnu", "na").code).toBe("na");
  });

  it("isProblem tells problems from results", () => {
    expect(isProblem(problem("x"))).toBe(true);
    for (const x of [0, "problem", null, undefined, { kind: "problem" }, { kind: "other", message: "x" }]) {
      expect(isProblem(x)).toBe(false);
    }
  });
});
