import { describe, expect, it } from "vitest";
import { administrativeCourtOf } from "../../src/core/administrativeCourts";
import { competentCourt } from "../../src/core/competentCourt";
import { debtorCountry } from "../../src/core/debtorCountry";
import { customer } from "./records";

describe("the court of the last level", () => {
  it("is the tribunal de commerce only for a company commercial by its form", () => {
    expect(competentCourt(customer("SARL Hôtel du Château"))).toMatchObject({ kind: "commerce", toCheck: false });
    expect(competentCourt(customer("Boulangerie Fournil SAS"))).toMatchObject({ kind: "commerce", toCheck: false });
    // A civil company, even kept as a « Pro » customer, goes to the tribunal judiciaire.
    expect(competentCourt(customer("SCI Les Tilleuls"))).toMatchObject({ kind: "judiciaire", toCheck: false });
    expect(competentCourt(customer("M. Castex", { customerType: "particulier" }))).toMatchObject({ kind: "judiciaire", toCheck: false });
  });

  it("asks for a check when the name shows no form", () => {
    expect(competentCourt(customer("Boulangerie Fournier"))).toMatchObject({ kind: "commerce", toCheck: true });
    expect(competentCourt(customer("Cabinet Martin Architecture", { customerType: "architecte" }))).toMatchObject({ kind: "judiciaire", toCheck: true });
  });

  it("is the tribunal administratif for a public buyer, named after its seat", () => {
    expect(competentCourt(customer("Mairie de Saverdun", { customerType: "collectivite", postcode: "09700" })).kind).toBe("administratif");
    expect(administrativeCourtOf("09700")).toBe("Tribunal administratif de Toulouse");
    expect(administrativeCourtOf("93100")).toBe("Tribunal administratif de Montreuil");
    expect(administrativeCourtOf("80000")).toBe("Tribunal administratif d'Amiens");
    expect(administrativeCourtOf("20200")).toBe("Tribunal administratif de Bastia");
    expect(administrativeCourtOf("20000")).toBe("Tribunal administratif de Marseille");
    expect(administrativeCourtOf("97400")).toBe("Tribunal administratif de La Réunion");
    expect(administrativeCourtOf("EC1M 3HE")).toBeUndefined();
  });
});

describe("a debtor abroad", () => {
  it("is seen from a foreign VAT number, a foreign postcode or a foreign form, with its country when known", () => {
    expect(debtorCountry({ name: "Thornton & Hale Ltd", postcode: "EC1M 3HE", vatNumber: "GB293481756" })).toEqual({
      abroad: true,
      country: "GB",
      inEu: false,
      evidence: ["n° de TVA GB293481756", "code postal EC1M 3HE", "forme Ltd"],
    });
    expect(debtorCountry({ name: "Bauer Holz", postcode: "80331", vatNumber: "DE 123456789" })).toMatchObject({ abroad: true, country: "DE", inEu: true });
    expect(debtorCountry({ name: "Hale & Sons Ltd" })).toMatchObject({ abroad: true, country: undefined, inEu: undefined });
    expect(debtorCountry({ name: "Smith", postcode: "SW1A 1AA" })).toMatchObject({ abroad: true, country: "GB", inEu: false });
  });

  it("is not a French debtor", () => {
    expect(debtorCountry({ name: "SCI Les Tilleuls", postcode: "09700" }).abroad).toBe(false);
    expect(debtorCountry({ name: "SAS Menuiserie Rouaix", postcode: "09100", vatNumber: "FR55388776655" }).abroad).toBe(false);
    expect(debtorCountry({ name: "Brit Ltd", postcode: "75008", siret: "532 178 448 00016" }).abroad).toBe(false);
  });
});
