/**
 * The settings of a workbook (SPEC sections 5 and 7): every number and word of the policy, the
 * rates table, the letterhead and the sender mailbox, stored as rows Clé | Valeur | Description of
 * the sheet "Paramètres Relances", so that co-authors, the task pane and the command line decide
 * alike. The sheet is the user's once written: reading it never fails, a bad value keeps its default
 * and is reported with its row. This module holds what settings are; the catalog of keys
 * (settingsCatalog), reading rows (settingsFromRows) and writing them (settingsToRows) are beside it.
 */
import { DEFAULT_RATES, type RatesTable } from "./rates";
import { DEFAULT_POLICY, type ReminderPolicy } from "./reminderPolicy";

/** The settings sheet. */
export const SETTINGS_SHEET = "Paramètres Relances";
export const SETTINGS_HEADER = ["Clé", "Valeur", "Description"] as const;
/** The words (normalised) of the header cells over the keys and over the values. */
export const HEADER_KEY: ReadonlySet<string> = new Set(["cle", "cles", "key", "parametre", "setting"]);
export const HEADER_VALUE: ReadonlySet<string> = new Set(["valeur", "value"]);

/** The letterhead's mentions (DOMAIN.md section 5) and the company's contact details. */
export interface CompanyDetails {
  /** Raison sociale. */
  readonly name?: string | undefined;
  /** Forme juridique: SARL, SAS... */
  readonly legalForm?: string | undefined;
  /** Capital social, as it is printed ("10 000 €"). */
  readonly shareCapital?: string | undefined;
  /** Registered office. */
  readonly address?: string | undefined;
  readonly postcode?: string | undefined;
  readonly city?: string | undefined;
  readonly siren?: string | undefined;
  readonly siret?: string | undefined;
  /** The city of the RCS registration ("RCS Lyon"). */
  readonly rcsCity?: string | undefined;
  /** Intra-community VAT number. */
  readonly vatNumber?: string | undefined;
  readonly iban?: string | undefined;
  readonly bic?: string | undefined;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  /** Who signs the letters (DOMAIN section 4: a formal notice is signed by a named person with authority). */
  readonly signatoryName?: string | undefined;
  /** The signatory's title, as printed under the name (« Gérant »). */
  readonly signatoryTitle?: string | undefined;
}

export interface Settings {
  readonly policy: ReminderPolicy;
  readonly rates: RatesTable;
  readonly company: CompanyDetails;
  /** Late interest split by half-year, each part at its own rate (DOMAIN.md section 2). */
  readonly splitByHalfYear: boolean;
  /** The payment deadline the formal notice gives, in days. */
  readonly formalNoticeDeadlineDays: number;
  /** The post's usual delay for a registered letter, in days: a deadline given as a date leaves the full delay after it. */
  readonly registeredMailDays: number;
  /** The shared mailbox reminders are sent from (Graph); absent: the user's own. */
  readonly senderMailbox?: string | undefined;
  /** The first day of the fiscal year, as typed (« 01/07 »), for the report's share of the year's sales; absent: the calendar year. */
  readonly fiscalYearStart?: string | undefined;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  policy: DEFAULT_POLICY,
  rates: DEFAULT_RATES,
  company: Object.freeze({}),
  splitByHalfYear: true,
  formalNoticeDeadlineDays: 8,
  // La Poste delivers a lettre recommandée in three working days (J+3).
  registeredMailDays: 3,
});

/** A row of the settings sheet that was not used as it stands, and why, in French. */
export interface SettingsProblem {
  readonly row: number;
  readonly key: string;
  readonly value: string;
  readonly message: string;
}

/** The most days a delay may be: ten years. More is a typo. */
export const MAX_SETTING_DAYS = 3650;
