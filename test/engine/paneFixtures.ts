// The bundled sample as the pane gets it (Office.js arrays), the package's templates as the pane
// fetches them, and the sample's customers as the worklist names them.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { planFromArrays } from "../../src/engine/browserEntry";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { templatesFolder } from "../../src/node/emailTemplates";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { officeSheetsOf } from "./officeWorkbook";

/** The sample workbook written to `file` and read back as Office.js hands it over. */
export async function sampleSheetsAt(file: string): Promise<MemorySheet[]> {
  await writeSampleWorkbook(file);
  return officeSheetsOf(file);
}

/** The sample's sheets, from a file written and removed. */
export async function sampleSheets(): Promise<MemorySheet[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "relances-pane-sample-"));
  try {
    return await sampleSheetsAt(path.join(dir, "sample.xlsx"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The package's templates/ as the pane fetches them: .docx as bytes, e-mail parts as text. */
export async function shippedTemplateFiles(): Promise<Record<string, Uint8Array | string>> {
  const templates: Record<string, Uint8Array | string> = {};
  for (const lang of ["fr", "en"]) {
    for (const name of await readdir(path.join(templatesFolder(), lang))) {
      const bytes = await readFile(path.join(templatesFolder(), lang, name));
      templates[`${lang}/${name}`] = name.endsWith(".docx") ? new Uint8Array(bytes) : bytes.toString("utf8");
    }
  }
  return templates;
}

/** The worklist's customers (actions[].customer of the plan's JSON), with their levels. */
export async function worklist(sheets: readonly MemorySheet[], asOf = SAMPLE_AS_OF): Promise<{ customer: string; level: number; channel: string }[]> {
  const { json, problem } = await planFromArrays(sheets, asOf);
  if (json === undefined) throw new Error(problem);
  return json.actions.map((a) => ({ customer: a.customer, level: a.level, channel: a.channel }));
}
