// The run's copy of the workbook: the user's package with the product's sheets (journal, stage
// sheets, settings) written into it. The input file is never written here.
import path from "node:path";
import ExcelJS from "exceljs";
import { dayToIso, type Day } from "../core/day";
import { JOURNAL_SHEET, type JournalEntry } from "../core/journalEntry";
import type { Plan } from "../core/plan";
import { SETTINGS_SHEET, type Settings } from "../core/settings";
import { writeFileAtomically } from "../writeFileAtomically";
import { appendJournal, restoreTableHeaderRows } from "./journalSheet";
import { PackageError } from "./opcPackage";
import { isProductSheet } from "../engine/sheetNames";
import { findWorksheet, UnreadableWorkbookError } from "./readTrackingWorkbook";
import { writeSettingsSheet } from "./settingsSheet";
import { graftSheets, sheetsOnly } from "./sheetGraft";
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

/** What a run writes into the product's sheets of a loaded workbook. */
export interface ProductSheetsWritten {
  readonly journalLines: number;
  readonly stageRows: ReadonlyMap<string, number>;
  /** The sheets written to, by their names in the workbook. */
  readonly sheets: readonly string[];
}

export function writeProductSheets(workbook: ExcelJS.Workbook, fresh: readonly JournalEntry[], plan: Plan, settings: Settings): ProductSheetsWritten {
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
export async function writeRunCopy(
  original: Uint8Array,
  file: string,
  target: { readonly output: string; readonly inPlace: boolean; readonly mode?: number | undefined; beforeWrite(): Promise<void> },
  asOf: Day,
  write: (workbook: ExcelJS.Workbook) => ProductSheetsWritten,
): Promise<{ file: string; warnings: string[]; written: ProductSheetsWritten }> {
  const { output } = target;
  let failure: PackageError;
  try {
    const workbook = await loadWorkbookFrom(sheetsOnly(original, isProductSheet), file);
    const written = write(workbook);
    // The input itself is left as it is, and no previous version kept, when the run adds nothing to it.
    if (target.inPlace && written.sheets.length === 0) return { file: output, warnings: [], written };
    const rewritten = new Uint8Array(await workbook.xlsx.writeBuffer());
    const grafted = graftSheets(original, rewritten, written.sheets, new Date(`${dayToIso(asOf)}T12:00:00Z`));
    await target.beforeWrite();
    await writeFileAtomically(output, grafted, target.mode);
    return { file: output, warnings: [], written };
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    failure = error;
  }
  // exceljs's rewrite is a whole, readable copy, but an .xlsx one, without macros, that Excel
  // would refuse under an .xlsm name.
  const workbook = await loadWorkbookFrom(original, file);
  const written = write(workbook);
  if (target.inPlace && written.sheets.length === 0) return { file: output, warnings: [], written };
  const extension = path.extname(output);
  const copy = /^\.xlsx$/i.test(extension) ? output : `${output.slice(0, output.length - extension.length)}.xlsx`;
  const rewritten = new Uint8Array(await workbook.xlsx.writeBuffer());
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
