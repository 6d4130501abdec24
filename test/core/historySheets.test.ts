import { describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { historyEntries, historySheetLevel } from "../../src/core/historySheets";
import { invoiceHistories } from "../../src/core/invoiceHistories";

const day = (iso: string) => dayFromIso(iso)!;

describe("historySheetLevel", () => {
  it("reads the manual workflow's sheet names, with any prefix, at their level", () => {
    expect(historySheetLevel("EGPL clients 1ère relance")).toBe(1);
    expect(historySheetLevel("1ere relance")).toBe(1);
    expect(historySheetLevel("Clients relance 1")).toBe(1);
    expect(historySheetLevel("2e relance")).toBe(2);
    expect(historySheetLevel("EGPL clients 2ème relance")).toBe(2);
    expect(historySheetLevel("EGPL clients mis en demeure")).toBe(3);
    expect(historySheetLevel("mise en demeure 2021")).toBe(3);
    expect(historySheetLevel("mis en demeure")).toBe(3);
  });

  it("the product's own stage sheets, in any case, and other sheets are not history", () => {
    for (const name of ["Relance 1", "relance 1", "RELANCE 2", "Mise en demeure", "Journal des relances", "Suivi 2026", "Relances"]) {
      expect(historySheetLevel(name), name).toBeUndefined();
    }
  });
});

describe("historyEntries", () => {
  const sheets = [
    { sheet: "1ère relance", level: 1 as const, rows: [
      { row: 1, cells: ["Client", "N° facture", "Date 1ère relance"] },
      { row: 2, cells: ["Dupont", "F-1", "12/05/2026"] },
      { row: 3, cells: ["Martin", "F-2", null] },
    ] },
  ];

  it("dates a level from its « date … relance » column; an undated one has no date in the plan, the day given in the journal, and one warning", () => {
    const { histories, entries, warnings } = historyEntries(sheets, new Map(), day("2026-01-01"));
    expect(histories.get("F-1")).toEqual({ dispute: false, lastLevel: 1, lastLevelDate: day("2026-05-12"), levelDates: { 1: day("2026-05-12") } });
    expect(histories.get("F-2")).toEqual({ dispute: false, lastLevel: 1, lastLevelDate: undefined, levelDates: {} });
    expect(entries).toEqual([
      { date: day("2026-05-12"), customer: "Dupont", invoice: "F-1", level: 1, note: "repris de la feuille «1ère relance»" },
      { date: day("2026-01-01"), customer: "Martin", invoice: "F-2", level: 1, note: "repris de la feuille «1ère relance», date inconnue" },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Relances reprises sans date, .*: F-2 \(1ère relance\) \//);
  });

  it("an undated level's journal line is never dated before a lower level's known date, so that it stays the last level", () => {
    const second = [{ sheet: "2ème relance", level: 2 as const, rows: [
      { row: 1, cells: ["Client", "N° facture", "Date 1ère relance"] },
      { row: 2, cells: ["Dupont", "F-1", "25/06/2026"] },
    ] }];
    const { entries } = historyEntries(second, new Map(), day("2026-06-20"));
    expect(entries.map((e) => [e.level, e.date])).toEqual([[1, day("2026-06-25")], [2, day("2026-06-25")]]);
    expect(invoiceHistories(entries).get("F-1")?.lastLevel).toBe(2);
  });

  it("keeps a promise the journal holds for the invoice without a level", () => {
    const journal = invoiceHistories([{ date: day("2026-05-20"), customer: "Martin", invoice: "F-2", promiseDate: day("2026-07-15") }]);
    expect(historyEntries(sheets, journal, day("2026-01-01")).histories.get("F-2")?.promiseDate).toBe(day("2026-07-15"));
  });

  it("leaves out the invoices the journal already has a level for", () => {
    const journal = invoiceHistories([{ date: day("2026-05-20"), customer: "Dupont", invoice: " f-1", level: 2 }]);
    expect(historyEntries(sheets, journal, day("2026-01-01")).entries.map((e) => e.invoice)).toEqual(["F-2"]);
  });
});
