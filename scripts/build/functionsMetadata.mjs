// dist/functions/functions.json (English, generated from the JSDoc by custom-functions-metadata),
// functions-fr.json (the French of functions/functions.fr.json laid over it) and functions.html,
// the page Excel's runtime loads the bundle from.
import { copyFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { BuildError, dist, rel, root } from "./buildLog.mjs";
import { translateMetadata } from "./frenchMetadata.mjs";
import { FUNCTIONS_SOURCE } from "./functionsBundle.mjs";

const FRENCH_SOURCE = path.join(root, "functions", "functions.fr.json");

export async function buildFunctionsMetadata(log) {
  const outDir = path.join(dist, "functions");
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  if (generated.errors.length > 0) {
    throw new BuildError(
      `${rel(FUNCTIONS_SOURCE)}: custom-functions-metadata reports ${generated.errors.length} error(s):\n` +
        generated.errors.map((e) => `  - ${e}`).join("\n"),
    );
  }
  if (!generated.metadataJson) {
    throw new BuildError(`${rel(FUNCTIONS_SOURCE)}: no function tagged @customfunction`);
  }
  const metadata = JSON.parse(generated.metadataJson);
  const metadataFile = path.join(outDir, "functions.json");
  await writeFile(metadataFile, JSON.stringify(metadata, null, 2) + "\n");
  await log.report(metadataFile, `(${metadata.functions.length} functions, English)`);

  const french = await readJson(FRENCH_SOURCE);
  const frenchMetadata = translateMetadata(metadata, french, rel(FRENCH_SOURCE));
  const frenchFile = path.join(outDir, "functions-fr.json");
  await writeFile(frenchFile, JSON.stringify(frenchMetadata, null, 2) + "\n");
  await log.report(frenchFile, "(French)");

  const pageFile = path.join(outDir, "functions.html");
  await copyFile(path.join(root, "functions", "functions.html"), pageFile);
  await log.report(pageFile);
}

async function readJson(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new BuildError(`${rel(file)}: cannot read (${error.code ?? error.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BuildError(`${rel(file)}: invalid JSON (${error.message})`);
  }
}
