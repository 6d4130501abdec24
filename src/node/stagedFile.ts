// A document a render worker has already written into the output folder, as a temporary file
// beside the name the engine asked for (src/node/workerRenderer.ts): it crosses threads as its
// temporary file's path instead of its bytes. The engine still names it; the file sink then only
// renames the temporary file to that name (same folder, so whole or not at all), or removes it.
import { rm } from "node:fs/promises";

/** Stands for a document's bytes in the engine's ports: empty itself, its bytes are in `temporary`. */
export class StagedFile extends Uint8Array {
  /** Taken by a file sink, which renames or removes it from then on. */
  taken = false;

  constructor(readonly temporary: string) {
    super(0);
  }

  /** Removes the temporary file, unless a sink took it (a run stopped before it was named). */
  async removeUnlessTaken(): Promise<void> {
    if (!this.taken) await rm(this.temporary, { force: true }).catch(() => undefined);
  }
}
