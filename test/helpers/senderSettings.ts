// A complete sender for the workbooks tests write: a run refuses to send anything without one
// (SPEC section 5, exit 4).
import type ExcelJS from "exceljs";
import { DEFAULT_SETTINGS, SETTINGS_SHEET } from "../../src/core/settings";
import { SAMPLE_COMPANY } from "../../src/sample/sampleWorkbook";
import { writeSettingsSheet } from "../../src/workbook/settingsSheet";

/** The sample firm's letterhead, by key of the settings sheet. */
export const COMPLETE_SENDER: Readonly<Record<string, string>> = {
  societe_raison_sociale: SAMPLE_COMPANY.name!,
  societe_forme: SAMPLE_COMPANY.legalForm!,
  societe_capital: SAMPLE_COMPANY.shareCapital!,
  societe_adresse: SAMPLE_COMPANY.address!,
  societe_code_postal: SAMPLE_COMPANY.postcode!,
  societe_ville: SAMPLE_COMPANY.city!,
  societe_siren: SAMPLE_COMPANY.siren!,
  societe_siret: SAMPLE_COMPANY.siret!,
  societe_rcs: SAMPLE_COMPANY.rcsCity!,
  societe_tva: SAMPLE_COMPANY.vatNumber!,
  societe_iban: SAMPLE_COMPANY.iban!,
  societe_bic: SAMPLE_COMPANY.bic!,
  societe_email: SAMPLE_COMPANY.email!,
  societe_telephone: SAMPLE_COMPANY.phone!,
  signataire_nom: SAMPLE_COMPANY.signatoryName!,
  signataire_fonction: SAMPLE_COMPANY.signatoryTitle!,
};

/** Adds the settings sheet with the sample firm's complete letterhead to a workbook that has none. */
export function withCompleteSender(workbook: ExcelJS.Workbook): ExcelJS.Workbook {
  writeSettingsSheet(workbook, { ...DEFAULT_SETTINGS, company: SAMPLE_COMPANY });
  return workbook;
}

/**
 * Fills the settings sheet as a user would: types each value into column B of the row whose key
 * (column A) it is for.
 * @returns the keys filled
 */
export function fillSettings(workbook: ExcelJS.Workbook, values: Readonly<Record<string, string>> = COMPLETE_SENDER): string[] {
  const ws = workbook.getWorksheet(SETTINGS_SHEET);
  if (ws === undefined) throw new Error(`no sheet ${SETTINGS_SHEET}`);
  const filled: string[] = [];
  ws.eachRow((row) => {
    const key = row.getCell(1).value;
    if (typeof key === "string" && values[key] !== undefined) {
      row.getCell(2).value = values[key];
      filled.push(key);
    }
  });
  return filled;
}
