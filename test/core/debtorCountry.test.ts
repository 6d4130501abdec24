import { describe, expect, it } from "vitest";
import { debtorCountry } from "../../src/core/debtorCountry";

describe("where a debtor is established", () => {
  it("reads a country named after the city, as the letters' address does (an Irish Eircode, « Dublin, Ireland »)", () => {
    const debtor = debtorCountry({ name: "Kingsley Interiors", postcode: "D02 X285", city: "Dublin, Ireland" });
    expect(debtor).toMatchObject({ abroad: true, country: "IE", inEu: true });
  });

  it("takes a five-digit postcode abroad for what the city says (« 10115 », « Berlin, Allemagne »)", () => {
    const debtor = debtorCountry({ name: "Holzbau Weber", postcode: "10115", city: "Berlin, Allemagne" });
    expect(debtor).toMatchObject({ abroad: true, country: "DE", inEu: true });
    expect(debtor.evidence).toEqual(["adresse Berlin, Allemagne"]);
  });

  it("leaves a French address in France", () => {
    expect(debtorCountry({ name: "SARL Bâti Lèze", postcode: "09100", city: "Pamiers" })).toMatchObject({ abroad: false, country: "FR" });
  });

  it("still knows a UK postcode on its own", () => {
    expect(debtorCountry({ name: "Thornton & Hale", postcode: "EC1M 3HE", city: "London" })).toMatchObject({ abroad: true, country: "GB", inEu: false });
  });
});
