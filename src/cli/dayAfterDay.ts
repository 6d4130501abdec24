// What `run` tells the user for the next day (SPEC section 10), and the exit status of a run that
// stopped before writing its copy.
import type { RunResult } from "../workbook/runWorkbook";
import { RunStoppedError } from "../workbook/runStopped";

/** The run refused because an earlier run's journal is missing from the input. */
export const EXIT_EARLIER_RUN = 5;
const EXIT_FAILED = 1;

/** The lines that name the workbook to continue with: the copy, or the input updated in place. */
export function nextRunLines(result: RunResult): string[] {
  const lines: string[] = [];
  if (result.previousVersion !== undefined) {
    lines.push(`Version précédente gardée / previous version kept: ${result.previousVersion}`);
  }
  lines.push(
    `Pour la prochaine relance, ouvrez et utilisez ce classeur : ${result.workbookFile}`,
    `For the next run, open and use this workbook: ${result.workbookFile}`,
  );
  return lines;
}

/** The exit status of a run that stopped (5 for an earlier run's journal, else 1), or undefined for other errors. */
export function stoppedRunStatus(error: unknown): number | undefined {
  if (!(error instanceof RunStoppedError)) return undefined;
  return error.reason === "earlierRun" ? EXIT_EARLIER_RUN : EXIT_FAILED;
}
