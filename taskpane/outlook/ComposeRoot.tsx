// The compose pane over the embedded workbook: reads the sheets and the message's recipients, and
// reads the recipients again when Outlook says they changed (or when the user asks, without 1.7).
import { FluentProvider, MessageBar, Spinner, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Day } from "../../src/core/day";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { PaneLanguage } from "../shared/paneHost";
import { loadTemplates } from "../shared/templates";
import { followRecipients, readRecipients, type ComposeConstants, type ComposeItemLike, type Recipient } from "./composeItem";
import { ComposePane } from "./ComposePane";
import { composeTexts } from "./composeTexts";
import { appendJournal, fetchSheets } from "./embeddedWorkbook";

export function ComposeRoot({ language, item, constants, asOf }: { language: PaneLanguage; item: ComposeItemLike; constants: ComposeConstants; asOf: Day }) {
  const [sheets, setSheets] = useState<MemorySheet[] | undefined>();
  const [recipients, setRecipients] = useState<Recipient[] | undefined>();
  const [following, setFollowing] = useState(true);
  const [failure, setFailure] = useState<string | undefined>();
  const reading = useRef(0);
  const failed = useCallback((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)), []);
  // A later reading wins over an earlier one that answers late.
  const readAgain = useCallback(() => {
    const mine = ++reading.current;
    readRecipients(item).then((r) => mine === reading.current && (setFailure(undefined), setRecipients(r)), failed);
  }, [item, failed]);

  useEffect(() => {
    fetchSheets().then((w) => setSheets(w.sheets), failed);
  }, [failed]);
  useEffect(() => {
    readAgain();
    setFollowing(followRecipients(item, constants, (r) => (++reading.current, setFailure(undefined), setRecipients(r)), failed));
  }, [item, constants, readAgain, failed]);

  return (
    <FluentProvider theme={webLightTheme}>
      {failure !== undefined && <MessageBar intent="error">{failure}</MessageBar>}
      {sheets === undefined ? (
        failure === undefined && <Spinner label={composeTexts(language).loading} />
      ) : (
        <ComposePane
          language={language}
          item={item}
          constants={constants}
          recipients={recipients}
          following={following}
          readAgain={readAgain}
          sheets={sheets}
          loadTemplates={loadTemplates}
          asOf={asOf}
          appendJournal={appendJournal}
        />
      )}
    </FluentProvider>
  );
}
