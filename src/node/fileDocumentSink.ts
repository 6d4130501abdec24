// The run's documents as files of an output folder (the command line's document sink). Each
// folder is made once, several files are written at a time while the engine renders the next
// ones, and each file is still written whole or not at all (a temporary file renamed over it).
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { DocumentSink } from "../engine/documentSink";
import { writeFailure, writeWholeFile } from "../writeFileAtomically";
import { StagedFile } from "./stagedFile";

/** Files written at a time: enough to keep the disk busy while the engine renders, few enough to bound memory. */
const IN_FLIGHT = 8;

export interface FileDocumentSinkOptions {
  /** Files written at a time (8 by default). */
  readonly inFlight?: number | undefined;
  /** Turns a document's bytes into those written, off the engine's path (e.g. deflating a .docx package). */
  readonly prepare?: ((relative: string, data: Uint8Array | string) => Promise<Uint8Array | string>) | undefined;
}

export interface FileDocumentSink extends DocumentSink {
  /** The output folder, into which render workers may write documents ahead (StagedFile). */
  readonly outDir: string;
  /** The prepare hook, if any (a render worker writes ahead only documents it can prepare alike). */
  readonly prepare: FileDocumentSinkOptions["prepare"];
  /** Every document taken, relative to the output folder, in the order taken. */
  readonly files: readonly string[];
  /** Waits for the documents in flight, written or failed: nothing is written after it. */
  settle(): Promise<void>;
  /** Removes every document taken, once those in flight have settled (a failed run's documents). */
  discard(): Promise<void>;
}

/**
 * A sink writing into `outDir`.
 * @example
 * const sink = fileDocumentSink("relances-2026-06-30");
 * await sink.write("courriers/relance-2-2026-06-30.docx", bytes);
 * await sink.flush();
 */
export function fileDocumentSink(outDir: string, options: FileDocumentSinkOptions = {}): FileDocumentSink {
  const limit = Math.max(1, options.inFlight ?? IN_FLIGHT);
  const prepare = options.prepare;
  const files: string[] = [];
  const folders = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;

  const folder = (dir: string, file: string): Promise<void> => {
    let made = folders.get(dir);
    if (made === undefined) {
      made = mkdir(dir, { recursive: true }).then(
        () => undefined,
        (error: unknown) => {
          folders.delete(dir);
          throw writeFailure(file, error);
        },
      );
      folders.set(dir, made);
    }
    return made;
  };
  const writeOne = async (relative: string, data: Uint8Array | string): Promise<void> => {
    const file = path.join(outDir, relative);
    if (data instanceof StagedFile) {
      // Written whole already, beside the name asked for: renamed to the name given (same folder).
      try {
        await rename(data.temporary, file);
      } catch (error) {
        await rm(data.temporary, { force: true }).catch(() => undefined);
        throw writeFailure(file, error);
      }
      return;
    }
    const bytes = prepare === undefined ? data : await prepare(relative, data);
    await folder(path.dirname(file), file);
    await writeWholeFile(file, bytes);
  };
  const settle = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.race(inFlight);
  };
  const failed = (): void => {
    if (failure !== undefined) throw failure.error;
  };

  /** A staged document refused (an earlier failure) is removed: nothing of it is left behind. */
  const refuse = async (data: Uint8Array | string): Promise<void> => {
    if (failure === undefined) return;
    if (data instanceof StagedFile) await rm(data.temporary, { force: true }).catch(() => undefined);
    failed();
  };

  return {
    files,
    outDir,
    prepare,
    async write(relative, data) {
      if (data instanceof StagedFile) data.taken = true;
      await refuse(data);
      while (inFlight.size >= limit) {
        await Promise.race(inFlight);
        await refuse(data);
      }
      files.push(relative);
      const task: Promise<void> = writeOne(relative, data)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    },
    async flush() {
      await settle();
      failed();
    },
    settle,
    async discard() {
      await settle();
      await Promise.all(files.map((relative) => rm(path.join(outDir, relative), { force: true }).catch(() => undefined)));
    },
  };
}
