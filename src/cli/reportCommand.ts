// `relances report FILE.xlsx [--as-of DATE] [--json]` (SPEC section 10): the manager's report, as
// a table or as JSON on stdout; the same errors and exit statuses as plan.
import { reportToJson } from "../core/reportJson";
import { workbookReport } from "../engine/workbookReport";
import { parseOptions } from "./options";
import { readWithProgress } from "./readWithProgress";
import { reportTable } from "./reportTable";
import { asOfOption, guarded, usageError, type CommandIo } from "./workbookCommands";

const REPORT_USAGE = "report FICHIER.xlsx [--as-of DATE] [--sheet NOM] [--json]";

/** Runs `relances report`; resolves with the exit status. */
export async function reportCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const options = parseOptions(args, { values: ["as-of", "sheet"], flags: ["json"] });
  if (typeof options === "string") return usageError(io, options, REPORT_USAGE);
  if (options.positionals.length !== 1) return usageError(io, "Indiquez un classeur / give one workbook", REPORT_USAGE);
  const asOf = asOfOption(options);
  if (typeof asOf === "string") return usageError(io, asOf, REPORT_USAGE);
  return guarded(io, async () => {
    const source = await readWithProgress(options.positionals[0]!, { sheet: options.values.get("sheet"), asOf }, io.progress);
    const { report, warnings } = workbookReport(source, asOf);
    io.out(options.flags.has("json") ? JSON.stringify(reportToJson(report, warnings), null, 2) : reportTable(report, warnings));
    return 0;
  });
}
