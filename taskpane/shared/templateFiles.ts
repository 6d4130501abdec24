// The templates per level and language, as the Settings screen lists them (SPEC section 8): the
// Word letter and the e-mail's subject, HTML and plain text of each level, French and English, by
// their path in the package's templates/ folder, which is also the layout of the « modeles »
// folder where a user's own edited copies replace them, level by level.
import { REMINDER_LEVELS, reminderStage, type ReminderLevel } from "../../src/core/reminderLevel";
import { emailTemplateFiles } from "../../src/engine/templateStore";
import type { PaneLanguage } from "./paneHost";

export type TemplateKind = "letter" | "subject" | "html" | "text";

export interface TemplateFile {
  readonly kind: TemplateKind;
  /** The path under templates/ (and under « modeles »): "fr/reminder2.docx". */
  readonly path: string;
  readonly type: string;
}

export interface LevelTemplates {
  readonly level: ReminderLevel;
  readonly language: PaneLanguage;
  readonly files: readonly TemplateFile[];
}

const TYPES: Readonly<Record<TemplateKind, string>> = {
  letter: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  subject: "text/plain",
  html: "text/html",
  text: "text/plain",
};

/**
 * Every level's templates in both languages, the pane's language first.
 * @example levelTemplates("fr")[2].files[0].path // "fr/reminder2.docx"
 */
export function levelTemplates(first: PaneLanguage): LevelTemplates[] {
  const languages: readonly PaneLanguage[] = first === "en" ? ["en", "fr"] : ["fr", "en"];
  return languages.flatMap((language) =>
    REMINDER_LEVELS.map((level): LevelTemplates => {
      const email = emailTemplateFiles(level);
      const file = (kind: TemplateKind, name: string): TemplateFile => ({ kind, path: `${language}/${name}`, type: TYPES[kind] });
      return {
        level,
        language,
        files: [file("letter", `${reminderStage(level)}.docx`), file("subject", email.subject), file("html", email.html), file("text", email.text)],
      };
    }),
  );
}
