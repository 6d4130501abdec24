import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/cellValue";
import { SETTINGS_SHEET } from "../../../src/core/settings";
import { settingsFromRows } from "../../../src/core/settingsFromRows";
import type { MemorySheet } from "../../../src/engine/memoryWorkbook";
import { MemoryWorkbookOutput } from "../../../src/engine/memoryWorkbookOutput";
import { saveSettings } from "../../../taskpane/shared/saveSettings";

const SHEETS: MemorySheet[] = [{ name: SETTINGS_SHEET, values: [["Clé", "Valeur", "Description"], ["delai_relance_2", 10, "…"]] }];
const settingsOf = (sheets: readonly MemorySheet[]) => settingsFromRows(sheets.find((s) => s.name === SETTINGS_SHEET)!.values).settings;

describe("saving settings from a screen", () => {
  it("changes the value in place and adds the keys the sheet lacks, in one batch", async () => {
    const output = new MemoryWorkbookOutput(SHEETS);
    const saved = await saveSettings(output, SHEETS, new Map<string, CellValue>([["delai_relance_2", 12], ["societe_bic", "BNPAFRPP"]]));
    expect(saved).toEqual({ written: 2, problems: [] });
    expect(output.sheets[0]!.values).toHaveLength(3);
    expect(settingsOf(output.sheets).policy.reminder2AfterDays).toBe(12);
    expect(settingsOf(output.sheets).company.bic).toBe("BNPAFRPP");
  });

  it("writes nothing when a value is refused, and says why", async () => {
    const output = new MemoryWorkbookOutput(SHEETS);
    const saved = await saveSettings(output, SHEETS, new Map<string, CellValue>([["delai_relance_2", "dix"], ["societe_bic", "X"]]));
    expect(saved.written).toBe(0);
    expect(saved.problems[0]).toMatch(/delai_relance_2/);
    expect(output.sheets).toEqual(SHEETS);
  });

  it("refuses to change cells through a host that cannot", async () => {
    await expect(saveSettings({ append: async () => undefined }, SHEETS, new Map([["delai_relance_2", 12]]))).rejects.toThrow(/Paramètres Relances/);
  });
});
