// Day after day (SPEC section 10): the bundled sample run on 2026-06-30 and then 2026-07-01, in
// every way the README shows, sends nothing twice.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/relances";
import { invoiceKey } from "../../src/core/journal";
import { dayToIso } from "../../src/core/day";
import { JOURNAL_SHEET, type JournalEntry } from "../../src/core/journalEntry";
import { writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { readJournalSheet } from "../../src/workbook/journalSheet";
import { capture, sha } from "../helpers/cli";

const DAY_1 = "2026-06-30";
const DAY_2 = "2026-07-01";
const NAME = "suivi.xlsx";

async function relances(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const { io, out, err } = capture();
  const status = await runCli(args, io);
  return { status, out: out(), err: err() };
}

async function journalOf(file: string): Promise<JournalEntry[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return readJournalSheet(workbook.getWorksheet(JOURNAL_SHEET)).entries;
}

/** The reminders a journal holds: invoice and level of each line that has a level. */
const reminders = (entries: readonly JournalEntry[]): string[] =>
  entries.filter((e) => e.level !== undefined).map((e) => `${invoiceKey(e.invoice)}@${e.level}`);

/** The documents a run wrote (e-mails, letters, court files), relative to its folder. */
async function reminderDocuments(folder: string): Promise<string[]> {
  const all = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
  return all.filter((f) => /^(emails|courriers|injonctions)[/\\].+\.(eml|docx)$/.test(f)).map((f) => f.split(path.sep).join("/"));
}

/**
 * What "nothing sent twice" means on the second day: no journal line repeated, no reminder (invoice,
 * level) of the first day made again, and every document of the second day named by a line of that day.
 */
async function expectNothingSentTwice(journal: readonly JournalEntry[], day2Folder: string): Promise<void> {
  const day1 = journal.filter((e) => dayToIso(e.date) <= DAY_1);
  const day2 = journal.filter((e) => dayToIso(e.date) === DAY_2);
  expect(day1.length).toBeGreaterThan(0);
  const lines = journal.map((e) => [dayToIso(e.date), invoiceKey(e.invoice), e.level, e.channel, e.promiseDate, e.dispute].join("|"));
  expect(new Set(lines).size, "no duplicate journal line").toBe(lines.length);
  const sentOnDay1 = new Set(reminders(day1));
  expect(reminders(day2).filter((r) => sentOnDay1.has(r)), "no reminder of day 1 made again").toEqual([]);
  const referenced = new Set(day2.map((e) => e.reference));
  for (const document of await reminderDocuments(day2Folder)) expect(referenced.has(document), document).toBe(true);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-day-after-day-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A folder of its own holding a fresh sample, as a user keeps it. */
async function freshSample(name: string): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, NAME);
  await writeSampleWorkbook(file);
  return file;
}

describe("day after day on the bundled sample", () => {
  it("continuing on the copy the first run named, the second day sends nothing twice", async () => {
    const original = await freshSample("copie");
    const first = await relances("run", original, "--as-of", DAY_1);
    expect(first.status, first.err).toBe(0);
    const copy = path.join(path.dirname(original), `relances-${DAY_1}`, NAME);
    expect(first.out).toContain(`Pour la prochaine relance, ouvrez et utilisez ce classeur : ${copy}`);
    expect(first.out).toContain(`For the next run, open and use this workbook: ${copy}`);

    const second = await relances("run", copy, "--as-of", "01/07/2026");
    expect(second.status, second.err).toBe(0);
    // Day 2's folder goes beside day 1's, not inside it.
    const day2Folder = path.join(path.dirname(original), `relances-${DAY_2}`);
    const journal = await journalOf(path.join(day2Folder, NAME));
    expect(journal.filter((e) => dayToIso(e.date) === DAY_2).length).toBeGreaterThan(0);
    await expectNothingSentTwice(journal, day2Folder);
    // Reopening day 1's copy by mistake on day 3: day 2's copy beside it holds lines it lacks.
    const mistake = await relances("run", copy, "--as-of", "2026-07-02");
    expect(mistake.status, mistake.err).toBe(5);
    expect(mistake.err).toContain(path.join(day2Folder, NAME));
  });

  it("with --in-place, the journal goes into the workbook itself, its previous version kept, and the second day sends nothing twice", async () => {
    const file = await freshSample("sur-place");
    const before = await sha(file);
    const first = await relances("run", file, "--as-of", DAY_1, "--in-place");
    expect(first.status, first.err).toBe(0);
    const kept = path.join(path.dirname(file), `suivi.avant-relances-${DAY_1}.xlsx`);
    expect(await sha(kept)).toBe(before);
    expect(first.out).toContain(`Pour la prochaine relance, ouvrez et utilisez ce classeur : ${file}`);
    expect((await journalOf(file)).filter((e) => dayToIso(e.date) === DAY_1).length).toBeGreaterThan(0);
    // No copy of the workbook among the documents: the workbook to continue with is the input.
    expect(await readdir(path.join(path.dirname(file), `relances-${DAY_1}`))).not.toContain(NAME);

    const second = await relances("run", file, "--as-of", DAY_2, "--in-place");
    expect(second.status, second.err).toBe(0);
    await expectNothingSentTwice(await journalOf(file), path.join(path.dirname(file), `relances-${DAY_2}`));
  });

  it("a previous version already kept that day is never overwritten: the next one is -2", async () => {
    const file = await freshSample("sur-place-deux-fois");
    const kept = path.join(path.dirname(file), `suivi.avant-relances-${DAY_1}.xlsx`);
    await writeFile(kept, "la sauvegarde d'avant");
    expect((await relances("run", file, "--as-of", DAY_1, "--in-place")).status).toBe(0);
    expect(await readFile(kept, "utf8")).toBe("la sauvegarde d'avant");
    const second = path.join(path.dirname(file), `suivi.avant-relances-${DAY_1}-2.xlsx`);
    expect((await journalOf(second)).filter((e) => dayToIso(e.date) === DAY_1)).toEqual([]);
  });

  it("running the original again by mistake is refused with exit 5, naming the copy, and writes nothing", async () => {
    const original = await freshSample("original");
    expect((await relances("run", original, "--as-of", DAY_1)).status).toBe(0);
    const copy = path.join(path.dirname(original), `relances-${DAY_1}`, NAME);
    const before = await sha(original);
    for (const extra of [[], ["--in-place"], ["--out", path.join(dir, "ailleurs")]]) {
      const again = await relances("run", original, "--as-of", DAY_2, ...extra);
      expect(again.status, extra.join(" ")).toBe(5);
      expect(again.err).toContain(`«${copy}»`);
      expect(again.err).toMatch(/ouvrez et continuez avec cette copie.* \/ .*open and continue with that copy/);
      expect(again.err.split("\n")).toHaveLength(1);
    }
    expect(await sha(original)).toBe(before);
    await expect(readdir(path.join(path.dirname(original), `relances-${DAY_2}`))).rejects.toThrow();
    await expect(readdir(path.join(dir, "ailleurs"))).rejects.toThrow();
    expect(await readdir(path.dirname(original))).toEqual([`relances-${DAY_1}`, NAME]);
  });

  it("the copy of an earlier run in the output folder counts too", async () => {
    const original = await freshSample("meme-dossier");
    const out = path.join(dir, "meme-dossier-sortie");
    expect((await relances("run", original, "--as-of", DAY_1, "--out", out)).status).toBe(0);
    const again = await relances("run", original, "--as-of", DAY_2, "--out", out);
    expect(again.status).toBe(5);
    expect(again.err).toContain(`«${path.join(out, NAME)}»`);
  });

  it("a copy whose journal the input already holds is no reason to refuse", async () => {
    const original = await freshSample("deja-repris");
    expect((await relances("run", original, "--as-of", DAY_1)).status).toBe(0);
    // The user takes the copy back as her workbook.
    await copyFile(path.join(path.dirname(original), `relances-${DAY_1}`, NAME), original);
    const again = await relances("run", original, "--as-of", DAY_2, "--in-place");
    expect(again.status, again.err).toBe(0);
    await expectNothingSentTwice(await journalOf(original), path.join(path.dirname(original), `relances-${DAY_2}`));
  });
});

describe("run --in-place while Excel holds the workbook open", () => {
  it("is refused with a clear line naming the file, and nothing is written", async () => {
    const file = await freshSample("ouvert");
    await writeFile(path.join(path.dirname(file), `~$${NAME}`), "");
    const before = await sha(file);
    const result = await relances("run", file, "--as-of", DAY_1, "--in-place");
    expect(result.status).toBe(1);
    expect(result.err).toContain(`«${file}» est ouvert dans Excel`);
    expect(result.err).toContain("is open in Excel");
    expect(result.err.split("\n")).toHaveLength(1);
    expect(await sha(file)).toBe(before);
    expect((await readdir(path.dirname(file))).sort()).toEqual([NAME, `~$${NAME}`]);
  });
});
