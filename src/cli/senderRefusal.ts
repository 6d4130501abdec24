// What `run` says when it refuses for an incomplete sender (SPEC section 5, exit 4): each missing
// setting, the copy to open and fill, and the command to run next on it.
import { missingSettingMessage } from "../core/senderCheck";
import { SETTINGS_SHEET } from "../core/settings";
import type { SenderIncompleteError } from "../workbook/senderRefusal";

/** A path or value as the shell reads it back: quoted when it holds anything but plain characters. */
function shellWord(text: string): string {
  return /^[\w./:@+=-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, "\\$1")}"`;
}

/**
 * The refusal's message, French then English on each line.
 * @param options - the options to run again with (["--as-of", "2026-06-30"]), after the copy
 * @example senderRefusalMessage(error, []) // "Expéditeur incomplet : rien n'a été écrit ni journalisé / …"
 */
export function senderRefusalMessage(error: SenderIncompleteError, options: readonly string[]): string {
  return [
    "Expéditeur incomplet : aucun document écrit, aucune ligne de journal / Sender incomplete: no document written, no journal line",
    ...error.missing.map((missing) => `  - ${missingSettingMessage(missing)}`),
    `Ouvrez ce classeur et remplissez sa feuille « ${SETTINGS_SHEET} » (lignes OBLIGATOIRE) / Open this workbook and fill in its « ${SETTINGS_SHEET} » sheet (REQUIRED rows):`,
    `  ${error.copyFile}`,
    "Puis lancez / Then run:",
    `  relances run ${[error.copyFile, ...options].map(shellWord).join(" ")}`,
  ].join("\n");
}
