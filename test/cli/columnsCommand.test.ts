// `relances columns` and the sheets named by `plan` (SPEC section 10), on real .xlsx files.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliIo } from "../../src/cli/relances";
import { SETTINGS_SHEET } from "../../src/core/settings";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  return { io, out: () => out.join("\n"), err: () => err.join("\n") };
}

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-columns-"));
  const workbook = new ExcelJS.Workbook();
  for (const year of [2025, 2026]) {
    const sheet = workbook.addWorksheet(`Suivi ${year}`);
    sheet.addRow(["Raison sociale", "Chantier", "Pièce", "Date fact.", "Montant TTC", "Échéance"]);
    sheet.addRow(["Dupont SARL", "Villa", `P-${year}`, new Date(Date.UTC(year, 0, 5)), 100, new Date(Date.UTC(year, 1, 5))]);
  }
  workbook.addWorksheet("Ancien").state = "hidden";
  const settings = workbook.addWorksheet(SETTINGS_SHEET);
  settings.addRow(["Clé", "Valeur", "Description"]);
  settings.addRow(["colonne_date_facture", "D"]);
  file = path.join(dir, "colonnes.xlsx");
  await workbook.xlsx.writeFile(file);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("relances columns", () => {
  it("prints the sheets read and, per sheet, each field's column, saying which come from the saved mapping, and the headers unused", async () => {
    const { io, out } = capture();
    expect(await runCli(["columns", file], io)).toBe(0);
    const text = out();
    expect(text).toContain("Feuilles lues / sheets read: «Suivi 2025», «Suivi 2026»");
    expect(text).toMatch(/écartée \/ left out: «Ancien» : feuille masquée/);
    expect(text).toContain("Feuille «Suivi 2026», ligne d'en-tête 1");
    expect(text).toMatch(/Client\s+A\s+«Raison sociale»\n/);
    expect(text).toMatch(/N° facture\s+C\s+«Pièce»\n/);
    expect(text).toMatch(/Date facture\s+D\s+«Date fact\.»  \(enregistrée : colonne_date_facture \/ saved mapping\)/);
    expect(text).toContain("En-têtes non utilisés / unused headers: B «Chantier»");
  });

  it("--sheet reads only that sheet", async () => {
    const { io, out } = capture();
    expect(await runCli(["columns", file, "--sheet", "Suivi 2025"], io)).toBe(0);
    expect(out()).toContain("Feuilles lues / sheets read: «Suivi 2025»\n");
    expect(out()).not.toContain("Feuille «Suivi 2026»");
  });

  it("answers --help, and a usage error with exit 2", async () => {
    const help = capture();
    expect(await runCli(["columns", "--help"], help.io)).toBe(0);
    expect(help.out()).toContain("Usage : relances columns FICHIER.xlsx [--sheet NOM]");
    const wrong = capture();
    expect(await runCli(["columns"], wrong.io)).toBe(2);
  });

  it("a missing file is exit 3 with one clear line", async () => {
    const { io, err } = capture();
    expect(await runCli(["columns", path.join(dir, "absent.xlsx")], io)).toBe(3);
    expect(err()).toMatch(/fichier introuvable/);
  });
});

describe("plan names the sheets it read", () => {
  it("in the table, one line, and in the JSON, with those left out and why", async () => {
    const table = capture();
    expect(await runCli(["plan", file, "--as-of", "2026-06-30"], table.io)).toBe(0);
    expect(table.out()).toContain("Feuilles lues / sheets read: «Suivi 2025», «Suivi 2026»");
    const json = capture();
    expect(await runCli(["plan", file, "--as-of", "2026-06-30", "--json"], json.io)).toBe(0);
    const parsed = JSON.parse(json.out());
    expect(parsed.sheets.read).toEqual(["Suivi 2025", "Suivi 2026"]);
    expect(parsed.sheets.leftOut.map((s: { sheet: string; reason: string }) => [s.sheet, s.reason])).toEqual([["Ancien", "hidden"], [SETTINGS_SHEET, "product"]]);
    expect(parsed.invoices.map((i: { sheet: string; number: string }) => [i.sheet, i.number])).toEqual([["Suivi 2025", "P-2025"], ["Suivi 2026", "P-2026"]]);
  });
});
