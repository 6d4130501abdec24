// The in-memory adapter: Office.js arrays read as they are, in blocks or whole, never changed.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cellValue";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { memoryWorkbook, type MemorySheet } from "../../src/engine/memoryWorkbook";
import { readWorkbook } from "../../src/engine/readWorkbook";

const HEADER = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC"];
const tracking = (): MemorySheet => ({
  name: "Suivi",
  values: [HEADER, ["Dupont SARL", "F-1", 46023, 46053, 100], ["", "F-2", 46023, 46053, 200], ["", "F-3", 46023, 46053, 300]],
  merged: [{ top: 2, left: 0, bottom: 4, right: 0 }],
});
const settings = (): MemorySheet => ({
  name: SETTINGS_SHEET,
  values: [["Clé", "Valeur"], ["taux_bce_2026_s1", 0.0333]],
  numberFormats: [["General", "General"], ["General", "0.00%"]],
});

async function blocksOf(sheet: MemorySheet, blockRows?: number): Promise<{ firstRow: number; rows: number }[]> {
  const blocks: { firstRow: number; rows: number }[] = [];
  for await (const input of memoryWorkbook([sheet], { blockRows }).sheets()) {
    for await (const block of input.rows()) blocks.push({ firstRow: block.firstRow, rows: block.values.length });
  }
  return blocks;
}

describe("memoryWorkbook", () => {
  it("hands a sheet over whole, or in blocks of the size asked, numbered from its first row", async () => {
    expect(await blocksOf(tracking())).toEqual([{ firstRow: 1, rows: 4 }]);
    expect(await blocksOf({ ...tracking(), firstRow: 5 }, 3)).toEqual([{ firstRow: 5, rows: 3 }, { firstRow: 8, rows: 1 }]);
  });

  it("never changes the arrays it was given, though merges are filled and percentages read as shown", async () => {
    const sheets = [tracking(), settings()];
    const before: CellValue[][][] = structuredClone(sheets.map((s) => s.values as CellValue[][]));
    const source = await readWorkbook(memoryWorkbook(sheets));
    expect(source.tracking.invoices.map((i) => i.customer.name)).toEqual(["Dupont SARL", "Dupont SARL", "Dupont SARL"]);
    expect(source.settings.rates.find((r) => r.year === 2026 && r.half === 1)?.ecb).toBe(33300);
    expect(sheets.map((s) => s.values)).toEqual(before);
  });

  it("reads ahead the settings sheet by its name however it is written, rows from row 1", async () => {
    const input = memoryWorkbook([{ ...settings(), name: "PARAMETRES RELANCES", firstRow: 2 }]);
    expect(await input.sheetRows(SETTINGS_SHEET)).toEqual([[], ["Clé", "Valeur"], ["taux_bce_2026_s1", 0.0333]]);
    expect(await input.sheetRows("Autre")).toBeUndefined();
  });

  it("leaves a hidden sheet out unless it is named", async () => {
    const hidden = { ...tracking(), visibility: "hidden" as const };
    expect((await readWorkbook(memoryWorkbook([hidden]))).tracking.problem?.message).toBe("Aucune feuille de suivi dans le classeur");
    expect((await readWorkbook(memoryWorkbook([hidden]), { sheet: "Suivi" })).tracking.invoices).toHaveLength(3);
  });
});
