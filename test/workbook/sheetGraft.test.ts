// The run's copy is the user's own package with the product's sheets written into it as sheet XML:
// what exceljs does not model (a chart, a VBA project, custom XML) comes through byte for byte, and
// the product's sheets read back with their values and formats.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { JOURNAL_SHEET } from "../../src/core/journalEntry";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { runWorkbook } from "../../src/workbook/runWorkbook";
import { appendJournal } from "../../src/workbook/journalSheet";
import { sheetsOnly } from "../../src/workbook/sheetGraft";
import { readZip } from "../../src/workbook/zipReader";
import { packageOf, withWrites } from "../helpers/productSheetWrites";
import { EXTRA_PARTS, VBA_BYTES, withChartAndMacros } from "../helpers/workbookExtras";
import { parseXml } from "../helpers/xml";

let dir: string;
let input: string;
const asOf = dayFromIso(SAMPLE_AS_OF)!;
const PARTS_THE_RUN_WRITES = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-graft-"));
  const plain = path.join(dir, "plain.xlsx");
  await writeSampleWorkbook(plain);
  input = path.join(dir, "suivi-avec-graphique.xlsm");
  await writeFile(input, withChartAndMacros(new Uint8Array(await readFile(plain))));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const zipOf = async (file: string): Promise<PizZip> => new PizZip(new Uint8Array(await readFile(file)));
const relsOf = (zip: PizZip, part: string): { target: string; type: string; external: boolean }[] => {
  const slash = part.lastIndexOf("/");
  const xml = zip.file(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`)?.asText();
  if (xml === undefined) return [];
  return parseXml(xml).children.map((r) => ({ target: r.attributes.Target!, type: r.attributes.Type!, external: r.attributes.TargetMode === "External" }));
};
const resolve = (from: string, target: string): string => {
  if (target.startsWith("/")) return target.slice(1);
  const segments = from.split("/").slice(0, -1);
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== ".") segments.push(s);
  }
  return segments.join("/");
};

describe("the run's copy of a workbook", () => {
  let copy: string;
  beforeAll(async () => {
    const result = await runWorkbook(input, { asOf, outDir: path.join(dir, "out"), user: "test" });
    copy = result.workbookFile;
  });

  it("keeps the name and the macros of an .xlsm", async () => {
    expect(path.basename(copy)).toBe("suivi-avec-graphique.xlsm");
    const zip = await zipOf(copy);
    expect(zip.file("xl/vbaProject.bin")!.asUint8Array()).toEqual(VBA_BYTES);
    expect(zip.file("[Content_Types].xml")!.asText()).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });

  it("keeps every part it does not own byte for byte: the tracking sheet, its chart, custom XML", async () => {
    const before = await zipOf(input);
    const after = await zipOf(copy);
    for (const name of Object.keys(before.files)) {
      if (before.files[name]!.dir || PARTS_THE_RUN_WRITES.has(name)) continue;
      // The sample holds a journal already: the run appends to it, so that sheet and its table are rewritten.
      if (/^xl\/(worksheets\/(_rels\/)?sheet2\.xml(\.rels)?|tables\/)/.test(name)) continue;
      expect(after.file(name)?.asUint8Array(), name).toEqual(before.file(name)!.asUint8Array());
    }
    for (const part of EXTRA_PARTS) expect(after.file(part), part).not.toBeNull();
    expect(after.file("xl/worksheets/sheet1.xml")!.asText()).toContain('<drawing r:id="rIdChart1"/>');
  });

  it("is a sound package: XML well formed, every part typed, every relationship's target there", async () => {
    const zip = await zipOf(copy);
    const types = parseXml(zip.file("[Content_Types].xml")!.asText()).children;
    const typed = (part: string): boolean =>
      types.some((t) => t.local === "Override" && t.attributes.PartName === `/${part}`) ||
      types.some((t) => t.local === "Default" && part.toLowerCase().endsWith(`.${t.attributes.Extension!.toLowerCase()}`));
    for (const name of Object.keys(zip.files)) {
      if (zip.files[name]!.dir) continue;
      expect(typed(name), `${name} has a content type`).toBe(true);
      if (/\.(xml|rels)$/.test(name)) expect(() => parseXml(zip.file(name)!.asText().replace(/<\?xml[^>]*\?>/, "")), name).not.toThrow();
      for (const rel of relsOf(zip, name)) if (!rel.external) expect(zip.file(resolve(name, rel.target)), `${name} -> ${rel.target}`).not.toBeNull();
    }
    const workbook = parseXml(zip.file("xl/workbook.xml")!.asText().replace(/<\?xml[^>]*\?>/, ""));
    const sheets = workbook.children.find((c) => c.local === "sheets")!.children;
    expect(new Set(sheets.map((s) => s.attributes.sheetId)).size).toBe(sheets.length);
    expect(sheets.map((s) => s.attributes.name)).toEqual(["Suivi 2026", JOURNAL_SHEET, "Paramètres Relances", "Mise en demeure", "Relance 2", "Relance 1"]);
    const tableIds = Object.keys(zip.files)
      .filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))
      .map((n) => parseXml(zip.file(n)!.asText().replace(/<\?xml[^>]*\?>/, "")).attributes.id);
    expect(new Set(tableIds).size).toBe(tableIds.length);
    // One selected tab only, or Excel would group the sheets.
    const selected = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n) && /tabSelected="(1|true)"/.test(zip.file(n)!.asText()));
    expect(selected.length).toBeLessThanOrEqual(1);
  });

  it("reads back with the journal appended, the stage sheets written and their formats kept", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(copy);
    const journal = workbook.getWorksheet(JOURNAL_SHEET)!;
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);
    const before = original.getWorksheet(JOURNAL_SHEET)!.actualRowCount;
    expect(journal.actualRowCount).toBeGreaterThan(before);
    const last = journal.getRow(journal.actualRowCount);
    expect(last.getCell(1).value).toEqual(new Date(`${SAMPLE_AS_OF}T00:00:00Z`));
    expect(last.getCell(1).numFmt).toMatch(/dd\/mm\/yyyy|d\/m\/yyyy|mm-dd-yy/);
    const stage = workbook.getWorksheet("Mise en demeure")!;
    expect(stage.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(stage.actualRowCount).toBeGreaterThan(1);
  });

  it("writes the same bytes when the same run is made again", async () => {
    const again = await runWorkbook(input, { asOf, outDir: path.join(dir, "again"), user: "test" });
    expect(new Uint8Array(await readFile(again.workbookFile))).toEqual(new Uint8Array(await readFile(copy)));
  });

  it("grafts again onto its own copy: a second run on the copy appends, and keeps the chart", async () => {
    const second = await runWorkbook(copy, { asOf: asOf + 20, outDir: path.join(dir, "out2"), user: "test" });
    const zip = await zipOf(second.workbookFile);
    for (const part of EXTRA_PARTS) expect(zip.file(part), part).not.toBeNull();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(second.workbookFile);
    expect(workbook.worksheets.filter((w) => w.name === JOURNAL_SHEET)).toHaveLength(1);
    expect(second.journalLines).toBeGreaterThan(0);
  });
});

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((file) => existsSync(file));
describe.skipIf(SOFFICE === undefined)(
  `the run's copy in LibreOffice Calc${SOFFICE === undefined ? " (skipped: LibreOffice Calc is not installed)" : ""}`,
  () => {
    it("opens with its chart, the product's sheets and every journal line", async () => {
      const result = await runWorkbook(input, { asOf, outDir: path.join(dir, "calc"), user: "test" });
      const converted = path.join(dir, "calc", "converted");
      // A profile of its own, so that no other LibreOffice (or a previous run's lock) is in the way.
      const profile = `file://${path.join(dir, "calc", "profile")}`;
      await promisify(execFile)(SOFFICE!, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", converted, result.workbookFile], {
        timeout: 120_000,
      });
      const file = path.join(converted, "suivi-avec-graphique.xlsx");
      const zip = new PizZip(new Uint8Array(await readFile(file)));
      expect(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
      const calc = new ExcelJS.Workbook();
      await calc.xlsx.readFile(file);
      const ours = new ExcelJS.Workbook();
      await ours.xlsx.readFile(result.workbookFile);
      expect(calc.worksheets.map((w) => w.name)).toEqual(ours.worksheets.map((w) => w.name));
      const lines = (workbook: ExcelJS.Workbook): unknown[][] => {
        const rows: unknown[][] = [];
        workbook.getWorksheet(JOURNAL_SHEET)!.eachRow((row) => rows.push([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]));
        return rows;
      };
      expect(lines(calc)).toEqual(lines(ours));
      const original = new ExcelJS.Workbook();
      await original.xlsx.readFile(input);
      const before = lines(original);
      expect(lines(calc).slice(0, before.length)).toEqual(before);
      expect(lines(calc)).toHaveLength(before.length + result.journalLines);
      expect(result.journalLines).toBeGreaterThan(0);
      const stage = calc.getWorksheet("Mise en demeure")!;
      expect(stage.getRow(2).getCell(1).value).toEqual(new Date(`${SAMPLE_AS_OF}T00:00:00Z`));
    }, 180_000);
  },
);

describe("a workbook the graft cannot read", () => {
  it("still gets a whole copy, rewritten by exceljs, under an .xlsx name, with a warning", async () => {
    // No relationship to the workbook part: exceljs reads it at its usual path anyway, the graft
    // goes by the relationships and stops.
    const zip = new PizZip(new Uint8Array(await readFile(input)));
    const rels = zip.file("_rels/.rels")!.asText();
    zip.file("_rels/.rels", rels.replace(/<Relationship [^>]*\/officeDocument"[^>]*\/>/, ""));
    const odd = path.join(dir, "sans-lien.xlsm");
    await writeFile(odd, zip.generate({ type: "uint8array" }));
    const result = await runWorkbook(odd, { asOf, outDir: path.join(dir, "odd"), user: "test" });
    expect(path.basename(result.workbookFile)).toBe("sans-lien.xlsx");
    expect(result.plan.warnings.join("\n")).toMatch(/la copie a été réécrite par exceljs/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(result.workbookFile);
    expect(back.getWorksheet(JOURNAL_SHEET)!.actualRowCount).toBeGreaterThan(1);
  });
});

describe("the product's sheets written as sheet XML", () => {
  it("adds a sheet with its strings inline and escaped, appends its formats, keeps the user's, and writes the same bytes again", async () => {
    const base = new ExcelJS.Workbook();
    const data = base.addWorksheet("Données");
    data.addRow(["a", 1]);
    // A dollar format: its $ must come through the styles untouched.
    data.getCell("B1").numFmt = '"$"#,##0.00';
    const original = await packageOf(base);
    const entry = { date: asOf, customer: "Client « & » <test>", invoice: "F1", level: 1 as const };
    const { bytes, workbook: back } = await withWrites(original, (graft) => appendJournal(graft, [entry]));
    const zip = new PizZip(bytes);
    const sheetXml = Object.keys(zip.files)
      .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .map((n) => zip.file(n)!.asText())
      .find((x) => x.includes("Client"))!;
    expect(sheetXml).toContain('t="inlineStr"');
    expect(sheetXml).toContain("Client « &amp; » &lt;test&gt;");
    expect(sheetXml).not.toMatch(/t="s"/);
    const sheet = back.getWorksheet(JOURNAL_SHEET)!;
    expect(sheet.getCell("B2").value).toBe("Client « & » <test>");
    expect(sheet.getCell("A2").numFmt).toBe("dd/mm/yyyy");
    expect(back.getWorksheet("Données")!.getCell("A1").value).toBe("a");
    expect(back.getWorksheet("Données")!.getCell("B1").numFmt).toBe('"$"#,##0.00');
    // The same inputs give the same bytes.
    expect((await withWrites(original, (graft) => appendJournal(graft, [entry]))).bytes).toEqual(bytes);
  });

  it("copies the parts it does not change as their compressed bytes, untouched", async () => {
    const result = await runWorkbook(input, { asOf, outDir: path.join(dir, "raw"), user: "test" });
    const before = new Map(readZip(new Uint8Array(await readFile(input))).map((e) => [e.name, e]));
    const after = readZip(new Uint8Array(await readFile(result.workbookFile)));
    const kept = after.filter((e) => before.get(e.name)?.crc32 === e.crc32);
    expect(kept.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
    expect(kept.map((e) => e.name)).toContain("xl/vbaProject.bin");
    for (const e of kept) {
      const old = before.get(e.name)!;
      expect(e.raw, e.name).toEqual(old.raw);
      expect([e.method, e.dosTime, e.dosDate], e.name).toEqual([old.method, old.dosTime, old.dosDate]);
    }
  });
});

describe("sheetsOnly", () => {
  it("leaves out the other sheets, their parts and the names pointing into them, and exceljs loads what is left", async () => {
    const trimmed = sheetsOnly(new Uint8Array(await readFile(input)), (name) => name === JOURNAL_SHEET);
    const zip = new PizZip(trimmed);
    expect(zip.file("xl/worksheets/sheet1.xml")).toBeNull();
    expect(zip.file("xl/workbook.xml")!.asText()).not.toContain("definedName");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(trimmed as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([JOURNAL_SHEET]);
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.readFile(input);
    expect(workbook.getWorksheet(JOURNAL_SHEET)!.getSheetValues()).toEqual(whole.getWorksheet(JOURNAL_SHEET)!.getSheetValues());
  });
});


describe("a run with nothing to write", () => {
  it("still grafts: the copy is the user's package, without a warning", async () => {
    const first = await runWorkbook(input, { asOf, outDir: path.join(dir, "idle-1"), user: "test" });
    // The same day again on the copy: every line is in the journal already, every stage row written.
    const again = await runWorkbook(first.workbookFile, { asOf, outDir: path.join(dir, "idle-2"), user: "test" });
    expect(again.journalLines).toBe(0);
    expect(again.plan.warnings.join("\n")).not.toMatch(/réécrite par exceljs/);
    expect(path.basename(again.workbookFile)).toBe("suivi-avec-graphique.xlsm");
    const zip = await zipOf(again.workbookFile);
    for (const part of EXTRA_PARTS) expect(zip.file(part), part).not.toBeNull();
  });
});

describe("a journal table created", () => {
  it("takes a name and an id of its own when another sheet holds a table of that name", async () => {
    const base = new ExcelJS.Workbook();
    base.addWorksheet("Archives").addTable({ name: "JournalRelances", ref: "A1", columns: [{ name: "Date" }, { name: "Client" }], rows: [["x", "y"]] });
    const { bytes, workbook: back } = await withWrites(base, (graft) => appendJournal(graft, [{ date: asOf, customer: "Dupont", invoice: "F1" }]));
    const out = new PizZip(bytes);
    const tags = Object.keys(out.files)
      .filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))
      .map((n) => parseXml(out.file(n)!.asText().replace(/<\?xml[^>]*\?>/, "")).attributes);
    expect(tags.map((a) => a.name).sort()).toEqual(["JournalRelances", "JournalRelances2"]);
    expect(tags.map((a) => a.displayName).sort()).toEqual(["JournalRelances", "JournalRelances2"]);
    expect(new Set(tags.map((a) => a.id)).size).toBe(2);
    expect(back.getWorksheet(JOURNAL_SHEET)!.getCell("C2").value).toBe("F1");
  });
});
