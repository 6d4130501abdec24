// The preview's output: the WorkbookOutput contract on arrays in memory, and arrays given never changed.
import { describe, expect, it } from "vitest";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../../src/core/journalEntry";
import { SETTINGS_SHEET } from "../../src/core/settings";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { appendToSheets, MemoryWorkbookOutput } from "../../src/engine/memoryWorkbookOutput";
import { workbookOutputContract } from "./workbookOutputContract";

workbookOutputContract("the memory output", {
  async open(sheets) {
    const output = new MemoryWorkbookOutput(sheets);
    return { output, read: async () => output.sheets };
  },
});

describe("the memory output", () => {
  it("never changes the arrays it was given", () => {
    const journal: MemorySheet = { name: JOURNAL_SHEET, values: [[...JOURNAL_COLUMNS]], firstRow: 3 };
    const frozen = structuredClone(journal);
    const after = appendToSheets([journal], [{ sheet: JOURNAL_SHEET, header: [...JOURNAL_COLUMNS], rows: [[46203, "Dupont", "F-1"]] }]);
    expect(journal).toEqual(frozen);
    // The sheet's rows are laid out from row 1 once written: its header stays on row 3.
    expect(after[0]!.values[2]![0]).toBe("Date");
    expect(after[0]!.values[3]!.slice(0, 3)).toEqual([46203, "Dupont", "F-1"]);
  });

  it("writes an update and its appends together, or neither", async () => {
    const settings: MemorySheet = { name: SETTINGS_SHEET, values: [["Clé", "Valeur"], ["grace_particulier", 14]] };
    const output = new MemoryWorkbookOutput([settings]);
    const append = { sheet: SETTINGS_SHEET, header: ["Clé", "Valeur"], rows: [["colonne_client", "Raison sociale"]] };
    await expect(output.update([{ sheet: SETTINGS_SHEET, row: 2, column: 1, value: 21, expected: 7 }], [append])).rejects.toThrow();
    expect(output.sheets).toEqual([settings]);
    await output.update([{ sheet: SETTINGS_SHEET, row: 2, column: 1, value: 21, expected: 14 }], [append]);
    expect(output.sheets[0]!.values).toEqual([["Clé", "Valeur"], ["grace_particulier", 21], ["colonne_client", "Raison sociale"]]);
  });
});
