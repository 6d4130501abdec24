#!/usr/bin/env node
// Launcher of the `relances` command: the code is the bundle that `npm run build` writes.
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/relances.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("Relances n'est pas construit : lancez « npm run build ». / Relances is not built: run \"npm run build\".");
  process.exit(1);
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2));
