// Files saved next to the workbook in OneDrive or SharePoint (issue 11), once Microsoft 365 is
// configured: the server (POST /api/onedrive/files) writes them into the workbook's folder through
// Graph as the user, and answers a link for each, which the pane shows.
import { base64Of } from "../../src/engine/base64";
import type { ApiClient } from "../shared/apiClient";
import type { DeliveredFiles, PaneFile } from "../shared/paneHost";

/**
 * The workbook's address when it lives in OneDrive or SharePoint (Office.context.document.url
 * starts with https there; a local file's is a path).
 * @example cloudWorkbookUrl("C:\\Suivi.xlsx") // undefined
 */
export function cloudWorkbookUrl(url: unknown): string | undefined {
  return typeof url === "string" && /^https:\/\//i.test(url) ? url : undefined;
}

/**
 * @param files - the run's files, by their paths in the run's folder
 * @param workbookUrl - the workbook's https address
 * @returns the links to the saved files
 * @throws ApiClientError when the server or Graph refuses
 */
export async function saveBesideWorkbook(files: readonly PaneFile[], workbookUrl: string, api: Pick<ApiClient, "saveToOneDrive">): Promise<DeliveredFiles> {
  const links = await api.saveToOneDrive(
    workbookUrl,
    files.map((file) => ({ path: file.path, type: file.type, base64: base64Of(file.data) })),
  );
  return { how: "onedrive", links };
}
