// The pane as the preview shows it: a banner saying what this is, a toolbar (open a workbook, the
// sample, download the updated workbook), then the Excel pane's App on the preview's host.
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useMemo, useRef } from "react";
import { App } from "../excel/App";
import type { ApiClient } from "../shared/apiClient";
import { textsFor } from "../shared/i18n";
import type { PaneLanguage } from "../shared/paneHost";
import { downloadBytes } from "./download";
import { previewHost } from "./previewHost";
import type { PreviewWorkbook } from "./previewWorkbook";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  file: { position: "absolute", width: "1px", height: "1px", opacity: 0 },
});

export interface PreviewPaneProps {
  readonly workbook: PreviewWorkbook;
  readonly language: PaneLanguage;
  readonly asOf?: string | undefined;
  /** The server's API (Microsoft 365 through the stand-in), when configured so. */
  readonly api?: ApiClient | undefined;
  onOpen(file: File): void;
  onSample(): void;
}

export function PreviewPane({ workbook, language, asOf, api, onOpen, onSample }: PreviewPaneProps) {
  const styles = useStyles();
  const texts = textsFor(language);
  const host = useMemo(() => previewHost(workbook, language, api), [workbook, language, api]);
  const input = useRef<HTMLInputElement>(null);
  const toolbar = (
    <>
      <MessageBar intent="info">
        <MessageBarBody>{texts["preview.banner"]}</MessageBarBody>
      </MessageBar>
      <div className={styles.toolbar} role="toolbar" aria-label={texts["preview.banner"]}>
        <input
          ref={input}
          id="preview-file"
          className={styles.file}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={texts["preview.open"]}
          tabIndex={-1}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file !== undefined) onOpen(file);
          }}
        />
        <Button onClick={() => input.current?.click()}>{texts["preview.open"]}</Button>
        <Button onClick={onSample}>{texts["preview.sample"]}</Button>
        <Button onClick={() => void workbook.xlsx().then((bytes) => downloadBytes(workbook.name, bytes, XLSX_TYPE))} data-testid="download-workbook">
          {texts["preview.download"]}
        </Button>
      </div>
    </>
  );
  return <App key={workbook.id} host={host} initialAsOf={asOf} toolbar={toolbar} />;
}
