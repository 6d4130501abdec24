// What the Excel task pane needs from where it runs, as a port: inside Excel (Office.js), or in a
// plain browser on a workbook file (the preview). The pane's screens and the engine see only this.
import type { ColumnMapping } from "../../src/core/trackingColumns";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { WorkbookOutput } from "../../src/engine/workbookOutput";
import type { ApiClient } from "./apiClient";

export type PaneLanguage = "fr" | "en";

/** A file the pane hands to the user: a letter, a statement, an e-mail draft, an export. */
export interface PaneFile {
  /** The path in the run's folder ("courriers/relance-2-2026-06-30.docx"). */
  readonly path: string;
  readonly data: Uint8Array | string;
  /** Its media type ("application/pdf"). */
  readonly type: string;
}

/**
 * Where the files went, for the action's summary: downloaded, links the user opens (the local
 * server), or saved next to the workbook in OneDrive (links to them).
 */
export interface DeliveredFiles {
  readonly how: "download" | "link" | "onedrive";
  /** One per file when how is "link" or "onedrive": what the pane shows and opens. */
  readonly links?: readonly { readonly path: string; readonly url: string }[] | undefined;
  /** Why the files did not go where they should have (OneDrive refused: they went the local way), French / English. */
  readonly warning?: string | undefined;
}

/** What the Set-up screen asks of a host for the live columns of one tracking sheet. */
export interface LiveColumnsRequest {
  readonly sheet: string;
  readonly mapping: ColumnMapping;
  /** The 1-based last data row of the table. */
  readonly lastRow: number;
  /** ISO ("2026-06-30"): the pane's reference date. */
  readonly referenceDate: string;
  readonly language: PaneLanguage;
}

export interface PaneHost {
  readonly kind: "excel" | "preview";
  /** French unless Office's (or the browser's) display language is English. */
  readonly language: PaneLanguage;
  /** The workbook's name, for titles and file names. */
  workbookName(): string;
  /**
   * The workbook's sheets as values (tracking sheets, journal, settings, history sheets), with the
   * number formats of the settings sheet; read in blocks where the host needs to.
   * @param onProgress - rows read so far, for a long read
   */
  readSheets(onProgress?: (rowsRead: number) => void): Promise<MemorySheet[]>;
  /** Where the pane's writes go (journal lines, stage sheets, settings, column mapping). */
  readonly output: WorkbookOutput;
  /**
   * The add-in server's API, signed in as the user, when Microsoft 365 is configured: the e-mail
   * action then drafts in Outlook instead of writing .eml files. Absent otherwise.
   */
  readonly api?: ApiClient | undefined;
  /**
   * Hands files to the user: a download in a browser, links through the local server in Excel on
   * the desktop, saved next to the workbook in OneDrive when Microsoft 365 is configured and the
   * workbook is there.
   */
  deliver(files: readonly PaneFile[]): Promise<DeliveredFiles>;
  /** Writes the reference date into the workbook's named cell (RELANCES_DATE), when the host has one. */
  setReferenceDate?(iso: string): Promise<void>;
  /**
   * Adds the live columns for managers (SPEC section 7): due date, days overdue, ageing band and
   * next step as spilled RELANCES formulas at the right of each tracking table, and an ageing
   * summary (BALANCE.AGEE) on a sheet of its own, all pointing at the reference-date cell. Absent
   * where the host cannot (the preview): the Set-up screen then shows no button.
   * @param order - one tracking sheet: its mapping as the engine read it, its last data row, the
   *   reference date the formulas point at and the language of the headers
   * @returns what was added, one line each, for the screen to show
   * @throws with a French / English message when nothing could be added (columns already there, a target cell filled)
   */
  addLiveColumns?(order: LiveColumnsRequest): Promise<readonly string[]>;
}
