// The pane's actions on the sample: what `relances run` makes, split by kind of document and
// restricted to the customers ticked; nothing twice the same day; forced levels within the
// escalation; nothing at all when the sender is incomplete.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cellValue";
import { dayFromIso, dayToExcelSerial } from "../../src/core/day";
import { journalLine } from "../../src/core/journalAppend";
import { JOURNAL_SHEET } from "../../src/core/journalEntry";
import { SETTINGS_SHEET } from "../../src/core/settings";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { appendToSheets } from "../../src/engine/memoryWorkbookOutput";
import { FORCED_NOTE, runPaneAction, type PaneActionKind, type PaneActionResult } from "../../src/engine/paneActions";
import type { SheetAppend } from "../../src/engine/workbookOutput";
import { emlFile } from "../../src/mail/emlFile";
import { deflateDocuments } from "../../src/node/deflateDocuments";
import { SAMPLE_AS_OF } from "../../src/sample/sampleWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";
import { runWorkbook } from "../../src/workbook/runWorkbook";
import { COMPLETE_SENDER } from "../helpers/senderSettings";
import { officeSheetsOf } from "./officeWorkbook";
import { sampleSheetsAt, shippedTemplateFiles, worklist } from "./paneFixtures";

let dir: string;
let sheets: MemorySheet[];
let templates: Record<string, Uint8Array | string>;
let customers: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-pane-actions-"));
  sheets = await sampleSheetsAt(path.join(dir, "sample.xlsx"));
  templates = await shippedTemplateFiles();
  customers = (await worklist(sheets)).map((c) => c.customer);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const act = (kind: PaneActionKind, selected: readonly string[], options: { forcedLevels?: Record<string, number>; on?: MemorySheet[] } = {}): Promise<PaneActionResult> =>
  runPaneAction({ sheets: options.on ?? sheets, asOf: SAMPLE_AS_OF, kind, selection: { customers: selected, forcedLevels: options.forcedLevels }, templates, user: "test" });

const journalRows = (result: PaneActionResult): readonly (readonly CellValue[])[] => result.appends.find((a) => a.sheet === JOURNAL_SHEET)?.rows ?? [];
const sorted = (rows: readonly (readonly CellValue[])[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

describe("a pane action on every customer of the worklist", () => {
  it("makes, kind by kind, the documents, e-mails and journal lines of `relances run`, byte for byte", async () => {
    const outDir = path.join(dir, "run");
    const file = path.join(dir, "sample.xlsx");
    const run = await runWorkbook(file, { asOf: dayFromIso(SAMPLE_AS_OF)!, outDir, user: "test" });
    const results = await Promise.all((["emails", "letters", "injunction"] as const).map((kind) => act(kind, customers)));

    const made = new Map<string, Uint8Array | string>();
    for (const result of results) {
      for (const [name, data] of Object.entries(result.files)) made.set(name, data);
      for (const [name, message] of Object.entries(result.emails)) made.set(name, await emlFile(message));
    }
    expect(made.size).toBeGreaterThan(10);
    expect([...made.keys()].sort()).toEqual([...run.documents].sort());
    for (const [name, data] of made) {
      const onDisk = await readFile(path.join(outDir, name));
      expect(Buffer.from(await deflateDocuments(name, data)).equals(onDisk), name).toBe(true);
    }
    expect(results.every((r) => r.summary.leftOut.every((l) => customers.includes(l.customer)))).toBe(true);

    const before = (await readWorkbookSource(file, { asOf: dayFromIso(SAMPLE_AS_OF)! })).journal.entries.length;
    const after = (await readWorkbookSource(run.workbookFile, { asOf: dayFromIso(SAMPLE_AS_OF)! })).journal.entries;
    const runLines = after.slice(before).map(journalLine);
    expect(runLines.length).toBe(run.journalLines);
    expect(runLines.length).toBeGreaterThan(10);
    expect(sorted(results.flatMap((r) => journalRows(r)))).toEqual(sorted(runLines));
    expect(results.reduce((sum, r) => sum + r.summary.journalled, 0)).toBe(run.journalLines);
  }, 120_000);

  it("writes the stage sheets' rows that `relances run` writes", async () => {
    const outDir = path.join(dir, "run-stages");
    const file = path.join(dir, "sample-stages.xlsx");
    const fresh = await sampleSheetsAt(file);
    const run = await runWorkbook(file, { asOf: dayFromIso(SAMPLE_AS_OF)!, outDir, user: "test" });
    const copy = await officeSheetsOf(run.workbookFile);
    const result = await act("stages", customers, { on: fresh });
    expect(result.appends.filter((a) => a.sheet !== JOURNAL_SHEET).map((a) => a.sheet).sort()).toEqual([...run.stageRows.keys()].sort());
    for (const append of result.appends.filter((a) => a.sheet !== JOURNAL_SHEET)) {
      const written = copy.find((s) => s.name === append.sheet)!;
      expect(written.values[0]!.slice(0, append.header.length)).toEqual(append.header);
      const rows = written.values.slice(1).map((r) => r.slice(0, append.header.length).map((c) => (c === "" ? null : c)));
      expect(append.rows.map((r) => r.map((c) => (typeof c === "number" ? Math.round(c * 100) / 100 : c)))).toEqual(
        rows.map((r) => r.map((c) => (typeof c === "number" ? Math.round(c * 100) / 100 : c))),
      );
    }
    expect(result.summary.stageRows).toBe([...run.stageRows.values()].reduce((a, b) => a + b, 0));
    expect(result.files).toEqual({});
  }, 120_000);
});

describe("a pane action on some customers", () => {
  it("makes only the ticked customers' documents and journal lines, and says why the others are left out", async () => {
    const result = await act("letters", ["Delmas & Associés", "SAS Pyrène Promotion"]);
    expect(Object.keys(result.files).sort()).toEqual(["courriers/relance-2-2026-06-30.docx", "releves/releve-2026-06-30-delmas-associes.pdf"]);
    expect(result.emails).toEqual({});
    const rows = journalRows(result);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[1] === "Delmas & Associés" && r[3] === "Relance 2" && r[4] === "courrier" && r[5] === "courriers/relance-2-2026-06-30.docx")).toBe(true);
    expect(result.summary.journalled).toBe(rows.length);
    expect(result.summary.produced).toEqual([
      { path: "releves/releve-2026-06-30-delmas-associes.pdf", kind: "statement", customer: "Delmas & Associés" },
      { path: "courriers/relance-2-2026-06-30.docx", kind: "letter", customer: "Delmas & Associés" },
    ]);
    expect(result.summary.leftOut).toEqual([{ customer: "SAS Pyrène Promotion", reason: expect.stringMatching(/^Relance 1 par e-mail : voir « E-mails » \/ Reminder 1 by e-mail: see « E-mails »$/) }]);
  }, 60_000);

  it("counts each document made as it goes, for the pane's progress bar", async () => {
    const counts: number[] = [];
    const progress = { rowsRead: () => undefined, documentsWritten: (n: number) => counts.push(n) };
    const result = await runPaneAction({ sheets, asOf: SAMPLE_AS_OF, kind: "emails", selection: { customers }, templates, progress });
    const made = Object.keys(result.files).length + Object.keys(result.emails).length;
    expect(made).toBeGreaterThan(3);
    expect(counts).toEqual(Array.from({ length: made }, (_, i) => i + 1));
  }, 60_000);

  it("finds a ticked customer however its name is spelled, and names one that is not in the workbook", async () => {
    const result = await act("emails", ["sas pyrene promotion", "Inconnu SARL"]);
    expect(Object.keys(result.emails)).toHaveLength(1);
    expect(result.summary.produced.map((p) => p.customer)).toEqual(["SAS Pyrène Promotion", "SAS Pyrène Promotion"]);
    expect(result.summary.leftOut).toEqual([{ customer: "Inconnu SARL", reason: "client introuvable dans le suivi / customer not found in the tracking sheet" }]);
  }, 60_000);

  it("the same action a second time the same day adds no journal line and no stage row", async () => {
    const ticked = ["Delmas & Associés", "M. Castex", "SAS Pyrène Promotion"];
    const first = await act("stages", ticked);
    expect(first.summary.journalled).toBeGreaterThan(0);
    expect(first.summary.stageRows).toBeGreaterThan(0);
    const afterFirst = appendToSheets(sheets, first.appends);
    const second = await act("stages", ticked, { on: afterFirst });
    expect(second.appends).toEqual([]);
    expect(second.summary.journalled).toBe(0);
    expect(second.summary.leftOut.map((l) => l.reason)).toEqual(ticked.map(() => expect.stringMatching(/^déjà relancé aujourd'hui/)));
    // Nor letters for them: they were reminded today.
    const letters = await act("letters", ticked, { on: afterFirst });
    expect(letters.files).toEqual({});
    expect(letters.appends).toEqual([]);
  }, 60_000);

  it("account statements alone: no letter, journal lines without a level, and the worklist unchanged", async () => {
    const result = await act("statements", ["M. Castex", "Mme Claire Lefèvre"]);
    expect(Object.keys(result.files)).toEqual(["releves/releve-2026-06-30-m-castex.pdf"]);
    const rows = journalRows(result);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[3] === null && r[4] === "autre" && r[5] === "releves/releve-2026-06-30-m-castex.pdf")).toBe(true);
    expect(result.summary.leftOut).toEqual([{ customer: "Mme Claire Lefèvre", reason: expect.stringContaining("pas de relevé de compte avant la relance 1") }]);
    const after = appendToSheets(sheets, result.appends);
    expect(await worklist(after)).toEqual(await worklist(sheets));
    expect((await act("statements", ["M. Castex"], { on: after })).appends).toEqual([]);
  }, 60_000);
});

describe("a forced level", () => {
  it("sends the forced level now and journals it at that level, noted as forced", async () => {
    const result = await act("letters", ["SAS Pyrène Promotion"], { forcedLevels: { "SAS Pyrène Promotion": 3 } });
    expect(Object.keys(result.files)).toContain("courriers/mise-en-demeure-2026-06-30.docx");
    const rows = journalRows(result);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[3] === "Mise en demeure" && r[4] === "recommandé" && r[8] === FORCED_NOTE)).toBe(true);
  }, 60_000);

  it("cannot skip the mise en demeure before the injonction", async () => {
    const result = await act("injunction", ["M. Castex"], { forcedLevels: { "M. Castex": 4 } });
    expect(result.files).toEqual({});
    expect(result.appends).toEqual([]);
    expect(result.summary.leftOut).toEqual([{ customer: "M. Castex", reason: expect.stringContaining("pas d'injonction (la mise en demeure d'abord)") }]);
  }, 60_000);

  it("an injonction forced after a mise en demeure of 8 days goes, as the policy's own", async () => {
    const forced = await act("injunction", ["SARL Hôtel du Château"], { forcedLevels: { "SARL Hôtel du Château": 4 } });
    const planned = await act("injunction", ["SARL Hôtel du Château"]);
    expect(Object.keys(forced.files)).toEqual(Object.keys(planned.files));
    expect(Object.keys(forced.files).some((f) => f.startsWith("injonctions/"))).toBe(true);
    expect(journalRows(forced).map((r) => r.slice(0, 8))).toEqual(journalRows(planned).map((r) => r.slice(0, 8)));
    expect(journalRows(forced).every((r) => r[8] === FORCED_NOTE)).toBe(true);
  }, 60_000);

  it("a level that is none leaves its customer out", async () => {
    const result = await act("letters", ["Delmas & Associés"], { forcedLevels: { "Delmas & Associés": 7 } });
    expect(result.files).toEqual({});
    expect(result.summary.leftOut).toEqual([{ customer: "Delmas & Associés", reason: "niveau forcé «7» invalide : 0 à 4 / invalid forced level: 0 to 4" }]);
  }, 60_000);
});

describe("an incomplete sender", () => {
  /** The sample with one setting of the letterhead emptied, as a user would leave it. */
  function without(key: string): MemorySheet[] {
    return sheets.map((sheet) => (sheet.name !== SETTINGS_SHEET ? sheet : { ...sheet, values: sheet.values.map((row) => (row[0] === key ? [row[0], "", ...row.slice(2)] : row)) }));
  }

  it("produces no document and no journal line, and names the missing setting", async () => {
    for (const kind of ["letters", "emails", "statements", "injunction"] as const) {
      const result = await act(kind, customers, { on: without("societe_raison_sociale") });
      expect(result.files, kind).toEqual({});
      expect(result.emails, kind).toEqual({});
      expect(result.appends, kind).toEqual([]);
      expect(result.summary.journalled).toBe(0);
      expect(result.summary.missingSettings?.map((m) => m.key), kind).toEqual(["societe_raison_sociale"]);
      expect(result.summary.missingSettings?.[0]?.message).toMatch(/^Paramètres Relances : societe_raison_sociale \(raison sociale\) manque/);
    }
  }, 60_000);

  it("an e-mail's missing sender address stops the e-mails, not the letters", async () => {
    const emails = await act("emails", customers, { on: without("societe_email") });
    expect(emails.summary.missingSettings?.map((m) => m.key)).toEqual(["societe_email"]);
    const letters = await act("letters", customers, { on: without("societe_email") });
    expect(letters.summary.missingSettings).toBeUndefined();
    expect(Object.keys(letters.files).length).toBeGreaterThan(0);
  }, 60_000);
});

it("an action on a workbook without a tracking sheet says why", async () => {
  const result = await runPaneAction({ sheets: [{ name: "Feuil1", values: [["rien"]] }], asOf: SAMPLE_AS_OF, kind: "letters", selection: { customers: ["X"] } });
  expect(result.problem).toBeDefined();
  expect(result.appends).toEqual([] as SheetAppend[]);
});

describe("a pane action on a workbook of the user's", () => {
  const serial = (iso: string): number => dayToExcelSerial(dayFromIso(iso)!);
  const HEADER = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "N° TVA", "Adresse", "CP", "Ville"];
  const row = (customer: string, number: string, vat = ""): CellValue[] => [customer, number, serial("2026-03-01"), serial("2026-04-01"), 1200, vat, "3 rue des Lilas", "31000", "Toulouse"];
  const HOSTILE = '=HYPERLINK("http://evil.example","x")';
  const HTML = "<img src=x onerror=alert(1)>";
  const workbook: MemorySheet[] = [
    { name: "Suivi", values: [HEADER, row("Bâtisseurs du Sud", "B-1", "FR 12 345678901"), row("BDS Construction", "B-2", "FR12345678901"), row(HOSTILE, "H-1"), row(HTML, "H-2")] },
    { name: SETTINGS_SHEET, values: [["Clé", "Valeur"], ...Object.entries(COMPLETE_SENDER)] },
  ];

  it("finds an account by any name its rows give it (one VAT number), and forces its level", async () => {
    const result = await act("letters", ["BDS Construction"], { on: workbook, forcedLevels: { "BDS Construction": 2 } });
    expect(Object.keys(result.files)).toContain("courriers/relance-2-2026-06-30.docx");
    expect(journalRows(result).map((r) => [r[2], r[3], r[8]])).toEqual([["B-1", "Relance 2", FORCED_NOTE], ["B-2", "Relance 2", FORCED_NOTE]]);
    expect(result.summary.leftOut).toEqual([]);
  }, 60_000);

  it("journals hostile customer names as the very text, kept as text, and reads them back", async () => {
    const result = await act("letters", [HOSTILE, HTML], { on: workbook });
    expect(journalRows(result).map((r) => [r[1], r[2]])).toEqual([[HOSTILE, "H-1"], [HTML, "H-2"]]);
    const after = appendToSheets(workbook, result.appends);
    const journal = after.find((s) => s.name === JOURNAL_SHEET)!;
    expect(journal.values[1]![1]).toBe(HOSTILE);
    expect(journal.numberFormats![1]![1]).toBe("@");
    expect(journal.values[2]![1]).toBe(HTML);
    // Read back as the journal: those customers were reminded today.
    expect((await worklist(after)).map((c) => c.customer)).toEqual(["Bâtisseurs du Sud"]);
  }, 60_000);
});
