// The settings a user edits in the workbook drive plan and run alike (SPEC section 5).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-source-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A tracking sheet with one invoice late across 1 July 2026, and a settings sheet. */
async function workbookWith(settings: (string | number | { value: number; numFmt: string })[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Suivi");
  sheet.addRow(["Client", "N° facture", "Date facture", "Échéance", "Montant TTC"]);
  sheet.addRow(["Bâtir SARL", "F1", new Date(Date.UTC(2026, 4, 15)), new Date(Date.UTC(2026, 5, 15)), 10000]);
  const sheetOfSettings = workbook.addWorksheet(SETTINGS_SHEET);
  sheetOfSettings.addRow(["Clé", "Valeur", "Description"]);
  for (const [key, value] of settings) {
    const row = sheetOfSettings.addRow([key, typeof value === "object" ? value.value : value]);
    if (typeof value === "object") row.getCell(2).numFmt = value.numFmt;
  }
  const file = path.join(dir, `settings-${Math.random().toString(36).slice(2)}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

const asOf = dayFromIso("2026-07-15")!;

/** The plan of a workbook, read as plan and run read it. */
async function planOf(file: string) {
  return planWorkbook(await readWorkbookSource(file, { asOf }), asOf);
}

describe("settings stored in the workbook", () => {
  it("without the 2026 S2 rate, penalties are unknown and the plan says so", async () => {
    const plan = await planOf(await workbookWith([]));
    expect(plan.actions[0]!.penalties).toBeNull();
    expect(plan.warnings.join("\n")).toMatch(/Pénalités non calculées/);
  });

  it("a half-year rate added by the user is used, typed as a number or as a percentage", async () => {
    const rows = (ecb: number | { value: number; numFmt: string }) => [
      ["taux_bce_2026_S2", ecb],
      ["til_particulier_2026_S2", 6.5],
      ["til_autres_2026_S2", 2.5],
    ];
    // 10,000.00 x (15 days at 12.15 % in S1 + 15 days at 12.00 % in S2) / 365 = 99.25
    for (const file of [await workbookWith(rows(2)), await workbookWith(rows({ value: 0.02, numFmt: "0.00%" }))]) {
      expect((await planOf(file)).actions[0]!.penalties).toBe(9925);
    }
  });

  it("a grace period changed in the sheet changes what is due", async () => {
    const file = await workbookWith([["grace_professionnel", 45]]);
    expect((await planOf(file)).actions).toHaveLength(0);
  });

  it("a bad setting keeps its default and is reported with its row", async () => {
    const file = await workbookWith([["delai_relance_2", "dix"]]);
    expect((await planOf(file)).warnings).toContain("Paramètres Relances ligne 2 : delai_relance_2 «dix» n'est pas un nombre de jours");
  });
});
