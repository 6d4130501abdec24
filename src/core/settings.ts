/**
 * The settings of a workbook (SPEC sections 5 and 7): every number and word of the policy, the
 * rates table, the letterhead and the sender mailbox, stored as rows Clé | Valeur | Description of
 * the sheet "Paramètres Relances", so that co-authors, the task pane and the command line decide
 * alike. The sheet is the user's once written: reading it never fails, a bad value keeps its default
 * and is reported with its row.
 */
import type { CellValue } from "./cellValue";
import type { CustomerType } from "./customerType";
import { isSavedMappingKey, savedMappingRows } from "./columnMapping";
import { parseChannel } from "./journal";
import { normalizeText } from "./normalizeText";
import {
  DEFAULT_RATES,
  halfYearLabel,
  percentFromRateUnits,
  rateUnitsFromPercent,
  withHalfYear,
  type HalfYearRates,
  type RateUnits,
  type RatesTable,
} from "./rates";
import type { ReminderLevel } from "./reminderLevel";
import { DEFAULT_POLICY, type Channel, type ReminderPolicy } from "./reminderPolicy";

/** The settings sheet. */
export const SETTINGS_SHEET = "Paramètres Relances";
export const SETTINGS_HEADER = ["Clé", "Valeur", "Description"] as const;

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
/** Rates outside this range (in %) are typos. */
const MIN_RATE_PERCENT = -10;
const MAX_RATE_PERCENT = 100;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Draft {
  policy: Mutable<Omit<ReminderPolicy, "graceDays" | "channels">>;
  graceDays: Record<CustomerType, number>;
  channels: Record<ReminderLevel, Channel>;
  company: Mutable<CompanyDetails>;
  splitByHalfYear: boolean;
  formalNoticeDeadlineDays: number;
  registeredMailDays: number;
  senderMailbox: string | undefined;
}

type Field =
  | { readonly kind: "days"; read(s: Settings): number; write(d: Draft, v: number): void }
  | { readonly kind: "yesNo"; read(s: Settings): boolean; write(d: Draft, v: boolean): void }
  | {
      readonly kind: "escalation";
      read(s: Settings): ReminderPolicy["escalation"];
      write(d: Draft, v: ReminderPolicy["escalation"]): void;
    }
  | { readonly kind: "channel"; read(s: Settings): Channel; write(d: Draft, v: Channel): void }
  | { readonly kind: "rate"; read(s: Settings): RateUnits; write(d: Draft, v: RateUnits): void }
  | {
      readonly kind: "text" | "email";
      read(s: Settings): string | undefined;
      write(d: Draft, v: string | undefined): void;
    };

interface Setting {
  readonly key: string;
  readonly description: string;
  readonly field: Field;
}

const TYPE_NAMES: Readonly<Record<CustomerType, readonly [string, string]>> = {
  particulier: ["un particulier", "an individual"],
  professionnel: ["un professionnel", "a business"],
  architecte: ["un architecte", "an architect"],
  promoteur: ["un promoteur", "a property developer"],
  collectivite: ["une collectivité", "a public body"],
};

const LEVEL_NAMES: Readonly<Record<ReminderLevel, readonly [string, string]>> = {
  0: ["de la relance préventive", "of the courtesy reminder"],
  1: ["de la relance 1", "of reminder 1"],
  2: ["de la relance 2", "of reminder 2"],
  3: ["de la mise en demeure", "of the formal notice"],
  4: ["de l'injonction de payer", "of the payment order"],
};

function days(key: string, description: string, read: (s: Settings) => number, write: (d: Draft, v: number) => void): Setting {
  return { key, description, field: { kind: "days", read, write } };
}

function policyDays(
  key: string,
  description: string,
  name: "courtesyDaysBeforeMax" | "courtesyDaysBeforeMin" | "reminder2AfterDays" | "formalNoticeAfterDays" | "formalNoticeMinDaysLate" | "injunctionAfterDays",
): Setting {
  return days(key, description, (s) => s.policy[name], (d, v) => {
    d.policy[name] = v;
  });
}

function companyText(key: string, description: string, name: keyof CompanyDetails, kind: "text" | "email" = "text"): Setting {
  return {
    key,
    description,
    field: {
      kind,
      read: (s) => s.company[name],
      write: (d, v) => {
        d.company[name] = v;
      },
    },
  };
}

const CUSTOMER_TYPES: readonly CustomerType[] = ["particulier", "professionnel", "architecte", "promoteur", "collectivite"];
const LEVELS: readonly ReminderLevel[] = [0, 1, 2, 3, 4];

/** Every setting but the rates, in the order of the sheet. */
const SETTINGS: readonly Setting[] = [
  ...CUSTOMER_TYPES.map((type) =>
    days(
      `grace_${type}`,
      `Délai de grâce pour ${TYPE_NAMES[type][0]} : jours de retard avant la relance 1 / Grace for ${TYPE_NAMES[type][1]}: days late before reminder 1`,
      (s) => s.policy.graceDays[type],
      (d, v) => {
        d.graceDays[type] = v;
      },
    ),
  ),
  policyDays(
    "preventive_jours_avant_max",
    "Relance préventive au plus tôt, en jours avant l'échéance / Courtesy reminder at the earliest, in days before the due date",
    "courtesyDaysBeforeMax",
  ),
  policyDays(
    "preventive_jours_avant_min",
    "Relance préventive au plus tard, en jours avant l'échéance / Courtesy reminder at the latest, in days before the due date",
    "courtesyDaysBeforeMin",
  ),
  policyDays(
    "delai_relance_2",
    "Jours après la relance 1 avant la relance 2 / Days after reminder 1 before reminder 2",
    "reminder2AfterDays",
  ),
  policyDays(
    "delai_mise_en_demeure",
    "Jours après la relance 2 avant la mise en demeure / Days after reminder 2 before the formal notice",
    "formalNoticeAfterDays",
  ),
  policyDays(
    "retard_min_mise_en_demeure",
    "Jours de retard au moins avant une mise en demeure / Days late at least before a formal notice",
    "formalNoticeMinDaysLate",
  ),
  policyDays(
    "delai_injonction",
    "Jours après la mise en demeure avant l'injonction de payer / Days after the formal notice before the payment order",
    "injunctionAfterDays",
  ),
  {
    key: "attente_pv_reception",
    description:
      "oui : architectes, promoteurs et collectivités relancés seulement après le PV de réception / yes: architects, developers and public bodies reminded only after the acceptance report",
    field: {
      kind: "yesNo",
      read: (s) => s.policy.waitForAcceptanceReport,
      write: (d, v) => {
        d.policy.waitForAcceptanceReport = v;
      },
    },
  },
  {
    key: "escalade",
    description:
      "sequentielle : un niveau à la fois ; par_anciennete : le niveau que le retard a atteint / sequentielle: one level at a time; par_anciennete: the level the days late have reached",
    field: {
      kind: "escalation",
      read: (s) => s.policy.escalation,
      write: (d, v) => {
        d.policy.escalation = v;
      },
    },
  },
  ...LEVELS.map(
    (level): Setting => ({
      key: `canal_${level}`,
      description: `Canal ${LEVEL_NAMES[level][0]} : email, courrier, recommandé, téléphone ou autre / Channel ${LEVEL_NAMES[level][1]}`,
      field: {
        kind: "channel",
        read: (s) => s.policy.channels[level],
        write: (d, v) => {
          d.channels[level] = v;
        },
      },
    }),
  ),
  days(
    "delai_mise_en_demeure_paiement",
    "Délai de paiement donné par la mise en demeure, en jours / Payment deadline given by the formal notice, in days",
    (s) => s.formalNoticeDeadlineDays,
    (d, v) => {
      d.formalNoticeDeadlineDays = v;
    },
  ),
  days(
    "delai_acheminement_recommande",
    "Délai habituel d'acheminement d'une lettre recommandée, en jours : une date limite laisse le délai de paiement entier après la réception / Usual delivery time of a registered letter, in days: a deadline given as a date leaves the full period after receipt",
    (s) => s.registeredMailDays,
    (d, v) => {
      d.registeredMailDays = v;
    },
  ),
  {
    key: "marge_bce_acheteur_public",
    description:
      "Points ajoutés au taux BCE pour les intérêts moratoires d'un acheteur public (art. R2192-31 du Code de la commande publique : 8) / Points over the ECB rate of a public buyer's late-payment interest",
    field: {
      kind: "rate",
      read: (s) => s.policy.publicBuyerMargin,
      write: (d, v) => {
        d.policy.publicBuyerMargin = v;
      },
    },
  },
  {
    key: "penalites_par_semestre",
    description:
      "oui : un retard à cheval sur le 1er janvier ou le 1er juillet est calculé par semestre, chacun à son taux / yes: a delay across 1 January or 1 July is split by half-year, each at its own rate",
    field: {
      kind: "yesNo",
      read: (s) => s.splitByHalfYear,
      write: (d, v) => {
        d.splitByHalfYear = v;
      },
    },
  },
  companyText("societe_raison_sociale", "Raison sociale (en-tête des lettres) / Company name (letterhead)", "name"),
  companyText("societe_forme", "Forme juridique : SARL, SAS... / Legal form", "legalForm"),
  companyText("societe_capital", "Capital social, tel qu'imprimé (10 000 €) / Share capital, as printed", "shareCapital"),
  companyText("societe_adresse", "Adresse du siège social / Registered office address", "address"),
  companyText("societe_code_postal", "Code postal du siège / Postcode", "postcode"),
  companyText("societe_ville", "Ville du siège / City", "city"),
  companyText("societe_siren", "SIREN (9 chiffres) / SIREN number", "siren"),
  companyText("societe_siret", "SIRET (14 chiffres) / SIRET number", "siret"),
  companyText("societe_rcs", "Ville d'immatriculation au RCS (RCS Lyon : Lyon) / Trade register city", "rcsCity"),
  companyText("societe_tva", "N° de TVA intracommunautaire / EU VAT number", "vatNumber"),
  companyText("societe_iban", "IBAN (paiements) / IBAN for payments", "iban"),
  companyText("societe_bic", "BIC / BIC", "bic"),
  companyText("societe_email", "E-mail de la société (réponses aux relances) / Company email (replies)", "email", "email"),
  companyText("societe_telephone", "Téléphone de la société / Company phone", "phone"),
  companyText(
    "signataire_nom",
    "Nom du signataire des courriers, personne habilitée (obligatoire pour la mise en demeure) / Name of the person signing the letters (required for the formal notice)",
    "signatoryName",
  ),
  companyText(
    "signataire_fonction",
    "Fonction du signataire, imprimée sous son nom (Gérant) / Title of the signatory, printed under the name",
    "signatoryTitle",
  ),
  {
    key: "boite_expedition",
    description:
      "Boîte aux lettres d'envoi des e-mails (Microsoft 365) ; vide : la vôtre / Mailbox the emails are sent from (Microsoft 365); empty: yours",
    field: {
      kind: "email",
      read: (s) => s.senderMailbox,
      write: (d, v) => {
        d.senderMailbox = v;
      },
    },
  },
];

/** The sheet key of a setting, compared case-, accent- and punctuation-insensitively. */
export function keyOf(text: string): string {
  return normalizeText(text).replace(/ /g, "_");
}

const SETTING_BY_KEY: ReadonlyMap<string, Setting> = new Map(SETTINGS.map((setting) => [keyOf(setting.key), setting]));

/**
 * Whether a key names a text setting (the letterhead, the mailbox), whose cell the sheet keeps as
 * text so that a SIREN or a phone number typed into it keeps its leading zeros.
 *
 * @param key - a key of the settings sheet
 * @returns true for societe_siren, false for delai_relance_2 and for unknown keys
 * @example
 * isTextSetting("societe_telephone") // true
 */
export function isTextSetting(key: string): boolean {
  const kind = SETTING_BY_KEY.get(keyOf(key))?.field.kind;
  return kind === "text" || kind === "email" || isSavedMappingKey(key);
}

// The rates are three rows per half-year, each a plain number in %: a person adds a half-year by
// copying three rows, Excel checks and formats each number in the user's locale, and a typo is
// reported at its own cell.
type RatePart = "ecb" | "tilP" | "tilA";
const RATE_PARTS: readonly RatePart[] = ["ecb", "tilP", "tilA"];
const RATE_PREFIX: Readonly<Record<RatePart, string>> = { ecb: "taux_bce", tilP: "til_particulier", tilA: "til_autres" };
const RATE_KEY = /^(taux_bce|til_particulier|til_autres)_(\d{4})_s([12])$/;
const PART_BY_PREFIX = new Map<string, RatePart>(RATE_PARTS.map((part) => [RATE_PREFIX[part], part]));

/**
 * The key of one rate of a half-year in the settings sheet.
 *
 * @param part - "ecb" (taux BCE), "tilP" (intérêt légal, créancier particulier) or "tilA" (autres cas)
 * @param year - the year
 * @param half - 1 or 2
 * @returns "taux_bce_2026_S2", "til_particulier_2026_S2" or "til_autres_2026_S2"
 * @example
 * rateKey("ecb", 2026, 2) // "taux_bce_2026_S2"
 */
export function rateKey(part: RatePart, year: number, half: 1 | 2): string {
  return `${RATE_PREFIX[part]}_${year}_S${half}`;
}

function rateDescription(part: RatePart, year: number, half: 1 | 2): string {
  const fr = halfYearLabel(year, half);
  const en = `H${half} ${year}`;
  switch (part) {
    case "ecb": {
      const [onFr, onEn] = half === 1 ? ["1er janvier", "1 January"] : ["1er juillet", "1 July"];
      return `Taux BCE (refinancement principal) au ${onFr} ${year}, en % / ECB main refinancing rate on ${onEn} ${year}, in %`;
    }
    case "tilP":
      return `Taux de l'intérêt légal, créancier particulier, ${fr}, en % / Statutory interest rate, creditor an individual, ${en}, in %`;
    case "tilA":
      return `Taux de l'intérêt légal, autres cas, ${fr}, en % / Statutory interest rate, other cases, ${en}, in %`;
  }
}

const YES = ["oui", "o", "yes", "y", "vrai", "true", "x", "1"];
const NO = ["non", "n", "no", "faux", "false", "0"];
const SEQUENTIAL = ["sequentielle", "sequentiel", "sequential", "un niveau a la fois"];
const BY_AGE = ["par anciennete", "anciennete", "par age", "by age", "byage", "age"];

function shown(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  return typeof value === "string" ? value.trim() : String(value);
}

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parseDays(value: CellValue): Parsed<number> {
  const text = shown(value);
  let n: number | undefined;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const m = /^(\d+) ?(?:j|jours?|d|days?)?$/.exec(normalizeText(text));
    if (m !== null && !/^-/.test(text)) n = Number(m[1]);
  }
  if (n === undefined || !Number.isInteger(n) || n < 0) return { ok: false, message: `«${text}» n'est pas un nombre de jours` };
  if (n > MAX_SETTING_DAYS) return { ok: false, message: `«${text}» n'est pas un nombre de jours entre 0 et ${MAX_SETTING_DAYS}` };
  return { ok: true, value: n };
}

function parseWord<T>(value: CellValue, choices: ReadonlyArray<readonly [readonly string[], T]>, expected: string): Parsed<T> {
  if (value !== null) {
    // Excel's VRAI/FAUX and 1/0 cells read as "true"/"false" and "1"/"0".
    const word = typeof value === "string" ? normalizeText(value) : String(value);
    for (const [words, result] of choices) if (words.includes(word)) return { ok: true, value: result };
  }
  return { ok: false, message: `«${shown(value)}» : écrivez ${expected}` };
}

function parseText(value: CellValue, kind: "text" | "email"): Parsed<string | undefined> {
  if (typeof value === "boolean") return { ok: false, message: `«${shown(value)}» n'est pas un texte` };
  const text = shown(value);
  if (text === "") return { ok: true, value: undefined };
  if (kind === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    return { ok: false, message: `«${text}» n'est pas une adresse e-mail` };
  }
  return { ok: true, value: text };
}

function parseRate(value: CellValue): Parsed<RateUnits> {
  let percent: number | undefined;
  if (typeof value === "number") percent = value;
  else if (typeof value === "string") {
    const text = value.replace(/[\s\u00a0\u202f%]/g, "").replace(",", ".");
    if (/^[-+]?\d+(\.\d+)?$/.test(text)) percent = Number(text);
  }
  if (percent === undefined || !Number.isFinite(percent) || percent < MIN_RATE_PERCENT || percent > MAX_RATE_PERCENT) {
    return { ok: false, message: `«${shown(value)}» n'est pas un taux en %` };
  }
  return { ok: true, value: rateUnitsFromPercent(percent) };
}

function writeField(field: Field, draft: Draft, value: CellValue): Parsed<unknown> {
  switch (field.kind) {
    case "days": {
      const parsed = parseDays(value);
      if (parsed.ok) field.write(draft, parsed.value);
      return parsed;
    }
    case "yesNo": {
      const parsed = parseWord(value, [[YES, true], [NO, false]], "oui ou non");
      if (parsed.ok) field.write(draft, parsed.value);
      return parsed;
    }
    case "escalation": {
      const parsed = parseWord<ReminderPolicy["escalation"]>(
        value,
        [[SEQUENTIAL, "sequential"], [BY_AGE, "byAge"]],
        "sequentielle ou par_anciennete",
      );
      if (parsed.ok) field.write(draft, parsed.value);
      return parsed;
    }
    case "channel": {
      const channel = parseChannel(value);
      if (channel === undefined) {
        return { ok: false, message: `«${shown(value)}» n'est pas un canal : email, courrier, recommandé, téléphone ou autre` };
      }
      field.write(draft, channel);
      return { ok: true, value: channel };
    }
    case "text":
    case "email": {
      const parsed = parseText(value, field.kind);
      if (parsed.ok) field.write(draft, parsed.value);
      return parsed;
    }
    case "rate": {
      const parsed = parseRate(value);
      if (parsed.ok) field.write(draft, parsed.value);
      return parsed;
    }
  }
}

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

function draftOf(settings: Settings): Draft {
  const { graceDays, channels, ...policy } = settings.policy;
  return {
    policy: { ...policy },
    graceDays: { ...graceDays },
    channels: { ...channels },
    company: { ...settings.company },
    splitByHalfYear: settings.splitByHalfYear,
    formalNoticeDeadlineDays: settings.formalNoticeDeadlineDays,
    registeredMailDays: settings.registeredMailDays,
    senderMailbox: settings.senderMailbox,
  };
}

/** The words (normalised) of the header cells over the keys and over the values. */
export const HEADER_KEY: ReadonlySet<string> = new Set(["cle", "cles", "key", "parametre", "setting"]);
export const HEADER_VALUE: ReadonlySet<string> = new Set(["valeur", "value"]);

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
  let start = rows.findIndex((cells) => !cells.every(isEmpty));
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
    const key = shown(keyCell);
    const report = (message: string): void => {
      problems.push({ row, key, value: shown(value), message: `${SETTINGS_SHEET} ligne ${row} : ${message}` });
    };
    if (key === "") {
      if (!isEmpty(value)) report(`valeur «${shown(value)}» sans clé, ligne ignorée`);
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
      if (isEmpty(value) && field.kind !== "text" && field.kind !== "email") {
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
      if (isEmpty(value)) {
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

function settingsOf(draft: Draft, rates: RatesTable): Settings {
  const company: Mutable<CompanyDetails> = {};
  for (const [name, value] of Object.entries(draft.company) as [keyof CompanyDetails, string | undefined][]) {
    if (value !== undefined) company[name] = value;
  }
  const settings: Mutable<Settings> = {
    policy: Object.freeze({
      ...draft.policy,
      graceDays: Object.freeze({ ...draft.graceDays }),
      channels: Object.freeze({ ...draft.channels }),
    }),
    rates,
    company: Object.freeze(company),
    splitByHalfYear: draft.splitByHalfYear,
    formalNoticeDeadlineDays: draft.formalNoticeDeadlineDays,
    registeredMailDays: draft.registeredMailDays,
  };
  if (draft.senderMailbox !== undefined) settings.senderMailbox = draft.senderMailbox;
  return Object.freeze(settings);
}
