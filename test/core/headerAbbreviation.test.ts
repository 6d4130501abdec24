import { describe, expect, it } from "vitest";
import { abbreviates, shortensHeader } from "../../src/core/headerAbbreviation";

describe("abbreviates", () => {
  it.each([
    ["fact", "facture"],
    ["fac", "facture"],
    ["fct", "facture"],
    ["ech", "echeance"],
    ["mt", "montant"],
    ["mnt", "montant"],
    ["clt", "client"],
    ["cli", "client"],
    ["regl", "reglement"],
    ["reglt", "reglement"],
    ["regl", "regle"],
    ["cond", "conditions"],
    ["ref", "reference"],
    ["pce", "piece"],
    ["acpte", "acompte"],
  ])("reads %s as a short form of %s", (short, word) => {
    expect(abbreviates(short, word)).toBe(true);
  });

  it("needs the word's first letter and no vowel it does not have in that order", () => {
    expect(abbreviates("ft", "montant")).toBe(false);
    expect(abbreviates("fin", "facturation")).toBe(false);
    expect(abbreviates("fa", "facture")).toBe(false);
  });

  it("expands only the words people shorten in headers", () => {
    expect(abbreviates("comm", "commune")).toBe(false);
  });

  it("refuses a short form that could be another column's word", () => {
    expect(abbreviates("cont", "conditions")).toBe(false); // contrat, contentieux
    expect(abbreviates("cde", "code")).toBe(false); // commande
  });
});

describe("shortensHeader", () => {
  it("matches word for word, the known header's little words optional", () => {
    expect(shortensHeader(["n", "fact"], ["n", "de", "facture"])).toBe(true);
    expect(shortensHeader(["cond", "regl"], ["conditions", "de", "reglement"])).toBe(true);
    expect(shortensHeader(["date", "fact"], ["date", "facture"])).toBe(true);
  });

  it("takes every way of writing numéro as one word", () => {
    expect(shortensHeader(["num", "fact"], ["n", "facture"])).toBe(true);
    expect(shortensHeader(["no", "piece"], ["numero", "de", "piece"])).toBe(true);
  });

  it("lets the header add no word, nor leave out one that says something", () => {
    expect(shortensHeader(["regle", "le"], ["regle"])).toBe(false);
    expect(shortensHeader(["mt"], ["montant", "ttc"])).toBe(false);
    expect(shortensHeader(["date", "reglement"], ["date", "facture"])).toBe(false);
  });
});
