// What every screen of the pane shares, through one React context: the host (Excel or the
// preview), the words of its language, the workbook as last read, the reference date, and a polite
// live region that screen readers announce (progress, summaries).
import { createContext, useContext } from "react";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { format, type TextKey, type Texts } from "../shared/i18n";
import type { PaneHost } from "../shared/paneHost";

export interface PaneContextValue {
  readonly host: PaneHost;
  readonly texts: Texts;
  /** The workbook's sheets as last read (after each action the pane reads them again). */
  readonly sheets: readonly MemorySheet[];
  /** Grows with each read of the workbook: screens recompute what depends on the sheets. */
  readonly revision: number;
  /** Reads the workbook again (after a write). */
  reload(): Promise<void>;
  /** The reference date, ISO (today by default). */
  readonly asOf: string;
  setAsOf(iso: string): void;
  /** Says something to screen readers through the pane's live region. */
  announce(message: string): void;
}

export const PaneContext = createContext<PaneContextValue | undefined>(undefined);

/** The pane's shared state; only inside App. */
export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (value === undefined) throw new Error("usePane outside the pane's App");
  return value;
}

/** The text of a key in the pane's language, with its {slots} filled. */
export function useText(): (key: TextKey, values?: Readonly<Record<string, string | number>>) => string {
  const { texts } = usePane();
  return (key, values) => format(texts[key], values);
}
