// The Word letter templates on disk: the defaults shipped in the package's templates/<lang>/ folder
// (written by scripts/make-templates.mjs), and a user's own .docx files in a "modeles" folder beside
// the workbook, which replace them level by level. Node only (node:fs); the task pane passes its
// templates to chooseTemplate itself.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ReminderLevel } from "../core/reminderLevel";
import { templatesFolder } from "./emailTemplates";
import type { Language } from "../documents/reminderData";
import { chooseTemplate, templateFileName, userTemplateName, type ChosenTemplate } from "../documents/letterTemplateNames";

/** The name of the folder, beside the workbook, where a user keeps their own templates. */
export const USER_TEMPLATES_FOLDER = "modeles";

const defaults = new Map<string, Promise<Uint8Array>>();

/**
 * Reads a shipped template by its name under templates/, once per process.
 * @example await readDefaultTemplate("fr/reminder2.docx")
 */
export function readDefaultTemplate(name: string): Promise<Uint8Array> {
  let bytes = defaults.get(name);
  if (bytes === undefined) {
    bytes = readFile(path.join(templatesFolder(), ...name.split("/"))).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    bytes.catch(() => defaults.delete(name));
    defaults.set(name, bytes);
  }
  return bytes;
}

/**
 * The shipped Word template of a level and language.
 * @example await defaultWordTemplate(3, "fr") // the bytes of templates/fr/formal_notice.docx
 */
export function defaultWordTemplate(level: ReminderLevel, lang: Language): Promise<Uint8Array> {
  return readDefaultTemplate(templateFileName(level, lang));
}

/**
 * The folder of a user's templates for a workbook: "modeles" beside it.
 * @example userTemplatesFolder("/compta/suivi.xlsx") // "/compta/modeles"
 */
export function userTemplatesFolder(workbookFile: string): string {
  return path.join(path.dirname(path.resolve(workbookFile)), USER_TEMPLATES_FOLDER);
}

async function listDocx(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".docx")).map((e) => e.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw error;
  }
}

/**
 * A user's Word templates: the .docx files of a folder and of its fr/ and en/ sub-folders whose
 * names say a level (see userTemplateName: "reminder2.docx", "en/formal_notice.docx",
 * "Mise en demeure.docx"…), by canonical name. A missing folder gives an empty map; a file in a
 * language folder wins over the same level named at the top.
 * @param dir - the folder, usually userTemplatesFolder(workbook)
 */
export async function loadUserTemplates(dir: string): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  for (const sub of ["", "fr", "en"]) {
    const folder = sub === "" ? dir : path.join(dir, sub);
    for (const file of (await listDocx(folder)).sort()) {
      const name = userTemplateName(sub === "" ? file : `${sub}/${file}`);
      if (name === undefined) continue;
      const bytes = await readFile(path.join(folder, file));
      found.set(name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
  }
  return found;
}

/**
 * The Word template to merge for a level and language: the user's own when given, else the default.
 * @param userTemplates - from loadUserTemplates (empty: the defaults)
 */
export function wordTemplate(
  level: ReminderLevel,
  lang: Language,
  userTemplates: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<ChosenTemplate> {
  return chooseTemplate(level, lang, userTemplates, readDefaultTemplate);
}
