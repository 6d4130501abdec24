import { describe, expect, it } from "vitest";
import { addressEnd, isAbroad } from "../../src/core/postalAddress";

describe("addressEnd", () => {
  it("ends a French address with the postcode and city, and no country", () => {
    expect(addressEnd("09700", "Saverdun", "fr")).toEqual({ cityLine: "09700 Saverdun", country: "" });
    expect(addressEnd("09700", "Saverdun", "en")).toEqual({ cityLine: "09700 Saverdun", country: "" });
  });

  it("writes a UK address the Royal Mail way, the country on its own line, in the letter's language", () => {
    expect(addressEnd("EC1M 3HE", "London", "en")).toEqual({ cityLine: "London EC1M 3HE", country: "United Kingdom" });
    expect(addressEnd("ls1 4dl", "Leeds", "fr")).toEqual({ cityLine: "Leeds LS1 4DL", country: "Royaume-Uni" });
  });

  it("reads a country named after the city, or a postcode's country prefix", () => {
    expect(addressEnd("1000", "Bruxelles, Belgique", "fr")).toEqual({ cityLine: "1000 Bruxelles", country: "Belgique" });
    expect(addressEnd("B-1000", "Bruxelles", "en")).toEqual({ cityLine: "1000 Bruxelles", country: "Belgium" });
    expect(addressEnd("1012 AB", "Amsterdam", "en")).toEqual({ cityLine: "1012 AB Amsterdam", country: "Netherlands" });
    expect(addressEnd("", "Dublin (Ireland)", "en")).toEqual({ cityLine: "Dublin", country: "Ireland" });
  });

  it("does not take a French town with a hyphen for a country", () => {
    expect(addressEnd("13100", "Aix-en-Provence", "fr")).toEqual({ cityLine: "13100 Aix-en-Provence", country: "" });
    expect(isAbroad("31000", "Toulouse")).toBe(false);
    expect(isAbroad("EC1M 3HE", "London")).toBe(true);
  });
});
