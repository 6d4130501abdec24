// The bundles that run in Node: the command line (bin/relances.js imports dist/cli/relances.js)
// and the benchmark. Packages stay external: node_modules is there at run time.
import { existsSync } from "node:fs";
import path from "node:path";
import { bundle } from "./bundle.mjs";
import { dist, root } from "./buildLog.mjs";

async function buildNode(log, label, entry, outfile) {
  await bundle(log, label, {
    entryPoints: [entry],
    outfile,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
  });
}

export async function buildNodeBundles(log) {
  await buildNode(log, "command line", path.join(root, "src", "cli", "relances.ts"), path.join(dist, "cli", "relances.js"));
  const bench = path.join(root, "bench", "bench.ts");
  if (existsSync(bench)) {
    await buildNode(log, "benchmark", bench, path.join(dist, "bench", "bench.js"));
  }
}
