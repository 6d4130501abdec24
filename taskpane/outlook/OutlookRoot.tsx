// The read pane over the embedded workbook: reads the sheets, again after each log.
import { FluentProvider, MessageBar, Spinner, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { Day } from "../../src/core/day";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { PaneLanguage } from "../shared/paneHost";
import { appendJournal, fetchSheets } from "./embeddedWorkbook";
import type { MailMessage } from "./mailItem";
import { ReadPane } from "./ReadPane";

export function OutlookRoot({ language, message, asOf }: { language: PaneLanguage; message: MailMessage | undefined; asOf: Day }) {
  const [sheets, setSheets] = useState<MemorySheet[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const reload = useCallback(() => {
    fetchSheets().then((w) => setSheets(w.sheets), (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(reload, [reload]);
  return (
    <FluentProvider theme={webLightTheme}>
      {failure !== undefined ? <MessageBar intent="error">{failure}</MessageBar>
        : sheets === undefined ? <Spinner label={language === "en" ? "Reading the workbook…" : "Lecture du classeur…"} />
        : <ReadPane language={language} message={message} sheets={sheets} asOf={asOf} appendJournal={appendJournal} reload={reload} />}
    </FluentProvider>
  );
}
