// Where the Outlook pane keeps its settings, as a port: Outlook's roamingSettings (they follow the
// user's mailbox from one Outlook to another), the browser's localStorage in the preview.

export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  /** Makes the values set so far last (roamingSettings keep them in memory until saveAsync). */
  save(): Promise<void>;
}

/** What the store uses of Office.context.roamingSettings. */
export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } | null }) => void): void;
}

/**
 * @param roaming - Office.context.roamingSettings
 * @param succeeded - Office.AsyncResultStatus.Succeeded
 */
export function roamingSettingsStore(roaming: RoamingSettingsLike, succeeded: unknown = "succeeded"): SettingsStore {
  return {
    get: (name) => roaming.get(name) ?? undefined,
    set: (name, value) => roaming.set(name, value),
    save: () =>
      new Promise((resolve, reject) =>
        roaming.saveAsync((result) => {
          if (result.status === succeeded) resolve();
          else reject(new Error("Outlook n'a pas pu enregistrer le réglage. / Outlook could not save the setting."));
        }),
      ),
  };
}

/** The preview's store: localStorage, one JSON value per setting. */
export function localStorageStore(storage: Pick<Storage, "getItem" | "setItem">, prefix = "relances."): SettingsStore {
  return {
    get(name) {
      const text = storage.getItem(prefix + name);
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    set: (name, value) => storage.setItem(prefix + name, JSON.stringify(value)),
    save: () => Promise.resolve(),
  };
}
