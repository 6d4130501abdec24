import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/cellValue";
import { dayFromIso, dayToExcelSerial } from "../../../src/core/day";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../../../src/core/journalEntry";
import { filterJournal, groupJournal, journalView } from "../../../taskpane/shared/journalView";

const serial = (iso: string): number => dayToExcelSerial(dayFromIso(iso)!);
const journal = (...lines: CellValue[][]) => [{ name: JOURNAL_SHEET, values: [[...JOURNAL_COLUMNS], ...lines] }];
const LINES = [
  [serial("2026-05-05"), "SCI Les Tilleuls", "F-14", "Relance 1", "email"],
  [serial("2026-06-01"), "Dupont SARL", "F-20", "Relance 1", "email"],
  // Typed by hand, with the name written otherwise and the number with its N°.
  ["15/06/2026", "sci les tilleuls", "N° F-14", "Relance 2", "courrier"],
  [serial("2026-06-01"), "Dupont SARL", "F-21", "", "téléphone", "", serial("2026-07-10"), "", "promet de payer"],
];

describe("the Journal screen", () => {
  it("lists the last actions first, the later row first on the same day", () => {
    const view = journalView(journal(...LINES));
    expect(view.found).toBe(true);
    expect(view.entries.map((e) => e.invoice)).toEqual(["N° F-14", "F-21", "F-20", "F-14"]);
  });

  it("says when the workbook has no journal yet", () => {
    expect(journalView([{ name: "Suivi", values: [] }])).toEqual({ entries: [], rejected: [], found: false });
  });

  it("lists the lines it cannot read, with why", () => {
    const view = journalView(journal([serial("2026-06-01"), "Dupont SARL", "", "Relance 1"]));
    expect(view.rejected[0]).toMatchObject({ row: 2, column: "Facture" });
  });

  it("groups by customer as the plan compares names, the newest group first", () => {
    const groups = groupJournal(journalView(journal(...LINES)).entries, "customer");
    expect(groups.map((g) => [g.label, g.entries.length, g.highestLevel])).toEqual([
      ["sci les tilleuls", 2, 2],
      ["Dupont SARL", 2, 1],
    ]);
  });

  it("groups by invoice whatever the N° and the case", () => {
    const groups = groupJournal(journalView(journal(...LINES)).entries, "invoice");
    expect(groups.map((g) => [g.label, g.customer, g.entries.length])).toEqual([
      ["N° F-14", "sci les tilleuls", 2],
      ["F-21", "Dupont SARL", 1],
      ["F-20", "Dupont SARL", 1],
    ]);
  });

  it("filters by words of the customer or the invoice, accents and case aside, and by level and channel", () => {
    const { entries } = journalView(journal(...LINES));
    expect(filterJournal(entries, { text: "TILLEULS" }).map((e) => e.invoice)).toEqual(["N° F-14", "F-14"]);
    expect(filterJournal(entries, { text: "f-20" }).map((e) => e.invoice)).toEqual(["F-20"]);
    expect(filterJournal(entries, { level: 1 }).map((e) => e.invoice)).toEqual(["F-20", "F-14"]);
    expect(filterJournal(entries, { channel: "téléphone" }).map((e) => e.note)).toEqual(["promet de payer"]);
    expect(filterJournal(entries, { since: dayFromIso("2026-06-02") }).map((e) => e.invoice)).toEqual(["N° F-14"]);
  });
});
