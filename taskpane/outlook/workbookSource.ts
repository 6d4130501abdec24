// The Outlook pane's tracking workbook, as a port: the sheets for the engine (memoryWorkbook), and
// journal lines appended (each at most once: a line already there, or one with the same Référence
// on the same invoice, is not added again). Two adapters: the file the server is pointed at
// (embeddedWorkbook.ts) and OneDrive or SharePoint through the signed-in API (graphWorkbookSource.ts).
// The pane's setting (workbookSetting.ts) says which.
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { JournalLineWire } from "./journalLineWire";

export interface SourceSheets {
  /** The workbook's file name ("suivi.xlsx"). */
  readonly name: string;
  readonly sheets: MemorySheet[];
}

/** How the pane names a workbook to the user, in each language. */
export interface WorkbookLabel {
  readonly fr: string;
  readonly en: string;
}

export interface WorkbookSource {
  /** What the pane calls the workbook before it is read (for messages): a file name, a path, "the server's file". */
  readonly label: WorkbookLabel;
  /** The sheets as the engine reads them (tracking sheets, journal, settings, history). */
  sheets(): Promise<SourceSheets>;
  /** Appends the lines the journal does not hold yet; how many were added. */
  appendJournal(lines: readonly JournalLineWire[]): Promise<number>;
}

/** A file name, the same in both languages. */
export const fileLabel = (name: string): WorkbookLabel => ({ fr: name, en: name });

/**
 * An error of a source, naming its workbook in both languages.
 * @param label - the workbook as the user knows it
 * @param error - what failed; its message "français / English" is split between the two halves
 * @example workbookError(fileLabel("Suivi.xlsx"), new Error("Classeur introuvable / Workbook not found")).message
 * // "Classeur « Suivi.xlsx » : Classeur introuvable. / Workbook « Suivi.xlsx »: Workbook not found."
 */
export function workbookError(label: WorkbookLabel, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const parts = message.split(" / ");
  const [french, english] = parts.length === 2 ? [parts[0]!.trim(), parts[1]!.trim()] : [message.trim(), message.trim()];
  const sentence = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`);
  return new Error(`Classeur « ${label.fr} » : ${sentence(french)} / Workbook « ${label.en} »: ${sentence(english)}`, { cause: error });
}

/** The source with every failure naming its workbook (by its file name once it has been read). */
export function namingFailures(source: WorkbookSource): WorkbookSource {
  let label = source.label;
  const named = <T>(work: Promise<T>): Promise<T> => work.catch((error: unknown) => Promise.reject(workbookError(label, error)));
  return {
    label: source.label,
    sheets: () =>
      named(source.sheets()).then((read) => {
        if (read.name !== "") label = fileLabel(read.name);
        return read;
      }),
    appendJournal: (lines) => named(source.appendJournal(lines)),
  };
}
