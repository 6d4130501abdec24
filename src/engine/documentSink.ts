// Where a run's documents go, as a port: a folder on disk for the command line, memory for tests
// and the browser, later a place in OneDrive. Paths are relative ("courriers/relance-2-2026-06-30.docx").

export interface DocumentSink {
  /**
   * Takes one document. It may be written later (several in flight): the promise resolves once the
   * sink can take the next one, and rejects with a failure met by any document taken before.
   * Each document is written whole or not at all, replacing one of the same path.
   */
  write(relative: string, data: Uint8Array | string): Promise<void>;
  /** Resolves once every document taken is written; rejects with the first failure. */
  flush(): Promise<void>;
}
