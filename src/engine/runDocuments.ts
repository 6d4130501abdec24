// The documents of a run, decided and produced through ports: e-mails (through the mail delivery),
// letters (one Word document per level and language, one section per customer), account
// statements (PDF) and the injonction de payer files (into the document sink). Names are stable,
// so that a retried run rewrites the same files instead of adding new ones.
import { dayToIso } from "../core/day";
import type { ActionDocument, Plan, PlannedAction } from "../core/plan";
import type { ReminderLevel } from "../core/reminderLevel";
import type { Channel } from "../core/reminderPolicy";
import type { Settings } from "../core/settings";
import { renderStatement } from "../documents/accountStatement";
import { asciiSlug } from "../documents/asciiSlug";
import { reminderEmail } from "../documents/reminderEmail";
import { stableHash } from "../documents/stableHash";
import { documentLanguage, reminderData, type Language } from "../documents/reminderData";
import { renderLetters } from "../documents/wordLetters";
import type { DocumentSink } from "./documentSink";
import type { MailDelivery } from "./mailDelivery";
import { NO_PROGRESS, type RunProgress } from "./progress";
import type { TemplateStore } from "./templateStore";

/** What the run's documents go through. */
export interface DocumentPorts {
  readonly templates: TemplateStore;
  readonly sink: DocumentSink;
  readonly mail: MailDelivery;
  readonly progress?: RunProgress | undefined;
  /** Renders the actions' statements, court files and e-mails (here, one after the other, by default). */
  readonly render?: ActionRenderer | undefined;
  /**
   * Renders a letter elsewhere: each is handed over before the actions' documents, to be made
   * while they are, and awaited in turn after them (by default, each is merged here then).
   */
  readonly renderLetter?: LetterRenderer | undefined;
}

/** The Word letters of a level and language, one section per customer (see renderLetters). */
export interface LetterToRender {
  /** Its name in the output folder. */
  readonly file: string;
  readonly level: ReminderLevel;
  readonly lang: Language;
  /** Its customers' actions, in the plan's order. */
  readonly actions: readonly PlannedAction[];
}

/** Renders a letter elsewhere (a worker thread): its bytes, as renderLetters makes them. */
export type LetterRenderer = (letter: LetterToRender) => Promise<Uint8Array>;

export interface ProducedDocuments {
  /** The document each customer's action went into (the journal's Référence) and its channel, by customer key. */
  readonly documents: ReadonlyMap<string, ActionDocument>;
  /** How many documents were written or delivered. */
  readonly count: number;
}

const LETTER_NAMES: Readonly<Record<ReminderLevel, string>> = {
  0: "preventive",
  1: "relance-1",
  2: "relance-2",
  3: "mise-en-demeure",
  4: "injonction",
};

/**
 * File names come from a shortened ASCII slug of the customer's name: two customers can share one
 * (names alike in their first 60 characters, names in a non-Latin script). The second one's file
 * then carries a hash of its customer key, the same on every retry, instead of overwriting the first.
 */
class DocumentNames {
  private readonly owners = new Map<string, string>();

  own(relative: string, customerKey: string): string {
    let name = relative;
    const owner = this.owners.get(name.toLowerCase());
    if (owner !== undefined && owner !== customerKey) {
      const dot = relative.lastIndexOf(".");
      const extension = dot > relative.lastIndexOf("/") ? relative.slice(dot) : "";
      name = `${relative.slice(0, relative.length - extension.length)}-${stableHash(customerKey)}${extension}`;
    }
    this.owners.set(name.toLowerCase(), customerKey);
    return name;
  }
}

/** Holds an e-mail's place in the documents' order until its delivery answers. */
const PENDING: ActionDocument = { reference: "", channel: "email" };

interface LetterGroup extends LetterToRender {
  readonly channel: Channel;
  readonly actions: PlannedAction[];
}

/**
 * The letters of a plan: its actions from reminder 1 to the formal notice that go by post, by
 * level and language, in the order their first customer comes in the plan.
 */
function letterGroups(plan: Plan): LetterGroup[] {
  const letters = new Map<string, LetterGroup>();
  for (const action of plan.actions) {
    const channel = action.channel;
    if (action.level >= 4 || (channel !== "courrier" && channel !== "recommandé")) continue;
    const lang = documentLanguage(action);
    const key = `${action.level}-${lang}`;
    let group = letters.get(key);
    if (group === undefined) {
      const file = `courriers/${LETTER_NAMES[action.level]}-${dayToIso(plan.asOf)}${lang === "en" ? "-en" : ""}.docx`;
      letters.set(key, (group = { file, level: action.level, lang, channel, actions: [] }));
    }
    group.actions.push(action);
  }
  return [...letters.values()];
}

/** The documents of one action rendered ahead of naming: what the run writes for it, in that order. */
export interface RenderedAction {
  /** Its statement (PDF), from reminder 1 on. */
  readonly statement?: Uint8Array | undefined;
  /** Its court file (level 4): the name it asks for, and its bytes. */
  readonly court?: { readonly name: string; readonly bytes: Uint8Array } | undefined;
  /** Its e-mail: the name it asks for, and how to deliver it under the name it is given. */
  readonly email?: { readonly name: string; deliver(name: string): Promise<string> } | undefined;
}

/**
 * Renders the documents of each action, in their order: a host may render them elsewhere (worker
 * threads), since each action's documents depend on that action alone. Letters are not rendered
 * there: they gather many customers (see produceRunDocuments).
 */
export type ActionRenderer = (actions: readonly PlannedAction[]) => AsyncIterable<RenderedAction>;

/** What an action renderer needs besides the actions. */
export interface RenderContext {
  readonly asOf: Plan["asOf"];
  readonly settings: Settings;
  readonly templates: TemplateStore;
}

/** The sender of the run's e-mails. */
function runSender(settings: Settings): string {
  return settings.senderMailbox ?? settings.company.email ?? "relances@localhost.invalid";
}

/**
 * One action's statement, court file and e-mail (as a message for `mail`), rendered here.
 * @throws TemplateError for a broken template
 */
export async function renderAction(action: PlannedAction, context: RenderContext, mail: MailDelivery): Promise<RenderedAction> {
  const { settings, templates } = context;
  const data = reminderData(action, context, settings);
  const statement = action.level >= 1 ? await renderStatement(data) : undefined;
  const slug = asciiSlug(action.customer.name);
  if (action.level === 4) {
    // The court file is one per debtor: it goes with its own supporting documents.
    // A public buyer's file is a référé-provision, not an injonction de payer: its name says so.
    const kind = data.injonction?.refere === true ? "refere-provision" : "injonction";
    return { statement, court: { name: `injonctions/${kind}-${data.date_iso}-${slug}.docx`, bytes: renderLetters(await templates.word(4, data.langue), [data]) } };
  }
  if (action.channel === "email") {
    const message = reminderEmail(data, await templates.email(action.level, data.langue), statement, { from: runSender(settings) });
    return { statement, email: { name: `emails/${message.fileName}`, deliver: (name) => mail.deliver(message, name) } };
  }
  return { statement };
}

/** Renders the actions one after the other, here. */
function renderHere(context: RenderContext, mail: MailDelivery): ActionRenderer {
  return async function* (actions) {
    for (const action of actions) yield await renderAction(action, context, mail);
  };
}

/**
 * Produces the documents of a plan: for each action from reminder 1 on, the customer's statement;
 * then its court file (level 4), its e-mail, or its section in the letters of its level and
 * language. Levels 0-3 by phone or "autre" make no document but the statement.
 *
 * @param plan - the plan, whose actions carry the channel they go by (an e-mail without an
 *   address already planned as a letter)
 * @param settings - the sender and the settings the documents print
 * @param ports - templates, the sink the files go to, the mail delivery, and progress
 * @returns the document of each customer's action, for the journal
 * @throws what a port throws (a file that cannot be written), TemplateError for a broken template
 */
export async function produceRunDocuments(plan: Plan, settings: Settings, ports: DocumentPorts): Promise<ProducedDocuments> {
  const { templates, sink, mail } = ports;
  const progress = ports.progress ?? NO_PROGRESS;
  const documents = new Map<string, ActionDocument>();
  const names = new DocumentNames();
  let count = 0;
  const written = (): void => progress.documentsWritten(++count);
  const render = ports.render ?? renderHere({ asOf: plan.asOf, settings, templates }, mail);
  const letters = letterGroups(plan);
  // Rendered elsewhere, the letters are made while the other documents are; awaited in turn below,
  // a failure is told there (and not as an unhandled rejection meanwhile).
  const early = ports.renderLetter === undefined ? undefined : letters.map((letter) => ports.renderLetter!(letter));
  for (const made of early ?? []) made.catch(() => undefined);
  const deliveries: Promise<void>[] = [];
  const references = new Map<string, ActionDocument>();

  let index = 0;
  for await (const rendered of render(plan.actions)) {
    const action = plan.actions[index++]!;
    if (rendered.statement !== undefined) {
      const slug = asciiSlug(action.customer.name);
      await sink.write(names.own(`releves/releve-${dayToIso(plan.asOf)}-${slug}.pdf`, action.customerKey), rendered.statement);
      written();
    }
    const channel = action.channel;
    if (rendered.court !== undefined) {
      const file = names.own(rendered.court.name, action.customerKey);
      await sink.write(file, rendered.court.bytes);
      written();
      documents.set(action.customerKey, { reference: file, channel });
    } else if (rendered.email !== undefined) {
      const customerKey = action.customerKey;
      const delivered = rendered.email.deliver(names.own(rendered.email.name, customerKey)).then((reference) => {
        written();
        references.set(customerKey, { reference, channel });
      });
      // A delivery that gathers e-mails into batches (Graph's $batch, told so by flush) answers
      // later; any other is awaited, so that files are written in the plan's order.
      if (mail.flush === undefined) await delivered;
      else deliveries.push(delivered);
      documents.set(customerKey, PENDING);
    }
  }

  for (const [i, letter] of letters.entries()) {
    const { file, level, lang, actions, channel } = letter;
    // Merged here, the letters' merge data is made then, not held through the other documents.
    const bytes = early?.[i] === undefined ? renderLetters(await templates.word(level, lang), actions.map((action) => reminderData(action, plan, settings))) : await early[i]!;
    await sink.write(file, bytes);
    written();
    for (const action of actions) documents.set(action.customerKey, { reference: file, channel });
  }
  await mail.flush?.();
  // Every delivery settles before a failure is told: those that went out are known to the next run.
  const failed = (await Promise.allSettled(deliveries)).find((outcome) => outcome.status === "rejected");
  if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
  for (const [customerKey, document] of references) documents.set(customerKey, document);
  await sink.flush();
  return { documents, count };
}
