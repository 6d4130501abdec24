// An action of the Excel pane on the customers ticked in its worklist: the same plan, sender check,
// documents and journal lines as `relances run`, restricted to the selection and to one kind of
// document, with the rows for the host to append (journal, stage sheets) and a summary. Pure: the
// host reads the sheets before, appends the rows and hands the files to the user after.
import type { Day } from "../core/day";
import { invoiceKey } from "../core/invoiceKey";
import type { JournalEntry } from "../core/journalEntry";
import { plannedJournalEntries, type Plan, type PlannedAction } from "../core/plan";
import { missingSenderSettings, missingSettingMessage, type MissingSetting } from "../core/senderCheck";
import { renderStatement } from "../documents/accountStatement";
import type { EmailMessage } from "../documents/emailMessage";
import { reminderData } from "../documents/reminderData";
import { readArrays } from "./arraysSource";
import type { ActionSummary, LeftOut, PaneActionKind, ProducedItem } from "./actionSummary";
import { forcedAction } from "./forcedLevel";
import { historyJournalEntries } from "./historyJournalEntries";
import { journalSheetAppend } from "./journalSheetAppend";
import { actionMakes, injunctionRefusedReason, nothingDueReason, otherKindReason, senderIncompleteReason } from "./leftOutReasons";
import type { MailDelivery } from "./mailDelivery";
import { MemoryDocumentSink } from "./memoryDocumentSink";
import { memoryTemplateStore } from "./memoryTemplateStore";
import type { MemorySheet } from "./memoryWorkbook";
import { customerAccounts, resolveSelection, type PaneSelection } from "./paneSelection";
import { planWorkbook } from "./planWorkbook";
import type { WorkbookSource } from "./readWorkbook";
import { produceRunDocuments, renderAction, type ActionRenderer, type RenderedAction } from "./runDocuments";
import { runPlan } from "./runPlan";
import { stageSheetAppends } from "./stageSheetAppends";
import { STAGE_SHEETS } from "./stageRows";
import type { DocumentSink } from "./documentSink";
import type { RunProgress } from "./progress";
import type { SheetAppend } from "./workbookOutput";

export type { PaneActionKind, PaneSelection };

export interface PaneActionRequest {
  /** The workbook's sheets as the host read them (tracking sheets, journal, settings, history, stage sheets). */
  readonly sheets: readonly MemorySheet[];
  /** The reference date, ISO (2026-06-30). */
  readonly asOf: string;
  readonly kind: PaneActionKind;
  readonly selection: PaneSelection;
  /** The package's templates/ files by path, as documentsFromArrays takes them (not needed for "stages"). */
  readonly templates?: Readonly<Record<string, Uint8Array | string>> | undefined;
  /** Who acts, for the journal's Utilisateur column. */
  readonly user?: string | undefined;
  /** Told of each document made, for the pane's progress bar on a long action. */
  readonly progress?: RunProgress | undefined;
  /**
   * Where the e-mails go instead of `emails` (.eml files): Outlook drafts through Microsoft 365.
   * Its answer (the draft's id) is the journal's Référence and the produced item's path.
   */
  readonly mail?: MailDelivery | undefined;
  readonly sheet?: string | undefined;
  readonly headerRow?: number | undefined;
}

export interface PaneActionResult {
  /** The documents, by path in the run's folder (statements, letters, court files). */
  readonly files: Readonly<Record<string, Uint8Array | string>>;
  /** The e-mails, each under the name its .eml would have (none when the request's `mail` delivered them). */
  readonly emails: Readonly<Record<string, EmailMessage>>;
  /** What the host appends, in one batch: the journal's new lines, the stage sheets' rows. */
  readonly appends: readonly SheetAppend[];
  readonly summary: ActionSummary;
  /** Why nothing could be planned (no tracking sheet, a date that is none). */
  readonly problem?: string | undefined;
}

/** The note of the journal lines of a forced level: the line says the policy did not call for it. */
export const FORCED_NOTE = "niveau forcé / forced level";
const STATEMENT_NOTE = "relevé de compte / account statement";

const EMPTY_SUMMARY: ActionSummary = { produced: [], journalled: 0, leftOut: [], stageRows: 0 };

/**
 * Carries out one pane action on the selection.
 *
 * - emails, letters, injunction: the documents `relances run` makes for those customers (with
 *   their account statements), through the same sender check, and its journal lines;
 * - statements: the account statements alone; each listed invoice gets a journal line without a
 *   level (channel autre, the statement as Référence), so that it does not count as a reminder;
 * - stages: the rows of « Relance 1 », « Relance 2 », « Mise en demeure » (levels 1-3), journalled
 *   at their level with the stage sheet as Référence: the stage sheet is the seeds' record of a
 *   reminder, merged into letters by the assistants. It prints no letterhead: no sender check.
 *
 * A forced level follows forcedLevel.ts; its journal lines are at that level, noted FORCED_NOTE.
 * Journal lines already in the workbook's journal are not added again, nor stage rows already in
 * their sheet: the same action twice the same day adds nothing.
 *
 * @returns the files, e-mails, appends and summary; a problem when the workbook cannot be planned
 * @throws what the renderers throw for a broken or missing template
 * @example
 * const result = await runPaneAction({ sheets, asOf: "2026-06-30", kind: "letters", selection: { customers: ["SCI Les Tilleuls"] }, templates });
 * await host.output.append(result.appends);
 */
export async function runPaneAction(request: PaneActionRequest): Promise<PaneActionResult> {
  const read = await readArrays(request.sheets, request.asOf, request);
  if ("problem" in read) return { files: {}, emails: {}, appends: [], summary: EMPTY_SUMMARY, problem: read.problem };
  const { source, day } = read;

  const selection = resolveSelection(request.selection, customerAccounts(source.tracking.invoices, source.tracking.creditNotes));
  const plan = planWorkbook(source, day, selection.forced);
  const leftOut: LeftOut[] = [...selection.invalid];
  const chosen: PlannedAction[] = [];
  const actionOf = new Map(plan.actions.map((a) => [a.customerKey, a]));
  for (const [key, name] of selection.names) {
    const planned = actionOf.get(key);
    const forced = selection.forcedKeys.has(key);
    if (planned === undefined) {
      const invoices = plan.invoices.filter((i) => i.customerKey === key);
      leftOut.push({ customer: invoices[0]?.record.customer.name ?? name, reason: nothingDueReason(invoices, day, forced) });
      continue;
    }
    const { action, refused } = forcedAction(planned, day, source.settings.policy);
    const customer = planned.customer.name;
    if (refused.length > 0) leftOut.push({ customer, reason: injunctionRefusedReason(refused.map((i) => i.record.number), source.settings.policy.injunctionAfterDays) });
    if (action === undefined) continue;
    if (!actionMakes(request.kind, action)) leftOut.push({ customer, reason: otherKindReason(request.kind, action) });
    else chosen.push(action);
  }

  const context: ActionContext = { request, source, plan: { ...plan, actions: chosen }, day, forcedKeys: selection.forcedKeys, leftOut };
  switch (request.kind) {
    case "stages":
      return stagesAction(context);
    case "statements":
      return statementsAction(context);
    default:
      return documentsAction(context);
  }
}

interface ActionContext {
  readonly request: PaneActionRequest;
  readonly source: WorkbookSource;
  /** The plan restricted to the actions carried out, in the plan's order. */
  readonly plan: Plan;
  readonly day: Day;
  readonly forcedKeys: ReadonlySet<string>;
  readonly leftOut: LeftOut[];
}

/** E-mails, letters and court files, as `relances run` makes them (runPlan). */
async function documentsAction(context: ActionContext): Promise<PaneActionResult> {
  const { request, source, plan } = context;
  const made = collector(request.templates, request.mail);
  const outcome = await runPlan(
    { plan, settings: source.settings, journal: source.journal.entries, history: historyOf(context), user: request.user },
    { templates: made.templates, sink: made.sink, mail: made.mail, progress: request.progress, render: made.tracked((action) => renderAction(action, { asOf: plan.asOf, settings: source.settings, templates: made.templates }, made.mail)) },
  );
  if (outcome.refused !== undefined) return refusal(context, outcome.refused);
  const produced = made.produced(plan.actions, outcome.documents.documents, request.kind);
  return finish(context, made, produced, withForcedNote(outcome.journalLines, plan, context.forcedKeys), []);
}

/** The account statements alone: the run's statements of these customers, under the run's names. */
async function statementsAction(context: ActionContext): Promise<PaneActionResult> {
  const { request, source, plan } = context;
  // A statement goes by no channel of its own: checked, and made, as a document that is no e-mail nor letter.
  const asStatements = plan.actions.map((action) => ({ ...action, channel: "autre" as const }));
  const missing = missingSenderSettings(source.settings, asStatements);
  if (missing.length > 0) return refusal(context, missing);
  const made = collector(request.templates);
  await produceRunDocuments({ ...plan, actions: asStatements }, source.settings, {
    templates: made.templates,
    sink: made.sink,
    mail: made.mail,
    progress: request.progress,
    render: made.tracked(async (action) => ({ statement: await renderStatement(reminderData(action, plan, source.settings)) })),
  });
  const produced = made.produced(asStatements, new Map(), "statements");
  const statementOf = new Map(produced.map((p) => [p.customer, p.path]));
  const lines: JournalEntry[] = [];
  for (const action of plan.actions) {
    const reference = statementOf.get(action.customer.name);
    for (const invoice of action.invoices) {
      lines.push({ date: plan.asOf, customer: invoice.record.customer.name, invoice: invoice.record.number, channel: "autre", reference, note: STATEMENT_NOTE, user: request.user });
    }
  }
  return finish(context, made, produced, [...historyOf(context), ...lines], []);
}

/** The stage sheets' rows, journalled at their level. */
function stagesAction(context: ActionContext): PaneActionResult {
  const { request, source, plan } = context;
  const stages = stageSheetAppends(request.sheets, plan, plan.actions);
  const planned = plannedJournalEntries(plan, request.user, (action) => ({ reference: STAGE_SHEETS[action.level], channel: action.channel }));
  const produced: ProducedItem[] = plan.actions
    .filter((action) => (stages.rowsByAction.get(action) ?? 0) > 0)
    .map((action) => ({ path: STAGE_SHEETS[action.level]!, kind: "stage", customer: action.customer.name }));
  const rows = stages.appends.reduce((sum, append) => sum + append.rows.length, 0);
  const journal = journalSheetAppend(request.sheets, source.journal.entries, [...historyOf(context), ...withForcedNote(planned, plan, context.forcedKeys)]);
  return {
    files: {},
    emails: {},
    appends: [...(journal.append === undefined ? [] : [journal.append]), ...stages.appends],
    summary: { produced, journalled: journal.added.length, leftOut: context.leftOut, stageRows: rows },
  };
}

function finish(context: ActionContext, made: Collector, produced: ProducedItem[], lines: readonly JournalEntry[], extra: readonly SheetAppend[]): PaneActionResult {
  const journal = journalSheetAppend(context.request.sheets, context.source.journal.entries, lines);
  return {
    files: Object.fromEntries(made.files),
    emails: made.emails,
    appends: [...(journal.append === undefined ? [] : [journal.append]), ...extra],
    summary: { produced, journalled: journal.added.length, leftOut: context.leftOut, stageRows: 0 },
  };
}

/** Nothing goes out incomplete (SPEC section 5): no document, no journal line, the missing settings named. */
function refusal(context: ActionContext, missing: readonly MissingSetting[]): PaneActionResult {
  const keys = missing.map((m) => m.key);
  const leftOut = [...context.leftOut, ...context.plan.actions.map((a) => ({ customer: a.customer.name, reason: senderIncompleteReason(keys) }))];
  return {
    files: {},
    emails: {},
    appends: [],
    summary: { produced: [], journalled: 0, leftOut, stageRows: 0, missingSettings: missing.map((m) => ({ ...m, message: missingSettingMessage(m) })) },
  };
}

/**
 * The manual workflow's history lines (« repris de la feuille … ») of the customers acted on: their
 * takeover goes with the first action on them, as the run appends them once.
 */
function historyOf(context: ActionContext): JournalEntry[] {
  const { source, day, plan } = context;
  const invoices = new Set(plan.actions.flatMap((a) => a.account.invoices.map((i) => invoiceKey(i.record.number))));
  if (invoices.size === 0) return [];
  return historyJournalEntries(source, day).entries.filter((e) => invoices.has(invoiceKey(e.invoice)));
}

/** The lines of forced actions, noted as such. */
function withForcedNote(lines: readonly JournalEntry[], plan: Plan, forcedKeys: ReadonlySet<string>): JournalEntry[] {
  const forced = new Set(plan.actions.filter((a) => forcedKeys.has(a.customerKey)).flatMap((a) => a.due.map((d) => d.invoice.record.number)));
  return lines.map((line) => (forced.has(line.invoice) && line.level !== undefined && line.note === undefined ? { ...line, note: FORCED_NOTE } : line));
}

interface Collector {
  readonly templates: ReturnType<typeof memoryTemplateStore>;
  /** Where the run writes; the files land in `files`. */
  readonly sink: DocumentSink;
  readonly files: ReadonlyMap<string, Uint8Array | string>;
  readonly mail: MailDelivery;
  readonly emails: Record<string, EmailMessage>;
  /** A renderer that notes which action the files written next belong to. */
  tracked(render: (action: PlannedAction) => Promise<RenderedAction>): ActionRenderer;
  /** What was produced for each action, from the files written while it was rendered and its document. */
  produced(actions: readonly PlannedAction[], documents: ReadonlyMap<string, { readonly reference?: string | undefined }>, kind: PaneActionKind): ProducedItem[];
}

/**
 * The ports of a pane action in memory, noting which action each file was written for: the run
 * writes an action's statement (and court file, or e-mail) right after rendering it, the letters
 * at the end, each named as the action's document.
 */
function collector(templateFiles: PaneActionRequest["templates"], delivery?: MailDelivery): Collector {
  const sink = new MemoryDocumentSink();
  const emails: Record<string, EmailMessage> = {};
  const writtenFor = new Map<string, string[]>();
  let current: PlannedAction | undefined;
  const note = (path: string): void => {
    if (current === undefined) return;
    const list = writtenFor.get(current.customerKey) ?? [];
    list.push(path);
    writtenFor.set(current.customerKey, list);
  };
  const tracking: DocumentSink = {
    async write(relative, data) {
      note(relative);
      await sink.write(relative, data);
    },
    flush: () => sink.flush(),
  };
  // References of e-mails delivered elsewhere (drafts): produced items of kind "email".
  const delivered = new Set<string>();
  const mail: MailDelivery =
    delivery === undefined
      ? {
          async deliver(email, name) {
            note(name);
            emails[name] = email.message;
            return name;
          },
        }
      : {
          async deliver(email, name) {
            const reference = await delivery.deliver(email, name);
            delivered.add(reference);
            return reference;
          },
          ...(delivery.flush === undefined ? {} : { flush: () => delivery.flush!() }),
        };
  return {
    templates: memoryTemplateStore(new Map(Object.entries(templateFiles ?? {}))),
    sink: tracking,
    files: sink.files,
    mail,
    emails,
    tracked(render) {
      return async function* (actions) {
        for (const action of actions) {
          const rendered = await render(action);
          current = action;
          yield rendered;
        }
        current = undefined;
      };
    },
    produced(actions, documents, kind) {
      const items: ProducedItem[] = [];
      for (const action of actions) {
        const customer = action.customer.name;
        const paths = writtenFor.get(action.customerKey) ?? [];
        const reference = documents.get(action.customerKey)?.reference;
        for (const path of paths) items.push({ path, kind: itemKind(path, kind, action), customer });
        if (reference !== undefined && !paths.includes(reference)) items.push({ path: reference, kind: delivered.has(reference) ? "email" : itemKind(reference, kind, action), customer });
      }
      return items;
    },
  };
}

function itemKind(path: string, kind: PaneActionKind, action: PlannedAction): ProducedItem["kind"] {
  if (path.startsWith("releves/")) return "statement";
  if (path.startsWith("emails/")) return "email";
  if (action.level === 4 && kind === "injunction") return "court";
  return "letter";
}
