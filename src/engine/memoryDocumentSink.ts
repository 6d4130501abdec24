// A document sink in memory, for tests and the browser (where the files become downloads or a zip).
import type { DocumentSink } from "./documentSink";

export class MemoryDocumentSink implements DocumentSink {
  /** The documents written, by relative path, in the order first written. */
  readonly files = new Map<string, Uint8Array | string>();

  write(relative: string, data: Uint8Array | string): Promise<void> {
    this.files.set(relative, data);
    return Promise.resolve();
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }
}
