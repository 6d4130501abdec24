// How far a run has gone, as a port: the command line prints it on stderr for long runs, a task
// pane may draw a bar. Counts are totals so far, reported as they grow.

export interface RunProgress {
  /** Rows of the workbook read so far (every sheet, empty rows included). */
  rowsRead(rows: number): void;
  /** Documents written (or e-mails delivered) so far. */
  documentsWritten(documents: number): void;
}

/** Progress that goes nowhere. */
export const NO_PROGRESS: RunProgress = {
  rowsRead() {},
  documentsWritten() {},
};
