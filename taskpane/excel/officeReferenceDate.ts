// The reference date the live columns point at (RELANCES.JOURS.RETARD(…; RELANCES_DATE)): one cell
// of the settings sheet, named RELANCES_DATE, that the pane keeps current when it opens, so that
// no formula needs TODAY() (volatile: 100,000 cells recalculated on every edit).
import { dayFromIso, dayToExcelSerial } from "../../src/core/day";
import { SETTINGS_HEADER, SETTINGS_SHEET } from "../../src/core/settings";
import { REFERENCE_DATE_NAME } from "../../src/engine/liveColumns";
import { DATE_FORMAT } from "../../src/workbook/safeCell";

export { REFERENCE_DATE_NAME };
/** The label written left of a new reference-date cell. */
export const REFERENCE_DATE_LABEL = "Date de référence / Reference date";
/** The first column (0-based: E) a new reference-date label may take, right of Clé | Valeur | Description. */
const FIRST_FREE_COLUMN = 4;

/**
 * Writes the reference date into the cell named RELANCES_DATE. When the name is missing, the cell
 * is made on row 1 of the settings sheet (created with its header when missing), right of
 * everything there with one column left blank, its label beside it; nothing typed is written over.
 *
 * @param iso - the date, "2026-06-30"
 * @throws for a text that is no date
 * @example await setOfficeReferenceDate("2026-06-30");
 */
export async function setOfficeReferenceDate(iso: string): Promise<void> {
  const day = dayFromIso(iso);
  if (day === undefined) throw new Error(`Date de référence «${iso}» invalide / invalid reference date "${iso}"`);
  await Excel.run(async (context) => {
    const named = context.workbook.names.getItemOrNullObject(REFERENCE_DATE_NAME);
    named.load("isNullObject");
    const settings = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    settings.load("isNullObject");
    await context.sync();

    let cell: Excel.Range;
    if (!named.isNullObject) {
      cell = named.getRange().getCell(0, 0);
    } else {
      let sheet = settings;
      let firstFree = FIRST_FREE_COLUMN;
      if (settings.isNullObject) {
        sheet = context.workbook.worksheets.add(SETTINGS_SHEET);
        sheet.getRangeByIndexes(0, 0, 1, SETTINGS_HEADER.length).values = [[...SETTINGS_HEADER]];
      } else {
        const used = settings.getUsedRangeOrNullObject(true);
        used.load("isNullObject,columnIndex,columnCount");
        await context.sync();
        if (!used.isNullObject) firstFree = Math.max(FIRST_FREE_COLUMN, used.columnIndex + used.columnCount + 1);
      }
      sheet.getRangeByIndexes(0, firstFree, 1, 1).values = [[REFERENCE_DATE_LABEL]];
      cell = sheet.getRangeByIndexes(0, firstFree + 1, 1, 1);
      context.workbook.names.add(REFERENCE_DATE_NAME, cell, "Date de référence des colonnes Relances / Reference date of the Relances columns");
    }
    cell.values = [[dayToExcelSerial(day)]];
    cell.numberFormat = [[DATE_FORMAT]];
    await context.sync();
  });
}
