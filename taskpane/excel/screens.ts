// The pane's screens, one entry each, shown as tabs in SCREEN_ORDER whatever the order of SCREENS:
// a screen is plugged in by adding its entry here.
import type { ComponentType } from "react";
import type { TextKey } from "../shared/i18n";
import { JournalScreen } from "./screens/JournalScreen";
import { ReportScreen } from "./screens/ReportScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { SetupScreen } from "./screens/SetupScreen";
import { TodayScreen } from "./screens/TodayScreen";

export type ScreenId = "setup" | "today" | "report" | "journal" | "settings";

export interface PaneScreen {
  readonly id: ScreenId;
  /** The tab's label. */
  readonly label: TextKey;
  readonly Screen: ComponentType;
}

/** The tabs' order: Mise en place, Aujourd'hui, Rapport, Journal, Paramètres. */
export const SCREEN_ORDER: readonly ScreenId[] = ["setup", "today", "report", "journal", "settings"];

/** The screen the pane opens on. */
export const FIRST_SCREEN: ScreenId = "today";

export const SCREENS: readonly PaneScreen[] = [
  { id: "today", label: "screen.today", Screen: TodayScreen },
  { id: "setup", label: "screen.setup", Screen: SetupScreen },
  { id: "report", label: "screen.report", Screen: ReportScreen },
  { id: "journal", label: "screen.journal", Screen: JournalScreen },
  { id: "settings", label: "screen.settings", Screen: SettingsScreen },
];

/** The screens in tab order. */
export function orderedScreens(screens: readonly PaneScreen[] = SCREENS): PaneScreen[] {
  return [...screens].sort((a, b) => SCREEN_ORDER.indexOf(a.id) - SCREEN_ORDER.indexOf(b.id));
}
