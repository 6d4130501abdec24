// `run FILE --in-place` (SPEC section 10): the journal and the product's sheets go into FILE itself,
// written whole, after the previous version is kept beside it; never while Excel holds it open.
import { access, link, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { dayToIso, type Day } from "../core/day";
import { temporaryFileFor, writeFailure } from "../writeFileAtomically";
import { RunStoppedError } from "./runStopped";

/** The lock files an open workbook has beside it: Excel's « ~$NAME », LibreOffice's « .~lock.NAME# ». */
export function lockFilesOf(file: string): string[] {
  const folder = path.dirname(file);
  const name = path.basename(file);
  return [path.join(folder, `~$${name}`), path.join(folder, `.~lock.${name}#`)];
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses to write a workbook over itself while Excel (or LibreOffice) holds it open: saving it
 * there afterwards would lose the run's journal, or the run would lose what the user typed since.
 * @throws RunStoppedError("openInExcel") naming the file and its lock file
 */
export async function refuseWhileOpen(file: string): Promise<void> {
  for (const lock of lockFilesOf(file)) {
    if (!(await exists(lock))) continue;
    throw new RunStoppedError(
      "openInExcel",
      `«${file}» est ouvert dans Excel («${path.basename(lock)}» est à côté) : fermez-le, puis relancez ; rien n'a été écrit / ` +
        `«${file}» is open in Excel («${path.basename(lock)}» is beside it): close it, then run again; nothing was written`,
    );
  }
}

/**
 * The name of the previous version's copy: « NAME.avant-relances-DATE.EXT », then -2, -3...
 * @example
 * previousVersionName("/d/suivi.xlsx", day, 1) // "/d/suivi.avant-relances-2026-06-30.xlsx"
 * previousVersionName("/d/suivi.xlsx", day, 2) // "/d/suivi.avant-relances-2026-06-30-2.xlsx"
 */
export function previousVersionName(file: string, asOf: Day, attempt: number): string {
  const extension = path.extname(file);
  const stem = path.basename(file, extension);
  const suffix = attempt > 1 ? `-${attempt}` : "";
  return path.join(path.dirname(file), `${stem}.avant-relances-${dayToIso(asOf)}${suffix}${extension}`);
}

/**
 * Keeps the version `bytes` of `file` beside it, written whole, never over an existing copy: a
 * temporary file linked to the first free name (a hard link fails rather than replace a file).
 * @returns the copy's path
 * @throws FileWriteError naming the copy when it cannot be written
 */
export async function keepPreviousVersion(file: string, bytes: Uint8Array, asOf: Day, mode: number): Promise<string> {
  const temporary = temporaryFileFor(file);
  let target = previousVersionName(file, asOf, 1);
  try {
    await writeFile(temporary, bytes, { flag: "wx", mode });
    for (let attempt = 1; ; attempt++) {
      target = previousVersionName(file, asOf, attempt);
      try {
        await link(temporary, target);
        return target;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST") continue;
        // Some disks (FAT, some network shares) have no hard links: check, then rename.
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
        if (await exists(target)) continue;
        await rename(temporary, target);
        return target;
      }
    }
  } catch (error) {
    throw writeFailure(target, error);
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
