// The contract every workbook adapter passes: the same workbook, handed over as Office.js arrays
// (memory adapter) or as an .xlsx file (exceljs streaming adapter), gives the same plan, the same
// `plan --json` and the same documents, byte for byte.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cellValue";
import type { Plan } from "../../src/core/plan";
import type { Settings } from "../../src/core/settings";
import { dayFromIso, dayToExcelSerial } from "../../src/core/day";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../../src/core/journalEntry";
import { SETTINGS_SHEET } from "../../src/core/settings";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { documentsOf, officeSheetsOf, planBothSides, planJsonText, writeOfficeSheets } from "./officeWorkbook";

const asOf = dayFromIso("2026-06-30")!;
const DATE = "dd/mm/yyyy";
const serial = (iso: string): number => dayToExcelSerial(dayFromIso(iso)!);

const HEADER = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Réglé", "E-mail", "Adresse", "CP", "Ville"];
const FORMATS = ["General", "General", DATE, DATE, "#,##0.00", "#,##0.00", "General", "General", "General", "General"];

/** One invoice row as Office.js gives it: dates as serials, "" where nothing is typed. */
function invoice(customer: string, number: string, date: string, due: string, amount: CellValue, paid: CellValue = "", email = "compta@client.example"): CellValue[] {
  return [customer, number, serial(date), serial(due), amount, paid, email, "3 rue des Lilas", "31000", "Toulouse"];
}

/** A sheet from its rows, with the number formats Office.js would give beside them. */
function sheet(name: string, values: CellValue[][], extra: Partial<MemorySheet> = {}): MemorySheet {
  const width = Math.max(...values.map((r) => r.length));
  const dense = values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill("")]);
  const header = values.findIndex((r) => r[0] === HEADER[0]);
  const numberFormats = dense.map((r, i) => r.map((_, c) => (header >= 0 && i > header ? (FORMATS[c] ?? "General") : "General")));
  return { name, values: dense, numberFormats, ...extra };
}

const TRACKING = sheet("Suivi 2026", [
  HEADER,
  invoice("Dupont SARL", "F-1", "2026-01-02", "2026-02-01", 1200),
  invoice("Martin SAS", "F-2", "2026-03-05", "2026-04-04", 2400, 400),
  invoice("Bâtir SA", "F-3", "2026-05-06", "2026-06-05", 300, "", ""),
]);

function journal(lines: CellValue[][]): MemorySheet {
  return { name: JOURNAL_SHEET, values: [[...JOURNAL_COLUMNS], ...lines.map((l) => [...l, ...Array<CellValue>(JOURNAL_COLUMNS.length - l.length).fill("")])],
    numberFormats: [JOURNAL_COLUMNS.map(() => "General"), ...lines.map(() => JOURNAL_COLUMNS.map((c) => (c === "Date" || c === "Promesse" ? DATE : "General")))] };
}

function settings(rows: CellValue[][], formats: string[][] = []): MemorySheet {
  return { name: SETTINGS_SHEET, values: [["Clé", "Valeur"], ...rows], numberFormats: [["General", "General"], ...rows.map((_, i) => formats[i] ?? ["General", "General"])] };
}

interface Case {
  readonly sheets: MemorySheet[];
  readonly sheet?: string;
  readonly blockRows?: number;
  /** What the case is about, seen in the plan: so that agreeing on nothing cannot pass. */
  readonly shows?: (plan: Plan, settings: Settings) => void;
}

const CASES: Readonly<Record<string, Case>> = {
  "a plain sheet": { sheets: [TRACKING] },
  "abbreviated headers under a title": {
    shows: (plan) => expect(plan.invoices.map((i) => i.record.amount)).toEqual([80000, 95050]),
    sheets: [sheet("Suivi", [
      ["Suivi des encaissements 2026"], [],
      ["Clt", "N° Fact.", "Date fact", "Date éch.", "Mt TTC", "Règl.", "Mail"],
      ["Durand", "A-1", serial("2026-02-01"), serial("2026-03-03"), 800, "", "durand@client.example"],
      ["Petit", "A-2", serial("2026-04-01"), serial("2026-05-01"), 950.5, 100, "petit@client.example"],
    ])],
  },
  "a customer merged over its invoices": {
    shows: (plan) => expect(plan.invoices.map((i) => i.record.customer.name)).toEqual(["Lefèvre SARL", "Lefèvre SARL", "Lefèvre SARL", "Roux"]),
    sheets: [sheet("Suivi 2026", [
      HEADER,
      invoice("Lefèvre SARL", "M-1", "2026-01-10", "2026-02-09", 500),
      invoice("", "M-2", "2026-02-10", "2026-03-12", 600),
      invoice("", "M-3", "2026-03-10", "2026-04-09", 700),
      invoice("Roux", "M-4", "2026-03-10", "2026-04-09", 100),
    ], { merged: [{ top: 2, left: 0, bottom: 4, right: 0 }] })],
  },
  "merged rows handed over in blocks of two": {
    shows: (plan) => expect(plan.invoices.map((i) => i.record.customer.name)).toEqual(["Lefèvre SARL", "Lefèvre SARL", "Lefèvre SARL"]),
    blockRows: 2,
    sheets: [sheet("Suivi 2026", [
      HEADER,
      invoice("Lefèvre SARL", "M-1", "2026-01-10", "2026-02-09", 500),
      invoice("", "M-2", "2026-02-10", "2026-03-12", 600),
      invoice("", "M-3", "2026-03-10", "2026-04-09", 700),
    ], { merged: [{ top: 2, left: 0, bottom: 4, right: 0 }] })],
  },
  "formula errors": {
    shows: (plan) => expect(plan.rejected.map((r) => r.value)).toEqual(["#DIV/0!", "#N/A"]),
    sheets: [sheet("Suivi 2026", [
      HEADER,
      invoice("Dupont SARL", "E-1", "2026-01-02", "2026-02-01", "#DIV/0!"),
      [...invoice("Martin SAS", "E-2", "2026-01-02", "2026-02-01", 300).slice(0, 2), "#N/A", ...invoice("x", "x", "2026-01-02", "2026-02-01", 300).slice(3)],
      invoice("Bâtir SA", "E-3", "2026-01-02", "2026-02-01", 900),
    ])],
  },
  "several tracking sheets and one without a header": {
    shows: (plan) => expect(plan.sheets).toMatchObject({ read: ["Suivi 2025", "Suivi 2026"], leftOut: [{ sheet: "Notes", reason: "noHeader" }] }),
    sheets: [
      sheet("Suivi 2025", [HEADER, invoice("Dupont SARL", "S-1", "2025-10-02", "2025-11-01", 1000)]),
      sheet("Notes", [["Penser à appeler Martin"], ["et Durand"]]),
      sheet("Suivi 2026", [HEADER, invoice("Dupont SARL", "S-2", "2026-03-02", "2026-04-01", 2000), invoice("Martin SAS", "S-3", "2026-03-02", "2026-04-01", 150)]),
    ],
  },
  "a hidden sheet left out": {
    shows: (plan) => expect(plan.sheets?.leftOut).toMatchObject([{ sheet: "Ancien suivi", reason: "hidden" }]),
    sheets: [TRACKING, sheet("Ancien suivi", [HEADER, invoice("Vieux client", "H-1", "2025-01-02", "2025-02-01", 1000)], { visibility: "hidden" })],
  },
  "a hidden sheet named with --sheet": {
    shows: (plan) => expect(plan.sheets?.read).toEqual(["Ancien suivi"]),
    sheet: "Ancien suivi",
    sheets: [TRACKING, sheet("Ancien suivi", [HEADER, invoice("Vieux client", "H-1", "2026-01-02", "2026-02-01", 1000)], { visibility: "hidden" })],
  },
  "a saved column mapping": {
    shows: (plan) => expect(plan.invoices.map((i) => i.record.customer.email)).toEqual(["dupont@client.example", "martin@client.example"]),
    sheets: [
      sheet("Feuil1", [
        ["Raison sociale", "Réf", "Émise le", "À payer le", "TTC", "Courriel"],
        ["Dupont SARL", "C-1", serial("2026-01-02"), serial("2026-02-01"), 700, "dupont@client.example"],
        ["Martin SAS", "C-2", serial("2026-02-02"), serial("2026-03-04"), 800, "martin@client.example"],
      ]),
      settings([
        ["feuilles_suivi", "Feuil1"], ["colonne_client", "Raison sociale"], ["colonne_facture", "Réf"], ["colonne_date_facture", "Émise le"],
        ["colonne_echeance", "D"], ["colonne_montant_ttc", "TTC"], ["colonne_email", "Courriel"],
      ]),
    ],
  },
  "the manual workflow's « 1ère relance » sheets": {
    shows: (plan) => expect(plan.invoices.map((i) => i.history?.lastLevel)).toEqual([1, 2, undefined]),
    sheets: [
      TRACKING,
      { name: "EGPL clients 1ère relance", values: [["Raison sociale", "N° de Facture", "Montant"], ["Dupont SARL", "F-1", 1200], ["Martin SAS", "F-2", 2400]] },
      { name: "EGPL clients 2ème relance", values: [["N° de Facture", "date 1ère relance"], ["F-2", serial("2026-05-04")]], numberFormats: [["General", "General"], ["General", DATE]] },
    ],
  },
  "a journal with lines": {
    shows: (plan) => expect(plan.warnings.some((w) => w.startsWith("Journal des relances ligne 4"))).toBe(true),
    sheets: [TRACKING, journal([
      [serial("2026-05-20"), "Dupont SARL", "F-1", "Relance 1", "email"],
      [serial("2026-06-01"), "Martin SAS", "F-2", "Relance 1", "courrier", "", serial("2026-06-20")],
      ["pas une date", "Martin SAS", "F-2", "Relance 9", "pigeon"],
    ])],
  },
  "blank and total rows": {
    shows: (plan) => expect(plan.counts).toMatchObject({ invoices: 2, skipped: 3 }),
    sheets: [sheet("Suivi 2026", [
      HEADER,
      invoice("Dupont SARL", "B-1", "2026-01-02", "2026-02-01", 1200),
      [], ["", "", "", "", "", ""],
      invoice("Martin SAS", "B-2", "2026-03-05", "2026-04-04", 2400),
      ["TOTAL", "", "", "", 3600],
      [],
    ])],
  },
  "percentages in the settings read as shown": {
    shows: (_, settings) => expect(settings.rates.find((r) => r.year === 2026 && r.half === 1)?.ecb).toBe(33300),
    sheets: [TRACKING, settings(
      [["taux_bce_2026_s1", 0.0333], ["taux_bce_2026_s2", 2.4], ["delai_relance_2", 10], ["boite_expedition", "relances@egpl.example"]],
      [["General", "0.00%"], ["General", "General"], ["General", "General"], ["General", "General"]],
    )],
  },
  "text dates and amounts as people type them": {
    shows: (plan) => expect(plan.invoices.map((i) => i.record.amount)).toEqual([432000]),
    sheets: [sheet("Suivi 2026", [
      HEADER,
      ["Dupont SARL", "T-1", "15/03/2026", "14/04/2026", "4 320,00 €", "", "dupont@client.example"],
      ["Martin SAS", "T-2", "2026-02-01", "45 jours fin de mois", "1.200,50", "200", "martin@client.example"],
      ["Bâtir SA", "T-3", "1er mars 2026", "31/03/2026", "€ 75", "", "batir@client.example"],
    ])],
  },
  "bad amounts and dates": {
    shows: (plan) => expect(plan.rejected.map((r) => r.row)).toEqual([2, 3, 4, 5]),
    sheets: [sheet("Suivi 2026", [
      HEADER,
      invoice("Dupont SARL", "X-1", "2026-01-02", "2026-02-01", "abc"),
      invoice("Martin SAS", "X-2", "2026-01-02", "2026-02-01", 12.345),
      invoice("Bâtir SA", "X-3", "2026-01-02", "2026-02-01", 1e308),
      ["Roux", "X-4", "31/02/2026", "", 100],
      invoice("Roux", "X-5", "2026-01-02", "2026-02-01", 100, 150),
      invoice("Petit", "X-6", "2026-01-02", "2026-02-01", 800),
    ])],
  },
  "a used range that starts below row 1": {
    shows: (plan) => expect(plan.invoices[0]?.record.row).toBe(4),
    sheets: [{ ...sheet("Suivi 2026", [HEADER, invoice("Dupont SARL", "U-1", "2026-01-02", "2026-02-01", 1200)]), firstRow: 3 }],
  },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-contract-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a workbook as Office.js arrays and as an .xlsx file gives the same plan and documents", () => {
  for (const [name, { sheets, sheet: only, blockRows, shows }] of Object.entries(CASES)) {
    it(name, async () => {
      const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
      await writeOfficeSheets(sheets, file);
      const { arrays, file: fromFile } = await planBothSides(sheets, file, asOf, { sheet: only }, { blockRows });
      expect(arrays.plan.counts.rows).toBeGreaterThan(0);
      shows?.(arrays.plan, arrays.settings);
      expect(arrays.plan).toEqual(fromFile.plan);
      expect(planJsonText(arrays.plan)).toBe(planJsonText(fromFile.plan));
      expect(arrays.settings).toEqual(fromFile.settings);
      const [a, b] = await Promise.all([documentsOf(arrays.plan, arrays.settings), documentsOf(fromFile.plan, fromFile.settings)]);
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [relative, bytes] of a) expect(bytes.equals(b.get(relative)!), relative).toBe(true);
    });
  }
});

describe("the bundled sample", () => {
  it("gives the same plan, plan --json and documents from its arrays as from its file", async () => {
    const file = path.join(dir, "sample.xlsx");
    await writeSampleWorkbook(file);
    const sampleAsOf = dayFromIso(SAMPLE_AS_OF)!;
    const { arrays, file: fromFile } = await planBothSides(await officeSheetsOf(file), file, sampleAsOf);
    expect(arrays.plan.actions.length).toBeGreaterThan(5);
    expect(arrays.plan).toEqual(fromFile.plan);
    expect(planJsonText(arrays.plan)).toBe(planJsonText(fromFile.plan));
    const [a, b] = await Promise.all([documentsOf(arrays.plan, arrays.settings), documentsOf(fromFile.plan, fromFile.settings)]);
    expect(a.size).toBeGreaterThan(5);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [relative, bytes] of a) expect(bytes.equals(b.get(relative)!), relative).toBe(true);
  });
});
