// A workbook file as plan and run read it: the engine's readWorkbook over exceljs's streaming
// reader, the file checked first, and a workbook without a tracking sheet refused.
import { readWorkbook, type SourceOptions, type WorkbookSource } from "../engine/readWorkbook";
import { streamedWorkbookInput } from "./readTrackingWorkbook";
import { checkWorkbookFile, UnreadableWorkbookError } from "./workbookFile";
import { readWorkbookPrelude } from "./workbookPrelude";

export interface FileSourceOptions extends SourceOptions {
  /** Told every 1,024 rows how many rows have been read (for a progress line on long reads). */
  readonly onProgress?: ((rowsRead: number) => void) | undefined;
}

/**
 * Reads a workbook file in one streaming pass, after the settings sheet's saved mapping (a
 * --sheet or a header row given wins over it).
 *
 * @param file - the .xlsx file
 * @param options - sheet, headerRow, asOf, onProgress
 * @returns what the workbook holds
 * @throws UnreadableWorkbookError when it cannot be read, or holds no tracking sheet
 * @example
 * planWorkbook(await readWorkbookSource("suivi.xlsx", { asOf }), asOf)
 */
export async function readWorkbookSource(file: string, options: FileSourceOptions = {}): Promise<WorkbookSource> {
  await checkWorkbookFile(file);
  const prelude = await readWorkbookPrelude(file);
  return checked(file, await readWorkbook(streamedWorkbookInput(file, prelude, options.onProgress), options));
}

/** A workbook without a tracking sheet cannot be used at all: that is an unreadable file. */
function checked(file: string, source: WorkbookSource): WorkbookSource {
  const problem = source.tracking.problem;
  if (problem !== undefined) throw new UnreadableWorkbookError(`«${file}» : ${problem.message}`);
  return source;
}
