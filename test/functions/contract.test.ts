// Loads dist/ the way Excel does: manifest.xml -> the CustomFunctions ExtensionPoint -> its Script and
// Metadata URLs (resids resolved through <Resources>) -> https://localhost:3000/x mapped to dist/x.
// The script runs in a fresh node:vm context whose only Office global is CustomFunctions (no window,
// no document, no Office), like Excel's JavaScript-only runtime; every id of both metadata
// files must then be associated with a function that takes its parameters.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  customFunctions,
  DIST,
  distExists,
  distPathOf,
  manifestUrls,
  pageReferences,
  readManifest,
  type Resource,
} from "../helpers/addin";
import { createCustomFunctionsGlobal, ExcelError } from "./customFunctionsRuntime";

interface MetadataFunction {
  id: string;
  name: string;
  parameters: { name: string; dimensionality?: string; optional?: boolean; repeating?: boolean }[];
  result?: { dimensionality?: string };
}

/** Runs the script like Excel's runtime and returns what it associated. */
function loadScript(code: string, filename: string): Map<string, unknown> {
  const { CustomFunctions, associated } = createCustomFunctionsGlobal();
  const context = vm.createContext({ CustomFunctions });
  vm.runInContext(code, context, { filename, timeout: 5000 });
  for (const name of ["window", "document", "Office", "self", "require", "process"]) {
    expect(vm.runInContext(`typeof ${name}`, context), `${name} in the runtime context`).toBe("undefined");
  }
  return associated;
}

const urlOf = (resource: Resource, locale?: string) => (locale ? resource.overrides[locale] : resource.defaultValue);

function fileOf(url: string | undefined): string {
  expect(url, "URL").toBeTruthy();
  const file = distPathOf(url!);
  expect(file, `${url} should be on https://localhost:3000`).not.toBeNull();
  return file!;
}

describe("dist/ loaded the way Excel loads it", () => {
  const manifest = readManifest();
  const cf = customFunctions(manifest);
  let associated = new Map<string, unknown>();
  const metadataFiles: Record<string, MetadataFunction[]> = {};

  beforeAll(() => {
    if (!distExists()) throw new Error('dist/ is missing: run "npm run build" first');
    const scriptFile = fileOf(urlOf(cf.script));
    associated = loadScript(readFileSync(scriptFile, "utf8"), scriptFile);
    for (const [label, url] of [
      ["default", urlOf(cf.metadata)],
      ["fr-FR", urlOf(cf.metadata, "fr-FR")],
    ] as const) {
      const file = fileOf(url);
      metadataFiles[label] = (JSON.parse(readFileSync(file, "utf8")) as { functions: MetadataFunction[] }).functions;
    }
  });

  it("every manifest URL is on https://localhost:3000 and maps to a file under dist/", () => {
    const urls = manifestUrls(manifest);
    expect(urls.length).toBeGreaterThan(5);
    const missing = urls.filter(({ url }) => {
      const file = distPathOf(url);
      return file === null || !existsSync(file);
    });
    expect(missing).toEqual([]);
  });

  it("the pages reference files that exist (functions.html, taskpane.html)", () => {
    for (const page of ["functions/functions.html", "taskpane/taskpane.html"]) {
      const html = readFileSync(path.join(DIST, page), "utf8");
      const base = new URL(`https://localhost:3000/${page}`);
      for (const reference of pageReferences(html)) {
        const url = new URL(reference, base);
        if (url.origin === "https://localhost:3000") {
          expect(existsSync(distPathOf(url.href)!), `${page} -> ${reference}`).toBe(true);
        } else {
          expect(url.origin, `${page} -> ${reference}`).toBe("https://appsforoffice.microsoft.com");
        }
      }
    }
    const functionsPage = readFileSync(path.join(DIST, "functions", "functions.html"), "utf8");
    const scripts = pageReferences(functionsPage);
    expect(scripts[0]).toMatch(/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/custom-functions-runtime\.js$/);
    expect(scripts).toContain("functions.js");
  });

  it("the script associates exactly the ids of the metadata", () => {
    const ids = metadataFiles.default!.map((f) => f.id).sort();
    expect([...associated.keys()].sort()).toEqual(ids);
  });

  for (const locale of ["default", "fr-FR"] as const) {
    it(`every function of the ${locale} metadata is associated and takes its parameters`, () => {
      const functions = metadataFiles[locale]!;
      expect(functions.length).toBe(8);
      for (const meta of functions) {
        const fn = associated.get(meta.id);
        expect(typeof fn, `${meta.id} associated`).toBe("function");
        const callable = fn as (...args: unknown[]) => unknown;
        const count = meta.parameters.length;
        // Function.length counts the parameters before the first default value: never more than
        // Excel passes.
        expect(callable.length, `${meta.id}.length`).toBeLessThanOrEqual(count);
        // Excel passes every declared parameter, null for the omitted optional ones.
        const args = meta.parameters.map((p) => (p.optional ? null : p.dimensionality === "matrix" ? [[null]] : null));
        let result: unknown;
        expect(() => {
          result = callable(...args);
        }, `${meta.id}(${count} arguments)`).not.toThrow();
        if (meta.result?.dimensionality === "matrix") {
          const ok =
            result instanceof ExcelError ||
            (Array.isArray(result) && result.length > 0 && result.every((row) => Array.isArray(row)));
          expect(ok, `${meta.id} returns a matrix or a CustomFunctions.Error`).toBe(true);
        }
      }
    });
  }

  it("a bad argument gives the runtime's CustomFunctions.Error with a message, not an exception", () => {
    const dueDate = associated.get("DUEDATE") as (...args: unknown[]) => unknown;
    const result = dueDate([["31/02/2024"]], [["30 jours"]]) as unknown[][];
    const cell = Array.isArray(result) ? result[0]![0] : result;
    expect(cell).toBeInstanceOf(ExcelError);
    expect((cell as ExcelError).code).toBe("#VALUE!");
    expect((cell as ExcelError).message?.trim()).toBeTruthy();
  });
});
