// The run's templates as a port: the engine asks for a level's templates in a language and never
// learns where they come from (the package and a "modeles" folder on disk, files fetched by the
// task pane, a test's own).
import { reminderStage, type ReminderLevel } from "../core/reminderLevel";
import type { EmailTemplates } from "../documents/reminderEmail";
import type { Language } from "../documents/reminderData";

export interface TemplateStore {
  /**
   * The Word template of a level and language. A store hands out the same Uint8Array instance each
   * time in a run, so that the letters' renderer compiles each template once.
   */
  word(level: ReminderLevel, lang: Language): Promise<Uint8Array>;
  /** The e-mail templates (subject, HTML and plain text) of a level and language. */
  email(level: ReminderLevel, lang: Language): Promise<EmailTemplates>;
}

/**
 * The file names of a level's e-mail templates, relative to a language folder of templates/.
 * @example emailTemplateFiles(1) // { subject: "reminder1.subject.txt", html: "reminder1.html", text: "reminder1.txt" }
 */
export function emailTemplateFiles(level: ReminderLevel): { readonly subject: string; readonly html: string; readonly text: string } {
  const stage = reminderStage(level);
  return { subject: `${stage}.subject.txt`, html: `${stage}.html`, text: `${stage}.txt` };
}

/**
 * A template file's text, without the byte-order mark an editor may have written.
 * @example templateText("\uFEFFBonjour") // "Bonjour"
 */
export function templateText(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
