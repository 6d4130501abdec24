// The reference-date cell the live columns point at: named RELANCES_DATE, made on the settings
// sheet right of what is there when the name is missing, and kept current afterwards.
import { afterEach, describe, expect, it } from "vitest";
import { dayFromIso, dayToExcelSerial } from "../../../src/core/day";
import { REFERENCE_DATE_NAME, setOfficeReferenceDate } from "../../../taskpane/excel/officeReferenceDate";
import { installFakeExcel, removeFakeExcel, type FakeExcel, type FakeSheet } from "./fakeExcel";

const install = (sheets: FakeSheet[]): FakeExcel => installFakeExcel(sheets);

afterEach(removeFakeExcel);

const serial = (iso: string) => dayToExcelSerial(dayFromIso(iso)!);

describe("setOfficeReferenceDate", () => {
  it("creates the named cell on the settings sheet, right of the user's cells, and shows it as a date", async () => {
    const settings = [["Clé", "Valeur", "Description", "", "", "note"], ["grace_particulier", 14, "Délai"]];
    const excel = install([{ name: "Paramètres Relances", cells: settings.map((row) => [...row]) }]);
    await setOfficeReferenceDate("2026-06-30");
    const named = excel.names.get(REFERENCE_DATE_NAME)!;
    expect(named).toMatchObject({ sheet: "Paramètres Relances", row: 0, column: 8 });
    expect(excel.cell("Paramètres Relances", 0, 8)).toBe(serial("2026-06-30"));
    expect(excel.cell("Paramètres Relances", 0, 7)).toMatch(/^Date de référence/);
    expect(excel.format("Paramètres Relances", 0, 8)).toBe("dd/mm/yyyy");
    expect(excel.sheet("Paramètres Relances")!.cells[0]!.slice(0, 6)).toEqual(settings[0]);
    expect(excel.sheet("Paramètres Relances")!.cells[1]).toEqual(settings[1]);
  });

  it("updates the same cell the next time, without a second name", async () => {
    const excel = install([{ name: "Paramètres Relances", cells: [["Clé", "Valeur", "Description"]] }]);
    await setOfficeReferenceDate("2026-06-30");
    await setOfficeReferenceDate("2026-07-01");
    expect([...excel.names.keys()]).toEqual([REFERENCE_DATE_NAME]);
    expect(excel.names.get(REFERENCE_DATE_NAME)).toMatchObject({ row: 0, column: 5 });
    expect(excel.cell("Paramètres Relances", 0, 5)).toBe(serial("2026-07-01"));
  });

  it("creates the settings sheet with its header when it is missing", async () => {
    const excel = install([{ name: "Suivi", cells: [["Client"]] }]);
    await setOfficeReferenceDate("2026-06-30");
    expect(excel.sheet("Paramètres Relances")!.cells[0]!.slice(0, 3)).toEqual(["Clé", "Valeur", "Description"]);
    expect(excel.names.get(REFERENCE_DATE_NAME)).toMatchObject({ sheet: "Paramètres Relances", row: 0, column: 5 });
  });

  it("refuses a text that is no date, writing nothing", async () => {
    const excel = install([{ name: "Paramètres Relances", cells: [["Clé", "Valeur"]] }]);
    await expect(setOfficeReferenceDate("30/02/2026")).rejects.toThrow(/invalide/);
    expect(excel.names.size).toBe(0);
  });
});
