// The documents of a run, written into the output folder: e-mail drafts (.eml), letters (one Word
// document per level and language, one section per customer), account statements (PDF) and the
// injonction de payer files. Each file is written whole; names are stable, so a retried run
// rewrites the same files instead of adding new ones.
import path from "node:path";
import { writeFileAtomically } from "../writeFileAtomically";
import type { ActionDocument, Plan, PlannedAction } from "../core/plan";
import type { Channel } from "../core/reminderPolicy";
import type { ReminderLevel } from "../core/reminderLevel";
import type { Settings } from "../core/settings";
import { renderStatement } from "./accountStatement";
import { loadUserTemplates, wordTemplate } from "./defaultTemplates";
import { defaultEmailTemplate } from "./emailTemplates";
import { asciiSlug } from "./asciiSlug";
import { reminderEmail } from "./reminderEmail";
import { stableHash } from "./stableHash";
import { emlFile } from "../mail/emlFile";
import { reminderData, type Language, type ReminderData } from "./reminderData";
import { renderLetters } from "./wordLetters";

export interface RunDocuments {
  /** Every file written, relative to the output folder. */
  readonly files: readonly string[];
  /** The file each customer's document went into (the journal's Référence) and its channel, by customer key. */
  readonly documents: ReadonlyMap<string, ActionDocument>;
}

const LETTER_NAMES: Readonly<Record<ReminderLevel, string>> = {
  0: "preventive",
  1: "relance-1",
  2: "relance-2",
  3: "mise-en-demeure",
  4: "injonction",
};

/**
 * @param templatesFolder - the user's own templates ("modeles" beside the workbook), laid out like
 *   templates/ (<lang>/<stage>.html, .txt, .subject.txt, .docx); each file found replaces the default
 */
export async function writeRunDocuments(plan: Plan, settings: Settings, outDir: string, templatesFolder?: string): Promise<RunDocuments> {
  const files: string[] = [];
  const documents = new Map<string, ActionDocument>();
  const userWordTemplates = templatesFolder === undefined ? new Map<string, Uint8Array>() : await loadUserTemplates(templatesFolder);
  const letterTemplate = async (level: ReminderLevel, lang: Language): Promise<Uint8Array> =>
    (await wordTemplate(level, lang, userWordTemplates)).bytes;
  const write = async (relative: string, data: Uint8Array | string): Promise<void> => {
    await writeFileAtomically(path.join(outDir, relative), data);
    files.push(relative);
  };
  // File names come from a shortened ASCII slug of the customer's name: two customers can share one
  // (names alike in their first 60 characters, names in a non-Latin script). The second one's file
  // then carries a hash of its customer key, the same on every retry, instead of overwriting the first.
  const owners = new Map<string, string>();
  const ownName = (relative: string, customerKey: string): string => {
    let name = relative;
    const owner = owners.get(name.toLowerCase());
    if (owner !== undefined && owner !== customerKey) {
      const extension = path.posix.extname(relative);
      name = `${relative.slice(0, relative.length - extension.length)}-${stableHash(customerKey)}${extension}`;
    }
    owners.set(name.toLowerCase(), customerKey);
    return name;
  };
  const from = settings.senderMailbox ?? settings.company.email ?? "relances@localhost.invalid";
  const letters = new Map<string, { level: ReminderLevel; lang: Language; customers: ReminderData[]; actions: PlannedAction[]; channel: Channel }>();

  for (const action of plan.actions) {
    const data = reminderData(action, plan, settings);
    const statement = action.level >= 1 ? await renderStatement(data) : undefined;
    const slug = asciiSlug(action.customer.name);
    if (statement !== undefined) await write(ownName(`releves/releve-${data.date_iso}-${slug}.pdf`, action.customerKey), statement);

    const channel = action.channel;
    if (action.level === 4) {
      // The court file is one per debtor: it goes with its own supporting documents.
      // A public buyer's file is a référé-provision, not an injonction de payer: its name says so.
      const file = ownName(`injonctions/${data.injonction?.refere === true ? "refere-provision" : "injonction"}-${data.date_iso}-${slug}.docx`, action.customerKey);
      await write(file, renderLetters(await letterTemplate(4, data.langue), [data]));
      documents.set(action.customerKey, { reference: file, channel });
    } else if (channel === "email") {
      const message = reminderEmail(data, await defaultEmailTemplate(action.level, data.langue, templatesFolder), statement, { from });
      const file = ownName(`emails/${message.fileName}`, action.customerKey);
      await write(file, await emlFile(message.message));
      documents.set(action.customerKey, { reference: file, channel });
    } else if (channel === "courrier" || channel === "recommandé") {
      const key = `${action.level}-${data.langue}`;
      const group = letters.get(key) ?? { level: action.level, lang: data.langue, customers: [], actions: [], channel };
      group.customers.push(data);
      group.actions.push(action);
      letters.set(key, group);
    }
  }

  for (const { level, lang, customers, actions, channel } of letters.values()) {
    const file = `courriers/${LETTER_NAMES[level]}-${customers[0]!.date_iso}${lang === "en" ? "-en" : ""}.docx`;
    await write(file, renderLetters(await letterTemplate(level, lang), customers));
    for (const action of actions) documents.set(action.customerKey, { reference: file, channel });
  }
  return { files, documents };
}
