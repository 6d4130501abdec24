// The one build of Relances: `npm run build` (also run by `npm install` through "prepare").
// Writes dist/ so that every https://localhost:3000/x/y URL of manifest.xml is the file dist/x/y:
//   functions/  functions.js (Excel's JS-only custom-functions runtime, ES2016: see
//               build/functionsBundle.mjs), functions.json (from the JSDoc, custom-functions-metadata),
//               functions-fr.json (+ functions/functions.fr.json), functions.html
//   taskpane/   taskpane.html, taskpane.js, taskpane.css
//   preview/    preview.html, preview.js (the React pane in a plain browser), exceljs.min.js
//   assets/     icon-16/32/64/80/128.png (drawn by build/icons.mjs)
//   cli/        relances.js (bin/relances.js imports it)
//   bench/      bench.js, when bench/bench.ts exists
// Prints one line per output (--quiet, for npm start: one line for the whole build) and exits
// non-zero on any error. Each step is a file of scripts/build/.
import { mkdir, rm } from "node:fs/promises";
import { BuildError, buildLog, dist, rel } from "./build/buildLog.mjs";
import { buildFunctionsBundle } from "./build/functionsBundle.mjs";
import { buildFunctionsMetadata } from "./build/functionsMetadata.mjs";
import { buildIcons } from "./build/icons.mjs";
import { buildNodeBundles } from "./build/nodeBundles.mjs";
import { buildPane } from "./build/paneBundle.mjs";
import { buildTaskpane } from "./build/taskpaneAssets.mjs";

const started = Date.now();
const log = buildLog(process.argv.includes("--quiet"));

async function main() {
  if (!log.quiet) console.log(`Relances build -> ${rel(dist)}/`);
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await buildFunctionsBundle(log);
  await buildFunctionsMetadata(log);
  await buildTaskpane(log);
  await buildPane(log);
  await buildIcons(log);
  await buildNodeBundles(log);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(log.quiet ? `Relances build -> ${rel(dist)}/ (${log.files} fichiers / files, ${seconds} s)` : `Relances build done in ${seconds} s`);
}

main().catch((error) => {
  if (error instanceof BuildError) {
    console.error(`\nBuild failed / échec de la construction:\n${error.message}`);
  } else {
    console.error("\nBuild failed / échec de la construction:");
    console.error(error);
  }
  process.exitCode = 1;
});
