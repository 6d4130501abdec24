// The ports of a run on the command line: documents written into the output folder (Word packages
// deflated by zlib), the shipped templates with the user's « modeles » over them, e-mails as .eml files.
import type { MailDelivery } from "../engine/mailDelivery";
import type { TemplateStore } from "../engine/templateStore";
import { deflateDocuments } from "./deflateDocuments";
import { emlDelivery } from "./emlDelivery";
import { fileDocumentSink, type FileDocumentSink } from "./fileDocumentSink";
import { fileTemplateStore } from "./fileTemplateStore";

export interface CommandLinePorts {
  readonly sink: FileDocumentSink;
  readonly templates: TemplateStore;
  readonly mail: MailDelivery;
}

/**
 * @param outDir - the run's output folder
 * @param templatesFolder - the user's own templates (userTemplatesFolder(workbook)), if any
 * @example const { sink, templates, mail } = commandLinePorts("relances-2026-06-30", userTemplatesFolder(file));
 */
export function commandLinePorts(outDir: string, templatesFolder?: string): CommandLinePorts {
  const sink = fileDocumentSink(outDir, { prepare: deflateDocuments });
  return { sink, templates: fileTemplateStore(templatesFolder), mail: emlDelivery(sink) };
}
