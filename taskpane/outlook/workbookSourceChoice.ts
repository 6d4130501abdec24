// The source the pane's setting names: OneDrive or SharePoint when chosen and the server offers
// Microsoft 365 (an API client), the server's file otherwise; each failure names the workbook.
import type { ApiClient } from "../shared/apiClient";
import { embeddedWorkbookSource } from "./embeddedWorkbook";
import { graphWorkbookSource } from "./graphWorkbookSource";
import type { WorkbookSetting } from "./workbookSetting";
import { namingFailures, type WorkbookSource } from "./workbookSource";

/**
 * @param api - the pane's API client, undefined when GET /api/config says Microsoft 365 is not configured
 * @example workbookSourceOf({ kind: "embedded" }, undefined).label // { fr: "fichier du serveur", … }
 */
export function workbookSourceOf(setting: WorkbookSetting, api: ApiClient | undefined, origin = ""): WorkbookSource {
  return namingFailures(setting.kind === "graph" && api !== undefined ? graphWorkbookSource(api, setting.workbook, setting.name) : embeddedWorkbookSource(origin));
}
