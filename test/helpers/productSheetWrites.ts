// Writes into an exceljs workbook's package the way the run writes its copy (sheet XML, see
// sheetGraft.ts), and reads the package written back with exceljs.
import ExcelJS from "exceljs";
import { OfficePackage } from "../../src/workbook/opcPackage";
import { SheetGraft } from "../../src/workbook/sheetGraft";

export const STAMP = new Date("2026-06-30T12:00:00Z");

export async function packageOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function loadPackage(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return back;
}

/**
 * @param workbook - the workbook, or the bytes of its package
 * @param write - what to write into it
 * @returns what `write` returned, the package written and exceljs's reading of it
 */
export async function withWrites<T>(
  workbook: ExcelJS.Workbook | Uint8Array,
  write: (graft: SheetGraft) => T,
): Promise<{ result: T; bytes: Uint8Array; workbook: ExcelJS.Workbook }> {
  const zip = new OfficePackage(workbook instanceof Uint8Array ? workbook : await packageOf(workbook));
  const graft = new SheetGraft(zip);
  const result = write(graft);
  graft.finish();
  const bytes = await zip.write(STAMP);
  return { result, bytes, workbook: await loadPackage(bytes) };
}
