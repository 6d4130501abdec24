// What an action hands the user, as files: the documents by their path in the run's folder, and each
// e-mail as a draft .eml beside them (the engine's own .eml names).
import type { EmailMessage } from "../../src/documents/emailMessage";
import { draftEml } from "../shared/draftEml";
import type { PaneFile } from "../shared/paneHost";

const TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  eml: "message/rfc822",
  txt: "text/plain; charset=utf-8",
};

/** The media type of a path, by its extension. */
export function mediaType(path: string): string {
  return TYPES[path.slice(path.lastIndexOf(".") + 1).toLowerCase()] ?? "application/octet-stream";
}

/**
 * @param files - the documents, by path
 * @param emails - the e-mails, by .eml name
 */
export function actionFiles(files: Readonly<Record<string, Uint8Array | string>>, emails: Readonly<Record<string, EmailMessage>>): PaneFile[] {
  const out: PaneFile[] = Object.entries(files).map(([path, data]) => ({ path, data, type: mediaType(path) }));
  for (const [name, message] of Object.entries(emails)) out.push({ path: name, data: draftEml(message), type: TYPES.eml! });
  return out;
}
