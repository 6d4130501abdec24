// plan, run and demo on real .xlsx files (SPEC section 10), through the command line's own entry.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { simpleParser } from "mailparser";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliIo } from "../../src/cli/relances";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../../src/core/journalEntry";
import { SENDER_SETTING_KEYS } from "../../src/core/senderCheck";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { SAMPLE_AS_OF, sampleExpectations, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { defaultRunFolder } from "../../src/workbook/earlierRuns";
import { validateJson, type Schema } from "../helpers/jsonSchema";
import { COMPLETE_SENDER, fillSettings, withCompleteSender } from "../helpers/senderSettings";
import { withChartAndMacros } from "../helpers/workbookExtras";
import schema from "./planJson.schema.json";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: { USER: "test" } };
  return { io, out: () => out.join("\n"), err: () => err.join("\n") };
}

const sha = async (file: string): Promise<string> => createHash("sha256").update(await readFile(file)).digest("hex");

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-cli-"));
  sample = path.join(dir, "suivi.xlsx");
  await writeSampleWorkbook(sample);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function planJson(file: string, asOf = SAMPLE_AS_OF) {
  const { io, out } = capture();
  expect(await runCli(["plan", file, "--as-of", asOf, "--json"], io)).toBe(0);
  return JSON.parse(out());
}

describe("relances plan", () => {
  it("prints exactly the JSON of SPEC section 10", async () => {
    const json = await planJson(sample);
    expect(validateJson(schema as Schema, json)).toEqual([]);
    expect(json.asOf).toBe(SAMPLE_AS_OF);
  });

  it("finds on the sample what was worked out by hand", async () => {
    const expected = sampleExpectations();
    const json = await planJson(sample);
    expect(json.counts).toEqual(expected.counts);
    const byStage = (stage: string) =>
      json.invoices.filter((i: { nextLevel: number | null }) => i.nextLevel === ["courtesy", "reminder1", "reminder2", "formal_notice", "injunction"].indexOf(stage)).map((i: { number: string }) => i.number).sort();
    for (const [stage, numbers] of Object.entries(expected.levels)) expect(byStage(stage), stage).toEqual([...numbers].sort());
    for (const [hold, numbers] of Object.entries(expected.holds)) {
      expect(json.invoices.filter((i: { hold: string }) => i.hold === hold).map((i: { number: string }) => i.number).sort(), hold).toEqual([...numbers].sort());
    }
    expect(json.rejected.map((r: { row: number; column: string }) => [r.row, r.column])).toEqual(expected.rejected.map((r) => [r.row, r.header]));
  });

  it("names the sheet, row, column and value of a rejected row, and still exits 0", async () => {
    const json = await planJson(sample);
    expect(json.rejected[0]).toMatchObject({ sheet: "Suivi 2026", column: "Date facture", value: "31/02/2026" });
    expect(json.rejected[0].message).toBe("Date facture «31/02/2026» n'est pas une date");
  });

  it("prints a table by default", async () => {
    const { io, out } = capture();
    expect(await runCli(["plan", sample, "--as-of", SAMPLE_AS_OF], io)).toBe(0);
    expect(out()).toMatch(/Relances au 30\/06\/2026/);
    expect(out()).toMatch(/Mise en demeure\s+SCI Les Tilleuls/);
  });

  it("exits 3 with one clear line for a missing file", async () => {
    const { io, err } = capture();
    expect(await runCli(["plan", path.join(dir, "absent.xlsx")], io)).toBe(3);
    expect(err()).toMatch(/^Impossible de lire «.*absent\.xlsx» : fichier introuvable/);
    expect(err()).not.toMatch(/\n\s+at /);
  });

  it("exits 3 for a file that is not a workbook", async () => {
    const bad = path.join(dir, "corrompu.xlsx");
    await writeFile(bad, "ceci n'est pas un classeur");
    const { io, err } = capture();
    expect(await runCli(["plan", bad], io)).toBe(3);
    expect(err()).toMatch(/n'est pas un classeur Excel \(\.xlsx\) valide/);
    expect(err().split("\n")).toHaveLength(1);
  });

  it("names each missing Microsoft 365 variable for --mail graph, rather than writing .eml files instead", async () => {
    const { io, err } = capture();
    io.env = { USER: "test", AZURE_TENANT_ID: "t" };
    expect(await runCli(["run", sample, "--mail", "graph", "--out", path.join(dir, "graph")], io)).toBe(2);
    expect(err()).toMatch(/manquante\(s\) : AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, RELANCES_MAILBOX/);
    await expect(readdir(path.join(dir, "graph"))).rejects.toThrow();
  });

  it("exits 2 for usage errors", async () => {
    for (const args of [["plan"], ["plan", sample, "--as-of", "15-06-2021"], ["plan", sample, "--bogus"], ["run", sample, "--mail", "pigeon"]]) {
      const { io, err } = capture();
      expect(await runCli(args, io), args.join(" ")).toBe(2);
      expect(err()).toMatch(/Usage : relances/);
    }
  });
});

describe("relances run", () => {
  it("never modifies the input file and writes an updated copy into --out", async () => {
    const before = await sha(sample);
    const out = path.join(dir, "run1");
    const { io } = capture();
    expect(await runCli(["run", sample, "--as-of", SAMPLE_AS_OF, "--out", out], io)).toBe(0);
    expect(await sha(sample)).toBe(before);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, "suivi.xlsx"));
    expect(copy.getWorksheet("Relance 1")).toBeDefined();
    expect(copy.getWorksheet("Mise en demeure")).toBeDefined();
    expect(copy.getWorksheet("Paramètres Relances")).toBeDefined();
    // The workbook and the documents' folders; no temporary file is left behind anywhere.
    expect((await readdir(out)).sort()).toEqual(["courriers", "emails", "injonctions", "releves", "suivi.xlsx"]);
    const all = await readdir(out, { recursive: true });
    expect(all.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("appends one journal line per invoice whose level was due, keeping the lines already there", async () => {
    const expected = sampleExpectations();
    const out = path.join(dir, "run2");
    const { io } = capture();
    await runCli(["run", sample, "--as-of", SAMPLE_AS_OF, "--out", out], io);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, "suivi.xlsx"));
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(sample);
    const journal = copy.getWorksheet(JOURNAL_SHEET)!;
    const before = original.getWorksheet(JOURNAL_SHEET)!;
    const due = expected.documents.reduce((n, d) => n + d.due.length, 0);
    expect(journal.actualRowCount).toBe(before.actualRowCount + due);
    before.eachRow((row, number) => {
      expect(journal.getRow(number).values, `journal row ${number}`).toEqual(row.values);
    });
  });

  it("run on its own output the same day adds nothing twice", async () => {
    const first = path.join(dir, "run3");
    const second = path.join(dir, "run3-again");
    await runCli(["run", sample, "--as-of", SAMPLE_AS_OF, "--out", first], capture().io);
    const { io, out } = capture();
    expect(await runCli(["run", path.join(first, "suivi.xlsx"), "--as-of", SAMPLE_AS_OF, "--out", second], io)).toBe(0);
    expect(out()).toMatch(/Journal des relances : 0 ligne/);
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(path.join(first, "suivi.xlsx"));
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(path.join(second, "suivi.xlsx"));
    for (const name of [JOURNAL_SHEET, "Relance 1", "Relance 2", "Mise en demeure"]) {
      expect(b.getWorksheet(name)!.actualRowCount, name).toBe(a.getWorksheet(name)!.actualRowCount);
    }
  });

  it("an output folder that is a file: one clear line naming it, and nothing written", async () => {
    const notAFolder = path.join(dir, "sortie-fichier");
    await writeFile(notAFolder, "un fichier");
    for (const out of [notAFolder, path.join(notAFolder, "sous-dossier")]) {
      const { io, err } = capture();
      expect(await runCli(["run", sample, "--as-of", SAMPLE_AS_OF, "--out", out], io)).toBe(1);
      expect(err()).toMatch(/dossier de sortie «.*sortie-fichier.*» n'est pas un dossier/);
      expect(err().split("\n")).toHaveLength(1);
      expect(err()).not.toMatch(/ENOTDIR|EEXIST|\n\s+at /);
    }
    expect(await readFile(notAFolder, "utf8")).toBe("un fichier");
  });

  it("refuses to write over the input workbook", async () => {
    const { io, err } = capture();
    expect(await runCli(["run", sample, "--as-of", SAMPLE_AS_OF, "--out", dir], io)).toBe(1);
    expect(err()).toMatch(/ne pas écraser le classeur d'origine/);
  });

  it("refuses to write over the input workbook through a symbolic link to its folder", async () => {
    const link = path.join(dir, "lien-vers-dossier");
    await symlink(dir, link, "dir");
    const before = await sha(sample);
    const { io, err } = capture();
    expect(await runCli(["run", sample, "--as-of", SAMPLE_AS_OF, "--out", link], io)).toBe(1);
    expect(err()).toMatch(/ne pas écraser le classeur d'origine/);
    expect(await sha(sample)).toBe(before);
  });

  it("writes the copy of a macro-enabled workbook under its own name, macros kept (see sheetGraft.test.ts)", async () => {
    const file = path.join(dir, "avec-macros.xlsm");
    await writeFile(file, withChartAndMacros(new Uint8Array(await readFile(sample))));
    const out = path.join(dir, "macros-out");
    const { io, out: text } = capture();
    expect(await runCli(["run", file, "--as-of", SAMPLE_AS_OF, "--out", out], io)).toBe(0);
    const written = await readdir(out);
    expect(written).toContain("avec-macros.xlsm");
    expect(written).not.toContain("avec-macros.xlsx");
    expect(text()).not.toMatch(/macros ne sont pas/);
  });

  it("keeps a customer named like a formula as text in every sheet it writes", async () => {
    const file = path.join(dir, "formules.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Suivi");
    sheet.addRow(["Client", "N° facture", "Date facture", "Échéance", "Montant TTC"]);
    sheet.addRow(['=HYPERLINK("http://evil.example","x")', "F1", new Date(Date.UTC(2026, 0, 5)), new Date(Date.UTC(2026, 1, 5)), 1200]);
    sheet.addRow(["@Home", "=1+1", new Date(Date.UTC(2026, 0, 6)), new Date(Date.UTC(2026, 1, 6)), 800]);
    await withCompleteSender(workbook).xlsx.writeFile(file);
    const out = path.join(dir, "formules-out");
    expect(await runCli(["run", file, "--as-of", "2026-06-30", "--out", out], capture().io)).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, "formules.xlsx"));
    const written: string[] = [];
    for (const name of [JOURNAL_SHEET, "Mise en demeure", "Relance 1", "Relance 2"]) {
      copy.getWorksheet(name)?.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula, `${name}!${cell.address}`).toBeUndefined();
          if (typeof cell.value === "string") written.push(cell.value);
        }),
      );
    }
    expect(written).toContain('=HYPERLINK("http://evil.example","x")');
    expect(written).toContain("@Home");
    expect(written).toContain("=1+1");
  });
});

describe("relances run: documents", () => {
  it("names in the journal's Référence the file each new line's document went into", async () => {
    const out = path.join(dir, "run-docs");
    await runCli(["run", sample, "--as-of", SAMPLE_AS_OF, "--out", out], capture().io);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, "suivi.xlsx"));
    const journal = copy.getWorksheet(JOURNAL_SHEET)!;
    const header = (journal.getRow(1).values as unknown[]).map(String);
    const referenceColumn = header.indexOf("Référence");
    const files = new Set(await readdir(out, { recursive: true }));
    const references: string[] = [];
    journal.eachRow((row, number) => {
      const date = row.getCell(1).value;
      if (number > 1 && date instanceof Date && date.toISOString().startsWith(SAMPLE_AS_OF)) references.push(String(row.getCell(referenceColumn).value));
    });
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(files.has(reference.split("/").join(path.sep)), reference).toBe(true);
  });

  it("a run retried on the original into the same folder is refused (exit 5) and leaves the documents as they were", async () => {
    const out = path.join(dir, "run-twice");
    await runCli(["run", sample, "--as-of", SAMPLE_AS_OF, "--out", out], capture().io);
    const first = (await readdir(out, { recursive: true })).sort();
    const hashes = await Promise.all(first.filter((f) => /\.(eml|docx|pdf)$/.test(f)).map((f) => sha(path.join(out, f))));
    expect(await runCli(["run", sample, "--as-of", SAMPLE_AS_OF, "--out", out], capture().io)).toBe(5);
    const second = (await readdir(out, { recursive: true })).sort();
    expect(second).toEqual(first);
    expect(await Promise.all(first.filter((f) => /\.(eml|docx|pdf)$/.test(f)).map((f) => sha(path.join(out, f))))).toEqual(hashes);
  });
});

describe("relances demo", () => {
  it("writes the sample and runs plan and run on it, the plan shown with --verbose", async () => {
    const out = path.join(dir, "demo");
    const { io, out: text } = capture();
    expect(await runCli(["demo", "--out", out, "--verbose"], io)).toBe(0);
    expect(text()).toMatch(/Classeur d'exemple/);
    expect(text()).toMatch(/Injonction/);
    expect((await readdir(out)).sort()).toEqual(["courriers", "emails", "exemple", "injonctions", "releves", "suivi-encaissements-exemple.xlsx"]);
  });
});

describe("relances run: the product's own sheets under another spelling", () => {
  it("reads and appends to a journal named in other case, as plan does, instead of adding a second one", async () => {
    const file = path.join(dir, "journal-minuscules.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Suivi");
    sheet.addRow(["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "E-mail"]);
    sheet.addRow(["SCI Les Tilleuls", "F1", new Date(Date.UTC(2021, 0, 10)), new Date(Date.UTC(2021, 1, 10)), 1200, "a@example.com"]);
    const journal = workbook.addWorksheet("journal des relances");
    journal.addRow([...JOURNAL_COLUMNS]);
    journal.addRow([new Date(Date.UTC(2021, 2, 1)), "SCI Les Tilleuls", "F1", "Relance 2", "courrier"]);
    workbook.addWorksheet("relance 1").addRow(["Date de relance"]);
    await withCompleteSender(workbook).xlsx.writeFile(file);

    const planned = await planJson(file, "2021-06-15");
    expect(planned.actions.map((a: { level: number }) => a.level)).toEqual([3]);
    const out = path.join(dir, "journal-minuscules-out");
    const { io, err } = capture();
    expect(await runCli(["run", file, "--as-of", "2021-06-15", "--out", out], io), err()).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, "journal-minuscules.xlsx"));
    const journals = copy.worksheets.filter((ws) => ws.name.toLowerCase() === JOURNAL_SHEET.toLowerCase());
    expect(journals.map((ws) => ws.name)).toEqual(["journal des relances"]);
    expect(journals[0]!.getRow(3).getCell(4).value).toBe("Mise en demeure");
  });
});

describe("relances run: nothing goes out incomplete (SPEC section 5)", () => {
  /** A first user's workbook: no settings sheet; one reminder 1 by e-mail, one formal notice by registered letter. */
  async function firstWorkbook(name: string): Promise<string> {
    const file = path.join(dir, name);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Suivi");
    sheet.addRow(["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "E-mail"]);
    sheet.addRow(["SCI Les Tilleuls", "F1", new Date(Date.UTC(2021, 0, 10)), new Date(Date.UTC(2021, 1, 10)), 1200, "compta@tilleuls.example"]);
    sheet.addRow(["Garage Moreau", "F2", new Date(Date.UTC(2021, 4, 1)), new Date(Date.UTC(2021, 5, 1)), 800, "garage@moreau.example"]);
    const journal = workbook.addWorksheet(JOURNAL_SHEET);
    journal.addRow([...JOURNAL_COLUMNS]);
    journal.addRow([new Date(Date.UTC(2021, 2, 1)), "SCI Les Tilleuls", "F1", "Relance 2", "courrier"]);
    await workbook.xlsx.writeFile(file);
    return file;
  }
  const AS_OF = "2021-06-15";

  it("plan names each missing setting as a warning, French then English", async () => {
    const json = await planJson(await firstWorkbook("premier-plan.xlsx"), AS_OF);
    const sender = json.warnings.filter((w: string) => /^Paramètres Relances : (societe|signataire)_/.test(w));
    expect(sender.map((w: string) => /^Paramètres Relances : (\w+)/.exec(w)![1])).toEqual(SENDER_SETTING_KEYS);
    for (const warning of sender) expect(warning).toMatch(/ manque, nécessaire à : .+ \/ \w+ \(.+\) is missing, needed by: /);
    expect(json.warnings.find((w: string) => w.includes("societe_iban"))).toMatch(/Mise en demeure par recommandé \(1\), .*Relance 1 par email \(1\)|Relance 1 par email \(1\), Mise en demeure par recommandé \(1\)/);
  });

  it("a first run without settings exits 4, writes no document and no journal line, and leaves a copy ready to fill", async () => {
    const file = await firstWorkbook("premier.xlsx");
    const before = await sha(file);
    const out = path.join(dir, "premier-out");
    const { io, err, out: text } = capture();
    expect(await runCli(["run", file, "--as-of", AS_OF, "--out", out], io)).toBe(4);
    expect(text()).toBe("");
    const copyFile = path.join(out, "premier.xlsx");
    // Only the copy: no e-mail, letter, statement or court file.
    expect(await readdir(out)).toEqual(["premier.xlsx"]);
    expect(await sha(file)).toBe(before);
    for (const key of SENDER_SETTING_KEYS) expect(err(), key).toContain(`${key} (`);
    expect(err()).toContain(`  ${copyFile}\n`);
    expect(err()).toContain(`relances run ${copyFile} --as-of ${AS_OF}`);
    expect(err()).not.toMatch(/\n\s+at /);

    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(copyFile);
    expect(copy.getWorksheet(JOURNAL_SHEET)!.actualRowCount).toBe(2);
    expect(copy.getWorksheet("Relance 1")).toBeUndefined();
    const settings = copy.getWorksheet(SETTINGS_SHEET)!;
    const rows = new Map<string, ExcelJS.Row>();
    settings.eachRow((row) => rows.set(String(row.getCell(1).value), row));
    for (const key of SENDER_SETTING_KEYS) {
      expect(rows.get(key)?.getCell(2).value ?? null, key).toBeNull();
      expect(rows.get(key)?.getCell(3).value, key).toMatch(/^OBLIGATOIRE — à remplir : /);
    }
  });

  it("after the user fills the settings in that copy, a run on the copy writes complete documents", async () => {
    const file = await firstWorkbook("rempli.xlsx");
    const out = path.join(dir, "rempli-out");
    expect(await runCli(["run", file, "--as-of", AS_OF, "--out", out], capture().io)).toBe(4);
    const copyFile = path.join(out, "rempli.xlsx");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(copyFile);
    expect(fillSettings(copy)).toEqual(expect.arrayContaining([...SENDER_SETTING_KEYS]));
    await copy.xlsx.writeFile(copyFile);

    // The command the refusal named.
    const { io, err } = capture();
    expect(await runCli(["run", copyFile, "--as-of", AS_OF], io), err()).toBe(0);
    const docs = path.join(out, `relances-${AS_OF}`);
    const files = await readdir(docs, { recursive: true });
    const eml = files.find((f) => f.endsWith(".eml"))!;
    const letter = files.find((f) => /mise-en-demeure.*\.docx$/.test(f))!;
    expect(eml).toBeDefined();
    expect(letter).toBeDefined();

    const raw = await readFile(path.join(docs, eml), "utf8");
    expect(raw).not.toContain("localhost.invalid");
    const message = await simpleParser(raw);
    expect(message.from?.value[0]?.address).toBe(COMPLETE_SENDER.societe_email);
    expect(message.text).toContain(`IBAN : ${COMPLETE_SENDER.societe_iban}`);
    // Signed by the person the settings name, with their title.
    expect(message.text).toContain(`${COMPLETE_SENDER.signataire_nom}\n${COMPLETE_SENDER.signataire_fonction}\n${COMPLETE_SENDER.societe_raison_sociale}`);

    const xml = new PizZip(await readFile(path.join(docs, letter))).file("word/document.xml")!.asText();
    const words = xml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    for (const key of ["societe_raison_sociale", "societe_iban", "societe_siret", "societe_tva"] as const) {
      expect(words, key).toContain(COMPLETE_SENDER[key]!.replace(/&/g, "&amp;"));
    }

    const journal = new ExcelJS.Workbook();
    await journal.xlsx.readFile(path.join(docs, "rempli.xlsx"));
    expect(journal.getWorksheet(JOURNAL_SHEET)!.actualRowCount).toBe(4);
  });

  it("with the default folders, the filled copy is updated where it is: documents beside it, no folder inside the folder", async () => {
    const home = path.join(dir, "par-defaut");
    await mkdir(home, { recursive: true });
    const file = await firstWorkbook(path.join("par-defaut", "suivi.xlsx"));
    expect(await runCli(["run", file, "--as-of", AS_OF], capture().io)).toBe(4);
    const folder = path.join(home, `relances-${AS_OF}`);
    const copyFile = path.join(folder, "suivi.xlsx");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(copyFile);
    fillSettings(copy);
    await copy.xlsx.writeFile(copyFile);

    const { io, out, err } = capture();
    expect(await runCli(["run", copyFile, "--as-of", AS_OF], io), err()).toBe(0);
    const entries = await readdir(folder);
    expect(entries.filter((e) => e.startsWith("relances-"))).toEqual([]);
    expect(entries).toEqual(expect.arrayContaining(["emails", "courriers", "releves", "suivi.xlsx", `suivi.avant-relances-${AS_OF}.xlsx`]));
    expect(out()).toContain(`ouvrez et utilisez ce classeur : ${copyFile}`);
    const updated = new ExcelJS.Workbook();
    await updated.xlsx.readFile(copyFile);
    expect(updated.getWorksheet(JOURNAL_SHEET)!.actualRowCount).toBe(4);
    // The next day's folder goes beside that one, where a run on the original would look for it.
    expect(defaultRunFolder(copyFile, "2026-07-01")).toBe(path.join(home, "relances-2026-07-01"));
  });

  it("keeps the settings a user already had, and adds only the rows missing", async () => {
    const file = path.join(dir, "en-partie.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Suivi");
    sheet.addRow(["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "E-mail"]);
    sheet.addRow(["Garage Moreau", "F2", new Date(Date.UTC(2021, 4, 1)), new Date(Date.UTC(2021, 5, 1)), 800, "garage@moreau.example"]);
    const settings = workbook.addWorksheet(SETTINGS_SHEET);
    settings.addRow(["Clé", "Valeur", "Description"]);
    settings.addRow(["societe_raison_sociale", "Bâtir Ensemble", "notre nom"]);
    settings.addRow(["delai_relance_2", 15]);
    await workbook.xlsx.writeFile(file);
    const out = path.join(dir, "en-partie-out");
    const { io, err } = capture();
    expect(await runCli(["run", file, "--as-of", AS_OF, "--out", out], io)).toBe(4);
    expect(err()).not.toContain("societe_raison_sociale");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, "en-partie.xlsx"));
    const ws = copy.getWorksheet(SETTINGS_SHEET)!;
    expect(ws.getRow(2).values).toEqual([undefined, "societe_raison_sociale", "Bâtir Ensemble", "notre nom"]);
    expect(ws.getRow(3).values).toEqual([undefined, "delai_relance_2", 15]);
    const added: string[] = [];
    ws.eachRow((row, number) => {
      if (number > 3) added.push(String(row.getCell(1).value));
    });
    // A reminder 1 needs no signatory: only the formal notice and the injunction file do.
    expect(added).toEqual(SENDER_SETTING_KEYS.filter((key) => key !== "societe_raison_sociale" && !key.startsWith("signataire_")));
  });

  it("a failure while writing the documents journals nothing: the copy is not written", async () => {
    const out = path.join(dir, "echec-documents");
    await mkdir(out, { recursive: true });
    // The e-mails' folder cannot be made: a file has its name.
    await writeFile(path.join(out, "emails"), "un fichier");
    const { io } = capture();
    expect(await runCli(["run", sample, "--as-of", SAMPLE_AS_OF, "--out", out], io)).toBe(1);
    expect(await readdir(out)).not.toContain("suivi.xlsx");
  });
});

describe("relances plan --json: brokenPromise and claimed (SPEC section 10)", () => {
  it("flags the invoice whose promise date passed unpaid", async () => {
    const json = await planJson(sample);
    const broken = json.invoices.filter((i: { brokenPromise: boolean }) => i.brokenPromise).map((i: { number: string }) => i.number);
    expect(broken).toEqual(sampleExpectations().brokenPromises);
  });

  it("a formal notice claims only the invoices that reached it; the balance is theirs", async () => {
    const json = await planJson(sample);
    const tilleuls = json.actions.find((a: { customer: string }) => a.customer === "SCI Les Tilleuls");
    expect(tilleuls.stage).toBe("formal_notice");
    expect(tilleuls.invoices).toEqual(expect.arrayContaining(["F2026-027", "F2026-050"]));
    expect(tilleuls.claimed).toEqual(["F2026-027"]);
    const invoice = json.invoices.find((i: { number: string }) => i.number === "F2026-027");
    expect(tilleuls.balance).toBe(invoice.balance);
    expect(tilleuls.recoveryFee).toBe(40);
    for (const action of json.actions.filter((a: { level: number }) => a.level <= 2)) expect(action.claimed, action.customer).toEqual(action.invoices);
  });
});
