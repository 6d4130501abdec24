// The copies of a workbook that earlier runs left, and their journals read without the tracking sheet.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { JOURNAL_SHEET } from "../../src/core/journalEntry";
import { writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { earlierCopies, earlierCopyAhead, readJournalOnly } from "../../src/workbook/earlierRuns";
import { readJournalSheet } from "../../src/workbook/journalSheet";
import { runWorkbook } from "../../src/workbook/runWorkbook";

const asOf = dayFromIso("2026-06-30")!;
let dir: string;
let input: string;
let copy: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-earlier-"));
  input = path.join(dir, "suivi.xlsx");
  await writeSampleWorkbook(input);
  copy = (await runWorkbook(input, { asOf, outDir: path.join(dir, "relances-2026-06-30"), user: "test" })).workbookFile;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function journalLoadedWhole(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return readJournalSheet(workbook.getWorksheet(JOURNAL_SHEET));
}

describe("earlier runs' copies", () => {
  it("are the workbook's name in the « relances-DATE » folders beside it, latest first, and in the output folder", async () => {
    await mkdir(path.join(dir, "relances-2026-05-31"), { recursive: true });
    await writeFile(path.join(dir, "relances-2026-05-31", "suivi.xlsx"), "");
    await mkdir(path.join(dir, "archives"), { recursive: true });
    await writeFile(path.join(dir, "archives", "suivi.xlsx"), "");
    await mkdir(path.join(dir, "sortie"), { recursive: true });
    await writeFile(path.join(dir, "sortie", "suivi.xlsx"), "");
    expect(await earlierCopies(input, path.join(dir, "sortie"))).toEqual([
      path.join(dir, "sortie", "suivi.xlsx"),
      copy,
      path.join(dir, "relances-2026-05-31", "suivi.xlsx"),
    ]);
  });

  it("have their journal read as a whole load reads it", async () => {
    const journal = await readJournalOnly(copy);
    expect(journal.entries.length).toBeGreaterThan(0);
    expect(journal).toEqual(await journalLoadedWhole(copy));
  });

  it("have their journal read even from a package laid out unlike Excel's", async () => {
    const zip = new PizZip(new Uint8Array(await readFile(copy)));
    zip.file("_rels/.rels", zip.file("_rels/.rels")!.asText().replace(/<Relationship [^>]*\/officeDocument"[^>]*\/>/, ""));
    const odd = path.join(dir, "sans-lien.xlsx");
    await writeFile(odd, zip.generate({ type: "uint8array" }));
    expect((await readJournalOnly(odd)).entries.map((e) => e.invoice)).toEqual((await readJournalOnly(copy)).entries.map((e) => e.invoice));
  });

  it("one that cannot be read is passed over; the copy ahead is named with the lines the input lacks", async () => {
    const ahead = await earlierCopyAhead(input, path.join(dir, "sortie"), (await readJournalOnly(input)).entries);
    expect(ahead?.file).toBe(copy);
    expect(ahead?.missing.every((e) => e.date === asOf)).toBe(true);
    expect(await earlierCopyAhead(input, path.join(dir, "sortie"), (await readJournalOnly(copy)).entries)).toBeUndefined();
  });
});
