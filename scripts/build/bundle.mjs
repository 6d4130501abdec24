// One esbuild bundle, with its line in the build's output; esbuild's errors become a BuildError.
import * as esbuild from "esbuild";
import { BuildError, printWarnings } from "./buildLog.mjs";

/**
 * @param {ReturnType<import("./buildLog.mjs").buildLog>} log
 * @param {string} label - what the bundle is, printed beside its file
 * @param {import("esbuild").BuildOptions & { outfile: string }} options
 * @returns {Promise<import("esbuild").BuildResult>}
 */
export async function bundle(log, label, options) {
  let result;
  try {
    result = await esbuild.build({
      bundle: true,
      logLevel: "silent",
      sourcemap: "linked",
      charset: "utf8",
      metafile: true,
      ...options,
    });
  } catch (error) {
    const messages = error?.errors?.length
      ? await esbuild.formatMessages(error.errors, { kind: "error", color: false })
      : [String(error?.message ?? error)];
    throw new BuildError(`${label}:\n${messages.join("\n")}`);
  }
  await log.report(options.outfile, `(${label})`);
  printWarnings(result.warnings);
  return result;
}
