/**
 * The catalog of settings: every key of the settings sheet but the rates, its description, and
 * how it reads from and writes to the settings (a draft while a sheet is read).
 */
import { isSavedMappingKey } from "./columnMapping";
import type { CustomerType } from "./customerType";
import type { RateUnits, RatesTable } from "./rates";
import type { ReminderLevel } from "./reminderLevel";
import type { Channel, ReminderPolicy } from "./reminderPolicy";
import type { CompanyDetails, Settings } from "./settings";
import { keyOf } from "./settingKey";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface Draft {
  policy: Mutable<Omit<ReminderPolicy, "graceDays" | "channels">>;
  graceDays: Record<CustomerType, number>;
  channels: Record<ReminderLevel, Channel>;
  company: Mutable<CompanyDetails>;
  splitByHalfYear: boolean;
  formalNoticeDeadlineDays: number;
  registeredMailDays: number;
  senderMailbox: string | undefined;
  fiscalYearStart: string | undefined;
}

export type Field =
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

export interface Setting {
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
  name:
    | "courtesyDaysBeforeMax"
    | "courtesyDaysBeforeMin"
    | "reminder2AfterDays"
    | "formalNoticeAfterDays"
    | "formalNoticeMinDaysLate"
    | "injunctionAfterDays"
    | "paymentMatchingDays",
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
export const SETTINGS: readonly Setting[] = [
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
  policyDays(
    "delai_rapprochement_paiement",
    "« Déjà payé » : jours après la date de paiement annoncée pendant lesquels la facture attend le rapprochement (le paiement saisi dans le suivi la solde) ; ensuite elle est relancée, signalée « paiement annoncé non reçu » / « Already paid »: days after the announced payment date the invoice waits to be matched (the payment entered in the tracking sheet settles it); then it is reminded again, flagged « announced payment not received »",
    "paymentMatchingDays",
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
  {
    key: "debut_exercice",
    description:
      "Premier jour de l'exercice, pour le tableau des délais de paiement du rapport (01.07 ou 1er juillet) ; vide : l'année civile / First day of the fiscal year, for the report's payment-delay table (01.07 or 1 July); empty: the calendar year",
    field: {
      kind: "text",
      read: (s) => s.fiscalYearStart,
      write: (d, v) => {
        d.fiscalYearStart = v;
      },
    },
  },
];

export const SETTING_BY_KEY: ReadonlyMap<string, Setting> = new Map(SETTINGS.map((setting) => [keyOf(setting.key), setting]));

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

/** A mutable copy of settings, that the rows of a sheet correct one by one. */
export function draftOf(settings: Settings): Draft {
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
    fiscalYearStart: settings.fiscalYearStart,
  };
}

/** The frozen settings of a draft and a rates table. */
export function settingsOf(draft: Draft, rates: RatesTable): Settings {
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
  if (draft.fiscalYearStart !== undefined) settings.fiscalYearStart = draft.fiscalYearStart;
  return Object.freeze(settings);
}
