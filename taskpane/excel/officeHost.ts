// The pane's host inside Excel (PaneHost over Office.js): the one module the screens get Excel
// through, as Microsoft's React template keeps every Office.js call in a host module.
import { columnLetter } from "../../src/core/columnLetters";
import { isProblem } from "../../src/core/problem";
import type { LiveColumnsRequest, PaneHost, PaneLanguage } from "../shared/paneHost";
import { deliverThroughServer, downloadFiles } from "./officeFiles";
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

/**
 * The PaneHost of the Excel task pane, once Office is ready.
 * @example const host = await createOfficeHost(); const sheets = await host.readSheets();
 */
export async function createOfficeHost(): Promise<PaneHost> {
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
  return {
    kind: "excel",
    language: paneLanguage(Office.context.displayLanguage),
    workbookName: () => name,
    readSheets: (onProgress) => readOfficeWorkbook({ onProgress }),
    output: officeWorkbookOutput(),
    deliver: async (files) =>
      throughServer
        ? deliverThroughServer(files, {
            origin: window.location.origin,
            fetch: window.fetch.bind(window),
            open: (url) => Office.context.ui.openBrowserWindow(url),
          })
        : downloadFiles(files, document),
    setReferenceDate: setOfficeReferenceDate,
    addLiveColumns: addOfficeLiveColumns,
  };
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
