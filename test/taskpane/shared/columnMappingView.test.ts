import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/cellValue";
import type { MemorySheet } from "../../../src/engine/memoryWorkbook";
import { mappingCorrection, type SheetMapping } from "../../../taskpane/shared/columnMappingView";
import { setupView } from "../../../taskpane/shared/setupView";

const HEADER = ["Client", "Facture", "Date facture", "Échéance", "Montant TTC", "N° pièce", "Remarque"];
const ROW: CellValue[] = ["Dupont SARL", "F-1", 46023, 46053, 1200, "P-1", ""];
const tracking = (header: CellValue[] = HEADER): MemorySheet => ({ name: "Suivi 2026", values: [["Suivi des encaissements"], header, ROW] });
const settings = (rows: CellValue[][]): MemorySheet => ({ name: "Paramètres Relances", values: [["Clé", "Valeur", "Description"], ...rows] });

async function mappingOf(sheets: MemorySheet[]): Promise<SheetMapping> {
  return (await setupView(sheets, "2026-06-30", "fr")).mappings[0]!;
}

describe("the column mapping on the Set-up screen", () => {
  it("shows each field's column as the engine reads it, found automatically", async () => {
    const mapping = await mappingOf([tracking()]);
    expect(mapping.headerRow).toBe(2);
    expect(mapping.lines.find((l) => l.field === "number")).toMatchObject({ letter: "B", header: "Facture", saved: false, need: "required" });
    expect(mapping.lines.find((l) => l.field === "dispute")).toEqual({ field: "dispute", need: "optional", saved: false });
    expect(mapping.unused.map((c) => c.header)).toEqual(["N° pièce", "Remarque"]);
  });

  it("marks a column that the saved mapping chose", async () => {
    const mapping = await mappingOf([tracking(), settings([["colonne_facture", "N° pièce"]])]);
    expect(mapping.lines.find((l) => l.field === "number")).toMatchObject({ letter: "F", header: "N° pièce", saved: true });
  });

  it("saves a corrected column as its header as written", async () => {
    const correction = mappingCorrection(await mappingOf([tracking()]), { number: "F" }, "fr");
    expect(correction.errors).toEqual({});
    expect([...correction.values]).toEqual([["colonne_facture", "N° pièce"]]);
  });

  it("saves a column by its letter when its header is written twice on the row", async () => {
    const header = ["Client", "Facture", "Date facture", "Échéance", "Montant TTC", "Remarque", "Remarque"];
    const correction = mappingCorrection(await mappingOf([tracking(header)]), { email: "G" }, "fr");
    expect(correction.values.get("colonne_email")).toBe("G");
  });

  it("clears the saved value of a field set back to automatic", async () => {
    const mapping = await mappingOf([tracking(), settings([["colonne_facture", "N° pièce"]])]);
    expect(mappingCorrection(mapping, { number: "" }, "fr").errors.number).toBe("N° facture : une colonne est requise");
    const optional = await mappingOf([tracking(), settings([["colonne_litige", "Remarque"]])]);
    expect(optional.lines.find((l) => l.field === "dispute")?.saved).toBe(true);
    expect(mappingCorrection(optional, { dispute: "" }, "fr").values.get("colonne_litige")).toBeNull();
  });

  it("refuses one column for two fields, naming both", async () => {
    const correction = mappingCorrection(await mappingOf([tracking()]), { email: "A" }, "fr");
    expect(correction.errors.email).toBe("E-mail : la colonne A est déjà celle de « Client »");
    expect(correction.values.size).toBe(0);
  });

  it("refuses a column without a header, in English when the pane is", async () => {
    const correction = mappingCorrection(await mappingOf([tracking()]), { phone: "K" }, "en");
    expect(correction.errors.phone).toBe("Phone: column K has no header on row 2");
  });

  it("asks for a due date or payment terms column", async () => {
    const correction = mappingCorrection(await mappingOf([tracking()]), { dueDate: "" }, "fr");
    expect(correction.errors.dueDate).toMatch(/^Échéance : une colonne d'échéance ou de conditions/);
  });

  it("gives each sheet's last invoice row and its mapping, for the live columns", async () => {
    const view = await setupView([{ ...tracking(), values: [...tracking().values, ["Martin SAS", "F-2", 46023, 46053, 300, "P-2", ""], ["Total", "", "", "", 1500, "", ""]] }], "2026-06-30", "fr");
    expect(view.lastRows).toEqual({ "Suivi 2026": 4 });
    expect(view.mappings[0]!.mapping.columns.amount).toBe(4);
  });

  it("lists the sheets left out, and why no sheet could be read", async () => {
    const view = await setupView([{ name: "Notes", values: [["rien"]] }], "2026-06-30", "fr");
    expect(view.mappings).toEqual([]);
    expect(view.problem).toMatch(/en-tête/);
    expect(view.leftOut.map((s) => [s.sheet, s.reason])).toEqual([["Notes", "noHeader"]]);
  });
});
