// A workbook file checked before exceljs opens it, and the error of one that cannot be read.
import { open, stat } from "node:fs/promises";

/** A workbook file that cannot be read at all; the message is one French / English line. */
export class UnreadableWorkbookError extends Error {
  override readonly name = "UnreadableWorkbookError";
}

function unreadable(file: string, french: string, english: string, cause?: unknown): UnreadableWorkbookError {
  return new UnreadableWorkbookError(`Impossible de lire «${file}» : ${french} / cannot read «${file}»: ${english}`, { cause });
}

export function notAWorkbook(file: string, cause?: unknown, detailFr = "", detailEn = ""): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    `«${file}» n'est pas un classeur Excel (.xlsx) valide${detailFr} / «${file}» is not a valid Excel workbook (.xlsx)${detailEn}`,
    { cause },
  );
}

const ZIP_MAGIC = 0x04034b50; // "PK\3\4", little-endian
const OLE_MAGIC = 0xe011cfd0; // the compound file of .xls and of password-protected workbooks

/**
 * Checks that a file is there, readable and a zip (as .xlsx workbooks are) before exceljs opens
 * it: exceljs's own errors for these are unhandled stream errors or obscure messages.
 *
 * @param file - the path
 * @throws UnreadableWorkbookError with one French / English line: not found, a folder, access
 *   denied, an old .xls or password-protected workbook, not an .xlsx
 * @example
 * await checkWorkbookFile("suivi.xlsx");
 */
export async function checkWorkbookFile(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw unreadable(file, "c'est un dossier", "it is a folder");
    const handle = await open(file, "r");
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
      const magic = bytesRead === 4 ? buffer.readUInt32LE(0) : 0;
      if (magic === OLE_MAGIC) {
        throw notAWorkbook(
          file,
          undefined,
          " (ancien format .xls ou classeur protégé par mot de passe)",
          " (old .xls format or password-protected)",
        );
      }
      if (magic !== ZIP_MAGIC) throw notAWorkbook(file);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw unreadable(file, "fichier introuvable", "file not found", error);
    if (code === "EACCES" || code === "EPERM") throw unreadable(file, "accès refusé", "permission denied", error);
    throw unreadable(file, (error as Error).message, (error as Error).message, error);
  }
}
