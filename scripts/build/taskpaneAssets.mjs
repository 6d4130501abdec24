// dist/taskpane/: the task pane's page and style sheet as they are, and its script bundled for
// the browsers Office runs it in (ES2016, like the custom functions).
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { bundle } from "./bundle.mjs";
import { dist, root } from "./buildLog.mjs";

export async function buildTaskpane(log) {
  const outDir = path.join(dist, "taskpane");
  await mkdir(outDir, { recursive: true });
  for (const name of ["taskpane.html", "taskpane.css"]) {
    await copyFile(path.join(root, "taskpane", name), path.join(outDir, name));
    await log.report(path.join(outDir, name));
  }
  await bundle(log, "task pane", {
    entryPoints: [path.join(root, "taskpane", "taskpane.ts")],
    outfile: path.join(outDir, "taskpane.js"),
    format: "iife",
    platform: "browser",
    target: "es2016",
  });
}
