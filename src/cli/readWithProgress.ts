// A workbook file read for a command, its progress on stderr for a long read (a sheet of a million
// rows), so that stdout stays the command's own output.
import type { Day } from "../core/day";
import type { WorkbookSource } from "../engine/readWorkbook";
import { readWorkbookSource } from "../workbook/workbookSource";
import { progressLine, type ProgressOutput } from "./progressLine";

/**
 * Reads a workbook file, showing how many rows have been read.
 *
 * @param file - the .xlsx file
 * @param options - sheet, asOf
 * @param progress - where the progress line goes; none when undefined
 * @returns what the workbook holds
 * @throws UnreadableWorkbookError as readWorkbookSource does
 * @example
 * const source = await readWithProgress("suivi.xlsx", { asOf }, io.progress);
 */
export async function readWithProgress(
  file: string,
  options: { readonly sheet?: string | undefined; readonly asOf: Day },
  progress: ProgressOutput | undefined,
): Promise<WorkbookSource> {
  const line = progress === undefined ? undefined : progressLine(progress);
  try {
    return await readWorkbookSource(file, { ...options, onProgress: (rows) => line?.rowsRead(rows) });
  } finally {
    line?.done();
  }
}
