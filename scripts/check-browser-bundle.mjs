// npm run check:browser: bundles the engine (src/engine/browserEntry.ts) for the browser with
// esbuild, platform "browser", so that any import of a Node built-in (or of a package that needs
// one) fails the bundle. The entry plans and makes the run's documents (src/documents) too.
// Writes dist/engine/relances-engine.js, which the Chromium test runs.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ENGINE_ENTRY = path.join(ROOT, "src/engine/browserEntry.ts");
export const ENGINE_BUNDLE = path.join(ROOT, "dist/engine/relances-engine.js");
/** The global the bundle defines: RelancesEngine.planFromArrays(sheets, asOf), .documentsFromArrays(sheets, asOf, templates). */
export const ENGINE_GLOBAL = "RelancesEngine";

/**
 * Bundles an entry for the browser.
 * @returns the code, or the errors (one line each: file:line: text)
 */
export async function bundleForBrowser(entry = ENGINE_ENTRY) {
  try {
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: ENGINE_GLOBAL,
      target: "es2020",
      write: false,
      logLevel: "silent",
      legalComments: "none",
    });
    return { code: result.outputFiles[0].text, errors: [] };
  } catch (error) {
    const errors = (error.errors ?? [{ text: String(error) }]).map((e) =>
      e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text,
    );
    return { code: undefined, errors };
  }
}

async function main() {
  const engine = await bundleForBrowser();
  if (engine.code === undefined) {
    console.error(`Le moteur ne se regroupe pas pour le navigateur / the engine does not bundle for the browser:\n  ${engine.errors.join("\n  ")}`);
    process.exit(1);
  }
  await mkdir(path.dirname(ENGINE_BUNDLE), { recursive: true });
  await writeFile(ENGINE_BUNDLE, engine.code);
  console.log(`${path.relative(ROOT, ENGINE_BUNDLE)}  ${(engine.code.length / 1024).toFixed(1)} kB  (engine, browser)`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
