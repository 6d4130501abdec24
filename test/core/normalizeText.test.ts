import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/core/normalizeText";

describe("normalizeText", () => {
  it("lower-cases and removes accents", () => {
    expect(normalizeText("Collectivité ÉTAT Société")).toBe("collectivite etat societe");
  });

  it("turns punctuation into single spaces and trims", () => {
    expect(normalizeText("  L'État,  la mairie ! ")).toBe("l etat la mairie");
    expect(normalizeText("Date d'échéance (JJ/MM/AAAA)")).toBe("date d echeance jj mm aaaa");
  });

  it("collapses every kind of space, no-break ones included", () => {
    expect(normalizeText("promoteur\u00A0\t\n immobilier\u202F")).toBe("promoteur immobilier");
  });

  it("spells out ligatures that Unicode does not decompose", () => {
    expect(normalizeText("Cœur Æther Straße")).toBe("coeur aether strasse");
  });

  it("gives an empty text for punctuation only", () => {
    expect(normalizeText(" -- ; ")).toBe("");
  });

  it("keeps digits", () => {
    expect(normalizeText("N° facture 2024-001")).toBe("n facture 2024 001");
  });
});
