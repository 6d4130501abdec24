// dist/preview/: the React pane in a plain browser (preview.html, preview.js) with exceljs's browser
// build beside it, which the page loads to read .xlsx files; and dist/taskpane/pane.html + pane.js,
// the same pane inside Excel, once its Office.js host (taskpane/excel/officeHost.ts) and its entry
// (taskpane/excel/index.tsx) are there, with its sign-in dialog (authDialog.html + authDialog.js).
// dist/preview/outlook.html + outlook.js and dist/taskpane/outlook/ (read.html, read.js,
// compose.html, compose.js): the Outlook pane.
// Modern browsers only (Fluent UI v9 needs them): ES2020, minified to keep the page light.
import { existsSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { bundle } from "./bundle.mjs";
import { dist, root } from "./buildLog.mjs";

const PANE_OPTIONS = {
  format: "iife",
  platform: "browser",
  target: "es2020",
  jsx: "automatic",
  minify: true,
  define: { "process.env.NODE_ENV": '"production"' },
};

/** A page copied as it is into dist/, and reported in the build's log. */
async function copyPage(log, from, to) {
  await copyFile(from, to);
  await log.report(to);
}

export async function buildPane(log) {
  const previewDir = path.join(dist, "preview");
  await mkdir(previewDir, { recursive: true });
  await copyPage(log, path.join(root, "taskpane", "preview", "preview.html"), path.join(previewDir, "preview.html"));
  await copyFile(path.join(root, "node_modules", "exceljs", "dist", "exceljs.min.js"), path.join(previewDir, "exceljs.min.js"));
  await log.report(path.join(previewDir, "exceljs.min.js"), "(exceljs, browser build)");
  await bundle(log, "preview pane", {
    ...PANE_OPTIONS,
    entryPoints: [path.join(root, "taskpane", "preview", "index.tsx")],
    outfile: path.join(previewDir, "preview.js"),
  });
  // The Outlook read pane in the preview (/preview/outlook), on the server's embedded workbook.
  await copyPage(log, path.join(root, "taskpane", "outlook", "outlookPreview.html"), path.join(previewDir, "outlook.html"));
  await bundle(log, "Outlook preview", {
    ...PANE_OPTIONS,
    entryPoints: [path.join(root, "taskpane", "outlook", "preview.tsx")],
    outfile: path.join(previewDir, "outlook.js"),
  });
  // dist/taskpane/outlook/: the Outlook add-in's pages (manifest.outlook.xml).
  const outlookDir = path.join(dist, "taskpane", "outlook");
  await mkdir(outlookDir, { recursive: true });
  for (const page of ["read.html", "compose.html"]) {
    await copyPage(log, path.join(root, "taskpane", "outlook", page), path.join(outlookDir, page));
  }
  await bundle(log, "Outlook read pane", {
    ...PANE_OPTIONS,
    entryPoints: [path.join(root, "taskpane", "outlook", "read.tsx")],
    outfile: path.join(outlookDir, "read.js"),
  });
  await bundle(log, "Outlook compose pane", {
    ...PANE_OPTIONS,
    entryPoints: [path.join(root, "taskpane", "outlook", "compose.tsx")],
    outfile: path.join(outlookDir, "compose.js"),
  });
  // The Excel entry needs its Office.js host and the entry that renders the pane on it.
  if (!["officeHost.ts", "index.tsx"].every((name) => existsSync(path.join(root, "taskpane", "excel", name)))) return;
  const taskpaneDir = path.join(dist, "taskpane");
  await mkdir(taskpaneDir, { recursive: true });
  await copyPage(log, path.join(root, "taskpane", "excel", "pane.html"), path.join(taskpaneDir, "pane.html"));
  await bundle(log, "Excel pane", {
    ...PANE_OPTIONS,
    entryPoints: [path.join(root, "taskpane", "excel", "index.tsx")],
    outfile: path.join(taskpaneDir, "pane.js"),
  });
  // The Office dialog's sign-in page, for when the pane's sign-in popup is blocked.
  await copyPage(log, path.join(root, "taskpane", "excel", "authDialog.html"), path.join(taskpaneDir, "authDialog.html"));
  await bundle(log, "sign-in dialog", {
    ...PANE_OPTIONS,
    entryPoints: [path.join(root, "taskpane", "excel", "authDialog.ts")],
    outfile: path.join(taskpaneDir, "authDialog.js"),
  });
}
