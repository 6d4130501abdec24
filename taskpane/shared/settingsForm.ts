// The settings as the Settings screen edits them (SPEC sections 5 and 7): every key of the settings
// catalog, in three sections (letterhead, policy, sender), each field with its label and the
// catalog's description; the form checked field by field (a message naming the field), then only
// the keys that changed written into « Paramètres Relances » (settingsWrite).
import { cellText, type CellValue } from "../../src/core/cellValue";
import { parseFiscalYearStart } from "../../src/core/fiscalYearStartInput";
import { percentFromText } from "../../src/core/percentInput";
import { isProblem } from "../../src/core/problem";
import { DEFAULT_SETTINGS, MAX_SETTING_DAYS, type Settings } from "../../src/core/settings";
import { draftOf, SETTINGS, type Setting } from "../../src/core/settingsCatalog";
import { settingsToRows } from "../../src/core/settingsToRows";
import { writeField } from "../../src/core/settingValues";
import { CHANNEL_EN } from "../../src/core/senderCheck";
import { isFormulaLike } from "../../src/engine/cellText";
import type { PaneLanguage } from "./paneHost";

export type SettingsSection = "letterhead" | "policy" | "sender";
export const SETTINGS_SECTIONS: readonly SettingsSection[] = ["letterhead", "policy", "sender"];

export type SettingInput = "text" | "email" | "days" | "percent" | "choice";

/** One field of the form. */
export interface SettingField {
  readonly key: string;
  readonly section: SettingsSection;
  readonly input: SettingInput;
  /** Its name, and the catalog's description, in the pane's language. */
  readonly label: string;
  readonly hint: string;
  /** The choices of a "choice" field: the words the sheet stores, and their labels. */
  readonly choices?: readonly { readonly value: string; readonly label: string }[] | undefined;
}

const SENDER_KEYS = new Set(["societe_email", "boite_expedition"]);

function sectionOf(key: string): SettingsSection {
  if (SENDER_KEYS.has(key)) return "sender";
  return key.startsWith("societe_") || key.startsWith("signataire_") ? "letterhead" : "policy";
}

const LABELS: Readonly<Record<string, readonly [string, string]>> = {
  grace_particulier: ["Délai de grâce : particulier (jours)", "Grace: individual (days)"],
  grace_professionnel: ["Délai de grâce : professionnel (jours)", "Grace: business (days)"],
  grace_architecte: ["Délai de grâce : architecte (jours)", "Grace: architect (days)"],
  grace_promoteur: ["Délai de grâce : promoteur (jours)", "Grace: property developer (days)"],
  grace_collectivite: ["Délai de grâce : collectivité (jours)", "Grace: public body (days)"],
  preventive_jours_avant_max: ["Préventive au plus tôt (jours avant l'échéance)", "Courtesy reminder at the earliest (days before due)"],
  preventive_jours_avant_min: ["Préventive au plus tard (jours avant l'échéance)", "Courtesy reminder at the latest (days before due)"],
  delai_relance_2: ["Relance 2 : jours après la relance 1", "Reminder 2: days after reminder 1"],
  delai_mise_en_demeure: ["Mise en demeure : jours après la relance 2", "Formal notice: days after reminder 2"],
  retard_min_mise_en_demeure: ["Mise en demeure : jours de retard au moins", "Formal notice: days late at least"],
  delai_injonction: ["Injonction : jours après la mise en demeure", "Payment order: days after the formal notice"],
  delai_rapprochement_paiement: ["« Déjà payé » : jours de rapprochement après la date annoncée", "« Already paid »: days to match after the announced date"],
  attente_pv_reception: ["Attendre le PV de réception", "Wait for the acceptance report"],
  escalade: ["Escalade", "Escalation"],
  canal_0: ["Canal : préventive", "Channel: courtesy reminder"],
  canal_1: ["Canal : relance 1", "Channel: reminder 1"],
  canal_2: ["Canal : relance 2", "Channel: reminder 2"],
  canal_3: ["Canal : mise en demeure", "Channel: formal notice"],
  canal_4: ["Canal : injonction", "Channel: payment order"],
  delai_mise_en_demeure_paiement: ["Délai de paiement de la mise en demeure (jours)", "Formal notice payment deadline (days)"],
  delai_acheminement_recommande: ["Acheminement d'un recommandé (jours)", "Registered letter delivery (days)"],
  marge_bce_acheteur_public: ["Acheteur public : points au-dessus du taux BCE (%)", "Public buyer: points over the ECB rate (%)"],
  penalites_par_semestre: ["Pénalités calculées par semestre", "Penalties split by half-year"],
  societe_raison_sociale: ["Raison sociale", "Company name"],
  societe_forme: ["Forme juridique", "Legal form"],
  societe_capital: ["Capital social", "Share capital"],
  societe_adresse: ["Adresse du siège", "Registered office address"],
  societe_code_postal: ["Code postal", "Postcode"],
  societe_ville: ["Ville", "City"],
  societe_siren: ["SIREN", "SIREN"],
  societe_siret: ["SIRET", "SIRET"],
  societe_rcs: ["Ville du RCS", "Trade register (RCS) city"],
  societe_tva: ["N° de TVA intracommunautaire", "EU VAT number"],
  societe_iban: ["IBAN", "IBAN"],
  societe_bic: ["BIC", "BIC"],
  societe_email: ["E-mail de la société (expéditeur)", "Company e-mail (sender)"],
  societe_telephone: ["Téléphone", "Phone"],
  signataire_nom: ["Signataire : nom", "Signatory: name"],
  signataire_fonction: ["Signataire : fonction", "Signatory: title"],
  boite_expedition: ["Boîte d'envoi (Microsoft 365)", "Sending mailbox (Microsoft 365)"],
  debut_exercice: ["Début de l'exercice (jj/mm)", "Fiscal year start (dd/mm)"],
};

/**
 * A setting's label in the pane's language; its key when the catalog gained one without a label.
 * @example settingLabel("delai_relance_2", "fr") // "Relance 2 : jours après la relance 1"
 */
export function settingLabel(key: string, language: PaneLanguage): string {
  const labels = LABELS[key];
  return labels === undefined ? key : labels[language === "en" ? 1 : 0];
}

/**
 * A setting's description from the catalog, in the pane's language (its « français / English » halves).
 * @example settingHint(SETTINGS[0], "en") // "Grace for an individual: days late before reminder 1"
 */
export function settingHint(setting: Pick<Setting, "description">, language: PaneLanguage): string {
  const at = setting.description.indexOf(" / ");
  if (at < 0) return setting.description;
  return language === "en" ? setting.description.slice(at + 3) : setting.description.slice(0, at);
}

const CHANNELS = ["email", "courrier", "recommandé", "téléphone", "autre"] as const;

function fieldOf(setting: Setting, language: PaneLanguage): SettingField {
  const en = language === "en";
  const base = { key: setting.key, section: sectionOf(setting.key), label: settingLabel(setting.key, language), hint: settingHint(setting, language) };
  switch (setting.field.kind) {
    case "days":
      return { ...base, input: "days" };
    case "rate":
      return { ...base, input: "percent" };
    case "text":
      return { ...base, input: "text" };
    case "email":
      return { ...base, input: "email" };
    case "yesNo":
      return { ...base, input: "choice", choices: [{ value: "oui", label: en ? "yes" : "oui" }, { value: "non", label: en ? "no" : "non" }] };
    case "escalation":
      return {
        ...base,
        input: "choice",
        choices: [
          { value: "sequentielle", label: en ? "sequential: one level at a time" : "séquentielle : un niveau à la fois" },
          { value: "par_anciennete", label: en ? "by age: the level the days late have reached" : "par ancienneté : le niveau que le retard a atteint" },
        ],
      };
    case "channel":
      return { ...base, input: "choice", choices: CHANNELS.map((c) => ({ value: c, label: en ? CHANNEL_EN[c] : c })) };
  }
}

/**
 * The form's fields, every key of the catalog, in the catalog's order.
 * @example settingsFields("fr").filter((f) => f.section === "sender").map((f) => f.key) // ["societe_email", "boite_expedition"]
 */
export function settingsFields(language: PaneLanguage): SettingField[] {
  return SETTINGS.map((setting) => fieldOf(setting, language));
}

/** The form's values, as the user types them, by key. */
export type SettingsFormValues = Readonly<Record<string, string>>;

/**
 * The form's values for a workbook's settings, as the sheet would store them.
 * @example settingsFormValues(DEFAULT_SETTINGS).delai_relance_2 // "10"
 */
export function settingsFormValues(settings: Settings): Record<string, string> {
  const values: Record<string, string> = {};
  for (const row of settingsToRows(settings).slice(1, SETTINGS.length + 1)) values[cellText(row[0])] = cellText(row[1]);
  return values;
}

/** The form checked: an error per field, or the cells of the keys that changed. */
export interface SettingsFormCheck {
  /** Per key, why its value cannot be saved, naming the field. */
  readonly errors: Readonly<Record<string, string>>;
  /** The changed keys' new cells (a number of days, "oui", a text; null empties it); empty when there are errors. */
  readonly values: ReadonlyMap<string, CellValue>;
}

const digits = (text: string): string => text.replace(/[\s.-]/g, "");

// Numbers the registries give a checksum: SIREN and SIRET by Luhn (La Poste's SIRET aside), IBAN by ISO 7064 mod 97.
function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function ibanValid(text: string): boolean {
  const iban = text.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const char of moved) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const d of value) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

interface FieldProblem {
  readonly fr: string;
  readonly en: string;
}

function textProblem(key: string, text: string): FieldProblem | undefined {
  // A phone number in international form starts with +; the host keeps any text inert as text.
  if (isFormulaLike(text) && !(key === "societe_telephone" && /^\+[\d\s.()-]+$/.test(text))) {
    return { fr: "ne peut pas commencer par =, +, - ou @ (une cellule le lirait comme une formule)", en: "cannot start with =, +, - or @ (a cell would read it as a formula)" };
  }
  const number = digits(text);
  if (key === "societe_siren" && !(/^\d{9}$/.test(number) && luhn(number))) {
    return { fr: `«${text}» n'est pas un SIREN (9 chiffres)`, en: `"${text}" is not a SIREN number (9 digits)` };
  }
  // La Poste's establishments (SIREN 356 000 000) follow their own rule.
  if (key === "societe_siret" && !(/^\d{14}$/.test(number) && (luhn(number) || number.startsWith("356000000")))) {
    return { fr: `«${text}» n'est pas un SIRET (14 chiffres)`, en: `"${text}" is not a SIRET number (14 digits)` };
  }
  if (key === "debut_exercice" && isProblem(parseFiscalYearStart(text))) {
    return { fr: `«${text}» n'est pas un jour de l'année (01/07 ou 1er juillet)`, en: `"${text}" is not a day of the year (01/07 or 1 July)` };
  }
  if (key === "societe_iban" && !ibanValid(text)) {
    return { fr: `«${text}» n'est pas un IBAN valide (clé de contrôle)`, en: `"${text}" is not a valid IBAN (check digits)` };
  }
  if (key === "societe_tva" && !/^[A-Z]{2}[A-Z0-9]{2,13}$/.test(text.replace(/\s/g, "").toUpperCase())) {
    return { fr: `«${text}» n'est pas un n° de TVA intracommunautaire (FR12345678901)`, en: `"${text}" is not an EU VAT number (FR12345678901)` };
  }
  return undefined;
}

function cellOf(field: SettingField, text: string): CellValue {
  if (text === "") return null;
  switch (field.input) {
    case "days":
      return /^\d+$/.test(text) ? Number(text) : text;
    case "percent":
      return percentFromText(text) ?? text;
    default:
      return text;
  }
}

function kindProblem(field: SettingField, text: string): FieldProblem | undefined {
  const setting = SETTINGS.find((s) => s.key === field.key)!;
  if (text === "" && field.input !== "text" && field.input !== "email") return { fr: "une valeur est requise", en: "a value is required" };
  const parsed = writeField(setting.field, draftOf(DEFAULT_SETTINGS), cellOf(field, text));
  if (parsed.ok) return undefined;
  const en = {
    days: `"${text}" is not a number of days from 0 to ${MAX_SETTING_DAYS}`,
    percent: `"${text}" is not a rate in %`,
    email: `"${text}" is not an e-mail address`,
    choice: `"${text}" is not one of the choices`,
    text: `"${text}" is not a text`,
  }[field.input];
  return { fr: parsed.message, en };
}

/**
 * Checks the form and gives the cells of the keys that changed.
 *
 * @param values - the form's values by key
 * @param initial - the values the form started from (settingsFormValues)
 * @param language - the language of the messages
 * @returns the errors by key, or the changed keys' cells
 * @example
 * checkSettingsForm({ ...initial, delai_relance_2: "dix" }, initial, "fr").errors.delai_relance_2
 * // "Relance 2 : jours après la relance 1 : «dix» n'est pas un nombre de jours"
 */
export function checkSettingsForm(values: SettingsFormValues, initial: SettingsFormValues, language: PaneLanguage): SettingsFormCheck {
  const errors: Record<string, string> = {};
  const cells = new Map<string, CellValue>();
  const say = (key: string, problem: FieldProblem): void => {
    const label = settingLabel(key, language);
    errors[key] = language === "en" ? `${label}: ${problem.en}` : `${label} : ${problem.fr}`;
  };
  for (const field of settingsFields(language)) {
    const text = (values[field.key] ?? "").trim();
    // What the sheet already holds was read as valid: only a change is checked, so that a value
    // typed in the sheet before (an IBAN the check would refuse) does not stop saving the rest.
    if (text === (initial[field.key] ?? "").trim()) continue;
    const problem = kindProblem(field, text) ?? (field.input === "text" && text !== "" ? textProblem(field.key, text) : undefined);
    if (problem !== undefined) say(field.key, problem);
    else cells.set(field.key, cellOf(field, text));
  }
  const earliest = Number(values.preventive_jours_avant_max);
  const latest = Number(values.preventive_jours_avant_min);
  if (errors.preventive_jours_avant_min === undefined && errors.preventive_jours_avant_max === undefined && latest > earliest) {
    say("preventive_jours_avant_min", {
      fr: `${latest} dépasse le jour au plus tôt (${earliest})`,
      en: `${latest} is more than the earliest day (${earliest})`,
    });
  }
  return { errors, values: Object.keys(errors).length > 0 ? new Map() : cells };
}
