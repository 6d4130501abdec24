import { describe, expect, it } from "vitest";
import {
  customerTypeLabel,
  DEFAULT_CUSTOMER_TYPE,
  isBusinessCustomer,
  needsAcceptanceReport,
  parseCustomerType,
  rateRuleFor,
  type CustomerType,
} from "../../src/core/customerType";
import { B2B_RULE, PUBLIC_BUYER_RULE } from "../../src/core/lateInterest";

const ALL: readonly CustomerType[] = ["particulier", "professionnel", "architecte", "promoteur", "collectivite"];

describe("parseCustomerType", () => {
  it.each([
    ["particulier", "particulier"],
    ["Particuliers", "particulier"],
    ["individual", "particulier"],
    ["Private", "particulier"],
    ["consumer", "particulier"],
    ["B2C", "particulier"],
    ["professionnel", "professionnel"],
    ["PRO", "professionnel"],
    ["Entreprise", "professionnel"],
    ["Société", "professionnel"],
    ["business", "professionnel"],
    ["Company", "professionnel"],
    ["professional", "professionnel"],
    ["b2b", "professionnel"],
    ["Architecte", "architecte"],
    ["architect", "architecte"],
    ["Promoteur", "promoteur"],
    ["promoteur immobilier", "promoteur"],
    ["developer", "promoteur"],
    ["Property developer", "promoteur"],
    ["Collectivité", "collectivite"],
    ["collectivités", "collectivite"],
    ["Collectivité territoriale", "collectivite"],
    ["Mairie", "collectivite"],
    ["commune", "collectivite"],
    ["public", "collectivite"],
    ["Public body", "collectivite"],
    ["public buyer", "collectivite"],
    ["Local authority", "collectivite"],
    ["État", "collectivite"],
    ["l'État", "collectivite"],
    ["part.", "particulier"],
    ["Partic.", "particulier"],
    ["Pro.", "professionnel"],
    ["Sté", "professionnel"],
    ["archi", "architecte"],
    ["Archi.", "architecte"],
    ["promo", "promoteur"],
    ["Promoteur immo", "promoteur"],
    ["collec.", "collectivite"],
    ["Coll.", "collectivite"],
    ["Collectivité locale", "collectivite"],
    ["Municipality", "collectivite"],
    ["B2G", "collectivite"],
  ])("reads «%s» as %s", (text, type) => {
    expect(parseCustomerType(text)).toBe(type);
  });

  it("ignores case, accents, punctuation and extra spaces", () => {
    expect(parseCustomerType("  COLLECTIVITE -- territoriale. ")).toBe("collectivite");
    expect(parseCustomerType("Promoteur\u00A0Immobilier")).toBe("promoteur");
  });

  it("gives the default category, professionnel, to an empty cell", () => {
    expect(DEFAULT_CUSTOMER_TYPE).toBe("professionnel");
    expect(parseCustomerType("")).toBe("professionnel");
    expect(parseCustomerType("   ")).toBe("professionnel");
    expect(parseCustomerType(null)).toBe("professionnel");
    expect(parseCustomerType(undefined)).toBe("professionnel");
  });

  it("answers a French #VALUE! error for a category it does not know", () => {
    expect(parseCustomerType(" xyz ")).toEqual({
      kind: "problem",
      code: "value",
      message: "Catégorie de client non reconnue : «xyz»",
    });
    expect(parseCustomerType(42)).toMatchObject({ code: "value", message: "Catégorie de client non reconnue : «42»" });
  });

  it("reads back every label it prints, in French and in English", () => {
    for (const type of ALL) {
      expect(parseCustomerType(customerTypeLabel(type))).toBe(type);
      expect(parseCustomerType(customerTypeLabel(type, "en"))).toBe(type);
    }
  });
});

describe("customer categories", () => {
  it("every category but particulier is a business", () => {
    expect(ALL.filter(isBusinessCustomer)).toEqual(["professionnel", "architecte", "promoteur", "collectivite"]);
  });

  it("architects, developers and public bodies are reminded only after the acceptance report", () => {
    expect(ALL.filter(needsAcceptanceReport)).toEqual(["architecte", "promoteur", "collectivite"]);
  });

  it("businesses owe ECB + 10 points, public buyers ECB + 8, a particulier no automatic penalties", () => {
    expect(rateRuleFor("professionnel")).toBe(B2B_RULE);
    expect(rateRuleFor("architecte")).toBe(B2B_RULE);
    expect(rateRuleFor("promoteur")).toBe(B2B_RULE);
    expect(rateRuleFor("collectivite")).toBe(PUBLIC_BUYER_RULE);
    expect(rateRuleFor("particulier")).toBeUndefined();
  });

  it("has French labels by default and English ones on request", () => {
    expect(customerTypeLabel("collectivite")).toBe("Collectivité");
    expect(customerTypeLabel("particulier", "en")).toBe("Individual");
  });
});
