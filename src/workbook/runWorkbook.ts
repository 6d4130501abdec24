// `relances run`: plans the run on a copy of the workbook, appends the journal and the stage
// sheets, and writes the copy whole into the output folder. The input file is never written. The
// copy is the user's own package with the product's sheets grafted in (see sheetGraft.ts), so that
// what exceljs does not model (charts, pivot tables, macros...) is kept.
import { constants } from "node:fs";
import { access, mkdir, readFile, stat } from "node:fs/promises";
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
import { writeFileAtomically } from "../writeFileAtomically";
import { appendJournal, restoreTableHeaderRows } from "./journalSheet";
import { PackageError } from "./opcPackage";
import { findWorksheet, isProductSheet, UnreadableWorkbookError } from "./readTrackingWorkbook";
import { writeSettingsSheet } from "./settingsSheet";
import { graftSheets, sheetsOnly } from "./sheetGraft";
import { appendStageSheets } from "./stageSheets";
import { historyJournalEntries, planWorkbook, readWorkbookSource } from "./workbookSource";

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
  // Read as `plan` reads it, streaming: the run plans what `plan` shows.
  const source = await readWorkbookSource(file, { sheet: options.sheet, asOf: options.asOf });
  const plan = planWorkbook(source, options.asOf, options.forcedLevels);
  await prepareOutputFolder(options.outDir);
  const documents = await writeRunDocuments(plan, source.settings, options.outDir, userTemplatesFolder(file));
  // The journal's Référence names the file each customer's document went into.
  const planned = plannedJournalEntries(plan, options.user, (action) => documents.documents.get(action.customerKey));
  // The manual workflow's history goes into the journal first, once: the next run finds it there.
  const fresh = newJournalEntries(source.journal.entries, [...historyJournalEntries(source, options.asOf).entries, ...planned]);
  const copy = await writeRunCopy(file, output, options.asOf, (workbook) => writeProductSheets(workbook, fresh, plan, source.settings));
  const extraWarnings = [...copy.warnings, ...documents.warnings];
  const withWarnings = extraWarnings.length === 0 ? plan : { ...plan, warnings: [...plan.warnings, ...extraWarnings] };
  return { plan: withWarnings, workbookFile: copy.file, journalLines: copy.written.journalLines, stageRows: copy.written.stageRows, documents: documents.files };
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
  file: string,
  output: string,
  asOf: Day,
  write: (workbook: ExcelJS.Workbook) => ProductSheetsWritten,
): Promise<{ file: string; warnings: string[]; written: ProductSheetsWritten }> {
  const original = new Uint8Array(await readFile(file));
  let failure: PackageError;
  try {
    const workbook = await loadWorkbookFrom(sheetsOnly(original, isProductSheet), file);
    const written = write(workbook);
    const rewritten = new Uint8Array(await workbook.xlsx.writeBuffer());
    await writeFileAtomically(output, graftSheets(original, rewritten, written.sheets, new Date(`${dayToIso(asOf)}T12:00:00Z`)));
    return { file: output, warnings: [], written };
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    failure = error;
  }
  // exceljs's rewrite is a whole, readable copy, but an .xlsx one, without macros, that Excel
  // would refuse under an .xlsm name.
  const workbook = await loadWorkbookFrom(original, file);
  const written = write(workbook);
  const extension = path.extname(output);
  const copy = /^\.xlsx$/i.test(extension) ? output : `${output.slice(0, output.length - extension.length)}.xlsx`;
  await writeFileAtomically(copy, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return {
    file: copy,
    written,
    warnings: [
      `«${path.basename(output)}» : la copie a été réécrite par exceljs (${failure.message}) ; graphiques, tableaux croisés et macros peuvent y manquer / ` +
        `the copy was rewritten by exceljs; charts, pivot tables and macros may be missing from it`,
    ],
  };
}
