// The e-mail templates of each level and language, as files a user opens and edits:
//   templates/<lang>/<stage>.subject.txt   the subject (one line; line breaks become spaces)
//   templates/<lang>/<stage>.html          the HTML part
//   templates/<lang>/<stage>.txt           the plain-text part
// with <stage> one of courtesy, reminder1, reminder2, formal_notice, injunction. The defaults ship in
// the package's templates/ folder; a user's folder laid out the same way replaces them file by file.
// Node only (node:fs): the task pane gets its templates another way.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../packageRoot";
import { problem } from "../core/problem";
import type { ReminderLevel } from "../core/reminderLevel";
import { emailTemplateFiles, templateText } from "../engine/templateStore";
import type { EmailTemplates } from "../documents/reminderEmail";
import type { Language } from "../documents/reminderData";
import { TemplateError, checkTemplate } from "../documents/template";

export type { EmailTemplates } from "../documents/reminderEmail";

export { emailTemplateFiles } from "../engine/templateStore";

/** The folder of the shipped templates (e-mails and Word letters), one sub-folder per language. */
export function templatesFolder(): string {
  return path.join(packageRoot(), "templates");
}

const defaults = new Map<string, Promise<string>>();

async function readOverride(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Reads a shipped template once per process. */
function readDefault(file: string): Promise<string> {
  let text = defaults.get(file);
  if (text === undefined) {
    text = readFile(file, "utf8");
    text.catch(() => defaults.delete(file));
    defaults.set(file, text);
  }
  return text;
}

/**
 * The e-mail templates of a level in a language.
 * @param level - 0 courtesy to 4 injunction
 * @param lang - the customer's language
 * @param overrides - optional folder laid out like templates/ (<lang>/<stage>.html…): each file
 *   found there replaces the shipped one
 * @throws TemplateError when a user's file is malformed (the message names the file and the tag)
 */
export async function defaultEmailTemplate(level: ReminderLevel, lang: Language, overrides?: string): Promise<EmailTemplates> {
  const names = emailTemplateFiles(level);
  const load = async (name: string): Promise<string> => {
    if (overrides !== undefined) {
      const file = path.join(overrides, lang, name);
      const text = await readOverride(file);
      if (text !== undefined) {
        const found = checkTemplate(text);
        if (found !== undefined) throw new TemplateError(problem(`modèle «${file}» : ${found.message}`));
        return templateText(text);
      }
    }
    return templateText(await readDefault(path.join(templatesFolder(), lang, name)));
  };
  const [subject, html, text] = await Promise.all([load(names.subject), load(names.html), load(names.text)]);
  return { subject: subject!, html: html!, text: text! };
}
