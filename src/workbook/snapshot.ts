// One snapshot of the input for the whole of `run` (SPEC section 10): the file's bytes are read
// once, and planning, documents and graft all work from them, so that a workbook saved in Excel
// while the run works never gives a copy that mixes two workbooks. The streaming reader needs a
// path: the bytes go into a temporary file of the output folder, swept like the others when a run is killed.
import { createHash } from "node:crypto";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { temporaryFileFor, writeFailure } from "../writeFileAtomically";
import { UnreadableWorkbookError } from "./workbookFile";
import { RunStoppedError } from "./runStopped";

export interface Snapshot {
  /** The input file. */
  readonly file: string;
  /** The snapshot on disk, for readers that take a path. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The input's permissions, for a copy written over it. */
  readonly mode: number;
  /**
   * Checks that the input still holds the snapshot's bytes.
   * @throws RunStoppedError("changed") naming the file
   */
  assertUnchanged(): Promise<void>;
  /** An error of a reader of the snapshot, naming the input instead. */
  named(error: unknown): unknown;
}

interface Fingerprint {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

async function fingerprint(file: string): Promise<Fingerprint> {
  const { dev, ino, size, mtimeMs } = await stat(file);
  return { dev, ino, size, mtimeMs };
}

const sameFingerprint = (a: Fingerprint, b: Fingerprint): boolean =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

export function changedMessage(file: string): string {
  return (
    `«${file}» a changé pendant la relance (enregistré dans Excel ?) : rien n'a été journalisé ni écrit ; relancez quand le classeur est enregistré / ` +
    `«${file}» changed while the run worked (saved in Excel?): nothing was journalled or written; run again once the workbook is saved`
  );
}

/** Reads the file's bytes, again while it changes under the read (Excel saving it). */
async function readSteadily(file: string): Promise<{ bytes: Uint8Array; seen: Fingerprint }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await fingerprint(file);
    const bytes = new Uint8Array(await readFile(file));
    const after = await fingerprint(file);
    if (sameFingerprint(before, after) && after.size === bytes.length) return { bytes, seen: after };
  }
  throw new RunStoppedError("changed", changedMessage(file));
}

/**
 * Takes a snapshot of `file` into `folder`, runs `body` on it, and removes the snapshot whatever happens.
 *
 * @param file - the input workbook (checked readable by the caller)
 * @param folder - where the snapshot's temporary file goes (the output folder)
 * @example
 * await withSnapshot("suivi.xlsx", "relances-2026-06-30", async (s) => readWorkbookSource(s.path));
 */
export async function withSnapshot<T>(file: string, folder: string, body: (snapshot: Snapshot) => Promise<T>): Promise<T> {
  const { bytes, seen } = await readSteadily(file);
  const mode = (await stat(file)).mode & 0o777;
  const hash = sha256(bytes);
  const snapshotPath = temporaryFileFor(path.join(folder, `${path.basename(file)}.snapshot`));
  try {
    await writeFile(snapshotPath, bytes, { flag: "wx", mode: 0o600 });
  } catch (error) {
    await rm(snapshotPath, { force: true }).catch(() => undefined);
    throw writeFailure(snapshotPath, error);
  }
  const snapshot: Snapshot = {
    file,
    path: snapshotPath,
    bytes,
    mode,
    async assertUnchanged() {
      let unchanged: boolean;
      try {
        const now = await fingerprint(file);
        unchanged = sameFingerprint(now, seen) && sha256(new Uint8Array(await readFile(file))) === hash;
      } catch {
        unchanged = false;
      }
      if (!unchanged) throw new RunStoppedError("changed", changedMessage(file));
    },
    named(error) {
      if (!(error instanceof UnreadableWorkbookError)) return error;
      return new UnreadableWorkbookError(error.message.split(snapshotPath).join(file), { cause: error });
    },
  };
  try {
    return await body(snapshot);
  } finally {
    await rm(snapshotPath, { force: true }).catch(() => undefined);
  }
}
