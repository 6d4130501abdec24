import { describe, expect, it } from "vitest";
import { publicBodySalutation, publicOfficeOf } from "../../src/core/publicOffice";

describe("the office of a public body's head", () => {
  it("is read from the contact", () => {
    expect(publicOfficeOf("M. le Maire")).toEqual({ title: "Maire", feminine: false });
    expect(publicOfficeOf("Madame la Présidente")).toEqual({ title: "Présidente", feminine: true });
    expect(publicOfficeOf("Mme la Maire")).toEqual({ title: "Maire", feminine: true });
    expect(publicOfficeOf("Monsieur le Directeur général des services")).toEqual({ title: "Directeur général", feminine: false });
    expect(publicOfficeOf("Mme Claire Durand")).toBeUndefined();
    expect(publicOfficeOf("Service comptabilité")).toBeUndefined();
    expect(publicOfficeOf(undefined)).toBeUndefined();
  });

  it("opens a public body's letter, and only a public body's", () => {
    const mairie = { customerType: "collectivite" as const, contact: "M. le Maire" };
    expect(publicBodySalutation(mairie, "fr")).toBe("Monsieur le Maire,");
    expect(publicBodySalutation({ customerType: "collectivite", contact: "Madame la Présidente" }, "fr")).toBe("Madame la Présidente,");
    expect(publicBodySalutation(mairie, "en")).toBe("Dear Mayor,");
    expect(publicBodySalutation({ customerType: "collectivite" }, "fr")).toBeUndefined();
    expect(publicBodySalutation({ customerType: "professionnel", contact: "M. le Président" }, "fr")).toBeUndefined();
  });
});
