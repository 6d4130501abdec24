import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  describePaymentTerms,
  parsePaymentTerms,
  paymentTermsFromDays,
  paymentTermsWarning,
  type PaymentTerms,
} from "../../src/core/paymentTerms";
import { isProblem, problem } from "../../src/core/problem";
import { termsArb } from "./arbitraries";

function expectTerms(texts: readonly string[], expected: PaymentTerms): void {
  for (const text of texts) expect(parsePaymentTerms(text), text).toEqual(expected);
}

const unrecognised = (text: string) => problem(`Conditions de paiement non reconnues : «${text}»`);

describe("payment on receipt", () => {
  it("comptant, à réception, cash and on receipt are due on the invoice date", () => {
    expectTerms(
      [
        "comptant",
        "Comptant",
        "COMPTANT",
        "à réception",
        "a reception",
        "À RÉCEPTION",
        "A Réception",
        "payable à réception",
        "Payable a reception de facture",
        "paiement comptant",
        "dès réception",
        "cash",
        "Cash",
        "on receipt",
        "On Receipt",
        "due on receipt",
        "payable upon receipt",
        "  comptant  ",
      ],
      { kind: "immediate" },
    );
  });
});

describe("net days from the invoice date", () => {
  it("N jours, N j, net N, N days and N jours date de facture are N days after the invoice", () => {
    expectTerms(
      [
        "30 jours",
        "30 Jours",
        "30jours",
        "30 j",
        "30j",
        "30 J",
        "30 j.",
        "net 30",
        "Net 30",
        "NET 30",
        "net 30 jours",
        "net à 30 jours",
        "30 days",
        "30 Days",
        "30 days net",
        "net 30 days",
        "30 jours date de facture",
        "30 Jours Date De Facture",
        "30 jours date facture",
        "30 jours nets",
        "30 jours net",
        "30 jours net date de facture",
        "à 30 jours",
        "paiement à 30 jours",
        "30 days from invoice date",
        "30\u00a0jours",
        "  30   jours  ",
      ],
      { kind: "net", days: 30 },
    );
  });

  it("a bare number in a text cell is a number of days", () => {
    expectTerms(["45", " 45 "], { kind: "net", days: 45 });
  });

  it("60 jours date de facture reads as 60 net days", () => {
    expectTerms(["60 jours date de facture"], { kind: "net", days: 60 });
  });

  it("0 days and 3650 days are the bounds", () => {
    expectTerms(["0 jours"], { kind: "net", days: 0 });
    expectTerms(["3650 jours"], { kind: "net", days: 3650 });
    expect(parsePaymentTerms("3651 jours")).toEqual(unrecognised("3651 jours"));
  });
});

describe("N jours fin de mois (method A)", () => {
  it("N jours fin de mois, N j FDM, N days end of month and N EOM are method A", () => {
    expectTerms(
      [
        "45 jours fin de mois",
        "45 Jours Fin De Mois",
        "45 JOURS FIN DE MOIS",
        "45 jours fin du mois",
        "45 j fin de mois",
        "45 j FDM",
        "45j FDM",
        "45J FDM",
        "45 jours FDM",
        "45 jours fdm",
        "45 j. f.d.m.",
        "45 jours, fin de mois",
        "45 jours fin-de-mois",
        "45 days end of month",
        "45 Days End Of Month",
        "45 days EOM",
        "45 EOM",
        "45 eom",
        "net 45 EOM",
      ],
      { kind: "endOfMonthA", days: 45 },
    );
  });

  it("30J FDM and 30 jours fdm are the usual shorthands", () => {
    expectTerms(["30J FDM", "30 jours fdm", "30 jours fin de mois"], { kind: "endOfMonthA", days: 30 });
  });

  it("fin de mois, FDM or EOM alone are the end of the invoice month", () => {
    expectTerms(["fin de mois", "Fin de mois", "FDM", "fdm", "EOM", "end of month"], { kind: "endOfMonthA", days: 0 });
  });

  it("N jours fin de mois le D adds the D-th of the next month", () => {
    expectTerms(
      ["30 jours fin de mois le 10", "30 j FDM le 10", "30J FDM LE 10", "30 jours fin de mois, le 10", "30 days EOM on the 10th"],
      { kind: "endOfMonthA", days: 30, thenDay: 10 },
    );
    expectTerms(["60 jours fin de mois le 15"], { kind: "endOfMonthA", days: 60, thenDay: 15 });
    expectTerms(["fin de mois le 5"], { kind: "endOfMonthA", days: 0, thenDay: 5 });
  });

  it("the day after le must be 1 to 31", () => {
    expect(parsePaymentTerms("30 jours fin de mois le 0")).toEqual(unrecognised("30 jours fin de mois le 0"));
    expect(parsePaymentTerms("30 jours fin de mois le 32")).toEqual(unrecognised("30 jours fin de mois le 32"));
    expectTerms(["30 jours fin de mois le 31"], { kind: "endOfMonthA", days: 30, thenDay: 31 });
  });
});

describe("fin de mois + N jours (method B)", () => {
  it("fin de mois + N jours, fin de mois N jours, FDM + N and EOM + N are method B", () => {
    expectTerms(
      [
        "fin de mois + 45 jours",
        "Fin De Mois + 45 Jours",
        "fin de mois +45 jours",
        "fin de mois+45j",
        "fin de mois 45 jours",
        "fin de mois plus 45 jours",
        "FDM + 45",
        "fdm+45",
        "FDM + 45 j",
        "EOM + 45",
        "eom+45",
        "EOM + 45 days",
        "end of month + 45 days",
      ],
      { kind: "endOfMonthB", days: 45 },
    );
  });
});

describe("le D du mois suivant", () => {
  it("le D du mois suivant is the D-th of the month after the invoice", () => {
    expectTerms(["le 10 du mois suivant", "Le 10 du mois suivant", "LE 10 DU MOIS SUIVANT", "10 du mois suivant", "le 10 du mois prochain", "10th of the following month", "the 10th of next month"], {
      kind: "dayOfNextMonth",
      day: 10,
    });
    expectTerms(["le 1er du mois suivant"], { kind: "dayOfNextMonth", day: 1 });
  });

  it("the day must be 1 to 31", () => {
    expect(parsePaymentTerms("le 32 du mois suivant")).toEqual(unrecognised("le 32 du mois suivant"));
    expect(parsePaymentTerms("le 0 du mois suivant")).toEqual(unrecognised("le 0 du mois suivant"));
  });
});

describe("unknown terms", () => {
  it("anything else says Conditions de paiement non reconnues : «…» with the text as typed, trimmed", () => {
    for (const text of ["à la saint-glinglin", "30 semaines", "-30 jours", "30,5 jours", "30.5 jours", "fin de mois - 10", "trente jours", "jours 30", "30 jours le 10", "net", "le 10", "Ğ"]) {
      expect(parsePaymentTerms(text), text).toEqual(unrecognised(text));
    }
    expect(parsePaymentTerms("  90 semaines ")).toEqual(problem("Conditions de paiement non reconnues : «90 semaines»"));
  });

  it("empty terms say Conditions de paiement manquantes", () => {
    expect(parsePaymentTerms("")).toEqual(problem("Conditions de paiement manquantes"));
    expect(parsePaymentTerms("   ")).toEqual(problem("Conditions de paiement manquantes"));
  });

  it("a number of days beyond 3650 is not recognised", () => {
    expect(parsePaymentTerms("99999999999999999999 jours")).toEqual(unrecognised("99999999999999999999 jours"));
    expect(parsePaymentTerms("fin de mois + 4000 jours")).toEqual(unrecognised("fin de mois + 4000 jours"));
    expect(parsePaymentTerms("4000 jours fin de mois")).toEqual(unrecognised("4000 jours fin de mois"));
  });
});

describe("terms given as a number of days", () => {
  it("an integer from 0 to 3650 is that many net days", () => {
    expect(paymentTermsFromDays(0)).toEqual({ kind: "net", days: 0 });
    expect(paymentTermsFromDays(30)).toEqual({ kind: "net", days: 30 });
    expect(paymentTermsFromDays(3650)).toEqual({ kind: "net", days: 3650 });
  });

  it("fractions, negatives, more than 3650 days and NaN are problems", () => {
    for (const days of [-1, 30.5, 3651, Number.NaN, Infinity]) {
      const result = paymentTermsFromDays(days);
      expect(isProblem(result), String(days)).toBe(true);
    }
  });
});

describe("legal caps (L441-10)", () => {
  it("more than 60 net days is worth a warning, 60 is not", () => {
    expect(paymentTermsWarning({ kind: "net", days: 60 })).toBeUndefined();
    expect(paymentTermsWarning({ kind: "net", days: 61 })).toMatch(/60 jours/);
  });

  it("more than 45 days end of month is worth a warning, in both methods", () => {
    expect(paymentTermsWarning({ kind: "endOfMonthA", days: 45 })).toBeUndefined();
    expect(paymentTermsWarning({ kind: "endOfMonthB", days: 45 })).toBeUndefined();
    expect(paymentTermsWarning({ kind: "endOfMonthA", days: 60 })).toMatch(/45 jours fin de mois/);
    expect(paymentTermsWarning({ kind: "endOfMonthA", days: 60, thenDay: 15 })).toMatch(/45 jours fin de mois/);
    expect(paymentTermsWarning({ kind: "endOfMonthB", days: 46 })).toMatch(/45 jours fin de mois/);
  });

  it("comptant and le D du mois suivant are always within the caps", () => {
    expect(paymentTermsWarning({ kind: "immediate" })).toBeUndefined();
    expect(paymentTermsWarning({ kind: "dayOfNextMonth", day: 31 })).toBeUndefined();
  });
});


describe("canonical French text", () => {
  it("terms are described as French users write them", () => {
    expect(describePaymentTerms({ kind: "immediate" })).toBe("comptant");
    expect(describePaymentTerms({ kind: "net", days: 30 })).toBe("30 jours");
    expect(describePaymentTerms({ kind: "net", days: 1 })).toBe("1 jour");
    expect(describePaymentTerms({ kind: "endOfMonthA", days: 30 })).toBe("30 jours fin de mois");
    expect(describePaymentTerms({ kind: "endOfMonthA", days: 0 })).toBe("fin de mois");
    expect(describePaymentTerms({ kind: "endOfMonthA", days: 30, thenDay: 10 })).toBe("30 jours fin de mois le 10");
    expect(describePaymentTerms({ kind: "endOfMonthB", days: 45 })).toBe("fin de mois + 45 jours");
    expect(describePaymentTerms({ kind: "dayOfNextMonth", day: 10 })).toBe("le 10 du mois suivant");
    expect(describePaymentTerms({ kind: "dayOfNextMonth", day: 1 })).toBe("le 1er du mois suivant");
  });

  it("the description reads back to the same terms", () => {
    fc.assert(
      fc.property(termsArb, (terms) => {
        expect(parsePaymentTerms(describePaymentTerms(terms))).toEqual(terms);
      }),
    );
  });
});
