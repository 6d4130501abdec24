// Files reach the user from Excel. In Excel on the web the pane downloads them like any page. In
// Excel on the desktop a task pane cannot download: the files go to the local server, which
// writes them into its output folder and answers links; the pane opens the run's folder page with
// Office.context.ui.openBrowserWindow (the OpenBrowserWindowApi requirement set).
import type { DeliveredFiles, PaneFile } from "../shared/paneHost";
import { base64Of } from "../../src/engine/base64";

/** The server's files route (src/server/filesRoute.ts). */
export const FILES_ROUTE = "/api/files";

/** What the server answers to a POST of files. */
interface FilesAnswer {
  readonly folder: string;
  /** The run folder's page, listing every file. */
  readonly index: string;
  readonly links: readonly { readonly path: string; readonly url: string }[];
}

/** What delivering through the server needs from its surroundings (the page's, or a test's). */
export interface ServerDelivery {
  /** The server's origin, "https://localhost:3000": the pane's own. */
  readonly origin: string;
  readonly fetch: typeof fetch;
  /** Opens a URL in the user's browser. */
  readonly open: (url: string) => void;
}

/**
 * Hands the files to the local server and opens their folder's page in the browser.
 *
 * @param files - the run's files, by their paths in the run's folder
 * @param surroundings - origin, fetch, open
 * @returns the links, absolute
 * @throws when the server refuses, with its message
 */
export async function deliverThroughServer(files: readonly PaneFile[], surroundings: ServerDelivery): Promise<DeliveredFiles> {
  const body = JSON.stringify({ files: files.map((file) => ({ path: file.path, type: file.type, base64: base64Of(file.data) })) });
  const response = await surroundings.fetch(`${surroundings.origin}${FILES_ROUTE}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
  if (!response.ok) {
    const text = (await response.text()).trim();
    throw new Error(`Le serveur local a refusé les fichiers (${response.status}) : ${text} / The local server refused the files`);
  }
  const answer = (await response.json()) as FilesAnswer;
  const absolute = (url: string): string => new URL(url, surroundings.origin).href;
  surroundings.open(absolute(answer.index));
  return { how: "link", links: answer.links.map((link) => ({ path: link.path, url: absolute(link.url) })) };
}

/**
 * Downloads each file from the page (Excel on the web, a browser): a Blob and an anchor.
 * @param files - the files; each is saved under its name, without the folders
 */
export function downloadFiles(files: readonly PaneFile[], page: Document): DeliveredFiles {
  for (const file of files) {
    const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.type }));
    const anchor = page.createElement("a");
    anchor.href = url;
    anchor.download = file.path.split("/").pop() ?? file.path;
    anchor.rel = "noopener";
    page.body.append(anchor);
    anchor.click();
    anchor.remove();
    // Revoked later: the download starts after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { how: "download" };
}
