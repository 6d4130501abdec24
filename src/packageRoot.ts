import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The folder of Relances' package (the nearest package.json named "relances" above this module):
 * dist/, templates/ and manifest.xml are there, from src/ under vitest as from the bundles in dist/.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "relances") return (root = dir);
      } catch {
        // Not ours: keep climbing.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("package.json de Relances introuvable / Relances' package.json not found");
    dir = parent;
  }
}
