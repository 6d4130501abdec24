// Saving settings from a screen (Set-up's column mapping, Settings' form) through the host: the
// engine's settingsEdits says which value cells change and which rows are added, and the host
// writes them in one batch (WorkbookOutput.update, each cell only while it holds what was read).
import type { CellValue } from "../../src/core/cellValue";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { settingsEdits } from "../../src/engine/settingsEdits";
import type { WorkbookOutput } from "../../src/engine/workbookOutput";

/** What a save wrote, or the values refused (nothing is then written). */
export interface SettingsSaved {
  /** How many cells were changed or rows added. */
  readonly written: number;
  /** The values refused, one French / English line each. */
  readonly problems: readonly string[];
}

/**
 * Saves settings values into the workbook's settings sheet, in one batch.
 *
 * @param output - the host's output
 * @param sheets - the workbook as read
 * @param values - by key, as the sheet stores them (null empties a value)
 * @returns how many cells and rows were written, or the problems
 * @throws when the host refuses the write (a cell changed since it was read), or cannot change cells
 */
export async function saveSettings(output: WorkbookOutput, sheets: readonly MemorySheet[], values: ReadonlyMap<string, CellValue>): Promise<SettingsSaved> {
  const edits = settingsEdits(sheets, Object.fromEntries(values));
  if (edits.problems.length > 0) return { written: 0, problems: edits.problems };
  const written = edits.updates.length + edits.appends.reduce((n, a) => n + a.rows.length, 0);
  if (edits.updates.length > 0) {
    if (output.update === undefined) throw new Error("Ce classeur ne permet pas de modifier « Paramètres Relances » depuis le volet / this host cannot change the settings sheet");
    await output.update(edits.updates, edits.appends);
  } else if (edits.appends.length > 0) await output.append(edits.appends);
  return { written, problems: [] };
}
