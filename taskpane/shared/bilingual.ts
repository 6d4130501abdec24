// The engine's user messages are one line, French then English ("… / …"): the pane shows the half
// of its language, or the whole line when it is not split that way.
import type { PaneLanguage } from "./paneHost";

export function inLanguage(message: string, language: PaneLanguage): string {
  const parts = message.split(" / ");
  if (parts.length !== 2) return message;
  return (language === "en" ? parts[1] : parts[0])!.trim();
}
