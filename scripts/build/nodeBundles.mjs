// The bundles that run in Node: the command line (bin/relances.js imports dist/cli/relances.js),
// its render workers' script (dist/cli/render-worker.js), the Microsoft 365 stand-in (npm run
// m365-standin) and the benchmark. Packages stay external (node_modules is there at run time), except pdf-lib,
// bundled so that its deflating goes to node's zlib (src/node/pdfDeflate.ts) instead of pako.
import { existsSync } from "node:fs";
import path from "node:path";
import { bundle } from "./bundle.mjs";
import { dist, root } from "./buildLog.mjs";

const PDF_LIB = /[\\/]node_modules[\\/]pdf-lib[\\/]/;
const PDF_DEFLATE = path.join(root, "src", "node", "pdfDeflate.ts");

/** Every package external but pdf-lib, whose pako becomes node's zlib. */
const pdfLibOnZlib = {
  name: "pdf-lib-on-zlib",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const fromPdfLib = PDF_LIB.test(args.importer);
      if (fromPdfLib && args.path === "pako") return { path: PDF_DEFLATE };
      if (fromPdfLib || args.path === "pdf-lib" || args.path.startsWith("pdf-lib/")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

async function buildNode(log, label, entry, outfile) {
  await bundle(log, label, {
    entryPoints: [entry],
    outfile,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [pdfLibOnZlib],
    // pdf-lib's bundled CommonJS requires its own packages (pako, for its fonts' metrics): an ES
    // module has no require of its own, so it is given one.
    banner: { js: 'import { createRequire as __relancesRequire } from "node:module";\nconst require = __relancesRequire(import.meta.url);' },
  });
}

export async function buildNodeBundles(log) {
  await buildNode(log, "command line", path.join(root, "src", "cli", "relances.ts"), path.join(dist, "cli", "relances.js"));
  await buildNode(log, "render workers", path.join(root, "src", "node", "renderWorker.ts"), path.join(dist, "cli", "render-worker.js"));
  await buildNode(log, "Microsoft 365 stand-in", path.join(root, "src", "standin", "main.ts"), path.join(dist, "standin", "main.js"));
  const bench = path.join(root, "bench", "bench.ts");
  if (existsSync(bench)) {
    await buildNode(log, "benchmark", bench, path.join(dist, "bench", "bench.js"));
  }
}
