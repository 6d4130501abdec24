// The Outlook pane's workbook on OneDrive or SharePoint: read and journalled through the add-in
// server's /api/workbook routes (Graph as the signed-in user, on-behalf-of), with the token the
// pane's API client gets (NAA in Outlook, Office SSO where NAA is not there, the stand-in's in the
// preview). Failures name the workbook (namingFailures, in workbookSource.ts).
import type { ApiClient, WorkbookRefWire } from "../shared/apiClient";
import { workbookRefOf } from "./workbookSetting";
import { fileLabel, type WorkbookSource } from "./workbookSource";

/** The file name a URL or path ends with, for messages before the workbook is read. */
function lastName(workbook: string): string {
  const path = /^https:\/\//i.test(workbook) ? new URL(workbook).pathname : workbook;
  const name = path.split("/").filter((n) => n !== "").pop() ?? workbook;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * @param api - the pane's API client (signed in)
 * @param workbook - the setting's workbook: a document or sharing URL (https), or a path in the user's OneDrive
 * @param name - its file name when the picker gave it
 * @example const { sheets } = await graphWorkbookSource(api, "Compta/Suivi 2026.xlsx").sheets();
 */
export function graphWorkbookSource(api: Pick<ApiClient, "workbookSheets" | "appendToJournal">, workbook: string, name?: string): WorkbookSource {
  const ref: WorkbookRefWire | undefined = workbookRefOf(workbook);
  const refused = (): Error => new Error("Ni une adresse https ni un chemin OneDrive valable / Neither an https address nor a valid OneDrive path");
  return {
    label: fileLabel(name ?? lastName(workbook)),
    async sheets() {
      if (ref === undefined) throw refused();
      const answer = await api.workbookSheets(ref);
      return { name: answer.workbook.name, sheets: answer.sheets };
    },
    async appendJournal(lines) {
      if (ref === undefined) throw refused();
      return api.appendToJournal(ref, lines);
    },
  };
}
