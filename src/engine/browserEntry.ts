// The engine as a browser page gets it (scripts/check-browser-bundle.mjs bundles this file for
// platform "browser", which fails on any Node import): a workbook's sheets as Office.js arrays in,
// the plan out, as `relances plan --json` prints it, and the run's documents.
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import { planToJson, type PlanJson } from "../core/planJson";
import type { EmailMessage } from "../documents/emailMessage";
import type { MailDelivery } from "./mailDelivery";
import { MemoryDocumentSink } from "./memoryDocumentSink";
import { memoryTemplateStore } from "./memoryTemplateStore";
import { readArrays } from "./arraysSource";
import type { MemorySheet } from "./memoryWorkbook";
import { planWorkbook } from "./planWorkbook";
import { produceRunDocuments } from "./runDocuments";

export type { MemorySheet };

export interface ArraysPlan {
  /** The plan; undefined when the workbook holds no tracking sheet. */
  readonly plan?: Plan | undefined;
  /** The plan as `relances plan --json` prints it. */
  readonly json?: PlanJson | undefined;
  /** Why there is no plan: no tracking sheet, or a date that is none (one French line). */
  readonly problem?: string | undefined;
}

/**
 * Plans a run on a workbook's sheets as Office.js hands them over.
 *
 * @param sheets - the sheets in tab order: values (and number formats, merged areas, visibility)
 * @param asOf - the run's date, ISO (2026-06-30)
 * @param options - sheet (the one tracking sheet to read), headerRow
 * @returns the plan and its JSON, or the problem
 * @example
 * (await planFromArrays([{ name: "Suivi", values }], "2026-06-30")).json?.actions
 */
export async function planFromArrays(
  sheets: readonly MemorySheet[],
  asOf: string,
  options: { readonly sheet?: string; readonly headerRow?: number } = {},
): Promise<ArraysPlan> {
  const read = await readAndPlan(sheets, asOf, options);
  return "problem" in read ? read : { plan: read.plan, json: planToJson(read.plan) };
}

async function readAndPlan(
  sheets: readonly MemorySheet[],
  asOf: string,
  options: { readonly sheet?: string; readonly headerRow?: number } = {},
): Promise<{ readonly plan: Plan; readonly settings: Settings } | { readonly problem: string }> {
  const read = await readArrays(sheets, asOf, options);
  if ("problem" in read) return read;
  return { plan: planWorkbook(read.source, read.day), settings: read.source.settings };
}

export interface ArraysDocuments {
  /** The documents, by path in the run's folder (statements, letters, court files), as the engine makes them. */
  readonly files?: Readonly<Record<string, Uint8Array | string>> | undefined;
  /** The reminder e-mails, each under the name its .eml would have: the message as data. */
  readonly emails?: Readonly<Record<string, EmailMessage>> | undefined;
  /** The journal's Référence of each customer's action, by customer key. */
  readonly references?: Readonly<Record<string, string>> | undefined;
  readonly problem?: string | undefined;
}

/**
 * The documents of a run on a workbook's sheets as Office.js hands them over: what the pane offers
 * to download (e-mails as messages: a host writes them as .eml or drafts them).
 *
 * @param sheets - the sheets in tab order
 * @param asOf - the run's date, ISO
 * @param templates - the package's templates/ files by path ("fr/reminder2.docx": bytes, "fr/reminder1.html": text)
 * @returns the documents, or the problem
 * @example
 * Object.keys((await documentsFromArrays(sheets, "2026-06-30", templates)).files ?? {})
 */
export async function documentsFromArrays(
  sheets: readonly MemorySheet[],
  asOf: string,
  templates: Readonly<Record<string, Uint8Array | string>>,
): Promise<ArraysDocuments> {
  const planned = await readAndPlan(sheets, asOf);
  if ("problem" in planned) return planned;
  const sink = new MemoryDocumentSink();
  const emails: Record<string, EmailMessage> = {};
  const mail: MailDelivery = {
    async deliver(email, name) {
      emails[name] = email.message;
      return name;
    },
  };
  const produced = await produceRunDocuments(planned.plan, planned.settings, { templates: memoryTemplateStore(new Map(Object.entries(templates))), sink, mail });
  const references = Object.fromEntries([...produced.documents].map(([key, document]) => [key, document.reference ?? ""]));
  return { files: Object.fromEntries(sink.files), emails, references };
}

// The pane's actions on the customers ticked (issue 11): documents and journal lines as `relances
// run` makes them, stage sheets, calls, promises and disputes logged, and the preview's output.
export { runPaneAction, FORCED_NOTE, type PaneActionRequest, type PaneActionResult, type PaneActionKind, type PaneSelection } from "./paneActions";
export type { ActionSummary, LeftOut, MissingSenderSetting, ProducedItem, ProducedKind } from "./actionSummary";
export { logContact, type ContactEvent, type ContactLogRequest, type ContactLogResult } from "./contactLog";
export { appendToSheets, updateSheets, MemoryWorkbookOutput } from "./memoryWorkbookOutput";
export type { CellUpdate, SheetAppend, WorkbookOutput } from "./workbookOutput";
export { settingsEdits, type SettingsEdits } from "./settingsEdits";

// The manager's report (the pane's « Rapport »): figures, JSON and the export sheet's rows.
export { reportFromArrays, type ArraysReport } from "./reportArrays";
