// Office add-in XML manifests against Microsoft's XSD, offline: the six schemas vendored in
// schemas/ (see its README for their source: OfficeAppManifestV1_1.xsd is the root, the five
// others are imported through relative schemaLocations). libxml2 does no I/O inside xmllint-wasm, so every
// import is preloaded under the name its schemaLocation uses. Used by scripts/validate-manifest.mjs
// (npm run validate) and test/manifest.test.ts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const ROOT_XSD = "OfficeAppManifestV1_1.xsd";
export const IMPORTED_XSDS = Object.freeze([
  "OfficeAppBasicTypesV1_0.xsd",
  "TaskPaneAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_1.xsd",
  "ContentAppVersionOverridesV1_0.xsd",
]);

/** The schemas vendored in the repository. */
export const VENDORED_SCHEMA_DIR = path.join(PROJECT_ROOT, "schemas");

/** The folder of the schemas: $SCHEMA_DIR when set, else the repository's schemas/. */
export function schemaDir() {
  const fromEnv = process.env.SCHEMA_DIR;
  return fromEnv ? path.resolve(fromEnv) : VENDORED_SCHEMA_DIR;
}

/** The schema files missing from `dir` ([] when all six are there). */
export function missingSchemas(dir = schemaDir()) {
  return [ROOT_XSD, ...IMPORTED_XSDS].filter((name) => !existsSync(path.join(dir, name)));
}

function load(dir, name) {
  return { fileName: name, contents: readFileSync(path.join(dir, name), "utf8") };
}

/**
 * Validates a manifest's text against OfficeAppManifestV1_1.xsd and its imports.
 *
 * @param {string} xml - the manifest
 * @param {{ fileName?: string, dir?: string }} [options] - the name errors are reported under
 *   (default manifest.xml), the schemas' folder (default schemaDir())
 * @returns {Promise<{ valid: boolean, errors: { line: number | undefined, message: string, rawMessage: string }[] }>}
 *   valid false with its errors when the manifest is invalid or not well-formed; message is
 *   libxml2's text, rawMessage the same prefixed with "file:line: "
 * @throws when a schema is missing or does not compile (xmllint-wasm rejects)
 */
export async function validateManifestXml(xml, options = {}) {
  const fileName = options.fileName ?? "manifest.xml";
  const dir = options.dir ?? schemaDir();
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [load(dir, ROOT_XSD)],
    preload: IMPORTED_XSDS.map((name) => load(dir, name)),
  });
  const errors = result.errors
    .map((e) => ({
      line: e.loc?.lineNumber ?? undefined,
      message: String(e.message ?? "").trim(),
      rawMessage: String(e.rawMessage ?? "").trim(),
    }))
    .filter((e) => e.message !== "" || e.rawMessage !== ""); // libxml2 ends a parser error with an empty line
  return { valid: result.valid, errors };
}
