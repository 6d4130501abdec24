// `relances run`: plans the run on a copy of the workbook, appends the journal and the stage
// sheets, and writes the copy whole into the output folder. The input file is never written. The
// copy is the user's own package with the product's sheets grafted in (see sheetGraft.ts), so that
// what exceljs does not model (charts, pivot tables, macros...) is kept.
import { constants } from "node:fs";
import { access, mkdir, readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { dayToIso, type Day } from "../core/day";
import { newJournalEntries } from "../core/journal";
import { JOURNAL_SHEET, type JournalEntry } from "../core/journalEntry";
import { plannedJournalEntries, type Plan } from "../core/plan";
import type { ReminderLevel } from "../core/reminderLevel";
import { SETTINGS_SHEET, type Settings } from "../core/settings";
import { userTemplatesFolder } from "../documents/defaultTemplates";
import { writeRunDocuments } from "../documents/runDocuments";
import { FileWriteError, sweepTemporaryFiles, writeFileAtomically } from "../writeFileAtomically";
import { refuseWhenBehindEarlierRun, sameFile } from "./earlierRuns";
import { keepPreviousVersion, refuseWhileOpen } from "./inPlace";
import { appendJournal, restoreTableHeaderRows } from "./journalSheet";
import { PackageError } from "./opcPackage";
import { checkWorkbookFile, findWorksheet, isProductSheet, UnreadableWorkbookError } from "./readTrackingWorkbook";
import { RunStoppedError } from "./runStopped";
import { refuseIncompleteSender } from "./senderRefusal";
import { writeSettingsSheet } from "./settingsSheet";
import { graftSheets, sheetsOnly } from "./sheetGraft";
import { withSnapshot, type Snapshot } from "./snapshot";
import { appendStageSheets } from "./stageSheets";
import { historyJournalEntries, planWorkbook, readWorkbookSource } from "./workbookSource";

export interface RunOptions {
  readonly asOf: Day;
  readonly outDir: string;
  readonly sheet?: string | undefined;
  /** Who runs it, for the journal's Utilisateur column. */
  readonly user?: string | undefined;
  readonly forcedLevels?: ReadonlyMap<string, ReminderLevel> | undefined;
  /** Writes the journal and the product's sheets into the input itself, its previous version kept beside it. */
  readonly inPlace?: boolean | undefined;
  /** The input was just written (the demo's sample): the copies earlier runs left are not of it. */
  readonly freshInput?: boolean | undefined;
  /** Called just before the copy is written (tests change the input there). */
  readonly beforeWrite?: (() => Promise<void>) | undefined;
}

export interface RunResult {
  readonly plan: Plan;
  /** The updated copy of the workbook. */
  readonly workbookFile: string;
  readonly journalLines: number;
  readonly stageRows: ReadonlyMap<string, number>;
  /** The documents written, relative to the output folder. */
  readonly documents: readonly string[];
  /** Where the documents went. */
  readonly outDir: string;
  /** With inPlace: the input's previous version, kept beside it (none when the run had nothing to write). */
  readonly previousVersion?: string | undefined;
}

/** A workbook loaded from its bytes, or UnreadableWorkbookError with one clear line naming file. */
async function loadWorkbookFrom(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
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
  return workbook;
}

/** Writes a workbook whole or not at all (see writeFileAtomically). */
export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await writeFileAtomically(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/**
 * Makes sure the output folder exists and can be written to, before anything is written there.
 * @throws Error with one French / English line naming the folder: a file, or not writable
 */
export async function prepareOutputFolder(outDir: string): Promise<string | undefined> {
  try {
    const made = await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
    return made;
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
  const output = options.inPlace ? path.resolve(file) : path.resolve(options.outDir, copyName);
  // The same path, or the same file reached another way (a link to its folder, another case of its name).
  if (!options.inPlace && (output === path.resolve(file) || (await sameFile(output, file)))) {
    throw new Error(
      `Le dossier de sortie contient déjà «${path.basename(file)}» : choisissez-en un autre pour ne pas écraser le classeur d'origine / ` +
        `the output folder holds the input workbook: choose another one so that it is not overwritten`,
    );
  }
  await checkWorkbookFile(file);
  if (options.inPlace) await refuseWhileOpen(file);
  const made = await prepareOutputFolder(options.outDir);
  await sweepTemporaryFiles(await foldersWritten(file, options.outDir));
  try {
    return await withSnapshot(file, options.outDir, (snapshot) => runOnSnapshot(snapshot, output, options));
  } catch (error) {
    // A run that wrote nothing leaves no empty folder behind.
    if (made !== undefined) await removeEmptyFolders(path.resolve(options.outDir), path.resolve(made));
    throw error;
  }
}

async function runOnSnapshot(snapshot: Snapshot, output: string, options: RunOptions): Promise<RunResult> {
  const { file } = snapshot;
  // Read as `plan` reads it, streaming: the run plans what `plan` shows.
  const source = await readWorkbookSource(snapshot.path, { sheet: options.sheet, asOf: options.asOf }).catch((error: unknown) => {
    throw snapshot.named(error);
  });
  const plan = planWorkbook(source, options.asOf, options.forcedLevels);
  if (!options.freshInput) await refuseWhenBehindEarlierRun(file, options.outDir, source.journal.entries);
  let previousVersion: string | undefined;
  const beforeWrite = async (): Promise<void> => {
    await options.beforeWrite?.();
    if (options.inPlace) await refuseWhileOpen(file);
    await snapshot.assertUnchanged();
    if (options.inPlace) previousVersion = await keepPreviousVersion(path.resolve(file), snapshot.bytes, options.asOf, snapshot.mode);
  };
  const target = { output, inPlace: options.inPlace === true, mode: options.inPlace ? snapshot.mode : undefined, beforeWrite };
  // Nothing goes out incomplete: before any document, the sender is checked (SPEC section 5).
  await refuseIncompleteSender(plan, source.settings, async (fill) => {
    const copy = await writeRunCopy(snapshot.bytes, file, target, options.asOf, (workbook) => ({ journalLines: 0, stageRows: new Map(), sheets: fill(workbook) }));
    return copy.file;
  });
  const documents = await writeRunDocuments(plan, source.settings, options.outDir, userTemplatesFolder(file));
  // The journal's Référence names the file each customer's document went into.
  const planned = plannedJournalEntries(plan, options.user, (action) => documents.documents.get(action.customerKey));
  // The manual workflow's history goes into the journal first, once: the next run finds it there.
  const fresh = newJournalEntries(source.journal.entries, [...historyJournalEntries(source, options.asOf).entries, ...planned]);
  let copy: Awaited<ReturnType<typeof writeRunCopy>>;
  try {
    copy = await writeRunCopy(snapshot.bytes, file, target, options.asOf, (workbook) => writeProductSheets(workbook, fresh, plan, source.settings));
  } catch (error) {
    // Documents whose journal lines were never written would be made, and sent, again by the next run.
    await Promise.all(documents.files.map((relative) => rm(path.join(options.outDir, relative), { force: true }).catch(() => undefined)));
    // The input was not written over: a previous version kept for it is one too many.
    if (previousVersion !== undefined) await rm(previousVersion, { force: true }).catch(() => undefined);
    throw stoppedBeforeTheCopy(error);
  }
  const withWarnings = copy.warnings.length === 0 ? plan : { ...plan, warnings: [...plan.warnings, ...copy.warnings] };
  return { plan: withWarnings, workbookFile: copy.file, journalLines: copy.written.journalLines, stageRows: copy.written.stageRows, documents: documents.files, outDir: path.resolve(options.outDir), previousVersion };
}

/** A failure to write the copy, saying that the run's documents went with it. */
function stoppedBeforeTheCopy(error: unknown): unknown {
  if (!(error instanceof FileWriteError)) return error;
  return new RunStoppedError(
    "writeFailed",
    `${error.french} ; rien n'a été journalisé et les documents de cette relance ont été retirés / ${error.english}; nothing was journalled and this run's documents were removed`,
    { cause: error },
  );
}

/** The folders a run writes into: the workbook's, the output folder and its documents' folders. */
async function foldersWritten(file: string, outDir: string): Promise<string[]> {
  const subfolders = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  return [path.dirname(path.resolve(file)), outDir, ...subfolders.filter((e) => e.isDirectory()).map((e) => path.join(outDir, e.name))];
}

/**
 * Removes the empty folders a failed run made: the documents' folders in `folder`, `folder`, and its
 * parents up to `made` (the first folder mkdir made).
 */
async function removeEmptyFolders(folder: string, made: string): Promise<void> {
  for (const sub of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    if (sub.isDirectory()) await rmdir(path.join(folder, sub.name)).catch(() => undefined);
  }
  for (let current = folder; current.startsWith(made); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    if (current === made) return;
  }
}

/** What a run writes into the product's sheets of a loaded workbook. */
interface ProductSheetsWritten {
  readonly journalLines: number;
  readonly stageRows: ReadonlyMap<string, number>;
  /** The sheets written to, by their names in the workbook. */
  readonly sheets: readonly string[];
}

function writeProductSheets(workbook: ExcelJS.Workbook, fresh: readonly JournalEntry[], plan: Plan, settings: Settings): ProductSheetsWritten {
  const appended = appendJournal(workbook, fresh);
  const stageRows = appendStageSheets(workbook, plan);
  const settingsCreated = writeSettingsSheet(workbook, settings);
  const changed = [
    ...(appended.length > 0 ? [JOURNAL_SHEET] : []),
    ...(settingsCreated ? [SETTINGS_SHEET] : []),
    ...[...stageRows].filter(([, rows]) => rows > 0).map(([name]) => name),
  ];
  const sheets = changed.map((name) => findWorksheet(workbook, name)?.name).filter((name): name is string => name !== undefined);
  return { journalLines: appended.length, stageRows, sheets };
}

/**
 * Writes the run's copy. exceljs loads only the product's sheets (not the tracking sheet's many
 * rows), `write` writes into them, and those it wrote to are grafted into the user's package, which
 * keeps everything else byte for byte. A package laid out unlike Excel's is loaded whole instead,
 * and exceljs's rewrite of it is the copy.
 */
async function writeRunCopy(
  original: Uint8Array,
  file: string,
  target: { readonly output: string; readonly inPlace: boolean; readonly mode?: number | undefined; beforeWrite(): Promise<void> },
  asOf: Day,
  write: (workbook: ExcelJS.Workbook) => ProductSheetsWritten,
): Promise<{ file: string; warnings: string[]; written: ProductSheetsWritten }> {
  const { output } = target;
  let failure: PackageError;
  try {
    const workbook = await loadWorkbookFrom(sheetsOnly(original, isProductSheet), file);
    const written = write(workbook);
    // The input itself is left as it is, and no previous version kept, when the run adds nothing to it.
    if (target.inPlace && written.sheets.length === 0) return { file: output, warnings: [], written };
    const rewritten = new Uint8Array(await workbook.xlsx.writeBuffer());
    const grafted = graftSheets(original, rewritten, written.sheets, new Date(`${dayToIso(asOf)}T12:00:00Z`));
    await target.beforeWrite();
    await writeFileAtomically(output, grafted, target.mode);
    return { file: output, warnings: [], written };
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    failure = error;
  }
  // exceljs's rewrite is a whole, readable copy, but an .xlsx one, without macros, that Excel
  // would refuse under an .xlsm name.
  const workbook = await loadWorkbookFrom(original, file);
  const written = write(workbook);
  if (target.inPlace && written.sheets.length === 0) return { file: output, warnings: [], written };
  const extension = path.extname(output);
  const copy = /^\.xlsx$/i.test(extension) ? output : `${output.slice(0, output.length - extension.length)}.xlsx`;
  const rewritten = new Uint8Array(await workbook.xlsx.writeBuffer());
  await target.beforeWrite();
  await writeFileAtomically(copy, rewritten, target.mode);
  return {
    file: copy,
    written,
    warnings: [
      `«${path.basename(output)}» : la copie a été réécrite par exceljs (${failure.message}) ; graphiques, tableaux croisés et macros peuvent y manquer / ` +
        `the copy was rewritten by exceljs; charts, pivot tables and macros may be missing from it`,
    ],
  };
}
