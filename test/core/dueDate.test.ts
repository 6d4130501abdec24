import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { dayFromIso, dayToIso, MAX_EXCEL_DAY, MIN_EXCEL_DAY, type Day } from "../../src/core/day";
import { dueDate } from "../../src/core/dueDate";
import { parsePaymentTerms } from "../../src/core/paymentTerms";
import { isProblem } from "../../src/core/problem";
import { termsArb } from "./arbitraries";

const iso = (text: string): Day => {
  const day = dayFromIso(text);
  if (day === undefined) throw new Error(`bad fixture ${text}`);
  return day;
};

/** The due date of an invoice whose terms are given as users type them. */
function due(invoice: string, termsText: string): string {
  const terms = parsePaymentTerms(termsText);
  if (isProblem(terms)) throw new Error(terms.message);
  return dayToIso(dueDate(iso(invoice), terms));
}

describe("due dates of DOMAIN section 1", () => {
  it("2021-06-01 at 30 jours fin de mois (A) is due 2021-07-31", () => {
    expect(due("2021-06-01", "30 jours fin de mois")).toBe("2021-07-31");
  });

  it("2021-06-01 at fin de mois + 30 jours (B) is due 2021-07-30", () => {
    expect(due("2021-06-01", "fin de mois + 30 jours")).toBe("2021-07-30");
  });

  it("2025-01-15 at 45 jours fin de mois (A) is due 2025-03-31", () => {
    expect(due("2025-01-15", "45 jours fin de mois")).toBe("2025-03-31");
  });

  it("2025-01-15 at fin de mois + 45 jours (B) is due 2025-03-17", () => {
    expect(due("2025-01-15", "fin de mois + 45 jours")).toBe("2025-03-17");
  });

  it("2024-01-10 at 45 jours fin de mois (A) is due 2024-02-29, a leap day", () => {
    expect(due("2024-01-10", "45 jours fin de mois")).toBe("2024-02-29");
  });

  it("2025-01-15 at 60 jours date de facture is due 2025-03-16", () => {
    expect(due("2025-01-15", "60 jours date de facture")).toBe("2025-03-16");
  });

  it("2025-01-20 at 30 jours fin de mois le 10 is due 2025-03-10 (02-19, end of month 02-28, next 10th)", () => {
    expect(due("2025-01-20", "30 jours fin de mois le 10")).toBe("2025-03-10");
  });

  it("2025-01-31 at le 10 du mois suivant is due 2025-02-10", () => {
    expect(due("2025-01-31", "le 10 du mois suivant")).toBe("2025-02-10");
  });

  it("2003-03-17 at 60 jours fin de mois le 15 is due 2003-06-15 (Sage Négoce example)", () => {
    expect(due("2003-03-17", "60 jours fin de mois le 15")).toBe("2003-06-15");
  });

  it("comptant and à réception are due on the invoice date", () => {
    for (const invoice of ["2025-01-15", "2024-02-29", "1900-01-01", "9999-12-31"]) {
      expect(due(invoice, "comptant")).toBe(invoice);
      expect(due(invoice, "à réception")).toBe(invoice);
    }
  });

  it("seed 001: 1 June 2016 at 30 jours fin de mois is due 2016-07-31, not 2016-07-01", () => {
    expect(due("2016-06-01", "30 jours fin de mois")).toBe("2016-07-31");
    expect(due("2016-06-01", "30 jours")).toBe("2016-07-01");
  });
});

describe("due date rules", () => {
  it("fin de mois alone is the last day of the invoice month", () => {
    expect(due("2025-02-03", "fin de mois")).toBe("2025-02-28");
    expect(due("2025-02-28", "FDM")).toBe("2025-02-28");
  });

  it("le D is clamped to the length of a short month", () => {
    expect(due("2025-01-31", "le 31 du mois suivant")).toBe("2025-02-28");
    expect(due("2024-01-05", "le 30 du mois suivant")).toBe("2024-02-29");
    expect(due("2025-01-05", "30 jours fin de mois le 31")).toBe("2025-03-31");
    expect(due("2025-03-15", "fin de mois le 31")).toBe("2025-04-30");
  });

  it("le D du mois suivant crosses the year in December", () => {
    expect(due("2024-12-20", "le 10 du mois suivant")).toBe("2025-01-10");
  });

  it("method A and method B differ when the month after has fewer days", () => {
    expect(due("2025-01-31", "30 jours fin de mois")).toBe("2025-03-31");
    expect(due("2025-01-31", "fin de mois + 30 jours")).toBe("2025-03-02");
  });
});

const invoiceDay = fc.integer({ min: MIN_EXCEL_DAY, max: MAX_EXCEL_DAY });

describe("due date properties", () => {
  it("an invoice is never due before its date", () => {
    fc.assert(
      fc.property(invoiceDay, termsArb, (invoice, terms) => {
        expect(dueDate(invoice, terms)).toBeGreaterThanOrEqual(invoice);
      }),
      { numRuns: 2000 },
    );
  });

  it("a later invoice is never due earlier under the same terms", () => {
    fc.assert(
      fc.property(invoiceDay, fc.integer({ min: 0, max: 400 }), termsArb, (invoice, later, terms) => {
        expect(dueDate(invoice + later, terms)).toBeGreaterThanOrEqual(dueDate(invoice, terms));
      }),
      { numRuns: 2000 },
    );
  });

  it("the next day's invoice is never due earlier (day by day, across month ends)", () => {
    fc.assert(
      fc.property(invoiceDay, termsArb, (invoice, terms) => {
        expect(dueDate(invoice + 1, terms)).toBeGreaterThanOrEqual(dueDate(invoice, terms));
      }),
      { numRuns: 2000 },
    );
  });

  it("net N and method B add exactly N days to their starting point", () => {
    fc.assert(
      fc.property(invoiceDay, fc.integer({ min: 0, max: 3650 }), (invoice, days) => {
        expect(dueDate(invoice, { kind: "net", days })).toBe(invoice + days);
        expect(dueDate(invoice, { kind: "endOfMonthB", days }) - dueDate(invoice, { kind: "endOfMonthA", days: 0 })).toBe(days);
      }),
    );
  });
});
