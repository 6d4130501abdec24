import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cellValue";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { settingsFromRows } from "../../src/core/settingsFromRows";
import { saveSettings, settingsWrite } from "../../src/engine/settingsWrite";
import type { CellUpdate, SheetAppend, WorkbookOutput } from "../../src/engine/workbookOutput";

const sheet = (values: CellValue[][], firstRow?: number) => ({ name: SETTINGS_SHEET, values, firstRow });
const EXISTING = sheet([["Clé", "Valeur", "Description"], ["delai_relance_2", 10, "…"], ["societe_raison_sociale", "Old", "…"]]);

describe("saving settings into the settings sheet", () => {
  it("changes the value cell of a key the sheet holds, and appends a key it lacks", () => {
    const write = settingsWrite(EXISTING, new Map<string, CellValue>([["delai_relance_2", 12], ["societe_iban", "FR76"]]), true);
    expect(write.updates).toEqual([{ sheet: SETTINGS_SHEET, row: 2, column: 1, value: 12, expected: 10 }]);
    expect(write.appends).toHaveLength(1);
    expect(write.appends[0]!.rows).toEqual([["societe_iban", "FR76", "IBAN (paiements) / IBAN for payments"]]);
  });

  it("finds the keys under the sheet's own header, on the row the reading keeps", () => {
    const moved = sheet([[], ["Valeur", "Clé"], ["x", "Délai relance 2"], [14, "delai_relance_2"]], 3);
    expect(settingsWrite(moved, new Map([["delai_relance_2", 12]]), true).updates).toEqual([{ sheet: SETTINGS_SHEET, row: 6, column: 0, value: 12, expected: 14 }]);
  });

  it("appends the changed keys when the host cannot change cells, the later row winning when read", () => {
    const write = settingsWrite(EXISTING, new Map([["delai_relance_2", 12]]), false);
    expect(write.updates).toEqual([]);
    const rows = [...EXISTING.values, ...write.appends[0]!.rows];
    expect(settingsFromRows(rows).settings.policy.reminder2AfterDays).toBe(12);
  });

  it("creates the whole sheet, every key ready to fill, in a workbook without one", () => {
    const write = settingsWrite(undefined, new Map([["societe_raison_sociale", "Bâtir SARL"]]), true);
    const append = write.appends[0]!;
    expect(append.header).toEqual(["Clé", "Valeur", "Description"]);
    const read = settingsFromRows([append.header, ...append.rows]);
    expect(read.problems).toEqual([]);
    expect(read.settings.company.name).toBe("Bâtir SARL");
    expect(append.rows.some((r) => r[0] === "colonne_facture")).toBe(true);
  });

  it("goes through the host's output in one batch: cells in place, with the rows", async () => {
    const calls: string[] = [];
    const output: WorkbookOutput = {
      async append(appends: readonly SheetAppend[]) {
        calls.push(`append ${appends[0]!.rows.length}`);
      },
      async update(updates: readonly CellUpdate[], appends?: readonly SheetAppend[]) {
        calls.push(`update ${updates.length} + ${appends?.[0]?.rows.length ?? 0}`);
      },
    };
    await saveSettings(output, [EXISTING], new Map<string, CellValue>([["delai_relance_2", 12], ["societe_bic", "BIC"]]));
    expect(calls).toEqual(["update 1 + 1"]);
  });
});
