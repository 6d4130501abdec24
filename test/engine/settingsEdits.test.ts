// Saving the pane's settings and column mapping: the value cells the product wrote are changed in
// place (while they hold what was read), missing keys get rows, a missing sheet is created whole;
// the workbook then reads back with the values saved.
import { beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { memoryWorkbook, type MemorySheet } from "../../src/engine/memoryWorkbook";
import { MemoryWorkbookOutput } from "../../src/engine/memoryWorkbookOutput";
import { readWorkbook } from "../../src/engine/readWorkbook";
import { settingsEdits } from "../../src/engine/settingsEdits";
import { SAMPLE_AS_OF } from "../../src/sample/sampleWorkbook";
import { sampleSheets } from "./paneFixtures";

let sheets: MemorySheet[];
beforeAll(async () => {
  sheets = await sampleSheets();
}, 60_000);

const asOf = dayFromIso(SAMPLE_AS_OF)!;
const saved = async (on: readonly MemorySheet[], values: Record<string, string | number>) => {
  const edits = settingsEdits(on, values);
  const output = new MemoryWorkbookOutput(on);
  await output.update(edits.updates, edits.appends);
  return { edits, sheets: output.sheets, source: await readWorkbook(memoryWorkbook(output.sheets), { asOf }) };
};

describe("saving settings from the pane", () => {
  it("changes the values the product wrote in place, and the workbook reads them back", async () => {
    const { edits, source, sheets: after } = await saved(sheets, { grace_particulier: 21, societe_iban: "FR76 1111 2222 3333 4444 5555 666", colonne_facture: "N° facture" });
    expect(edits.problems).toEqual([]);
    expect(edits.updates.map((u) => u.column)).toEqual([1, 1, 1]);
    expect(edits.appends).toEqual([]);
    expect(source.settings.policy.graceDays.particulier).toBe(21);
    expect(source.settings.company.iban).toBe("FR76 1111 2222 3333 4444 5555 666");
    expect(source.savedMapping.columns.number).toBe("N° facture");
    const before = sheets.find((s) => s.name === SETTINGS_SHEET)!;
    expect(after.find((s) => s.name === SETTINGS_SHEET)!.values.length).toBe(before.values.length);
  });

  it("changes nothing for a value the sheet holds already", () => {
    const current = sheets.find((s) => s.name === SETTINGS_SHEET)!.values.find((r) => r[0] === "grace_particulier")![1]!;
    expect(settingsEdits(sheets, { grace_particulier: current as number })).toEqual({ updates: [], appends: [], problems: [] });
  });

  it("adds a row for a key the sheet lacks", async () => {
    const settings = sheets.find((s) => s.name === SETTINGS_SHEET)!;
    const trimmed = sheets.map((s) => (s !== settings ? s : { ...s, values: s.values.filter((r) => r[0] !== "delai_relance_2") }));
    const { edits, source } = await saved(trimmed, { delai_relance_2: 15 });
    expect(edits.appends[0]!.rows).toEqual([["delai_relance_2", 15, expect.any(String)]]);
    expect(source.settings.policy.reminder2AfterDays).toBe(15);
  });

  it("creates the settings sheet whole when the workbook has none", async () => {
    const { edits, source } = await saved(sheets.filter((s) => s.name !== SETTINGS_SHEET), { grace_particulier: 30 });
    expect(edits.appends[0]!.sheet).toBe(SETTINGS_SHEET);
    expect(edits.appends[0]!.rows.length).toBeGreaterThan(50);
    expect(source.settings.policy.graceDays.particulier).toBe(30);
    expect(source.settingsProblems).toEqual([]);
  });

  it("refuses an unknown key and a value that would not read back, writing nothing for them", () => {
    const edits = settingsEdits(sheets, { grace_particuliers: 3, delai_relance_2: "dix", ligne_entete: "A" });
    expect(edits.updates).toEqual([]);
    expect(edits.problems).toHaveLength(3);
    expect(edits.problems[0]).toMatch(/clé «grace_particuliers» inconnue/);
    expect(edits.problems[1]).toMatch(/dix/);
    expect(edits.problems[2]).toMatch(/ligne_entete/);
  });
});
