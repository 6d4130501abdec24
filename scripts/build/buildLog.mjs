// What the build prints: one line per file written (or, with --quiet, one line for the whole
// build), and esbuild's warnings grouped by kind. Also the error a build step throws for a
// problem of the project (as opposed to a bug of the build), printed without a stack.
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const dist = path.join(root, "dist");

/** A path relative to the project, with forward slashes, as the build prints it. */
export const rel = (file) => path.relative(root, file).split(path.sep).join("/");

export class BuildError extends Error {}

/** The build's printer: `report` counts every file and prints its line unless quiet. */
export function buildLog(quiet) {
  let files = 0;
  return {
    quiet,
    get files() {
      return files;
    },
    async report(file, note = "") {
      const { size } = await stat(file);
      const kb = size < 1024 ? `${size} B` : `${(size / 1024).toFixed(1)} kB`;
      files++;
      if (!quiet) console.log(`  ${rel(file).padEnd(34)} ${kb.padStart(9)}${note ? `  ${note}` : ""}`);
    },
  };
}

/** One line per kind of warning, with where it occurs (esbuild's full text is one block per place). */
export function printWarnings(warnings) {
  const groups = new Map();
  for (const w of warnings) {
    const key = `${w.id ? `[${w.id}] ` : ""}${w.text}`;
    const where = w.location ? `${w.location.file}:${w.location.line}` : null;
    const places = groups.get(key) ?? new Set();
    if (where) places.add(where);
    groups.set(key, places);
  }
  for (const [text, places] of groups) {
    const list = [...places];
    const shown = list.slice(0, 4).join(", ") + (list.length > 4 ? `, +${list.length - 4}` : "");
    console.warn(`    warning: ${text}${list.length ? ` (${shown})` : ""}`);
  }
}
