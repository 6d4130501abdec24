// Day after day (SPEC section 10): the journal lives in the workbook, so a run must start from the
// workbook that holds the last run's journal. Before writing anything, `run` reads the journal of
// the copies earlier runs left (the default output folders « relances-DATE » beside the input, and
// the output folder) and refuses when one holds lines the input lacks: the user reopened the original.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { parseJournalRows, type JournalReading } from "../core/journal";
import { newJournalEntries } from "../core/journalAppend";
import { JOURNAL_SHEET, type JournalEntry } from "../core/journalEntry";
import { normalizeText } from "../core/normalizeText";
import { readJournalSheet } from "./journalSheet";
import { PackageError } from "./opcPackage";
import { findWorksheet } from "./findWorksheet";
import { readTrackingWorkbook } from "./readTrackingWorkbook";
import { RunStoppedError } from "./runStopped";
import { sheetsOnly } from "./sheetGraft";

/** The default output folder of a run: « relances-DATE » beside the input. */
const RUN_FOLDER = /^relances-(\d{4}-\d{2}-\d{2})$/;

/**
 * Where a workbook's run folders sit: beside it, or, for the copy an earlier run left in its own
 * « relances-DATE » folder, beside that folder, so that day after day the folders stay side by side
 * (relances-2026-06-30, relances-2026-07-01…) instead of nesting, and each run sees all of them.
 *
 * @example
 * runFoldersHome("/suivi/relances-2026-06-30/suivi.xlsx") // "/suivi"
 * runFoldersHome("/suivi/suivi.xlsx")                     // "/suivi"
 */
export function runFoldersHome(file: string): string {
  const folder = path.dirname(path.resolve(file));
  return RUN_FOLDER.test(path.basename(folder)) ? path.dirname(folder) : folder;
}

/**
 * The default output folder of a run on `file` at `asOf`: « relances-DATE » in runFoldersHome.
 *
 * @example
 * defaultRunFolder("/suivi/suivi.xlsx", "2026-07-01") // "/suivi/relances-2026-07-01"
 */
export function defaultRunFolder(file: string, asOfIso: string): string {
  return path.join(runFoldersHome(file), `relances-${asOfIso}`);
}

export interface EarlierCopy {
  readonly file: string;
  /** The journal lines it holds that the input lacks. */
  readonly missing: readonly JournalEntry[];
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Whether two paths name one file on disk (false when either is absent). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([stat(a, { bigint: true }), stat(b, { bigint: true })]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * The copies of `file` that earlier runs may have left, latest folder first: the workbook's name
 * (or its .xlsx form, the copy of a package exceljs had to rewrite) in each « relances-DATE » folder
 * beside it, and in the output folder.
 */
export async function earlierCopies(file: string, outDir: string): Promise<string[]> {
  const name = path.basename(file);
  const extension = path.extname(name);
  const names = [...new Set([name, `${name.slice(0, name.length - extension.length)}.xlsx`])];
  const beside = runFoldersHome(file);
  let folders: string[] = [];
  try {
    folders = (await readdir(beside, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && RUN_FOLDER.test(entry.name))
      .map((entry) => path.join(beside, entry.name))
      .sort()
      .reverse();
  } catch {
    // A folder that cannot be listed holds no copy we could read.
  }
  const copies: string[] = [];
  for (const folder of [path.resolve(outDir), ...folders]) {
    for (const candidate of names.map((n) => path.join(folder, n))) {
      if (copies.includes(candidate) || !(await isFile(candidate)) || (await sameFile(candidate, file))) continue;
      copies.push(candidate);
    }
  }
  return copies;
}

const isJournal = (name: string): boolean => normalizeText(name) === normalizeText(JOURNAL_SHEET);

/**
 * The journal of a workbook, reading as little as it can: exceljs loads the journal sheet alone
 * (sheetsOnly), not the tracking sheet's rows; a package laid out unlike Excel's is streamed instead.
 */
export async function readJournalOnly(file: string): Promise<JournalReading> {
  const bytes = new Uint8Array(await readFile(file));
  let journalOnly: Uint8Array | undefined;
  try {
    journalOnly = sheetsOnly(bytes, isJournal);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
  }
  if (journalOnly !== undefined) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(journalOnly as unknown as ArrayBuffer);
    return readJournalSheet(findWorksheet(workbook, JOURNAL_SHEET));
  }
  // No sheet is named so: the reader only collects the journal's rows.
  const streamed = await readTrackingWorkbook(file, { sheet: "\u0000", otherSheets: [JOURNAL_SHEET] });
  return parseJournalRows(streamed.otherRows.get(JOURNAL_SHEET) ?? []);
}

/**
 * The first earlier copy whose journal holds lines that `journal` (the input's) lacks, compared by
 * content as a repeated run compares them (newJournalEntries). A copy that cannot be read is passed over.
 */
export async function earlierCopyAhead(file: string, outDir: string, journal: readonly JournalEntry[]): Promise<EarlierCopy | undefined> {
  for (const copy of await earlierCopies(file, outDir)) {
    let entries: readonly JournalEntry[];
    try {
      entries = (await readJournalOnly(copy)).entries;
    } catch {
      continue;
    }
    const missing = newJournalEntries(journal, entries);
    if (missing.length > 0) return { file: copy, missing };
  }
  return undefined;
}

/**
 * Refuses the run when an earlier run's copy holds journal lines that the input lacks.
 * @throws RunStoppedError("earlierRun") naming that copy (exit 5)
 */
export async function refuseWhenBehindEarlierRun(file: string, outDir: string, journal: readonly JournalEntry[]): Promise<void> {
  const ahead = await earlierCopyAhead(file, outDir, journal);
  if (ahead === undefined) return;
  const n = ahead.missing.length;
  throw new RunStoppedError(
    "earlierRun",
    `«${ahead.file}», la copie d'une relance précédente, a ${n} ligne(s) du journal que «${file}» n'a pas : ` +
      `ouvrez et continuez avec cette copie, ou, si ses relances n'ont jamais été envoyées, déplacez-la ailleurs / ` +
      `«${ahead.file}», an earlier run's copy, holds ${n} journal line(s) that «${file}» lacks: ` +
      `open and continue with that copy, or, if its reminders were never sent, move it elsewhere`,
  );
}
