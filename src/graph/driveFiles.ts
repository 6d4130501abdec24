// Files saved next to the workbook on OneDrive or SharePoint (issue 11: once Microsoft 365 is
// configured, the letters, statements and drafts of an action land in a « relances-YYYY-MM-DD »
// folder beside the tracking workbook): a small file in one PUT …:/path:/content, a large one
// through an upload session in ranges of 320 KiB multiples. Each file's webUrl comes back, for the
// pane to open.
import type { Client } from "@microsoft/microsoft-graph-client";
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import { encodedPath, type WorkbookItem } from "./workbookLocation";
import { RetryLater, retryAfterSeconds, withRetryAfter, type RetryOptions } from "./workbookRetry";

/** Above this a file goes through an upload session (Graph's simple upload is for small files). */
export const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;
/** Bytes per range of an upload session: a multiple of 320 KiB, as OneDrive asks. */
export const UPLOAD_RANGE = 10 * 320 * 1024;
/** Files sent at once. */
const IN_FLIGHT = 4;

export interface FileToSave {
  /** Relative to the folder: "lettres/Relance 1.docx". */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface SavedFile {
  readonly path: string;
  /** The file's webUrl (opens it in Office on the web). */
  readonly url: string;
  readonly id: string;
}

export interface SaveOptions {
  readonly retry?: RetryOptions | undefined;
  /** For tests: the simple-upload limit. */
  readonly simpleUploadMax?: number | undefined;
}

/**
 * The folder of one day's files: « relances-2026-06-30 ».
 * @example relancesFolder("2026-06-30") // "relances-2026-06-30"
 */
export function relancesFolder(isoDay: string): string {
  return `relances-${isoDay}`;
}

/** Characters OneDrive and SharePoint refuse in a name. */
const FORBIDDEN = /["*:<>?\\|#%\u0000-\u001f]/;

/**
 * Whether a relative path can be saved as is: names without the characters OneDrive refuses,
 * no "." or ".." segment, no leading or trailing space.
 * @example isSafeDrivePath("lettres/Relance 1.docx") // true
 */
export function isSafeDrivePath(path: string): boolean {
  const names = path.split("/");
  return path.length > 0 && path.length <= 400 && names.every((name) => name !== "" && name !== "." && name !== ".." && name.trim() === name && !FORBIDDEN.test(name) && !name.endsWith("."));
}

/**
 * Saves files in a folder beside a workbook (made when missing), each replacing a file of that name.
 *
 * @param client - a Graph client for the user
 * @param workbook - the workbook whose folder receives them
 * @param folder - the folder's name beside it ("relances-2026-06-30")
 * @param files - the files, by relative path
 * @param options - retry, simpleUploadMax
 * @returns each file's path and webUrl, in the order given
 * @throws Error for a path that cannot be saved; GraphError as Graph answers
 * @example
 * await saveFilesBeside(client, item, relancesFolder("2026-06-30"), [{ path: "lettres.docx", bytes }]);
 */
export async function saveFilesBeside(client: Client, workbook: WorkbookItem, folder: string, files: readonly FileToSave[], options: SaveOptions = {}): Promise<SavedFile[]> {
  for (const file of [{ path: folder }, ...files]) {
    if (!isSafeDrivePath(file.path)) throw new Error(`Nom de fichier «${file.path}» refusé par OneDrive / file name refused by OneDrive`);
  }
  const saved: SavedFile[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      const target = `/drives/${encodeURIComponent(workbook.driveId)}/items/${encodeURIComponent(workbook.parentId)}:/${encodedPath(`${folder}/${file.path}`)}:`;
      const item = file.bytes.length <= (options.simpleUploadMax ?? SIMPLE_UPLOAD_MAX) ? await simpleUpload(client, target, file.bytes, options.retry) : await sessionUpload(client, target, file.bytes, options.retry);
      if (typeof item.webUrl !== "string" || typeof item.id !== "string") throw new Error("OneDrive n'a pas donné l'adresse du fichier / OneDrive gave no address for the file");
      saved[index] = { path: file.path, url: item.webUrl, id: item.id };
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, worker));
  return saved;
}

function simpleUpload(client: Client, target: string, bytes: Uint8Array, retry: RetryOptions | undefined): Promise<DriveItem> {
  // The SDK does not retry a stream's body: Retry-After is waited out here.
  return withRetryAfter(
    () => client.api(`${target}/content`).query({ "@microsoft.graph.conflictBehavior": "replace" }).header("Content-Type", "application/octet-stream").put(Buffer.from(bytes)) as Promise<DriveItem>,
    retry,
  );
}

async function sessionUpload(client: Client, target: string, bytes: Uint8Array, retry: RetryOptions | undefined): Promise<DriveItem> {
  const session = (await withRetryAfter(
    () => client.api(`${target}/createUploadSession`).post({ item: { "@microsoft.graph.conflictBehavior": "replace" } }) as Promise<{ uploadUrl: string }>,
    retry,
  )) as { uploadUrl: string };
  let answer: unknown;
  for (let start = 0; start < bytes.length; start += UPLOAD_RANGE) {
    const end = Math.min(bytes.length, start + UPLOAD_RANGE);
    // The upload URL carries its own authorisation: no token is sent there.
    answer = await withRetryAfter(async () => {
      const response = await fetch(session.uploadUrl, {
        method: "PUT",
        headers: { "Content-Range": `bytes ${start}-${end - 1}/${bytes.length}`, "Content-Length": String(end - start) },
        body: bytes.slice(start, end),
      });
      if (response.status === 429 || response.status === 503 || response.status === 504) throw new RetryLater(response.status, retryAfterSeconds(response.headers.get("retry-after")));
      if (!response.ok) throw new Error(`Envoi du fichier refusé par OneDrive (${response.status}) / file upload refused by OneDrive`);
      return response.json();
    }, retry);
  }
  return answer as DriveItem;
}
