// The pane's host in a plain browser: the workbook held in the page (PreviewWorkbook), writes
// applied there, files downloaded; the server's API when it points at the Microsoft 365 stand-in.
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { ApiClient } from "../shared/apiClient";
import type { PaneFile, PaneHost, PaneLanguage, DeliveredFiles } from "../shared/paneHost";
import { downloadFiles } from "./download";
import type { PreviewWorkbook } from "./previewWorkbook";

export function previewHost(workbook: PreviewWorkbook, language: PaneLanguage, api?: ApiClient): PaneHost {
  const stem = workbook.name.replace(/\.xlsx$/i, "");
  return {
    kind: "preview",
    language,
    workbookName: () => workbook.name,
    async readSheets(onProgress?: (rowsRead: number) => void): Promise<MemorySheet[]> {
      const sheets = [...workbook.sheets];
      onProgress?.(sheets.reduce((rows, s) => rows + s.values.length, 0));
      return sheets;
    },
    output: workbook,
    api,
    async deliver(files: readonly PaneFile[]): Promise<DeliveredFiles> {
      downloadFiles(files, `${stem}-relances.zip`);
      return { how: "download" };
    },
  };
}
