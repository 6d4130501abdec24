import { describe, expect, it } from "vitest";
import { isSavedMappingKey, savedColumnIndex, savedMappingFromRows, savedMappingRows } from "../../src/core/columnMapping";
import { readTrackingRows } from "../../src/core/trackingSheet";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { settingsFromRows } from "../../src/core/settingsFromRows";
import { settingsToRows } from "../../src/core/settingsToRows";

describe("the saved column mapping", () => {
  it("is read from the settings rows: columns, sheets and header row", () => {
    const mapping = savedMappingFromRows([
      ["Clé", "Valeur", "Description"],
      ["colonne_facture", "N° pièce"],
      ["Colonne montant TTC", "f"],
      ["feuilles_suivi", "Suivi 2025 ; Suivi 2026"],
      ["ligne_entete", 3],
      ["colonne_client", null],
    ]);
    expect(mapping).toEqual({ columns: { number: "N° pièce", amount: "f" }, sheets: ["Suivi 2025", "Suivi 2026"], headerRow: 3, problems: [] });
  });

  it("a header row that is no row number is a problem naming its row", () => {
    expect(savedMappingFromRows([["Clé", "Valeur"], ["ligne_entete", "trois"]]).problems).toEqual([
      "Paramètres Relances ligne 2 : ligne_entete «trois» n'est pas un numéro de ligne / not a row number",
    ]);
  });

  it("its keys are written, empty, into a new settings sheet, and read back without a problem", () => {
    const keys = settingsToRows(DEFAULT_SETTINGS).map((row) => row[0]);
    for (const [key] of savedMappingRows()) expect(keys).toContain(key);
    expect(isSavedMappingKey("Colonne date facture")).toBe(true);
    expect(settingsFromRows([["Clé", "Valeur"], ["colonne_facture", "Réf"]]).problems).toEqual([]);
  });

  it("a header as written is found before a letter of the same spelling", () => {
    expect(savedColumnIndex("CP", ["Client", "Ville", "CP"])).toBe(2);
    expect(savedColumnIndex("c", ["Client", "Ville", "Code"])).toBe(2);
  });

  it("the tracking reader takes a saved header for a field, over the automatic match, keeping the header as written", () => {
    const rows = [
      { row: 1, cells: ["Client", "Facture", "Réf interne", "Date facture", "Montant TTC", "Échéance"] },
      { row: 2, cells: ["Dupont", "ignorée", "R-1", "02/03/2026", 100, "02/04/2026"] },
    ];
    const result = readTrackingRows("Suivi", rows, { savedColumns: { number: "Réf interne" } });
    expect(result.invoices.map((i) => i.number)).toEqual(["R-1"]);
    expect(result.mapping?.headers.number).toBe("Réf interne");
  });
});
