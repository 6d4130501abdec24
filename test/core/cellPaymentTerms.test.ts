import { describe, expect, it } from "vitest";
import { cellPaymentTerms } from "../../src/core/cellPaymentTerms";
import { parsePaymentTerms, paymentTermsFromDays } from "../../src/core/paymentTerms";

describe("the payment terms of a cell", () => {
  it("reads a text as the grammar does", () => {
    expect(cellPaymentTerms("45 jours fin de mois")).toEqual(parsePaymentTerms("45 jours fin de mois"));
  });

  it("reads a number as days net", () => {
    expect(cellPaymentTerms(30)).toEqual(paymentTermsFromDays(30));
  });

  it("parses each distinct value once: the same value gives the same object", () => {
    expect(cellPaymentTerms("30 jours fin de mois")).toBe(cellPaymentTerms("30 jours fin de mois"));
  });

  it("keeps a number of days and the same digits as text apart", () => {
    expect(cellPaymentTerms(60)).not.toBe(cellPaymentTerms("60"));
  });

  it("gives the grammar's problem for a text it does not read", () => {
    expect(cellPaymentTerms("quand il veut")).toMatchObject({ message: expect.stringContaining("quand il veut") });
  });
});
