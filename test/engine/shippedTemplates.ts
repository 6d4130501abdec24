// The package's templates/ folder as an in-memory template store, for the engine's tests.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { templatesFolder } from "../../src/node/emailTemplates";
import { memoryTemplateStore } from "../../src/engine/memoryTemplateStore";
import type { TemplateStore } from "../../src/engine/templateStore";

export async function shippedTemplates(): Promise<TemplateStore> {
  const files = new Map<string, Uint8Array | string>();
  for (const lang of ["fr", "en"]) {
    for (const name of await readdir(path.join(templatesFolder(), lang))) {
      const bytes = await readFile(path.join(templatesFolder(), lang, name));
      files.set(`${lang}/${name}`, name.endsWith(".docx") ? new Uint8Array(bytes) : bytes.toString("utf8"));
    }
  }
  return memoryTemplateStore(files);
}
