// `relances run`: plans the run on a copy of the workbook, appends the journal and the stage
// sheets, and writes the copy whole into the output folder. The input file is never written. The
// copy is the user's own package with the product's sheets grafted in (see sheetGraft.ts), so that
// what exceljs does not model (charts, pivot tables, macros...) is kept.
import { constants } from "node:fs";
import { access, mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { writeFileAtomically } from "../writeFileAtomically";
import { dayToIso, type Day } from "../core/day";
import { newJournalEntries } from "../core/journal";
import { plannedJournalEntries, type Plan } from "../core/plan";
import type { ReminderLevel } from "../core/reminderLevel";
import { appendJournal, restoreTableHeaderRows } from "./journalSheet";
import { checkWorkbookFile, UnreadableWorkbookError } from "./readTrackingWorkbook";
import { userTemplatesFolder } from "../documents/defaultTemplates";
import { writeRunDocuments } from "../documents/runDocuments";
import { writeSettingsSheet } from "./settingsSheet";
import { PackageError } from "./opcPackage";
import { graftSheets } from "./sheetGraft";
import { appendStageSheets } from "./stageSheets";
import { findWorksheet } from "./readTrackingWorkbook";
import { JOURNAL_SHEET } from "../core/journalEntry";
import { SETTINGS_SHEET } from "../core/settings";
import { loadedWorkbookSource, planWorkbook } from "./workbookSource";

export interface RunOptions {
  readonly asOf: Day;
  readonly outDir: string;
  readonly sheet?: string | undefined;
  /** Who runs it, for the journal's Utilisateur column. */
  readonly user?: string | undefined;
  readonly forcedLevels?: ReadonlyMap<string, ReminderLevel> | undefined;
}

export interface RunResult {
  readonly plan: Plan;
  /** The updated copy of the workbook. */
  readonly workbookFile: string;
  readonly journalLines: number;
  readonly stageRows: ReadonlyMap<string, number>;
  /** The documents written, relative to the output folder. */
  readonly documents: readonly string[];
}

/** Loads a workbook in memory, or throws UnreadableWorkbookError with one clear line. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  return (await loadWorkbookBytes(file)).workbook;
}

/** The workbook and the bytes it was read from. */
async function loadWorkbookBytes(file: string): Promise<{ workbook: ExcelJS.Workbook; bytes: Uint8Array }> {
  await checkWorkbookFile(file);
  const workbook = new ExcelJS.Workbook();
  const bytes = new Uint8Array(await readFile(file));
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbookError(
      `«${file}» n'est pas un classeur Excel (.xlsx) valide / «${file}» is not a valid Excel workbook (.xlsx)`,
      { cause: error },
    );
  }
  // exceljs would write the user's tables back without their header row (see journalSheet.ts).
  restoreTableHeaderRows(workbook);
  return { workbook, bytes };
}

/** Writes a workbook whole or not at all (see writeFileAtomically). */
export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await writeFileAtomically(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Whether two paths name one file on disk (false when either is absent). */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([stat(a, { bigint: true }), stat(b, { bigint: true })]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Makes sure the output folder exists and can be written to, before anything is written there.
 * @throws Error with one French / English line naming the folder: a file, or not writable
 */
export async function prepareOutputFolder(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const [fr, en] =
      code === "EEXIST" || code === "ENOTDIR"
        ? ["n'est pas un dossier (un fichier porte ce nom)", "is not a folder (a file has that name)"]
        : code === "EACCES" || code === "EPERM" || code === "EROFS"
          ? ["n'est pas accessible en écriture", "cannot be written to"]
          : [(error as Error).message, (error as Error).message];
    throw new Error(`Le dossier de sortie «${outDir}» ${fr} / the output folder «${outDir}» ${en}`, { cause: error });
  }
}

export async function runWorkbook(file: string, options: RunOptions): Promise<RunResult> {
  // The copy is the user's package with the product's sheets grafted in: an .xlsm keeps its macros.
  const copyName = path.basename(file);
  const output = path.resolve(options.outDir, copyName);
  // The same path, or the same file reached another way (a link to its folder, another case of its name).
  if (output === path.resolve(file) || (await sameFile(output, file))) {
    throw new Error(
      `Le dossier de sortie contient déjà «${path.basename(file)}» : choisissez-en un autre pour ne pas écraser le classeur d'origine / ` +
        `the output folder holds the input workbook: choose another one so that it is not overwritten`,
    );
  }
  const { workbook, bytes } = await loadWorkbookBytes(file);
  const source = loadedWorkbookSource(workbook, file, { sheet: options.sheet, asOf: options.asOf });
  const plan = planWorkbook(source, options.asOf, options.forcedLevels);
  await prepareOutputFolder(options.outDir);
  const documents = await writeRunDocuments(plan, source.settings, options.outDir, userTemplatesFolder(file));
  // The journal's Référence names the file each customer's document went into.
  const planned = plannedJournalEntries(plan, options.user, (action) => documents.documents.get(action.customerKey));
  const fresh = newJournalEntries(source.journal.entries, planned);
  const appended = appendJournal(workbook, fresh);
  const stageRows = appendStageSheets(workbook, plan);
  const settingsCreated = writeSettingsSheet(workbook, source.settings);
  // Only the sheets this run wrote to are taken from the rewrite; every other sheet stays the user's own.
  const changed = [
    ...(appended.length > 0 ? [JOURNAL_SHEET] : []),
    ...(settingsCreated ? [SETTINGS_SHEET] : []),
    ...[...stageRows].filter(([, rows]) => rows > 0).map(([name]) => name),
  ];
  const productSheets = changed.map((name) => findWorksheet(workbook, name)?.name).filter((name): name is string => name !== undefined);
  const copy = await writeRunCopy(output, bytes, workbook, productSheets, options.asOf);
  const extraWarnings = [...copy.warnings, ...documents.warnings];
  const withWarnings = extraWarnings.length === 0 ? plan : { ...plan, warnings: [...plan.warnings, ...extraWarnings] };
  return { plan: withWarnings, workbookFile: copy.file, journalLines: appended.length, stageRows, documents: documents.files };
}

/**
 * Writes the run's copy: the user's package with the sheets this run wrote grafted in from
 * exceljs's rewrite; the rewrite itself when the package cannot be read that way.
 */
async function writeRunCopy(
  output: string,
  original: Uint8Array,
  workbook: ExcelJS.Workbook,
  productSheets: readonly string[],
  asOf: Day,
): Promise<{ file: string; warnings: string[] }> {
  const rewritten = new Uint8Array(await workbook.xlsx.writeBuffer());
  try {
    await writeFileAtomically(output, graftSheets(original, rewritten, productSheets, new Date(`${dayToIso(asOf)}T12:00:00Z`)));
    return { file: output, warnings: [] };
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    // A package laid out unlike Excel's: exceljs's rewrite is still a whole, readable copy, but an
    // .xlsx one, without macros, that Excel would refuse under an .xlsm name.
    const extension = path.extname(output);
    const file = /^\.xlsx$/i.test(extension) ? output : `${output.slice(0, output.length - extension.length)}.xlsx`;
    await writeFileAtomically(file, rewritten);
    const name = path.basename(output);
    return {
      file,
      warnings: [
        `«${name}» : la copie a été réécrite par exceljs (${error.message}) ; graphiques, tableaux croisés et macros peuvent y manquer / ` +
          `the copy was rewritten by exceljs; charts, pivot tables and macros may be missing from it`,
      ],
    };
  }
}
