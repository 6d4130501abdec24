// The documents of a run written into an output folder: the engine's documents (see
// src/engine/runDocuments.ts) through the command line's adapters, the files on disk, the
// templates of the package and of a "modeles" folder, the e-mails as .eml files.
import type { ActionDocument, Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import { produceRunDocuments } from "../engine/runDocuments";
import { commandLinePorts } from "./commandLinePorts";

export interface RunDocuments {
  /** Every file written, relative to the output folder. */
  readonly files: readonly string[];
  /** The file each customer's document went into (the journal's Référence) and its channel, by customer key. */
  readonly documents: ReadonlyMap<string, ActionDocument>;
}

/**
 * @param templatesFolder - the user's own templates ("modeles" beside the workbook), laid out like
 *   templates/ (<lang>/<stage>.html, .txt, .subject.txt, .docx); each file found replaces the default
 * @throws FileWriteError naming a file that could not be written (once the files in flight are written)
 */
export async function writeRunDocuments(
  plan: Plan,
  settings: Settings,
  outDir: string,
  templatesFolder?: string,
): Promise<RunDocuments> {
  const { sink, templates, mail } = commandLinePorts(outDir, templatesFolder);
  try {
    const { documents } = await produceRunDocuments(plan, settings, { templates, sink, mail });
    return { files: sink.files, documents };
  } catch (error) {
    await sink.settle();
    throw error;
  }
}
