// The Outlook pane's one setting (issue 13, point 2): which tracking workbook it works on, the
// file the server is pointed at (the default) or one on OneDrive or SharePoint, named by a URL or
// a path. Kept in the pane's settings store (settingsStore.ts: Outlook's roamingSettings, the
// preview's localStorage) under one key.
import { isSafeDrivePath } from "../../src/graph/driveFiles";
import type { WorkbookRefWire } from "../shared/apiClient";
import type { SettingsStore } from "./settingsStore";

export type WorkbookSetting =
  | { readonly kind: "embedded" }
  | {
      readonly kind: "graph";
      /** A document or sharing URL (https), or a path from the root of the user's OneDrive. */
      readonly workbook: string;
      /** Its file name, when picked from the list. */
      readonly name?: string | undefined;
    };

export const WORKBOOK_SETTING_KEY = "relancesWorkbook";
export const EMBEDDED: WorkbookSetting = { kind: "embedded" };

/**
 * What the server's workbook routes take for the setting's text, or undefined when it is neither
 * an https URL nor a path OneDrive takes.
 * @example workbookRefOf("/Compta/Suivi 2026.xlsx") // { workbookPath: "Compta/Suivi 2026.xlsx" }
 */
export function workbookRefOf(text: string): WorkbookRefWire | undefined {
  const trimmed = text.trim();
  if (/^https:\/\//i.test(trimmed)) return URL.canParse(trimmed) && trimmed.length <= 2048 ? { workbookUrl: trimmed } : undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  const path = trimmed.replace(/^\/+/, "");
  return isSafeDrivePath(path) ? { workbookPath: path } : undefined;
}

/**
 * The setting as stored, checked: anything else is the embedded default.
 * @example parseWorkbookSetting(undefined) // { kind: "embedded" }
 */
export function parseWorkbookSetting(value: unknown): WorkbookSetting {
  if (value === null || typeof value !== "object") return EMBEDDED;
  const { kind, workbook, name } = value as Record<string, unknown>;
  if (kind !== "graph" || typeof workbook !== "string" || workbookRefOf(workbook) === undefined) return EMBEDDED;
  return { kind: "graph", workbook: workbook.trim(), name: typeof name === "string" && name !== "" ? name : undefined };
}

export function readWorkbookSetting(store: SettingsStore): WorkbookSetting {
  return parseWorkbookSetting(store.get(WORKBOOK_SETTING_KEY));
}

/** Stores the setting and saves it (roamingSettings.saveAsync in Outlook). */
export async function saveWorkbookSetting(store: SettingsStore, setting: WorkbookSetting): Promise<void> {
  store.set(WORKBOOK_SETTING_KEY, setting.kind === "embedded" ? { kind: "embedded" } : { kind: "graph", workbook: setting.workbook, ...(setting.name ? { name: setting.name } : {}) });
  await store.save();
}
