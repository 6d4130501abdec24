// The commands that run the engine on a workbook file: plan, run, demo (SPEC section 10).
import path from "node:path";
import { dayFromIso, dayFromLocalParts, dayToIso, type Day } from "../core/day";
import { withSenderWarnings } from "../core/senderCheck";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../sample/sampleWorkbook";
import { UnreadableWorkbookError } from "../workbook/workbookFile";
import { defaultRunFolder } from "../workbook/earlierRuns";
import { runWorkbook, type RunResult } from "../workbook/runWorkbook";
import { SenderIncompleteError } from "../workbook/senderRefusal";
import { planWorkbook } from "../engine/planWorkbook";
import { graphMailRun, type GraphMailRun } from "../graph/graphMailRun";
import { dateInputOption } from "./dateOption";
import { nextRunLines, stoppedRunStatus } from "./dayAfterDay";
import { demoSummary } from "./demoSummary";
import { parseOptions, type ParsedOptions } from "./options";
import { printPlanJson, type PlanJsonOutput } from "./planJsonStream";
import { planTable } from "./planTable";
import { progressLine, type ProgressOutput } from "./progressLine";
import { readWithProgress } from "./readWithProgress";
import { senderRefusalMessage } from "./senderRefusal";

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Where long commands show their progress line (stderr); without it, none. */
  progress?: ProgressOutput | undefined;
}

export const EXIT_USAGE = 2;
export const EXIT_UNREADABLE = 3;
/** `run` refused: the sender is incomplete (SPEC section 5). */
export const EXIT_SENDER_INCOMPLETE = 4;

export const SAMPLE_FILE_NAME = "suivi-encaissements-exemple.xlsx";

/** The reference date: --as-of, else today in the user's local time. */
export function asOfOption(options: ParsedOptions, fallback?: Day): Day | string {
  const text = options.values.get("as-of");
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    const now = new Date();
    return dayFromLocalParts(now.getFullYear(), now.getMonth(), now.getDate());
  }
  return dateInputOption("as-of", text);
}

export function usageError(io: CommandIo, message: string, usage: string): number {
  io.err(`${message}\nUsage : relances ${usage}`);
  return EXIT_USAGE;
}

/** Runs a command body, turning an unreadable workbook into exit status 3 and one clear line. */
export async function guarded(io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) {
      io.err(error.message);
      return EXIT_UNREADABLE;
    }
    const stopped = stoppedRunStatus(error);
    if (stopped !== undefined) {
      io.err((error as Error).message);
      return stopped;
    }
    throw error;
  }
}

const PLAN_USAGE = "plan FICHIER.xlsx [--as-of DATE] [--sheet NOM] [--json]";

export async function planCommand(args: readonly string[], io: CommandIo & PlanJsonOutput): Promise<number> {
  const options = parseOptions(args, { values: ["as-of", "sheet"], flags: ["json"] });
  if (typeof options === "string") return usageError(io, options, PLAN_USAGE);
  if (options.positionals.length !== 1) return usageError(io, "Indiquez un classeur / give one workbook", PLAN_USAGE);
  const asOf = asOfOption(options);
  if (typeof asOf === "string") return usageError(io, asOf, PLAN_USAGE);
  return guarded(io, async () => {
    const source = await readWithProgress(options.positionals[0]!, { sheet: options.values.get("sheet"), asOf }, io.progress);
    const plan = withSenderWarnings(planWorkbook(source, asOf), source.settings);
    if (options.flags.has("json")) await printPlanJson(plan, io);
    else io.out(planTable(plan));
    return 0;
  });
}

const RUN_USAGE = "run FICHIER.xlsx [--as-of DATE] [--sheet NOM] [--out DOSSIER] [--in-place] [--mail eml|graph]";

export async function runCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const options = parseOptions(args, { values: ["as-of", "sheet", "out", "mail"], flags: ["in-place"] });
  if (typeof options === "string") return usageError(io, options, RUN_USAGE);
  if (options.positionals.length !== 1) return usageError(io, "Indiquez un classeur / give one workbook", RUN_USAGE);
  const asOf = asOfOption(options);
  if (typeof asOf === "string") return usageError(io, asOf, RUN_USAGE);
  const mail = options.values.get("mail") ?? "eml";
  if (mail !== "eml" && mail !== "graph") return usageError(io, `--mail «${mail}» : eml ou graph`, RUN_USAGE);
  let graph: GraphMailRun | undefined;
  if (mail === "graph") {
    const made = graphMailRun(io.env);
    if (typeof made === "string") {
      io.err(made);
      return EXIT_USAGE;
    }
    graph = made;
  }
  const file = options.positionals[0]!;
  const outDir = options.values.get("out") ?? defaultRunFolder(file, dayToIso(asOf));
  // The copy of a run of that same day (the one whose settings were just filled, say) sits in that
  // very folder: it is updated in place there, its previous version kept beside it.
  const onItsOwnCopy = !options.values.has("out") && path.resolve(outDir) === path.dirname(path.resolve(file));
  return guarded(io, async () => {
    const inPlace = options.flags.has("in-place") || onItsOwnCopy;
    let result: RunResult;
    const progress = io.progress === undefined ? undefined : progressLine(io.progress);
    try {
      result = await runWorkbook(file, { asOf, outDir, sheet: options.values.get("sheet"), user: io.env.USER ?? io.env.USERNAME, inPlace, progress, mail: graph?.delivery });
    } catch (error) {
      // The line goes before any message, which a terminal would print on top of it.
      progress?.done();
      if (graph?.refused(error)) {
        io.err((error as Error).message);
        return EXIT_UNREADABLE;
      }
      return senderRefused(io, error, options);
    }
    progress?.done();
    io.out(runSummary(result));
    if (graph !== undefined) io.out(graph.summary());
    return 0;
  });
}

/** Exit 4 with the refusal's message, for an incomplete sender; any other error goes on. */
function senderRefused(io: CommandIo, error: unknown, options: ParsedOptions): number {
  if (!(error instanceof SenderIncompleteError)) throw error;
  const again = (["as-of", "sheet"] as const).flatMap((name) => {
    const value = options.values.get(name);
    return value === undefined ? [] : [`--${name}`, value];
  });
  if (options.flags.has("in-place")) again.push("--in-place");
  io.err(senderRefusalMessage(error, again));
  return EXIT_SENDER_INCOMPLETE;
}

function runSummary(result: RunResult): string {
  const stages = [...result.stageRows].map(([sheet, rows]) => `${sheet} : ${rows}`).join(", ") || "aucune ligne / none";
  return [
    planTable(result.plan),
    "",
    `Classeur mis à jour / updated workbook: ${result.workbookFile}`,
    `Journal des relances : ${result.journalLines} ligne(s) ajoutée(s) / line(s) added`,
    `Feuilles d'étape / stage sheets: ${stages}`,
    `Documents (${result.documents.length}) dans / in ${result.outDir}:`,
    ...documentSummary(result.documents),
    ...nextRunLines(result),
  ].join("\n");
}

/** The documents written, counted by folder: e-mails, letters, statements, court files. */
function documentSummary(files: readonly string[]): string[] {
  const byFolder = new Map<string, number>();
  for (const file of files) {
    const folder = file.split("/")[0]!;
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
  }
  return [...byFolder].map(([folder, count]) => `  ${folder}/ : ${count}`);
}

const DEMO_USAGE = "demo [--out DOSSIER] [--as-of DATE] [--verbose]";

export async function demoCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const options = parseOptions(args, { values: ["out", "as-of"], flags: ["verbose"] });
  if (typeof options === "string") return usageError(io, options, DEMO_USAGE);
  if (options.positionals.length > 0) return usageError(io, `Argument inattendu : ${options.positionals[0]}`, DEMO_USAGE);
  const asOf = asOfOption(options, dayFromIso(SAMPLE_AS_OF));
  if (typeof asOf === "string") return usageError(io, asOf, DEMO_USAGE);
  const outDir = path.resolve(options.values.get("out") ?? "relances-demo");
  // The sample sits in a folder of its own: the run writes its updated copy beside, never over it.
  const sample = path.join(outDir, "exemple", SAMPLE_FILE_NAME);
  await writeSampleWorkbook(sample);
  const verbose = options.flags.has("verbose");
  io.out(`Classeur d'exemple / sample workbook: ${sample}`);
  if (verbose) io.out(`Date de référence / reference date: ${dayToIso(asOf)}\n`);
  return guarded(io, async () => {
    const result = await runWorkbook(sample, { asOf, outDir, user: "demo", freshInput: true });
    io.out(verbose ? runSummary(result) : demoSummary(result, outDir));
    return 0;
  });
}
