// Which workbook: the drive item of the tracking workbook on OneDrive or SharePoint, from what
// the caller knows of it. A task pane knows its document's URL (Office.context.document.url),
// which Graph resolves through /shares/{u!base64url}/driveItem; a caller that already holds the
// item names it by drive and item id, or by its path in the signed-in user's drive.
import type { Client } from "@microsoft/microsoft-graph-client";
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import { withRetryAfter } from "./workbookRetry";

export type WorkbookRef =
  | { readonly url: string }
  | { readonly driveId: string; readonly itemId: string }
  /** A path from the root of the signed-in user's drive ("Compta/Suivi 2026.xlsx"). */
  | { readonly path: string };

/** A workbook's drive item, as the workbook and drive code address it. */
export interface WorkbookItem {
  readonly driveId: string;
  readonly itemId: string;
  readonly name: string;
  readonly webUrl: string;
  /** The folder holding it: files made for it are saved beside it. */
  readonly parentId: string;
}

/**
 * The shareId Graph takes for a URL: "u!" then the URL in base64url without padding.
 * @example shareIdOf("https://contoso-my.sharepoint.com/personal/a/Documents/Suivi.xlsx") // "u!aHR0cHM6Ly9jb250b3Nv…"
 */
export function shareIdOf(url: string): string {
  return `u!${Buffer.from(url, "utf8").toString("base64url")}`;
}

/** A path as Graph addresses an item by path: each name encoded, slashes kept. */
export function encodedPath(path: string): string {
  return path
    .split("/")
    .filter((name) => name !== "")
    .map(encodeURIComponent)
    .join("/");
}

/**
 * The drive item of a workbook.
 *
 * @param client - a Graph client for the user (or the app)
 * @param ref - the workbook's URL, its drive and item ids, or its path in the user's drive
 * @returns its drive, id, name, webUrl and folder
 * @throws GraphError as Graph answers (404 itemNotFound for a URL it cannot resolve)
 * @example
 * const item = await findWorkbook(client, { url: Office.context.document.url });
 */
export async function findWorkbook(client: Client, ref: WorkbookRef): Promise<WorkbookItem> {
  const path =
    "url" in ref
      ? `/shares/${shareIdOf(ref.url)}/driveItem`
      : "itemId" in ref
        ? `/drives/${encodeURIComponent(ref.driveId)}/items/${encodeURIComponent(ref.itemId)}`
        : `/me/drive/root:/${encodedPath(ref.path)}`;
  const item = (await withRetryAfter(() => client.api(path).select(["id", "name", "webUrl", "parentReference", "file"]).get())) as DriveItem;
  const driveId = item.parentReference?.driveId;
  const parentId = item.parentReference?.id;
  if (typeof item.id !== "string" || typeof driveId !== "string" || typeof parentId !== "string") {
    throw new Error(`Classeur introuvable sur OneDrive / workbook not found on OneDrive`);
  }
  return { driveId, itemId: item.id, name: item.name ?? "", webUrl: item.webUrl ?? "", parentId };
}
