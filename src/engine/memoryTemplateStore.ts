// A template store over files in memory, laid out as the package's templates/ folder
// ("fr/reminder2.docx", "en/reminder1.subject.txt"…): for tests, and for the browser, which fetches
// the files it needs.
import type { ReminderLevel } from "../core/reminderLevel";
import type { EmailTemplates } from "../documents/reminderEmail";
import type { Language } from "../documents/reminderData";
import { templateFileName } from "../documents/letterTemplateNames";
import { emailTemplateFiles, templateText, type TemplateStore } from "./templateStore";

/**
 * The templates of `files`; a missing one is an error naming it.
 * @param files - by path under templates/: .docx as bytes, e-mail parts as text
 * @example memoryTemplateStore(new Map([["fr/reminder2.docx", bytes]])).word(2, "fr") // the same bytes, each time
 */
export function memoryTemplateStore(files: ReadonlyMap<string, Uint8Array | string>): TemplateStore {
  const file = (name: string): Uint8Array | string => {
    const found = files.get(name);
    if (found === undefined) throw new Error(`Modèle «${name}» introuvable / template «${name}» not found`);
    return found;
  };
  const text = (name: string): string => {
    const found = file(name);
    return templateText(typeof found === "string" ? found : new TextDecoder().decode(found));
  };
  return {
    async word(level: ReminderLevel, lang: Language): Promise<Uint8Array> {
      const found = file(templateFileName(level, lang));
      if (typeof found === "string") throw new Error(`Modèle «${templateFileName(level, lang)}» : un .docx attendu / a .docx expected`);
      return found;
    },
    async email(level: ReminderLevel, lang: Language): Promise<EmailTemplates> {
      const names = emailTemplateFiles(level);
      return { subject: text(`${lang}/${names.subject}`), html: text(`${lang}/${names.html}`), text: text(`${lang}/${names.text}`) };
    },
  };
}
