// The tracking workbook the Outlook panes' setting names (the server's file by default, OneDrive or
// SharePoint when Microsoft 365 is configured), read and read again, for the read and compose panes
// alike. A read of a workbook no longer chosen lands nowhere.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { ApiClient } from "../shared/apiClient";
import type { SettingsStore } from "./settingsStore";
import { EMBEDDED, readWorkbookSetting, saveWorkbookSetting, type WorkbookSetting } from "./workbookSetting";
import type { WorkbookSource } from "./workbookSource";
import { workbookSourceOf } from "./workbookSourceChoice";

export interface ChosenWorkbook {
  readonly setting: WorkbookSetting;
  readonly source: WorkbookSource;
  /** The workbook read, undefined while it is read (or when it failed). */
  readonly read: { readonly name: string; readonly sheets: MemorySheet[] } | undefined;
  readonly failure: string | undefined;
  /** Reads the workbook again (after a log, so that the pane shows the new lines). */
  reload(): void;
  /** Keeps another choice (in `settings`, when there are some) and reads that workbook. */
  save(chosen: WorkbookSetting): Promise<void>;
}

export function useChosenWorkbook(settings: SettingsStore | undefined, api: ApiClient | undefined): ChosenWorkbook {
  const [setting, setSetting] = useState<WorkbookSetting>(() => (settings === undefined ? EMBEDDED : readWorkbookSetting(settings)));
  const source = useMemo(() => workbookSourceOf(setting, api), [setting, api]);
  const [read, setRead] = useState<ChosenWorkbook["read"]>();
  const [failure, setFailure] = useState<string | undefined>();
  const current = useRef(source);
  current.current = source;
  const reload = useCallback(() => {
    source.sheets().then(
      (w) => {
        if (current.current !== source) return;
        setFailure(undefined);
        setRead(w);
      },
      (e: unknown) => current.current === source && setFailure(e instanceof Error ? e.message : String(e)),
    );
  }, [source]);
  useEffect(() => {
    setRead(undefined);
    setFailure(undefined);
    reload();
  }, [reload]);
  const save = async (chosen: WorkbookSetting): Promise<void> => {
    if (settings !== undefined) await saveWorkbookSetting(settings, chosen);
    setSetting(chosen);
  };
  return { setting, source, read, failure, reload, save };
}
