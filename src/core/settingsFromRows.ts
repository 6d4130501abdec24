import { cellText, isBlank, type CellValue } from "./cellValue";
import { isSavedMappingKey } from "./columnMapping";
import { normalizeText } from "./normalizeText";
import { DEFAULT_RATES, halfYearLabel, withHalfYear, type HalfYearRates, type RateUnits, type RatesTable } from "./rates";
import { DEFAULT_POLICY } from "./reminderPolicy";
import { DEFAULT_SETTINGS, HEADER_KEY, HEADER_VALUE, SETTINGS_SHEET, type Settings, type SettingsProblem } from "./settings";
import { keyOf } from "./settingKey";
import { draftOf, SETTING_BY_KEY, settingsOf } from "./settingsCatalog";
import { PART_BY_PREFIX, RATE_KEY, RATE_PARTS, rateKey, type RatePart } from "./settingsRateKeys";
import { parseRate, writeField } from "./settingValues";

interface RateRows {
  readonly year: number;
  readonly half: 1 | 2;
  readonly firstRow: number;
  readonly parts: Partial<Record<RatePart, RateUnits>>;
}

/**
 * Reads the settings sheet's rows. Keys match case-, accent- and punctuation-insensitively
 * ("Délai relance 2" is delai_relance_2); a key left out keeps its default; the rates of the
 * sheet correct or extend the shipped table (a half-year is added only when its three rates are
 * given). Never fails: an unknown key, a duplicate key (the later row wins) and a bad value (which
 * keeps the default) are problems, located by row.
 *
 * @param rows - the sheet's cells, rows[0] being row 1; the first non-blank row may be the header
 *   (Clé | Valeur | Description), otherwise keys are in column A and values in column B
 * @returns the settings and the problems
 * @example
 * settingsFromRows([["Clé", "Valeur"], ["delai_relance_2", "dix"]]).problems[0].message
 * // "Paramètres Relances ligne 2 : delai_relance_2 «dix» n'est pas un nombre de jours"
 */
export function settingsFromRows(rows: readonly (readonly CellValue[])[]): {
  settings: Settings;
  problems: SettingsProblem[];
} {
  const draft = draftOf(DEFAULT_SETTINGS);
  const problems: SettingsProblem[] = [];
  let keyColumn = 0;
  let valueColumn = 1;
  let start = rows.findIndex((cells) => !cells.every(isBlank));
  if (start >= 0) {
    const header = rows[start]!.map((cell) => (typeof cell === "string" ? normalizeText(cell) : ""));
    const k = header.findIndex((word) => HEADER_KEY.has(word));
    const v = header.findIndex((word) => HEADER_VALUE.has(word));
    if (k >= 0 || v >= 0) {
      keyColumn = k >= 0 ? k : 0;
      valueColumn = v >= 0 ? v : keyColumn + 1;
      start += 1;
    }
  } else {
    start = rows.length;
  }

  const seen = new Map<string, number>();
  const rateRows = new Map<string, RateRows>();
  let courtesyRow: { row: number; key: string } | undefined;
  for (let index = start; index < rows.length; index++) {
    const cells = rows[index]!;
    const row = index + 1;
    const keyCell = cells[keyColumn] ?? null;
    const value = cells[valueColumn] ?? null;
    const key = cellText(keyCell);
    const report = (message: string): void => {
      problems.push({ row, key, value: cellText(value), message: `${SETTINGS_SHEET} ligne ${row} : ${message}` });
    };
    if (key === "") {
      if (!isBlank(value)) report(`valeur «${cellText(value)}» sans clé, ligne ignorée`);
      continue;
    }
    const normalised = keyOf(key);
    const earlier = seen.get(normalised);
    if (earlier !== undefined) report(`${key} déjà donnée ligne ${earlier} : cette ligne-ci l'emporte`);
    seen.set(normalised, row);

    // The saved column mapping is read by savedMappingFromRows.
    if (isSavedMappingKey(normalised)) continue;
    const setting = SETTING_BY_KEY.get(normalised);
    if (setting !== undefined) {
      const { field } = setting;
      if (isBlank(value) && field.kind !== "text" && field.kind !== "email") {
        report(`${key} sans valeur : la valeur par défaut est retenue`);
        continue;
      }
      const parsed = writeField(field, draft, value);
      if (!parsed.ok) report(`${key} ${parsed.message}`);
      else if (normalised.startsWith("preventive_jours_avant")) courtesyRow = { row, key };
      continue;
    }

    const rate = RATE_KEY.exec(normalised);
    if (rate !== null) {
      const part = PART_BY_PREFIX.get(rate[1]!)!;
      const year = Number(rate[2]);
      const half = rate[3] === "1" ? 1 : 2;
      if (isBlank(value)) {
        report(`${key} sans valeur : la valeur par défaut est retenue`);
        continue;
      }
      const parsed = parseRate(value);
      if (!parsed.ok) {
        report(`${key} ${parsed.message}`);
        continue;
      }
      const id = `${year}-${half}`;
      const entry = rateRows.get(id) ?? { year, half, firstRow: row, parts: {} };
      entry.parts[part] = parsed.value;
      rateRows.set(id, entry);
      continue;
    }
    report(`clé «${key}» inconnue, ligne ignorée`);
  }

  if (draft.policy.courtesyDaysBeforeMin > draft.policy.courtesyDaysBeforeMax) {
    const { row, key } = courtesyRow ?? { row: 0, key: "preventive_jours_avant_min" };
    problems.push({
      row,
      key,
      value: "",
      message:
        `${SETTINGS_SHEET} ligne ${row} : preventive_jours_avant_min (${draft.policy.courtesyDaysBeforeMin}) dépasse ` +
        `preventive_jours_avant_max (${draft.policy.courtesyDaysBeforeMax}) : les valeurs par défaut sont retenues`,
    });
    draft.policy.courtesyDaysBeforeMin = DEFAULT_POLICY.courtesyDaysBeforeMin;
    draft.policy.courtesyDaysBeforeMax = DEFAULT_POLICY.courtesyDaysBeforeMax;
  }

  let rates: RatesTable = DEFAULT_RATES;
  for (const { year, half, firstRow, parts } of rateRows.values()) {
    const shipped = rates.find((entry) => entry.year === year && entry.half === half);
    const complete: Partial<Record<RatePart, RateUnits>> = { ...shipped, ...parts };
    const missing = RATE_PARTS.filter((part) => complete[part] === undefined);
    if (missing.length > 0) {
      for (const part of missing) {
        const key = rateKey(part, year, half);
        problems.push({
          row: firstRow,
          key,
          value: "",
          message: `${SETTINGS_SHEET} ligne ${firstRow} : ${key} manque, le ${halfYearLabel(year, half)} est ignoré`,
        });
      }
      continue;
    }
    const entry: HalfYearRates = { year, half, ecb: complete.ecb!, tilP: complete.tilP!, tilA: complete.tilA! };
    rates = withHalfYear(rates, entry);
  }

  return { settings: settingsOf(draft, rates), problems };
}
