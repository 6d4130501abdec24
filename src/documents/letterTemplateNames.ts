// Which Word template a level and language use: the default's name under templates/, and the names
// a user may give their own templates, which replace the defaults level by level.
import { reminderStage, type ReminderLevel } from "../core/reminderLevel";
import type { Language } from "./reminderData";

/**
 * The template of a level and language, as a path under the templates folder.
 * @example templateFileName(3, "fr") // "fr/formal_notice.docx"
 */
export function templateFileName(level: ReminderLevel, lang: Language): string {
  return `${lang}/${reminderStage(level)}.docx`;
}

// The names a user may give a template of their own: the default's name (with or without its
// language folder; without one, French), "reminder2.en.docx", or the French word of the level.
const FRENCH_STAGE_NAMES: Readonly<Record<string, string>> = {
  preventive: "courtesy",
  relance_preventive: "courtesy",
  relance1: "reminder1",
  relance_1: "reminder1",
  relance2: "reminder2",
  relance_2: "reminder2",
  mise_en_demeure: "formal_notice",
  injonction: "injunction",
  injonction_de_payer: "injunction",
};
const STAGES = new Set(["courtesy", "reminder1", "reminder2", "formal_notice", "injunction"]);

/**
 * The canonical name (as templateFileName gives it) of a user's template file, or undefined when the
 * name matches no level.
 * @example userTemplateName("Modeles/EN/Reminder2.docx") // "en/reminder2.docx"
 * @example userTemplateName("mise en demeure.docx") // "fr/formal_notice.docx"
 */
export function userTemplateName(fileName: string): string | undefined {
  const parts = fileName.replace(/\\/g, "/").toLowerCase().split("/").filter(Boolean);
  const base = parts.pop();
  if (!base?.endsWith(".docx") || base.startsWith("~$")) return undefined; // ~$x.docx: Word's lock file
  const folder = parts.pop();
  let stem = base.slice(0, -".docx".length);
  let lang: Language = folder === "en" ? "en" : "fr";
  const suffix = /[._-](fr|en)$/.exec(stem);
  if (suffix) {
    lang = suffix[1] as Language;
    stem = stem.slice(0, suffix.index);
  }
  const key = stem
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s-]+/g, "_");
  const stage = STAGES.has(key) ? key : FRENCH_STAGE_NAMES[key];
  return stage ? `${lang}/${stage}.docx` : undefined;
}

export interface ChosenTemplate {
  /** The canonical name, e.g. "fr/reminder2.docx". */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** True when the user's own template replaces the default. */
  readonly custom: boolean;
}

/**
 * The template of a level and language: the user's own when they gave one, else the default.
 * @param userTemplates - the user's templates by file name (any name userTemplateName reads)
 * @param loadDefault - reads a default template by its canonical name (from the package's
 *   templates/ folder in Node, or over HTTP in the task pane)
 * @example await chooseTemplate(2, "fr", new Map([["Relance 2.docx", mine]]), load) // { name: "fr/reminder2.docx", bytes: mine, custom: true }
 */
export async function chooseTemplate(
  level: ReminderLevel,
  lang: Language,
  userTemplates: ReadonlyMap<string, Uint8Array>,
  loadDefault: (name: string) => Uint8Array | Promise<Uint8Array>,
): Promise<ChosenTemplate> {
  const name = templateFileName(level, lang);
  for (const [fileName, bytes] of userTemplates) {
    if (userTemplateName(fileName) === name) return { name, bytes, custom: true };
  }
  return { name, bytes: await loadDefault(name), custom: false };
}
