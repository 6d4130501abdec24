// The run's copy of the workbook: the user's package with the product's sheets (journal, stage
// sheets, settings) written into it as sheet XML. The input file is never written here.
import path from "node:path";
import ExcelJS from "exceljs";
import { dayToIso, type Day } from "../core/day";
import type { JournalEntry } from "../core/journalEntry";
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import { writeFileAtomically } from "../writeFileAtomically";
import { appendJournal, restoreTableHeaderRows } from "./journalSheet";
import { OfficePackage, PackageError } from "./opcPackage";
import { UnreadableWorkbookError } from "./workbookFile";
import { addSettingsSheet, settingsToFill } from "./settingsSheet";
import { SheetGraft } from "./sheetGraft";
import { appendStageSheets } from "./stageSheets";

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
 * What a run writes into the product's sheets: this run's journal lines, stage rows and (when
 * absent) settings sheet; or, when the sender is incomplete, only the settings to fill.
 */
export type ProductSheetWrites =
  | { readonly journal: readonly JournalEntry[]; readonly plan: Plan; readonly settings: Settings }
  | { readonly fillSettings: { readonly settings: Settings; readonly required: readonly string[] } };

/** What a run wrote into the product's sheets. */
export interface ProductSheetsWritten {
  readonly journalLines: number;
  readonly stageRows: ReadonlyMap<string, number>;
  /** The sheets written to, by their names in the workbook. */
  readonly sheets: readonly string[];
}

/**
 * Writes the product's sheets into a package, in its sheet XML.
 *
 * @param zip - the package, changed in memory
 * @param writes - what to write
 * @returns what was written
 * @throws PackageError when the package is not laid out as Excel lays one out
 */
export function writeProductSheets(zip: OfficePackage, writes: ProductSheetWrites): ProductSheetsWritten {
  const graft = new SheetGraft(zip);
  let written: ProductSheetsWritten;
  if ("fillSettings" in writes) {
    const { settings, required } = writes.fillSettings;
    written = { journalLines: 0, stageRows: new Map(), sheets: settingsToFill(graft, settings, required) };
  } else {
    // An empty journal is not created: the next run creates it with its first lines.
    const journal = writes.journal.length === 0 ? { added: [] } : appendJournal(graft, writes.journal);
    const stage = appendStageSheets(graft, writes.plan);
    const settings = addSettingsSheet(graft, writes.settings);
    const sheets = [journal.sheet, ...stage.sheets, settings].filter((name): name is string => name !== undefined);
    written = { journalLines: journal.added.length, stageRows: stage.rows, sheets };
  }
  graft.finish();
  return written;
}

/**
 * Writes the run's copy: the product's sheets are written into the user's package as sheet XML
 * (see sheetGraft.ts), which keeps everything else byte for byte. A package laid out unlike Excel's
 * is loaded whole by exceljs instead, and exceljs's rewrite of it is the package written into.
 *
 * @returns the copy's path, its warnings, and what was written into it
 */
export async function writeRunCopy(
  original: Uint8Array,
  file: string,
  target: { readonly output: string; readonly inPlace: boolean; readonly mode?: number | undefined; beforeWrite(): Promise<void> },
  asOf: Day,
  writes: ProductSheetWrites,
): Promise<{ file: string; warnings: string[]; written: ProductSheetsWritten }> {
  const { output } = target;
  // The parts written anew are dated the run's day (the others keep their own), so that the same run writes the same bytes.
  const stamp = new Date(`${dayToIso(asOf)}T12:00:00Z`);
  let failure: PackageError;
  try {
    const zip = new OfficePackage(original);
    const written = writeProductSheets(zip, writes);
    // The input itself is left as it is, and no previous version kept, when the run adds nothing to it.
    if (target.inPlace && written.sheets.length === 0) return { file: output, warnings: [], written };
    const bytes = zip.changed() ? await zip.write(stamp) : original;
    await target.beforeWrite();
    await writeFileAtomically(output, bytes, target.mode);
    return { file: output, warnings: [], written };
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    failure = error;
  }
  // exceljs's rewrite is a whole, readable copy, but an .xlsx one, without macros, that Excel
  // would refuse under an .xlsm name.
  const workbook = await loadWorkbookFrom(original, file);
  const zip = new OfficePackage(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const written = writeProductSheets(zip, writes);
  if (target.inPlace && written.sheets.length === 0) return { file: output, warnings: [], written };
  const extension = path.extname(output);
  const copy = /^\.xlsx$/i.test(extension) ? output : `${output.slice(0, output.length - extension.length)}.xlsx`;
  const rewritten = await zip.write(stamp);
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
