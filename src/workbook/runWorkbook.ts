// `relances run`: plans the run on a copy of the workbook, appends the journal and the stage
// sheets, and writes the copy whole into the output folder. The input file is never written. The
// copy is the user's own package with the product's sheets grafted in (see sheetGraft.ts), so that
// what exceljs does not model (charts, pivot tables, macros...) is kept.
import { constants } from "node:fs";
import { access, mkdir, readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import type { Day } from "../core/day";
import type { Plan } from "../core/plan";
import type { ReminderLevel } from "../core/reminderLevel";
import { userTemplatesFolder } from "../node/defaultTemplates";
import { NO_PROGRESS, type RunProgress } from "../engine/progress";
import type { MailDelivery } from "../engine/mailDelivery";
import { runPlan, type RunOutcome } from "../engine/runPlan";
import { commandLinePorts } from "../node/commandLinePorts";
import { workerRenderers } from "../node/workerRenderer";
import { FileWriteError, sweepTemporaryFiles } from "../writeFileAtomically";
import { refuseWhenBehindEarlierRun, sameFile } from "./earlierRuns";
import { keepPreviousVersion, refuseWhileOpen } from "./inPlace";
import { checkWorkbookFile } from "./workbookFile";
import { writeRunCopy } from "./runCopy";
import { RunStoppedError } from "./runStopped";
import { SenderIncompleteError } from "./senderRefusal";
import { withSnapshot, type Snapshot } from "./snapshot";
import { historyJournalEntries } from "../engine/historyJournalEntries";
import { planWorkbook } from "../engine/planWorkbook";
import { readWorkbookSource } from "./workbookSource";

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
  /** Told of the rows read and the documents written, as the run goes. */
  readonly progress?: RunProgress | undefined;
  /** Where the e-mails go (Outlook drafts through Graph); .eml files among the documents by default. */
  readonly mail?: MailDelivery | undefined;
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
  const progress = options.progress ?? NO_PROGRESS;
  // Read as `plan` reads it, streaming: the run plans what `plan` shows.
  const source = await readWorkbookSource(snapshot.path, { sheet: options.sheet, asOf: options.asOf, onProgress: (rows) => progress.rowsRead(rows) }).catch(
    (error: unknown) => {
      throw snapshot.named(error);
    },
  );
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
  const templatesFolder = userTemplatesFolder(file);
  const ports = commandLinePorts(options.outDir, templatesFolder);
  const { sink, templates } = ports;
  const mail = options.mail ?? ports.mail;
  // The statements, court files and e-mails rendered on worker threads, for a large plan. A worker
  // makes its e-mails into .eml files: another delivery has them rendered here.
  const renderers = workerRenderers({
    context: { asOf: plan.asOf, settings: source.settings, templates },
    userFolder: templatesFolder,
    sink,
    mail,
    actions: options.mail === undefined ? plan.actions.length : 0,
  });
  const runPorts = { templates, sink, mail, progress, render: renderers.render, renderLetter: renderers.renderLetter };
  const input = { plan, settings: source.settings, journal: source.journal.entries, history: historyJournalEntries(source, options.asOf).entries, user: options.user };
  let outcome: RunOutcome;
  try {
    outcome = await runPlan(input, runPorts);
  } catch (error) {
    // A document that cannot be written stops the run; those in flight finish first.
    await sink.settle();
    throw error;
  } finally {
    await renderers.close();
  }
  // Nothing goes out incomplete (SPEC section 5): the refusal writes only the copy, its settings to fill.
  if (outcome.refused !== undefined) {
    const keys = outcome.refused.map((m) => m.key);
    const refusal = await writeRunCopy(snapshot.bytes, file, target, options.asOf, { fillSettings: { settings: source.settings, required: keys } });
    throw new SenderIncompleteError(outcome.refused, refusal.file);
  }
  let copy: Awaited<ReturnType<typeof writeRunCopy>>;
  try {
    copy = await writeRunCopy(snapshot.bytes, file, target, options.asOf, { journal: outcome.journalLines, plan, settings: source.settings });
  } catch (error) {
    // Documents whose journal lines were never written would be made, and sent, again by the next run.
    await sink.discard();
    // The input was not written over: a previous version kept for it is one too many.
    if (previousVersion !== undefined) await rm(previousVersion, { force: true }).catch(() => undefined);
    throw stoppedBeforeTheCopy(error);
  }
  const withWarnings = copy.warnings.length === 0 ? plan : { ...plan, warnings: [...plan.warnings, ...copy.warnings] };
  return { plan: withWarnings, workbookFile: copy.file, journalLines: copy.written.journalLines, stageRows: copy.written.stageRows, documents: sink.files, outDir: path.resolve(options.outDir), previousVersion };
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


