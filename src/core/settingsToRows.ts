import type { CellValue } from "./cellValue";
import { savedMappingRows } from "./columnMapping";
import { percentFromRateUnits } from "./rates";
import { SETTINGS_HEADER, type Settings } from "./settings";
import { SETTINGS, type Field } from "./settingsCatalog";
import { RATE_PARTS, rateDescription, rateKey } from "./settingsRateKeys";

function cellOf(field: Field, settings: Settings): CellValue {
  switch (field.kind) {
    case "days":
      return field.read(settings);
    case "yesNo":
      return field.read(settings) ? "oui" : "non";
    case "escalation":
      return field.read(settings) === "byAge" ? "par_anciennete" : "sequentielle";
    case "channel":
      return field.read(settings);
    case "text":
    case "email":
      return field.read(settings) ?? null;
    case "rate":
      return percentFromRateUnits(field.read(settings));
  }
}

/**
 * The rows of the settings sheet: the header Clé | Valeur | Description, one row per setting, then
 * three rows per half-year of the rates table (taux_bce_2025_S1, til_particulier_2025_S1,
 * til_autres_2025_S1, each a number in %). Days are numbers, yes/no settings "oui"/"non", an empty
 * text setting an empty cell.
 *
 * @param settings - the settings to store
 * @returns the rows, header first
 * @example
 * settingsToRows(DEFAULT_SETTINGS)[1] // ["grace_particulier", 14, "Délai de grâce pour un particulier : …"]
 */
export function settingsToRows(settings: Settings): CellValue[][] {
  const rows: CellValue[][] = [[...SETTINGS_HEADER]];
  for (const setting of SETTINGS) rows.push([setting.key, cellOf(setting.field, settings), setting.description]);
  rows.push(...savedMappingRows());
  for (const rates of settings.rates) {
    for (const part of RATE_PARTS) {
      rows.push([rateKey(part, rates.year, rates.half), percentFromRateUnits(rates[part]), rateDescription(part, rates.year, rates.half)]);
    }
  }
  return rows;
}
