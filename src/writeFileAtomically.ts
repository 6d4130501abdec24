import { randomBytes } from "node:crypto";
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

// The product's own temporary files: «.NAME.relances-PID-HEX.tmp» beside the file being written,
// so that the next run can tell them from anything else in the folder and sweep those a killed run left.
const TEMPORARY_FILE = /^\..+\.relances-(\d+)-[0-9a-f]{8}\.tmp$/;
/** A temporary file whose process still runs is swept anyway once this old (its pid was reused). */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** What a failed write says of each error code, French then English. */
const WRITE_FAILURES: Readonly<Record<string, readonly [string, string]>> = {
  ENOSPC: ["disque plein", "the disk is full"],
  EDQUOT: ["quota de disque dépassé", "disk quota exceeded"],
  EFBIG: ["fichier trop gros pour ce disque", "file too large for this disk"],
  EACCES: ["accès refusé", "permission denied"],
  EPERM: ["opération non permise (droits, ou fichier ouvert dans un autre programme)", "operation not permitted (permissions, or the file is open in another program)"],
  EROFS: ["le disque est en lecture seule", "the disk is read-only"],
  EBUSY: ["fichier utilisé par un autre programme", "the file is in use by another program"],
  EISDIR: ["un dossier porte ce nom", "a folder has that name"],
  ENOTDIR: ["un fichier porte le nom d'un des dossiers", "a file has the name of one of the folders"],
  ENAMETOOLONG: ["nom de fichier trop long", "file name too long"],
  EMFILE: ["trop de fichiers ouverts", "too many open files"],
  ENFILE: ["trop de fichiers ouverts", "too many open files"],
  EIO: ["erreur d'entrée-sortie du disque", "disk input/output error"],
};

/** A file that could not be written; the message is one French / English line naming it. */
export class FileWriteError extends Error {
  override readonly name = "FileWriteError";
  constructor(
    readonly file: string,
    readonly french: string,
    readonly english: string,
    options?: ErrorOptions,
  ) {
    super(`${french} / ${english}`, options);
  }
}

/**
 * The error of a failed write as a FileWriteError naming the file (disk full, permission, read-only
 * disk...), or the error itself when it is none of those (a bug).
 */
export function writeFailure(file: string, error: unknown): unknown {
  if (error instanceof FileWriteError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : WRITE_FAILURES[code];
  if (reason === undefined) return error;
  return new FileWriteError(file, `Impossible d'écrire «${file}» : ${reason[0]}`, `cannot write «${file}»: ${reason[1]}`, { cause: error });
}

/**
 * A temporary file's path beside `file`, named so that sweepTemporaryFiles recognises it.
 * @example
 * temporaryFileFor("/out/suivi.xlsx") // "/out/.suivi.xlsx.relances-4242-9f86d081.tmp"
 */
export function temporaryFileFor(file: string): string {
  // Unique within the process by its counter, across processes by the pid: no random bytes to draw
  // per file (a run writes thousands). The counter starts anywhere, so that a reused pid's earlier
  // leftovers (swept by the next run anyway) are unlikely to be met; "wx" refuses one that is.
  temporaries = (temporaries + 1) >>> 0;
  return path.join(path.dirname(file), `.${path.basename(file)}.relances-${process.pid}-${temporaries.toString(16).padStart(8, "0")}.tmp`);
}
let temporaries = randomBytes(4).readUInt32BE(0);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the product's own temporary files (temporaryFileFor) that a killed run left in the given
 * folders: those of a process no longer running, or older than a day. Nothing else is touched, and
 * a folder that cannot be read is passed over.
 * @returns the files removed
 */
export async function sweepTemporaryFiles(folders: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of new Set(folders.map((f) => path.resolve(f)))) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMPORARY_FILE.exec(name);
      if (match === null) continue;
      const pid = Number(match[1]);
      const file = path.join(folder, name);
      try {
        const info = await stat(file);
        if (!info.isFile() || pid === process.pid) continue;
        if (isRunning(pid) && Date.now() - info.mtimeMs < STALE_AFTER_MS) continue;
        await rm(file, { force: true });
        removed.push(file);
      } catch {
        // Gone already, or not ours to remove: the next run tries again.
      }
    }
  }
  return removed;
}

/**
 * Writes a file whole or not at all: a temporary file beside the target (a name of its own, never
 * an existing file), then renamed over it. The folder is made when missing.
 * @param mode - file permissions (keys: 0o600), applied whatever the umask
 * @throws FileWriteError naming the file when the disk is full, access is denied... (nothing is left behind)
 */
export async function writeFileAtomically(file: string, data: Uint8Array | string, mode?: number): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
  } catch (error) {
    throw writeFailure(file, error);
  }
  await writeWholeFile(file, data, mode);
}

/**
 * writeFileAtomically into a folder known to exist: for writers of many files, who make each
 * folder once rather than once per file.
 * @param mode - file permissions, applied whatever the umask
 * @throws FileWriteError naming the file (nothing is left behind)
 */
export async function writeWholeFile(file: string, data: Uint8Array | string, mode?: number): Promise<void> {
  const temporary = temporaryFileFor(file);
  try {
    await writeFile(temporary, data, { flag: "wx", ...(mode === undefined ? {} : { mode }) });
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw writeFailure(file, error);
  }
}
