import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { dayFromIso, dayToExcelSerial } from "../../src/core/day";
import { ExcelError, installCustomFunctionsGlobal } from "./customFunctionsRuntime";

const associated = installCustomFunctionsGlobal();
const parseSpy = vi.hoisted(() => ({ calls: 0 }));
vi.mock("../../src/core/paymentTerms", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/core/paymentTerms")>();
  return {
    ...actual,
    parsePaymentTerms: (text: string) => {
      parseSpy.calls++;
      return actual.parsePaymentTerms(text);
    },
  };
});
let f: typeof import("../../functions/functions");
beforeAll(async () => {
  f = await import("../../functions/functions");
});

const serial = (iso: string): number => dayToExcelSerial(dayFromIso(iso)!);
const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const only = (grid: unknown[][]): unknown => {
  expect(grid).toHaveLength(1);
  expect(grid[0]).toHaveLength(1);
  return grid[0]![0];
};
function expectError(value: unknown, code: string, message: string | RegExp): void {
  expect(value).toBeInstanceOf(ExcelError);
  const error = value as ExcelError;
  expect(error.code).toBe(code);
  if (typeof message === "string") expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

describe("association", () => {
  it("associates the eight ids of SPEC section 6", () => {
    expect([...associated.keys()].sort()).toEqual(
      ["AGINGBUCKET", "AGINGSUMMARY", "DAYSOVERDUE", "DSO", "DUEDATE", "LATEINTEREST", "NEXTSTAGE", "RECOVERYFEE"],
    );
  });
});

describe("DUEDATE / ECHEANCE", () => {
  it("computes one due date from a single cell", () => {
    expect(only(f.dueDate([[serial("2021-06-01")]], [["30 jours fin de mois"]]))).toBe(serial("2021-07-31"));
  });
  it("spills a whole column, dates as serials, ISO or French text, with the terms beside them", () => {
    const result = f.dueDate(
      column(serial("2025-01-15"), "2025-01-15", "20/01/2025", "2025-01-31", serial("2003-03-17")),
      column("45 jours fin de mois", "fin de mois + 45 jours", "30 jours fin de mois le 10", "le 10 du mois suivant", "60 jours fin de mois le 15"),
    );
    expect(result).toEqual(column(serial("2025-03-31"), serial("2025-03-17"), serial("2025-03-10"), serial("2025-02-10"), serial("2003-06-15")));
  });
  it("applies a single terms cell to every row", () => {
    expect(f.dueDate(column(serial("2025-01-15"), serial("2024-01-10")), [["45 j FDM"]])).toEqual(
      column(serial("2025-03-31"), serial("2024-02-29")),
    );
  });
  it("takes a number of days as terms", () => {
    expect(only(f.dueDate([[serial("2025-01-15")]], [[60]]))).toBe(serial("2025-03-16"));
  });
  it("leaves blank rows blank", () => {
    expect(f.dueDate(column(serial("2025-01-15"), "", null), [["comptant"]])).toEqual(column(serial("2025-01-15"), "", ""));
  });
  it("answers #VALUE! with a French message for unknown terms", () => {
    expectError(only(f.dueDate([[serial("2025-01-15")]], [["quand il veut"]])), "#VALUE!", "Conditions de paiement non reconnues : «quand il veut»");
  });
  it("answers #VALUE! for 31/02/2024, never a date", () => {
    expectError(only(f.dueDate([["31/02/2024"]], [["30 jours"]])), "#VALUE!", "«31/02/2024» n'est pas une date");
  });
  it("answers #VALUE! for the fictitious 29 February 1900 (serial 60)", () => {
    expectError(only(f.dueDate([[60]], [["30 jours"]])), "#VALUE!", /n'est pas une date/);
  });
  it("answers one error when the ranges differ in size", () => {
    expectError(only(f.dueDate(column(1, 2, 3), column("30 jours", "30 jours"))), "#VALUE!", /tailles différentes/);
  });
  it("parses each distinct terms text once, not once per row", () => {
    const before = parseSpy.calls;
    const dates = Array.from({ length: 5000 }, (_, i) => [serial("2025-01-01") + i]);
    const terms = dates.map((_, i) => [i % 2 ? "60 jours nets" : "45 jours fin de mois le 5"]);
    f.dueDate(dates, terms);
    f.dueDate(dates, terms);
    expect(parseSpy.calls - before).toBe(2);
  });
});

describe("DAYSOVERDUE / JOURS.RETARD", () => {
  it("counts days late against the reference date given once for the column", () => {
    expect(f.daysOverdue(column(serial("2025-03-31"), serial("2025-05-31"), ""), [[serial("2025-04-30")]])).toEqual(column(30, 0, ""));
  });
  it("takes the date of the calculation when the reference date is left out", () => {
    const now = new Date();
    const today = serial(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`);
    expect(only(f.daysOverdue([[today - 12]], undefined))).toBe(12);
    expect(only(f.daysOverdue([[today - 12]], null as unknown as undefined))).toBe(12);
  });
  it("answers #VALUE! for text that is not a date", () => {
    expectError(only(f.daysOverdue([["bientôt"]], [[serial("2025-01-01")]])), "#VALUE!", "«bientôt» n'est pas une date");
  });
});

describe("AGINGBUCKET / TRANCHE.AGE", () => {
  const ref = [[serial("2025-06-30")]];
  it("labels each row's band", () => {
    const dues = column(serial("2025-07-01"), serial("2025-06-29"), serial("2025-05-31"), serial("2025-05-30"), serial("2025-04-01"), serial("2025-03-01"));
    const result = f.agingBucket(dues, ref).map((row) => row[0]);
    expect(result.slice(1)).toEqual(["1-30", "1-30", "31-60", "61-90", ">90"]);
    expect(["Non échu", "Not due"]).toContain(result[0]);
  });
  it("takes custom bounds as text or as a range", () => {
    expect(only(f.agingBucket([[serial("2025-06-10")]], ref, [["15;45"]]))).toBe("16-45");
    expect(only(f.agingBucket([[serial("2025-06-10")]], ref, [[15, 45]]))).toBe("16-45");
  });
  it("refuses bounds that are not increasing", () => {
    expectError(only(f.agingBucket([[serial("2025-06-10")]], ref, [["60;30"]])), "#VALUE!", /Tranches d'âge invalides/);
  });
  it("says Non échu in a French Excel and Not due in an English one", () => {
    const host = globalThis as { Office?: unknown };
    try {
      host.Office = { context: { displayLanguage: "fr-FR" } };
      expect(only(f.agingBucket([[serial("2025-07-10")]], ref))).toBe("Non échu");
      host.Office = { context: { displayLanguage: "en-US" } };
      expect(only(f.agingBucket([[serial("2025-07-10")]], ref))).toBe("Not due");
    } finally {
      delete host.Office;
    }
  });
});

describe("LATEINTEREST / PENALITES.RETARD", () => {
  it("reproduces DOMAIN section 2's examples to the cent", () => {
    const result = f.lateInterest(
      column(10000, 5000, 2400, "2 400,00 €"),
      column(serial("2025-03-31"), serial("2025-06-15"), serial("2024-05-31"), "31/05/2024"),
      column(serial("2025-04-30"), serial("2025-07-15"), serial("2024-07-15"), "2024-07-15"),
    );
    expect(result).toEqual(column(108.08, 51.99, 42.66, 42.66));
  });
  it("applies a contractual rate in %, typed or formatted as a percentage", () => {
    expect(only(f.lateInterest([[2000]], [[serial("2026-01-31")]], [[serial("2026-03-02")]], [[7.86]]))).toBe(12.92);
    expect(only(f.lateInterest([[2000]], [[serial("2026-01-31")]], [[serial("2026-03-02")]], [[0.0786]]))).toBe(12.92);
    expect(only(f.lateInterest([[2000]], [[serial("2026-01-31")]], [[serial("2026-03-02")]], [["7,86 %"]]))).toBe(12.92);
  });
  it("is 0 before the due date", () => {
    expect(only(f.lateInterest([[2000]], [[serial("2025-01-31")]], [[serial("2025-01-15")]]))).toBe(0);
  });
  it("answers #N/A with a French message for a half-year the table does not know", () => {
    expectError(only(f.lateInterest([[1000]], [[serial("2026-06-15")]], [[serial("2026-08-01")]])), "#N/A", /semestre 2026/);
  });
  it("answers #VALUE! for text where an amount belongs", () => {
    expectError(only(f.lateInterest([["beaucoup"]], [[serial("2025-03-31")]], [[serial("2025-04-30")]])), "#VALUE!", "«beaucoup» n'est pas un montant");
  });
  it("answers #VALUE! for a rate that is not one", () => {
    expectError(only(f.lateInterest([[1000]], [[serial("2025-03-31")]], [[serial("2025-04-30")]], [["dix"]])), "#VALUE!", /Taux annuel invalide/);
  });
});

describe("RECOVERYFEE / INDEMNITE.FORFAITAIRE", () => {
  it("is 40 euros for a business and by default, 0 for a particulier", () => {
    expect(only(f.recoveryFee(undefined))).toBe(40);
    expect(f.recoveryFee(column("particulier", "Professionnel", "collectivité", "architecte", ""))).toEqual(column(0, 40, 40, 40, 40));
  });
  it("answers #VALUE! for an unknown type", () => {
    expectError(only(f.recoveryFee([["martien"]])), "#VALUE!", /«martien»/);
  });
});

describe("NEXTSTAGE / ETAPE.RELANCE", () => {
  const ref = [[serial("2021-06-15")]];
  it("gives the French label of the level due", () => {
    const result = f.nextStage(
      column(serial("2021-04-30"), serial("2021-04-30"), serial("2021-06-18"), serial("2021-06-14"), serial("2021-04-30")),
      column(2100, 2100, 500, 500, 0.5),
      column(1, "", "", "", ""),
      column(serial("2021-05-05"), "", "", "", ""),
      ref,
    );
    expect(result).toEqual(column("Relance 2", "Relance 1", "Préventive", "", ""));
  });
  it("waits for the acceptance report of an architect", () => {
    expect(only(f.nextStage([[serial("2021-04-30")]], [[2100]], undefined, undefined, ref, [["architecte"]]))).toBe("");
    expect(only(f.nextStage([[serial("2021-04-30")]], [[2100]], undefined, undefined, ref, [["architecte"]], [[serial("2021-06-01")]]))).toBe("Relance 1");
  });
  it("answers #VALUE! for a level that does not exist", () => {
    expectError(only(f.nextStage([[serial("2021-04-30")]], [[2100]], [[7]], undefined, ref)), "#VALUE!", /Niveau de relance non reconnu/);
  });
});

describe("AGINGSUMMARY / BALANCE.AGEE", () => {
  it("spills band, amount and share, then the total", () => {
    const table = f.agingSummaryTable(
      column(serial("2025-07-15"), serial("2025-06-20"), serial("2025-01-01"), ""),
      column(1000, "250,50", 749.5, ""),
      [[serial("2025-06-30")]],
    );
    expect(table.slice(1)).toEqual([
      [expect.any(String), 1000, 0.5],
      ["1-30", 250.5, 0.12525],
      ["31-60", 0, 0],
      ["61-90", 0, 0],
      [">90", 749.5, 0.37475],
      ["Total", 2000, 1],
    ]);
  });
  it("names the row of a bad date", () => {
    expectError(only(f.agingSummaryTable(column(1, "hier"), column(1, 2), [[1]])), "#VALUE!", /^Ligne 2 : «hier» n'est pas une date$/);
  });
});

describe("DSO", () => {
  it("divides receivables by sales over the period", () => {
    expect(only(f.daysSalesOutstanding([[15000]], [[120000]]))).toBeCloseTo(45.625, 10);
    expect(only(f.daysSalesOutstanding(column(1000, 2000), column(9000), [[90]]))).toBeCloseTo(30, 10);
  });
  it("answers #VALUE! on zero sales", () => {
    expectError(only(f.daysSalesOutstanding([[100]], [[0]])), "#VALUE!", /Chiffre d'affaires nul/);
  });
});

describe("long columns", () => {
  // Columns of 512 rows and more take dedicated loops; every cell must come out as it does alone.
  const cellValue = fc.oneof(
    fc.integer({ min: 1, max: 2_958_465 }),
    fc.integer({ min: 44_000, max: 47_000 }),
    fc.double({ min: 44_000, max: 47_000, noNaN: true }),
    fc.constantFrom(0, 59, 60, 61, -3, 2_958_466, Number.NaN, "", "2025-03-31", "31/03/2025", "31/02/2024", "bientôt", true, null),
  );
  const termsValue = fc.oneof(
    fc.constantFrom("30 jours fin de mois", "fin de mois + 45 jours", "60 jours", "à réception", "le 10 du mois suivant"),
    fc.constantFrom("45 jours fin de mois le 15", 30, 0, -5, "", "selon devis", null),
  );
  const compare = (spilled: unknown[][], single: (r: number) => unknown): void => {
    spilled.forEach((row, r) => {
      expect(row).toHaveLength(1);
      const alone = single(r);
      if (alone instanceof ExcelError) expect(row[0]).toEqual(alone);
      else expect(row[0]).toBe(alone);
    });
  };
  it("gives every row what the cell gives alone, whatever the cells hold", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cellValue, termsValue), { minLength: 512, maxLength: 700 }),
        fc.oneof(fc.integer({ min: 44_000, max: 47_000 }), fc.constantFrom("", "pas une date")),
        fc.constantFrom("", "15;45", "30;60;90"),
        (rows, reference, bounds) => {
          const dates = rows.map(([date]) => [date]);
          const terms = rows.map(([, t]) => [t]);
          const ref = [[reference]];
          const due = f.dueDate(dates, terms);
          expect(due).toHaveLength(rows.length);
          compare(due, (r) => only(f.dueDate([dates[r]!], [terms[r]!])));
          compare(f.daysOverdue(dates, ref), (r) => only(f.daysOverdue([dates[r]!], ref)));
          compare(f.agingBucket(dates, ref, [[bounds]]), (r) => only(f.agingBucket([dates[r]!], ref, [[bounds]])));
          compare(f.daysOverdue(due, ref), (r) => only(f.daysOverdue([due[r]!], ref)));
        },
      ),
      { numRuns: 10, endOnFailure: true },
    );
  });
  it("takes a reference date per row as well as one for the whole column", () => {
    const dates = Array.from({ length: 600 }, (_, i) => [serial("2025-01-01") + i]);
    const refs = dates.map((_, i) => [i % 3 === 0 ? "" : serial("2025-06-30") + (i % 7)]);
    compare(f.daysOverdue(dates, refs), (r) => only(f.daysOverdue([dates[r]!], [refs[r]!])));
    compare(f.agingBucket(dates, refs), (r) => only(f.agingBucket([dates[r]!], [refs[r]!])));
  });
});
