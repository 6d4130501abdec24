// The Outlook pane's workbook setting kept in Office.context.roamingSettings (office-addin-mock's
// Office object for Outlook): the embedded default when nothing is stored, the OneDrive choice
// set and saved with saveAsync, read back in the next pane, a failed save said in both
// languages; the preview's localStorage keeps it the same way; the text of the setting checked.
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { localStorageStore, roamingSettingsStore, type RoamingSettingsLike } from "../../../taskpane/outlook/settingsStore";
import { parseWorkbookSetting, readWorkbookSetting, saveWorkbookSetting, WORKBOOK_SETTING_KEY, workbookRefOf } from "../../../taskpane/outlook/workbookSetting";

const SUCCEEDED = "succeeded";
const URL_OF_SHARE = "https://cabinet-exemple-my.sharepoint.com/personal/claire_martin_cabinet-exemple_fr/Documents/Compta/Suivi%202026.xlsx";

/** Office.context as Outlook gives it, its roamingSettings over a mailbox's saved values. */
function outlookContext(saved: Map<string, unknown>, saveStatus = SUCCEEDED) {
  const pending = new Map(saved);
  const outlook = "outlook" as ConstructorParameters<typeof OfficeMockObject>[1];
  const office = new OfficeMockObject(
    {
      context: {
        roamingSettings: {
          get: (name: string) => pending.get(name),
          set: (name: string, value: unknown) => void pending.set(name, value),
          saveAsync(callback: (result: { status: string }) => void) {
            if (saveStatus === SUCCEEDED) for (const [k, v] of pending) saved.set(k, v);
            callback({ status: saveStatus });
          },
        },
      },
    },
    outlook,
  ) as unknown as { context: { roamingSettings: RoamingSettingsLike } };
  return office.context;
}

describe("the workbook setting in roamingSettings", () => {
  it("is the server's file when nothing is stored", () => {
    expect(readWorkbookSetting(roamingSettingsStore(outlookContext(new Map()).roamingSettings, SUCCEEDED))).toEqual({ kind: "embedded" });
  });

  it("keeps the OneDrive choice once saved, and the next pane reads it back", async () => {
    const mailbox = new Map<string, unknown>();
    const store = roamingSettingsStore(outlookContext(mailbox).roamingSettings, SUCCEEDED);
    await saveWorkbookSetting(store, { kind: "graph", workbook: URL_OF_SHARE, name: "Suivi 2026.xlsx" });
    expect(mailbox.get(WORKBOOK_SETTING_KEY)).toEqual({ kind: "graph", workbook: URL_OF_SHARE, name: "Suivi 2026.xlsx" });
    const next = roamingSettingsStore(outlookContext(mailbox).roamingSettings, SUCCEEDED);
    expect(readWorkbookSetting(next)).toEqual({ kind: "graph", workbook: URL_OF_SHARE, name: "Suivi 2026.xlsx" });
    await saveWorkbookSetting(next, { kind: "embedded" });
    expect(readWorkbookSetting(roamingSettingsStore(outlookContext(mailbox).roamingSettings, SUCCEEDED))).toEqual({ kind: "embedded" });
  });

  it("says so in French and English when Outlook cannot save it, and the mailbox keeps the old value", async () => {
    const mailbox = new Map<string, unknown>();
    const store = roamingSettingsStore(outlookContext(mailbox, "failed").roamingSettings, SUCCEEDED);
    await expect(saveWorkbookSetting(store, { kind: "graph", workbook: "Compta/Suivi.xlsx" })).rejects.toThrow("Outlook n'a pas pu enregistrer le réglage. / Outlook could not save the setting.");
    expect(mailbox.has(WORKBOOK_SETTING_KEY)).toBe(false);
  });
});

describe("the workbook setting in the preview's localStorage", () => {
  it("round-trips as JSON under the pane's prefix", async () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
    await saveWorkbookSetting(localStorageStore(storage), { kind: "graph", workbook: "/Compta/Suivi.xlsx" });
    expect([...items.keys()]).toEqual([`relances.${WORKBOOK_SETTING_KEY}`]);
    expect(readWorkbookSetting(localStorageStore(storage))).toEqual({ kind: "graph", workbook: "/Compta/Suivi.xlsx", name: undefined });
    items.set(`relances.${WORKBOOK_SETTING_KEY}`, "{pas du json");
    expect(readWorkbookSetting(localStorageStore(storage))).toEqual({ kind: "embedded" });
  });
});

describe("parseWorkbookSetting and workbookRefOf", () => {
  it("takes an https URL or a path OneDrive accepts; anything else is the server's file", () => {
    expect(workbookRefOf(` ${URL_OF_SHARE} `)).toEqual({ workbookUrl: URL_OF_SHARE });
    expect(workbookRefOf("/Compta/Suivi 2026.xlsx")).toEqual({ workbookPath: "Compta/Suivi 2026.xlsx" });
    for (const bad of ["", "http://intranet/suivi.xlsx", "javascript:alert(1)", "C:\\Suivi.xlsx", "Compta/../Suivi.xlsx", "Compta//Suivi.xlsx"]) expect(workbookRefOf(bad), bad).toBeUndefined();
    expect(parseWorkbookSetting({ kind: "graph", workbook: "javascript:alert(1)" })).toEqual({ kind: "embedded" });
    expect(parseWorkbookSetting({ kind: "graph" })).toEqual({ kind: "embedded" });
    expect(parseWorkbookSetting("graph")).toEqual({ kind: "embedded" });
  });
});
