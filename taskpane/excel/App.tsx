// The pane: reads the workbook through its host, then shows the screens as tabs. Thin on purpose:
// the screens compute through the engine, the host does the reading, writing and delivering.
import { makeStyles, MessageBar, MessageBarBody, Button, Spinner, Tab, TabList, Title2, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { format, textsFor } from "../shared/i18n";
import type { PaneHost } from "../shared/paneHost";
import { PaneContext, type PaneContextValue } from "./paneContext";
import { FIRST_SCREEN, orderedScreens, SCREENS, type PaneScreen, type ScreenId } from "./screens";
import { todayIso } from "./todayIso";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minHeight: "100vh", boxSizing: "border-box" },
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalM },
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

type Reading =
  | { readonly status: "loading"; readonly rows: number }
  | { readonly status: "ready"; readonly sheets: readonly MemorySheet[]; readonly revision: number }
  | { readonly status: "failed"; readonly message: string };

export interface AppProps {
  readonly host: PaneHost;
  /** The reference date to open on (ISO); today when absent. */
  readonly initialAsOf?: string | undefined;
  /** The screens to show (all of SCREENS by default). */
  readonly screens?: readonly PaneScreen[] | undefined;
  /** What the host adds above the tabs (the preview's toolbar). */
  readonly toolbar?: ReactNode;
}

export function App({ host, initialAsOf, screens = SCREENS, toolbar }: AppProps) {
  const styles = useStyles();
  const texts = textsFor(host.language);
  const [reading, setReading] = useState<Reading>({ status: "loading", rows: 0 });
  const [asOf, setAsOf] = useState(initialAsOf ?? todayIso());
  const [message, setMessage] = useState("");
  const revision = useRef(0);
  const tabs = useMemo(() => orderedScreens(screens), [screens]);
  const [selected, setSelected] = useState<ScreenId>(tabs.some((s) => s.id === FIRST_SCREEN) ? FIRST_SCREEN : (tabs[0]?.id ?? FIRST_SCREEN));

  const reload = useCallback(async () => {
    try {
      const sheets = await host.readSheets((rows) => setReading((r) => (r.status === "ready" ? r : { status: "loading", rows })));
      revision.current += 1;
      setReading({ status: "ready", sheets, revision: revision.current });
    } catch (error) {
      setReading({ status: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }, [host]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const context = useMemo<PaneContextValue | undefined>(
    () =>
      reading.status === "ready"
        ? { host, texts, sheets: reading.sheets, revision: reading.revision, reload, asOf, setAsOf, announce: setMessage }
        : undefined,
    [host, texts, reading, reload, asOf],
  );
  const current = tabs.find((s) => s.id === selected) ?? tabs[0];

  return (
    <div className={styles.root} lang={host.language}>
      <header className={styles.header}>
        <Title2 as="h1">{texts["app.title"]}</Title2>
        <Text>{format(texts["preview.workbook"], { name: host.workbookName() })}</Text>
      </header>
      {toolbar}
      {reading.status === "loading" && (
        <Spinner role="status" label={reading.rows > 0 ? `${texts["app.loading"]} ${format(texts["app.readRows"], { rows: reading.rows })}` : texts["app.loading"]} />
      )}
      {reading.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            {format(texts["app.readFailed"], { message: reading.message })}{" "}
            <Button onClick={() => void reload()}>{texts["app.retry"]}</Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {context !== undefined && current !== undefined && (
        <PaneContext.Provider value={context}>
          <nav aria-label={texts["app.screens"]}>
            <TabList selectedValue={current.id} onTabSelect={(_event, data) => setSelected(data.value as ScreenId)}>
              {tabs.map((screen) => (
                <Tab key={screen.id} id={`tab-${screen.id}`} value={screen.id} aria-controls={`panel-${screen.id}`}>
                  {texts[screen.label]}
                </Tab>
              ))}
            </TabList>
          </nav>
          <main role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
            <current.Screen />
          </main>
        </PaneContext.Provider>
      )}
      <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="live-region">
        {message}
      </div>
    </div>
  );
}
