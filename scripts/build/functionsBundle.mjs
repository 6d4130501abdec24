// dist/functions/functions.js: the custom functions for Excel's JavaScript-only runtime, which
// is ES2016 in Office for Windows before version 2403 and in perpetual Office 2019/2021: one
// piece of newer syntax there and the whole of functions.js fails to load. esbuild lowers most
// of it; what it cannot lower (BigInt, some regular expressions) fails the build here.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { bundle } from "./bundle.mjs";
import { BuildError, dist, rel, root } from "./buildLog.mjs";
import { checkEs2016, formatFindings } from "./es2016Check.mjs";

export const FUNCTIONS_SOURCE = path.join(root, "functions", "functions.ts");
const FUNCTIONS_TARGET = "es2016";

/** Bundles functions/functions.ts and checks the result against ES2016. */
export async function buildFunctionsBundle(log) {
  const outfile = path.join(dist, "functions", "functions.js");
  const result = await bundle(log, "Excel custom-functions runtime", {
    entryPoints: [FUNCTIONS_SOURCE],
    outfile,
    format: "iife",
    platform: "neutral",
    target: FUNCTIONS_TARGET,
    mainFields: ["module", "main"],
  });
  await checkFunctionsRuntime(outfile, result.warnings);
}

/**
 * Fails the build (BuildError) when a bundle holds what an ES2016 engine cannot load or run:
 * esbuild's "not available in the configured target environment" warnings (a BigInt literal,
 * import.meta), syntax acorn rejects at ecmaVersion 2016, BigInt, newer regular expressions.
 * Built-ins newer than ES2016 found by name (padStart, flatMap, globalThis...) are printed as
 * warnings.
 *
 * @param {string} file - the bundle
 * @param {readonly import("esbuild").Message[]} [bundleWarnings] - esbuild's warnings for it
 */
export async function checkFunctionsRuntime(file, bundleWarnings = []) {
  const fromBundle = bundleWarnings
    .filter((w) => /configured target environment/.test(w.text))
    .map((w) => (w.location ? `${w.location.file}:${w.location.line}:${w.location.column + 1}: ${w.text}` : w.text));
  const code = await readFile(file, "utf8");
  const { errors, warnings } = checkEs2016(code);
  for (const line of formatFindings(rel(file), warnings, code)) console.warn(`    warning: built-in newer than ES2016? ${line}`);
  const problems = [...fromBundle, ...formatFindings(rel(file), errors, code)];
  if (problems.length > 0) {
    throw new BuildError(
      `${rel(file)} would not load or run in Excel's ES2016 custom-functions runtime ` +
        `(Office for Windows before 2403, Office 2019/2021):\n` +
        problems.map((p) => `  - ${p}`).join("\n") +
        `\n  No BigInt, and no \\p{...}, lookbehind, named group or s flag in a regular expression.`,
    );
  }
}
