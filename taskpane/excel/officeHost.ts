// The pane's host inside Excel (PaneHost over Office.js): the one module the screens get Excel
// through, as Microsoft's React template keeps every Office.js call in a host module.
import { columnLetter } from "../../src/core/columnLetters";
import { isProblem } from "../../src/core/problem";
import { fetchApiConfig } from "../shared/apiConfig";
import { createApiClient, type ApiClient } from "../shared/apiClient";
import { inLanguage } from "../shared/bilingual";
import type { DeliveredFiles, LiveColumnsRequest, PaneFile, PaneHost, PaneLanguage } from "../shared/paneHost";
import type { NaaOptions } from "./naaTokenSource";
import { cloudWorkbookUrl, saveBesideWorkbook } from "./oneDriveFiles";
import { deliverThroughServer, downloadFiles } from "./officeFiles";
import { officeTokenSource } from "./officeTokenSource";
import { writeOfficeLiveColumns } from "./officeLiveColumns";
import { setOfficeReferenceDate } from "./officeReferenceDate";
import { readOfficeWorkbook } from "./officeWorkbook";
import { officeWorkbookOutput } from "./officeWorkbookOutput";

/**
 * The pane's language for Office's display language: English for "en-…", French otherwise.
 * @example paneLanguage("en-GB") // "en"
 */
export function paneLanguage(displayLanguage: string | undefined | null): PaneLanguage {
  return typeof displayLanguage === "string" && /^en\b/i.test(displayLanguage) ? "en" : "fr";
}

/**
 * Whether files go through the local server: Excel on the desktop, whose task pane cannot
 * download but can open the browser.
 */
export function deliversThroughServer(platform: Office.PlatformType | string | undefined, canOpenBrowser: boolean): boolean {
  return platform !== "OfficeOnline" && canOpenBrowser;
}

/** What the tests change of the host's surroundings. */
export interface OfficeHostOptions {
  /** msal's factory (createNestablePublicClientApplication by default). */
  readonly createClient?: NaaOptions["createClient"];
}

/**
 * The PaneHost of the Excel task pane, once Office is ready. When the server says Microsoft 365 is
 * configured (GET /api/config), the host carries the signed-in API client; the sign-in itself
 * waits for the first call that needs it.
 * @example const host = await createOfficeHost(); const sheets = await host.readSheets();
 */
export async function createOfficeHost(options: OfficeHostOptions = {}): Promise<PaneHost> {
  await Office.onReady();
  const name = await Excel.run(async (context) => {
    context.workbook.load("name");
    await context.sync();
    return context.workbook.name;
  });
  const throughServer = deliversThroughServer(
    Office.context.platform,
    Office.context.requirements.isSetSupported("OpenBrowserWindowApi", "1.1"),
  );
  const origin = window.location.origin;
  const fetcher = window.fetch.bind(window);
  const config = await fetchApiConfig(origin, fetcher);
  const api = config.microsoft365 ? createApiClient({ origin, fetch: fetcher, tokens: officeTokenSource(config, origin, options.createClient) }) : undefined;
  const language = paneLanguage(Office.context.displayLanguage);
  const locally = async (files: readonly PaneFile[]): Promise<DeliveredFiles> =>
    throughServer
      ? deliverThroughServer(files, { origin, fetch: fetcher, open: (url) => Office.context.ui.openBrowserWindow(url) })
      : downloadFiles(files, document);
  return {
    kind: "excel",
    language,
    workbookName: () => name,
    readSheets: (onProgress) => readOfficeWorkbook({ onProgress }),
    output: officeWorkbookOutput(),
    api,
    deliver: (files) => deliverOfficeFiles(files, api, locally),
    setReferenceDate: setOfficeReferenceDate,
    addLiveColumns: addOfficeLiveColumns,
  };
}

/**
 * Next to the workbook in OneDrive when it is there and Microsoft 365 is configured; otherwise, or
 * when OneDrive refuses, the local way, saying why: the files are never lost.
 */
async function deliverOfficeFiles(files: readonly PaneFile[], api: ApiClient | undefined, locally: (files: readonly PaneFile[]) => Promise<DeliveredFiles>): Promise<DeliveredFiles> {
  // Read at each delivery: a "Save as" moves the workbook.
  const workbookUrl = cloudWorkbookUrl(Office.context.document?.url);
  if (api === undefined || workbookUrl === undefined) return locally(files);
  try {
    return await saveBesideWorkbook(files, workbookUrl, api);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const delivered = await locally(files);
    return { ...delivered, warning: `Fichiers non enregistrés dans OneDrive : ${inLanguage(reason, "fr")} / Files not saved in OneDrive: ${inLanguage(reason, "en")}` };
  }
}

/** The live columns written through Office.js, told back one line each; a Problem thrown as its message. */
async function addOfficeLiveColumns(order: LiveColumnsRequest): Promise<readonly string[]> {
  const written = await writeOfficeLiveColumns(order);
  if (isProblem(written)) throw new Error(written.message);
  const en = order.language === "en";
  return [
    ...written.columns.map((column) => `${column.header} : ${en ? "column" : "colonne"} ${columnLetter(column.column)}`),
    `${written.summary.label} : ${en ? "sheet" : "feuille"} « ${written.summary.sheet} »`,
  ];
}
