import { describe, expect, it } from "vitest";
import { parseCivility, personName, salutation, titledContact, type Salutation } from "../../src/core/salutation";

const company = { customerName: "SARL Garonne Bâtiment", customerType: "professionnel" } as const;

describe("parseCivility", () => {
  it("reads the civilities people type, French and English", () => {
    for (const [typed, civility] of [
      ["Madame", "Madame"], ["Mme", "Madame"], ["MME.", "Madame"], ["Mlle", "Madame"], ["Monsieur", "Monsieur"], ["M.", "Monsieur"],
      ["Mr", "Mr"], ["Mr.", "Mr"], ["Mrs", "Mrs"], ["Ms", "Ms"], ["Miss", "Miss"],
    ] as const) {
      expect(parseCivility(typed), typed).toBe(civility);
    }
  });

  it("reads anything else as no civility", () => {
    expect(parseCivility("Société")).toBeUndefined();
    expect(parseCivility("")).toBeUndefined();
    expect(parseCivility(undefined)).toBeUndefined();
  });
});

describe("personName", () => {
  it("takes the civility written before a name apart from it", () => {
    expect(personName("M. Castex")).toEqual({ civility: "Monsieur", name: "Castex", couple: false });
    expect(personName("Mme Claire Lefèvre")).toEqual({ civility: "Madame", name: "Claire Lefèvre", couple: false });
    expect(personName("Mr. James Hale")).toEqual({ civility: "Mr", name: "James Hale", couple: false });
  });

  it("knows a couple, and a first name that starts like a civility", () => {
    expect(personName("M. et Mme Dupuy")).toEqual({ name: "Dupuy", couple: true });
    expect(personName("Marc Dupont")).toEqual({ name: "Marc Dupont", couple: false });
    expect(personName("Mmeline Roux").civility).toBeUndefined();
  });
});

describe("salutation in French", () => {
  it("greets a named contact whose civility is known « Madame, », and the closing says « Madame » without the name", () => {
    const s = salutation({ ...company, contact: "Anne Roques", civility: "Madame" }, "fr");
    expect(s).toEqual({
      opening: "Madame,",
      address: "Madame",
      closing: "Veuillez agréer, Madame, l'expression de nos salutations distinguées.",
    });
  });

  it("reads the civility from the contact's own name when there is no Civilité column", () => {
    expect(salutation({ ...company, contact: "M. Jean Garrigues" }, "fr").opening).toBe("Monsieur,");
  });

  it("greets a consumer from the civility in their name: « Monsieur, » for M. Castex, « Madame, » for Mme Lefèvre", () => {
    expect(salutation({ customerName: "M. Castex", customerType: "particulier" }, "fr").opening).toBe("Monsieur,");
    expect(salutation({ customerName: "Mme Claire Lefèvre", customerType: "particulier" }, "fr").opening).toBe("Madame,");
  });

  it("greets « Madame, Monsieur, » a company without a contact, a couple, and a person whose civility is unknown", () => {
    expect(salutation(company, "fr").opening).toBe("Madame, Monsieur,");
    expect(salutation({ customerName: "M. et Mme Dupuy", customerType: "particulier" }, "fr").opening).toBe("Madame, Monsieur,");
    expect(salutation({ ...company, contact: "Camille Roques" }, "fr").opening).toBe("Madame, Monsieur,");
    // A civility with nobody named: the company is greeted, not a person.
    expect(salutation({ ...company, civility: "Madame" }, "fr").opening).toBe("Madame, Monsieur,");
  });

  it("does not read a company's name as a person's", () => {
    expect(salutation({ customerName: "M. Bricolage SAS", customerType: "professionnel" }, "fr").opening).toBe("Madame, Monsieur,");
  });

  it("uses the office of a public body's head first", () => {
    const mayor: Salutation = { opening: "Monsieur le Maire,", address: "Monsieur le Maire", closing: "Veuillez agréer, Monsieur le Maire, …" };
    expect(salutation({ ...company, contact: "Anne Roques", civility: "Madame" }, "fr", mayor)).toBe(mayor);
  });
});

describe("salutation in English", () => {
  it("« Dear Mr Hale, » … « Yours sincerely, » for a named contact", () => {
    expect(salutation({ ...company, contact: "James Hale", civility: "Mr" }, "en")).toEqual({ opening: "Dear Mr Hale,", address: "", closing: "Yours sincerely," });
  });

  it("« Dear Sir or Madam, » … « Yours faithfully, » without one", () => {
    expect(salutation(company, "en")).toEqual({ opening: "Dear Sir or Madam,", address: "", closing: "Yours faithfully," });
  });

  it("takes the surname in capitals, and an English title for a French civility", () => {
    expect(salutation({ ...company, contact: "Claire LEFÈVRE", civility: "Madame" }, "en").opening).toBe("Dear Ms Lefèvre,");
    expect(salutation({ customerName: "Mrs Jane Smith", customerType: "particulier" }, "en").opening).toBe("Dear Mrs Smith,");
    expect(salutation({ customerName: "M. et Mme Dupuy", customerType: "particulier" }, "en")).toMatchObject({ opening: "Dear Mr and Mrs Dupuy,", closing: "Yours sincerely," });
  });
});

describe("titledContact", () => {
  it("puts the Civilité column before the contact's name, once", () => {
    expect(titledContact("Anne Roques", "Madame", "fr")).toBe("Mme Anne Roques");
    expect(titledContact("James Hale", "Mr", "en")).toBe("Mr James Hale");
    expect(titledContact("Mme Anne Roques", "Madame", "fr")).toBe("Mme Anne Roques");
    expect(titledContact("Anne Roques", undefined, "fr")).toBe("Anne Roques");
    expect(titledContact("", "Madame", "fr")).toBe("");
  });
});
