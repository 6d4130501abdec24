import { describe, expect, it } from "vitest";
import { readTrackingRows } from "../../src/core/trackingSheet";
import { mergeTrackingSheets } from "../../src/core/trackingSheets";

const header = { row: 1, cells: ["Client", "N° facture", "Date facture", "Montant TTC", "Échéance"] };

describe("mergeTrackingSheets", () => {
  it("adds up the sheets' rows and rejects a credit note number used on an earlier sheet, in row order", () => {
    const a = readTrackingRows("2025", [header, { row: 2, cells: ["Dupont", "AV-1", "02/03/2025", -50, "02/03/2025"] }]);
    const b = readTrackingRows("2026", [
      header,
      { row: 2, cells: ["Dupont", "AV-1", "02/03/2026", -20, "02/03/2026"] },
      { row: 3, cells: ["Dupont", "F-9", "31/02/2026", 20, "02/03/2026"] },
    ]);
    const merged = mergeTrackingSheets([a, b]);
    expect(merged.creditNotes).toHaveLength(1);
    expect(merged.rejected.map((r) => [r.sheet, r.row, r.message])).toEqual([
      ["2026", 2, "Avoir «AV-1» : numéro déjà présent feuille «2025» ligne 2"],
      ["2026", 3, expect.stringContaining("31/02/2026")],
    ]);
    expect(merged.rows).toBe(merged.invoices.length + merged.creditNotes.length + merged.skipped + merged.rejected.length);
  });
});
