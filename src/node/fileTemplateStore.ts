// The command line's template store: the templates shipped in the package's templates/ folder,
// replaced level by level by a user's own in a "modeles" folder beside the workbook. Each template
// is read once per run and handed out as the same instance, so that the letters' renderer compiles
// each one once.
import type { ReminderLevel } from "../core/reminderLevel";
import { loadUserTemplates, wordTemplate } from "./defaultTemplates";
import { defaultEmailTemplate, type EmailTemplates } from "./emailTemplates";
import type { Language } from "../documents/reminderData";
import type { TemplateStore } from "../engine/templateStore";

/**
 * The templates of a run.
 * @param userFolder - the user's own templates (userTemplatesFolder(workbook)), laid out like
 *   templates/ (<lang>/<stage>.html, .txt, .subject.txt, .docx); each file found replaces the
 *   default. Without it, the defaults only.
 * @example fileTemplateStore(userTemplatesFolder("/compta/suivi.xlsx"))
 */
export function fileTemplateStore(userFolder?: string): TemplateStore {
  let userWord: Promise<Map<string, Uint8Array>> | undefined;
  const words = new Map<string, Promise<Uint8Array>>();
  const emails = new Map<string, Promise<EmailTemplates>>();
  const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
    let found = cache.get(key);
    if (found === undefined) cache.set(key, (found = load()));
    return found;
  };
  return {
    word(level: ReminderLevel, lang: Language) {
      return once(words, `${level}-${lang}`, async () => {
        userWord ??= userFolder === undefined ? Promise.resolve(new Map()) : loadUserTemplates(userFolder);
        return (await wordTemplate(level, lang, await userWord)).bytes;
      });
    },
    email(level: ReminderLevel, lang: Language) {
      return once(emails, `${level}-${lang}`, () => defaultEmailTemplate(level, lang, userFolder));
    },
  };
}
