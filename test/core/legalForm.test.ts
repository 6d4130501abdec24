import { describe, expect, it } from "vitest";
import { legalFormOf } from "../../src/core/legalForm";

describe("the legal form in a customer's name", () => {
  it("reads it at the start or the end of the name, spelled with dots or in words", () => {
    expect(legalFormOf("SCI Les Tilleuls")).toEqual({ code: "SCI", kind: "civil" });
    expect(legalFormOf("Boulangerie Fournil SAS")).toEqual({ code: "SAS", kind: "commercial" });
    expect(legalFormOf("Les Tilleuls (S.C.I.)")).toEqual({ code: "SCI", kind: "civil" });
    expect(legalFormOf("Société civile immobilière du Parc")).toEqual({ code: "SCI", kind: "civil" });
    expect(legalFormOf("EURL Plomberie Vidal")).toEqual({ code: "EURL", kind: "commercial" });
    expect(legalFormOf("SCP Durand et associés")).toEqual({ code: "SCP", kind: "civil" });
    expect(legalFormOf("Association sportive de Pamiers")).toEqual({ code: "association", kind: "civil" });
  });

  it("knows foreign forms", () => {
    expect(legalFormOf("Hale & Sons Ltd")).toEqual({ code: "Ltd", kind: "foreign" });
    expect(legalFormOf("Thornton & Hale Limited")).toEqual({ code: "Ltd", kind: "foreign" });
    expect(legalFormOf("Bauer Holz GmbH")).toEqual({ code: "GmbH", kind: "foreign" });
  });

  it("finds none in a person's name, a trade name or a public body's", () => {
    for (const name of ["M. Castex", "M. et Mme Dupuy", "Boulangerie Fournier", "Mairie de Saverdun", "Delmas & Associés", "Sasha Martin"]) {
      expect(legalFormOf(name), name).toBeUndefined();
    }
  });
});
