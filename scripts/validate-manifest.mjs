// npm run validate [-- file.xml...]: the add-in manifests against Microsoft's XSD, offline
// (OfficeAppManifestV1_1.xsd and its five imports, see scripts/manifestSchema.mjs).
// Without arguments: manifest.xml and every other manifest*.xml at the project's root.
// Schemas: $SCHEMA_DIR, else schemas/ in the repository (Microsoft's, vendored: see schemas/README.md).
// Prints "valide / valid" or each error with its line; exits 0 when all are valid, 1 when one is
// invalid (or unreadable), 2 when the schemas are missing or do not compile: they ship with the
// repository, so a manifest left unchecked is a failure, not a skip.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { missingSchemas, ROOT_XSD, schemaDir, validateManifestXml } from "./manifestSchema.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** A path as the user would type it: relative to the current folder when inside it. */
function rel(file) {
  const relative = path.relative(process.cwd(), file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
}

function manifestsAtRoot() {
  return readdirSync(root)
    .filter((name) => /^manifest.*\.xml$/i.test(name))
    .sort((a, b) => (a === "manifest.xml" ? -1 : b === "manifest.xml" ? 1 : a.localeCompare(b)))
    .map((name) => path.join(root, name));
}

async function main() {
  const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => path.resolve(f)) : manifestsAtRoot();
  if (files.length === 0) {
    console.error(`Aucun manifest*.xml dans ${rel(root)} / no manifest*.xml found`);
    return 1;
  }

  const dir = schemaDir();
  const missing = missingSchemas(dir);
  if (missing.length > 0) {
    console.error(
      `Schémas XSD introuvables dans ${dir} (${missing.join(", ")}) : rien n'est validé.\n` +
        `XSD schemas not found in ${dir}: nothing validated. Set SCHEMA_DIR to the folder of ${ROOT_XSD} and its imports, or leave it unset for schemas/.`,
    );
    return 2;
  }

  let invalid = 0;
  for (const file of files) {
    const name = rel(file);
    let xml;
    try {
      xml = readFileSync(file, "utf8");
    } catch (error) {
      console.error(`${name} : illisible / cannot read (${error.code ?? error.message})`);
      invalid++;
      continue;
    }
    let result;
    try {
      result = await validateManifestXml(xml, { fileName: path.basename(file), dir });
    } catch (error) {
      console.error(
        `Les schémas de ${dir} ne se compilent pas / the schemas in ${dir} do not compile:\n  ${String(error?.message ?? error).trim()}`,
      );
      return 2;
    }
    if (result.valid) {
      console.log(`${name} : valide / valid`);
    } else {
      invalid++;
      console.log(`${name} : invalide / invalid (${result.errors.length} erreur(s) / error(s))`);
      // libxml2 follows a parser error with the offending text and a caret, as lines without a place.
      for (const e of result.errors) console.log(e.line ? `  ${name}:${e.line}: ${e.message}` : `      ${e.message}`);
    }
  }
  return invalid > 0 ? 1 : 0;
}

process.exitCode = await main();
