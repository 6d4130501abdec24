// The preview at /preview: the Excel pane in a plain browser, without office.js, on the bundled
// sample (served by the add-in server) or on an .xlsx opened from disk, the engine in the page.
// URL parameters: lang=fr|en (the browser's language otherwise), asOf=YYYY-MM-DD (today otherwise).
// When the server is configured against the Microsoft 365 stand-in, the e-mails become drafts there.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { planFromArrays } from "../../src/engine/browserEntry";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { fetchApiConfig } from "../shared/apiConfig";
import type { ApiClient } from "../shared/apiClient";
import { languageOf } from "../shared/i18n";
import { loadWorkbook } from "./excelSheets";
import { PreviewPane } from "./PreviewPane";
import { previewApi } from "./previewSignIn";
import { PreviewWorkbook } from "./previewWorkbook";

const SAMPLE_URL = "/preview/sample.xlsx";
const SAMPLE_NAME = "exemple-relances.xlsx";

const params = new URLSearchParams(location.search);
const language = params.get("lang") === "en" || params.get("lang") === "fr" ? (params.get("lang") as "fr" | "en") : languageOf(navigator.languages);
const asOf = params.get("asOf") ?? undefined;
document.documentElement.lang = language;

const root = createRoot(document.getElementById("root")!);
const fetcher = fetch.bind(window);
let api: ApiClient | undefined;
const configured = fetchApiConfig(location.origin, fetcher).then((config) => {
  api = previewApi(config, location.origin, fetcher);
});

function show(workbook: PreviewWorkbook): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <PreviewPane workbook={workbook} language={language} asOf={asOf} api={api} onOpen={(file) => void openFile(file)} onSample={() => void openSample()} />
    </FluentProvider>,
  );
}

async function openSample(): Promise<void> {
  await configured;
  const response = await fetch(SAMPLE_URL, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${SAMPLE_URL}: HTTP ${response.status}`);
  show(PreviewWorkbook.fromExcel(SAMPLE_NAME, await loadWorkbook(await response.arrayBuffer())));
}

async function openFile(file: File): Promise<void> {
  await configured;
  show(PreviewWorkbook.fromExcel(file.name, await loadWorkbook(await file.arrayBuffer())));
}

/** For the benchmark and the tests: a workbook given as arrays, shown at once; the engine's plan alone, timed. */
(globalThis as { relancesPreview?: unknown }).relancesPreview = {
  openSheets(name: string, sheets: MemorySheet[]): void {
    void configured.then(() => show(new PreviewWorkbook(name, sheets)));
  },
  async planMilliseconds(sheets: MemorySheet[], date: string): Promise<number> {
    const start = performance.now();
    await planFromArrays(sheets, date);
    return performance.now() - start;
  },
};

openSample().catch((error: unknown) => {
  console.error(error);
  show(new PreviewWorkbook(SAMPLE_NAME, []));
});
