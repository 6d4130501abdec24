/**
 * The sender check (SPEC section 5): before anything goes out, the settings must hold what the
 * plan's documents print about the company. A letter, an e-mail or a statement without them would
 * go out From a placeholder, without the mentions the law asks for, or asking to pay without saying
 * where.
 */
import type { Plan } from "./plan";
import { reminderLevelLabel, type ReminderLevel } from "./reminderLevel";
import type { Channel } from "./reminderPolicy";
import { SETTINGS_SHEET, type CompanyDetails, type Settings } from "./settings";

/** What the check needs of an action: its level and the channel it goes by. */
export interface SenderAction {
  readonly level: ReminderLevel;
  readonly channel: Channel;
}

/** The documents of one kind that need a setting: those of one level going by one channel. */
export interface SenderDocuments {
  readonly level: ReminderLevel;
  readonly channel: Channel;
  /** How many of them the plan makes (one per customer). */
  readonly count: number;
}

/** A setting the plan's documents need and the settings lack. */
export interface MissingSetting {
  /** Its key as written in the sheet « Paramètres Relances ». */
  readonly key: string;
  readonly label: string;
  readonly labelEn: string;
  readonly documents: readonly SenderDocuments[];
}

type Need = "document" | "email" | "demand" | "formal";

interface RequiredSetting {
  readonly key: string;
  readonly label: string;
  readonly labelEn: string;
  readonly need: Need;
  present(settings: Settings): boolean;
}

const has = (text: string | undefined): boolean => text !== undefined && text.trim() !== "";
const required = (key: string, label: string, labelEn: string, need: Need, present: (settings: Settings) => boolean): RequiredSetting => ({
  key,
  label,
  labelEn,
  need,
  present,
});
const company = (key: string, label: string, labelEn: string, name: keyof CompanyDetails, need: Need = "document"): RequiredSetting =>
  required(key, label, labelEn, need, (settings) => has(settings.company[name]));

// The mentions of DOMAIN.md section 5 (R123-237 asks them on all the company's correspondence, not
// only letters: the e-mails print them in their footer and the statements in their letterhead).
const REQUIRED: readonly RequiredSetting[] = [
  company("societe_raison_sociale", "raison sociale", "company name", "name"),
  company("societe_forme", "forme juridique", "legal form", "legalForm"),
  company("societe_capital", "capital social", "share capital", "shareCapital"),
  company("societe_adresse", "adresse du siège social", "registered office address", "address"),
  company("societe_code_postal", "code postal du siège", "registered office postcode", "postcode"),
  company("societe_ville", "ville du siège", "registered office city", "city"),
  required("societe_siren", "SIREN (ou SIRET)", "SIREN (or SIRET) number", "document", (s) => has(s.company.siren) || has(s.company.siret)),
  company("societe_rcs", "ville d'immatriculation au RCS", "trade register (RCS) city", "rcsCity"),
  company("societe_tva", "n° de TVA intracommunautaire", "EU VAT number", "vatNumber"),
  // The Microsoft 365 mailbox sends as well as the company's address.
  required("societe_email", "adresse e-mail d'expédition des relances", "sender e-mail address of the reminders", "email", (s) => has(s.company.email) || has(s.senderMailbox)),
  company("societe_iban", "IBAN (règlement par virement)", "IBAN (payment by transfer)", "iban", "demand"),
  // A formal notice is signed by a named person with authority, and the injunction file names them (DOMAIN section 4).
  company("signataire_nom", "nom du signataire de la mise en demeure", "name of the person signing the formal notice", "signatoryName", "formal"),
  company("signataire_fonction", "fonction du signataire (Gérant...)", "title of the signatory", "signatoryTitle", "formal"),
];

/** The sheet keys the check may ask for, in the order of the sheet. */
export const SENDER_SETTING_KEYS: readonly string[] = REQUIRED.map((setting) => setting.key);

// Levels 0-3 by phone or "autre" make no document (runDocuments.ts); from reminder 1 on, a
// statement goes with every action, and the injunction is a court file whatever its channel.
function makesDocument(action: SenderAction): boolean {
  return action.level >= 1 || action.channel === "email" || action.channel === "courrier" || action.channel === "recommandé";
}

function needs(need: Need, action: SenderAction): boolean {
  switch (need) {
    case "document":
      return makesDocument(action);
    case "email":
      return action.channel === "email";
    case "demand":
      // From reminder 1 on, the document asks for the balance and its statement prints the IBAN;
      // a courtesy reminder only announces a due date.
      return action.level >= 1;
    case "formal":
      return action.level >= 3;
  }
}

/**
 * The settings the plan's documents need and the settings lack, each with the documents needing it.
 *
 * @param settings - the workbook's settings
 * @param actions - the plan's actions (one per customer)
 * @returns the missing settings, in the order of the sheet; empty when everything can go out
 * @example
 * missingSenderSettings(DEFAULT_SETTINGS, [{ level: 1, channel: "email" }])[0]
 * // { key: "societe_raison_sociale", label: "raison sociale", ..., documents: [{ level: 1, channel: "email", count: 1 }] }
 */
export function missingSenderSettings(settings: Settings, actions: readonly SenderAction[]): MissingSetting[] {
  const missing: MissingSetting[] = [];
  for (const setting of REQUIRED) {
    if (setting.present(settings)) continue;
    const documents = new Map<string, SenderDocuments>();
    for (const action of actions) {
      if (!needs(setting.need, action)) continue;
      const id = `${action.level}-${action.channel}`;
      const count = (documents.get(id)?.count ?? 0) + 1;
      documents.set(id, { level: action.level, channel: action.channel, count });
    }
    if (documents.size === 0) continue;
    const sorted = [...documents.values()].sort((a, b) => a.level - b.level || a.channel.localeCompare(b.channel));
    missing.push({ key: setting.key, label: setting.label, labelEn: setting.labelEn, documents: sorted });
  }
  return missing;
}

/** A channel as English readers name it. */
export const CHANNEL_EN: Readonly<Record<Channel, string>> = {
  email: "e-mail",
  courrier: "letter",
  recommandé: "registered letter",
  téléphone: "phone",
  autre: "other",
};

/**
 * One line naming a missing setting and the documents that need it, French then English.
 *
 * @example
 * missingSettingMessage(missing)
 * // "Paramètres Relances : societe_iban (IBAN (règlement par virement)) manque, nécessaire à : Relance 1 par email (2) / …"
 */
export function missingSettingMessage(missing: MissingSetting): string {
  const fr = missing.documents.map((d) => `${reminderLevelLabel(d.level)} par ${d.channel} (${d.count})`).join(", ");
  const en = missing.documents.map((d) => `${reminderLevelLabel(d.level, "en")} by ${CHANNEL_EN[d.channel]} (${d.count})`).join(", ");
  return (
    `${SETTINGS_SHEET} : ${missing.key} (${missing.label}) manque, nécessaire à : ${fr} / ` +
    `${missing.key} (${missing.labelEn}) is missing, needed by: ${en}`
  );
}

/**
 * The plan with a warning per setting its documents need and the settings lack, as `plan` shows it.
 * @example withSenderWarnings(plan, DEFAULT_SETTINGS).warnings // [..., "Paramètres Relances : societe_raison_sociale (raison sociale) manque, …"]
 */
export function withSenderWarnings(plan: Plan, settings: Settings): Plan {
  const warnings = missingSenderSettings(settings, plan.actions).map(missingSettingMessage);
  return warnings.length === 0 ? plan : { ...plan, warnings: [...plan.warnings, ...warnings] };
}
