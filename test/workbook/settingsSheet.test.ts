import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ratesFor, withHalfYear } from "../../src/core/rates";
import { DEFAULT_POLICY } from "../../src/core/reminderPolicy";
import { DEFAULT_SETTINGS, SETTINGS_SHEET, type Settings } from "../../src/core/settings";
import { TEXT_FORMAT } from "../../src/workbook/safeCell";
import { addSettingsSheet, readSettingsSheet, requiredDescription, settingsToFill, writeSettingsSheet } from "../../src/workbook/settingsSheet";
import { withWrites } from "../helpers/productSheetWrites";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-settings-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
/** Writes the workbook to a real .xlsx in the temp folder and reads it back with exceljs. */
async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, `settings-${++files}.xlsx`);
  await workbook.xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back;
}

/** The sheet row holding a key. */
function rowOf(ws: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === key) found = row;
  });
  if (found === undefined) throw new Error(`no row ${key}`);
  return found;
}

const COMPANY: Settings = {
  ...DEFAULT_SETTINGS,
  company: {
    name: '=HYPERLINK("http://x","y")',
    legalForm: "SARL",
    shareCapital: "10 000 €",
    siren: "012345678",
    phone: "+33 1 23 45 67 89",
    iban: "FR76 3000 6000 0112 3456 7890 189",
  },
  senderMailbox: "relances@batir.fr",
};

describe("the settings sheet", () => {
  it("is written when absent, and reads back as the same settings", async () => {
    const workbook = new ExcelJS.Workbook();
    expect(writeSettingsSheet(workbook)).toBe(true);
    const back = await roundTrip(workbook);
    const ws = back.getWorksheet(SETTINGS_SHEET)!;
    expect(ws.getRow(1).values).toEqual([undefined, "Clé", "Valeur", "Description"]);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(readSettingsSheet(ws)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("is never written over: the user's edits stay", async () => {
    const workbook = new ExcelJS.Workbook();
    writeSettingsSheet(workbook);
    const back = await roundTrip(workbook);
    rowOf(back.getWorksheet(SETTINGS_SHEET)!, "delai_relance_2").getCell(2).value = 15;
    expect(writeSettingsSheet(back, { ...DEFAULT_SETTINGS, formalNoticeDeadlineDays: 15 })).toBe(false);
    const again = await roundTrip(back);
    const { settings } = readSettingsSheet(again.getWorksheet(SETTINGS_SHEET));
    expect(settings.policy.reminder2AfterDays).toBe(15);
    expect(settings.formalNoticeDeadlineDays).toBe(8);
  });

  it("gives the defaults for a workbook without it", () => {
    expect(readSettingsSheet(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("keeps the letterhead as text: a formula-like name stays text, a SIREN keeps its leading zero", async () => {
    const workbook = new ExcelJS.Workbook();
    writeSettingsSheet(workbook, COMPANY);
    const ws = (await roundTrip(workbook)).getWorksheet(SETTINGS_SHEET)!;
    const name = rowOf(ws, "societe_raison_sociale").getCell(2);
    expect(name.formula).toBeUndefined();
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe('=HYPERLINK("http://x","y")');
    expect(rowOf(ws, "societe_siren").getCell(2).numFmt).toBe(TEXT_FORMAT);
    expect(rowOf(ws, "societe_ville").getCell(2).numFmt).toBe(TEXT_FORMAT);
    expect(rowOf(ws, "delai_relance_2").getCell(2).numFmt).toBeUndefined();
    expect(readSettingsSheet(ws)).toEqual({ settings: COMPANY, problems: [] });
  });

  it("reads the 2026 S2 rates a user added at the bottom, and a rate typed as a percentage", async () => {
    const workbook = new ExcelJS.Workbook();
    writeSettingsSheet(workbook);
    const ws = (await roundTrip(workbook)).getWorksheet(SETTINGS_SHEET)!;
    ws.addRow(["taux_bce_2026_S2", 2.15]);
    ws.addRow(["til_particulier_2026_S2", "6,70"]);
    const typed = ws.addRow(["til_autres_2026_S2", 0.026]);
    typed.getCell(2).numFmt = "0.00%";
    const { settings, problems } = readSettingsSheet(ws);
    expect(problems).toEqual([]);
    expect(ratesFor(settings.rates, 2026, 2)).toEqual({ year: 2026, half: 2, ecb: 21500, tilP: 67000, tilA: 26000 });
  });

  it("reports a bad value with its sheet row, and keeps the default", async () => {
    const workbook = new ExcelJS.Workbook();
    writeSettingsSheet(workbook);
    const ws = (await roundTrip(workbook)).getWorksheet(SETTINGS_SHEET)!;
    const row = rowOf(ws, "delai_relance_2");
    row.getCell(2).value = "dix";
    ws.addRow(["couleur_logo", "bleu"]);
    const { settings, problems } = readSettingsSheet(ws);
    expect(problems.map((p) => p.message)).toEqual([
      `Paramètres Relances ligne ${row.number} : delai_relance_2 «dix» n'est pas un nombre de jours`,
      `Paramètres Relances ligne ${ws.rowCount} : clé «couleur_logo» inconnue, ligne ignorée`,
    ]);
    expect(settings.policy).toEqual(DEFAULT_POLICY);
  });

  it("round-trips random settings through a file (property)", async () => {
    const text = fc.constantFrom("SARL", "Bâtir Ensemble", "=1+1", "@Home", "-12", "Lyon", "0123456789", "10 000 €");
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          grace: fc.integer({ min: 0, max: 60 }),
          delay: fc.integer({ min: 0, max: 60 }),
          escalation: fc.constantFrom<"sequential" | "byAge">("sequential", "byAge"),
          name: fc.option(text, { nil: undefined }),
          city: fc.option(text, { nil: undefined }),
          split: fc.boolean(),
          ecb: fc.integer({ min: 0, max: 100_000 }),
        }),
        async (r) => {
          const settings: Settings = {
            ...DEFAULT_SETTINGS,
            policy: {
              ...DEFAULT_POLICY,
              graceDays: { ...DEFAULT_POLICY.graceDays, particulier: r.grace },
              reminder2AfterDays: r.delay,
              escalation: r.escalation,
            },
            rates: withHalfYear(DEFAULT_SETTINGS.rates, { year: 2026, half: 2, ecb: r.ecb, tilP: 66700, tilA: 26200 }),
            company: { name: r.name, city: r.city },
            splitByHalfYear: r.split,
          };
          const workbook = new ExcelJS.Workbook();
          writeSettingsSheet(workbook, settings);
          const back = new ExcelJS.Workbook();
          await back.xlsx.load(await workbook.xlsx.writeBuffer());
          expect(readSettingsSheet(back.getWorksheet(SETTINGS_SHEET))).toEqual({ settings, problems: [] });
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("the settings sheet the run's copy gets", () => {
  it("is written as the sample's is: bold frozen header, widths, text settings in the Text format", async () => {
    const { result, workbook } = await withWrites(new ExcelJS.Workbook(), (graft) => addSettingsSheet(graft, COMPANY));
    expect(result).toBe(SETTINGS_SHEET);
    const ws = workbook.getWorksheet(SETTINGS_SHEET)!;
    const sample = new ExcelJS.Workbook();
    writeSettingsSheet(sample, COMPANY);
    const expected = (await roundTrip(sample)).getWorksheet(SETTINGS_SHEET)!;
    const look = (sheet: ExcelJS.Worksheet): unknown[] => {
      const cells: unknown[] = [];
      sheet.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => cells.push([cell.address, cell.value, cell.numFmt ?? null, cell.font?.bold ?? false])));
      return cells;
    };
    expect(look(ws)).toEqual(look(expected));
    expect([1, 2, 3].map((i) => ws.getColumn(i).width)).toEqual([34, 26, 110]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(readSettingsSheet(ws)).toEqual({ settings: COMPANY, problems: [] });
  });

  it("is not written over when there", async () => {
    const workbook = new ExcelJS.Workbook();
    writeSettingsSheet(workbook);
    const { result } = await withWrites(workbook, (graft) => addSettingsSheet(graft, COMPANY));
    expect(result).toBeUndefined();
  });
});

describe("the settings sheet ready to fill (SPEC section 5)", () => {
  const REQUIRED = /^OBLIGATOIRE — à remplir : .+ \/ REQUIRED — fill in: .+$/;

  it("says that a setting is required, French then English", () => {
    expect(requiredDescription("IBAN (paiements) / IBAN for payments")).toBe("OBLIGATOIRE — à remplir : IBAN (paiements) / REQUIRED — fill in: IBAN for payments");
  });

  it("is written whole when absent, the required rows empty and saying so, the others as usual", async () => {
    const { result, workbook } = await withWrites(new ExcelJS.Workbook(), (graft) => settingsToFill(graft, DEFAULT_SETTINGS, ["societe_raison_sociale", "societe_iban"]));
    expect(result).toEqual([SETTINGS_SHEET]);
    const ws = workbook.getWorksheet(SETTINGS_SHEET)!;
    for (const key of ["societe_raison_sociale", "societe_iban"]) {
      const row = rowOf(ws, key);
      expect(row.getCell(2).value ?? null, key).toBeNull();
      expect(row.getCell(2).numFmt, key).toBe(TEXT_FORMAT);
      expect(row.getCell(3).value, key).toMatch(REQUIRED);
    }
    expect(rowOf(ws, "societe_bic").getCell(3).value).not.toMatch(/OBLIGATOIRE/);
    expect(readSettingsSheet(ws)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("adds at the end of the user's sheet only the required rows it lacks, and changes none of its rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("paramètres relances");
    ws.addRow(["Clé", "Valeur", "Description"]);
    ws.addRow(["societe_raison_sociale", "Bâtir Ensemble", "à nous"]);
    ws.addRow(["Délai relance 2", 15]);
    ws.addRow(["societe_iban", null, "on le met plus tard"]);
    const before = await roundTrip(workbook);
    const rows: unknown[] = [];
    before.getWorksheet("paramètres relances")!.eachRow((row) => rows.push(row.values));

    const filled = await withWrites(before, (graft) => settingsToFill(graft, DEFAULT_SETTINGS, ["societe_raison_sociale", "societe_iban", "societe_tva", "societe_ville"]));
    expect(filled.result).toEqual(["paramètres relances"]);
    const after = filled.workbook;
    expect(after.worksheets.map((sheet) => sheet.name)).toEqual(["paramètres relances"]);
    const sheet = after.getWorksheet("paramètres relances")!;
    rows.forEach((values, i) => expect(sheet.getRow(i + 1).values, `row ${i + 1}`).toEqual(values));
    expect(sheet.getRow(5).values).toEqual([undefined, "societe_tva", undefined, expect.stringMatching(REQUIRED)]);
    expect(sheet.getRow(6).getCell(1).value).toBe("societe_ville");
    expect(sheet.rowCount).toBe(6);
    const { settings, problems } = readSettingsSheet(sheet);
    expect(problems).toEqual([]);
    expect(settings.company.name).toBe("Bâtir Ensemble");
    expect(settings.policy.reminder2AfterDays).toBe(15);
  });

  it("finds the key and value columns by the header, as the reader does", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet(SETTINGS_SHEET);
    ws.addRow([null, "Description", "Valeur", "Clé"]);
    ws.addRow([null, "à nous", "Bâtir Ensemble", "societe_raison_sociale"]);
    const back = (await withWrites(workbook, (graft) => settingsToFill(graft, DEFAULT_SETTINGS, ["societe_raison_sociale", "societe_tva"]))).workbook.getWorksheet(SETTINGS_SHEET)!;
    expect(back.getRow(3).getCell(4).value).toBe("societe_tva");
    expect(back.getRow(3).getCell(2).value).toMatch(REQUIRED);
    expect(readSettingsSheet(back).problems).toEqual([]);
  });

  it("writes nothing when nothing is missing", async () => {
    const { result, workbook } = await withWrites(new ExcelJS.Workbook(), (graft) => settingsToFill(graft, DEFAULT_SETTINGS, []));
    expect(result).toEqual([]);
    expect(workbook.worksheets).toEqual([]);
  });
});
