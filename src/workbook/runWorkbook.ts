// `relances run`: plans the run on a copy of the workbook, appends the journal and the stage
// sheets, and writes the copy whole into the output folder. The input file is never written.
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Day } from "../core/day";
import { newJournalEntries } from "../core/journal";
import { plannedJournalEntries, type Plan } from "../core/plan";
import type { ReminderLevel } from "../core/reminderLevel";
import { appendJournal, restoreTableHeaderRows } from "./journalSheet";
import { checkWorkbookFile, UnreadableWorkbookError } from "./readTrackingWorkbook";
import { userTemplatesFolder } from "../documents/defaultTemplates";
import { writeRunDocuments } from "../documents/runDocuments";
import { writeSettingsSheet } from "./settingsSheet";
import { appendStageSheets } from "./stageSheets";
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
  await checkWorkbookFile(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
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

/** Writes a workbook whole or not at all: into a temporary file beside the target, then renamed. */
export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temporary);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function runWorkbook(file: string, options: RunOptions): Promise<RunResult> {
  const output = path.resolve(options.outDir, path.basename(file));
  if (output === path.resolve(file)) {
    throw new Error(
      `Le dossier de sortie contient déjà «${path.basename(file)}» : choisissez-en un autre pour ne pas écraser le classeur d'origine / ` +
        `the output folder holds the input workbook: choose another one so that it is not overwritten`,
    );
  }
  const workbook = await loadWorkbook(file);
  const source = loadedWorkbookSource(workbook, file, { sheet: options.sheet, asOf: options.asOf });
  const plan = planWorkbook(source, options.asOf, options.forcedLevels);
  const documents = await writeRunDocuments(plan, source.settings, options.outDir, userTemplatesFolder(file));
  // The journal's Référence names the file each customer's document went into.
  const planned = plannedJournalEntries(plan, options.user, (action) => documents.documents.get(action.customerKey));
  const fresh = newJournalEntries(source.journal.entries, planned);
  const appended = appendJournal(workbook, fresh);
  const stageRows = appendStageSheets(workbook, plan);
  writeSettingsSheet(workbook, source.settings);
  await writeWorkbookAtomically(workbook, output);
  const withWarnings = documents.warnings.length === 0 ? plan : { ...plan, warnings: [...plan.warnings, ...documents.warnings] };
  return { plan: withWarnings, workbookFile: output, journalLines: appended.length, stageRows, documents: documents.files };
}
