// manifest.xml against Microsoft's XSD (vendored in schemas/, so that a fresh clone checks it; see
// scripts/manifestSchema.mjs, shared with npm run validate), and what Relances needs from it:
// French by default with English overrides, the French function metadata through a bt:Override,
// the JavaScript-only runtime for the custom functions.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingSchemas, schemaDir, validateManifestXml, VENDORED_SCHEMA_DIR } from "../scripts/manifestSchema.mjs";
import { customFunctions, readManifest, readManifestText, resources, ROOT } from "./helpers/addin";
import { child, descendants, findAll } from "./helpers/xml";

async function validate(xml: string) {
  return validateManifestXml(xml, { fileName: "manifest.xml", dir: VENDORED_SCHEMA_DIR });
}

/** The manifest with the first match of `pattern` removed; fails if nothing matched. */
function without(xml: string, pattern: RegExp): string {
  const changed = xml.replace(pattern, "");
  expect(changed, `pattern ${pattern} should match manifest.xml`).not.toBe(xml);
  return changed;
}

describe("the vendored schemas (schemas/)", () => {
  it("are all six in the repository, where npm run validate looks by default", () => {
    expect(missingSchemas(VENDORED_SCHEMA_DIR)).toEqual([]);
    expect(path.relative(ROOT, VENDORED_SCHEMA_DIR)).toBe("schemas");
    const saved = process.env.SCHEMA_DIR;
    delete process.env.SCHEMA_DIR;
    try {
      expect(schemaDir()).toBe(VENDORED_SCHEMA_DIR);
    } finally {
      if (saved !== undefined) process.env.SCHEMA_DIR = saved;
    }
  });

  it("keep their source and licence note beside them", () => {
    const readme = readFileSync(path.join(VENDORED_SCHEMA_DIR, "README.md"), "utf8");
    expect(readme).toContain("OfficeDev/office-js-docs-pr");
    expect(readme).toMatch(/c8048fa03f052013a298f919ff218b9a3d5c5ad0/);
    expect(readme).toMatch(/## Source and licence/);
    expect(readFileSync(path.join(VENDORED_SCHEMA_DIR, "TaskPaneAppVersionOverridesV1_0.xsd"), "utf8")).toContain("<!-- PATCH:");
  });
});

describe("manifest.xml against OfficeAppManifestV1_1.xsd", () => {
  it(`is valid`, async () => {
    const result = await validate(readManifestText());
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it(`is rejected without the custom functions' <Script>`, async () => {
    const broken = without(readManifestText(), /<Script>[\s\S]*?<\/Script>/);
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it(`is rejected without <ProviderName>`, async () => {
    const result = await validate(without(readManifestText(), /<ProviderName>[^<]*<\/ProviderName>/));
    expect(result.valid).toBe(false);
  });

  it(`is rejected with an unknown element`, async () => {
    const result = await validate(readManifestText().replace("<Permissions>", "<Bogus/><Permissions>"));
    expect(result.valid).toBe(false);
  });
});

describe("npm run validate (scripts/validate-manifest.mjs)", () => {
  // Without SCHEMA_DIR unless a test sets it: the vendored schemas, as in a fresh clone.
  const run = (args: string[], env: Record<string, string> = {}) => {
    const { SCHEMA_DIR: _ignored, ...inherited } = process.env;
    return spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.mjs"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...inherited, ...env },
    });
  };

  it(`says manifest.xml is valid and exits 0`, () => {
    const result = run([]);
    expect(result.stdout).toContain("manifest.xml : valide / valid");
    expect(result.status).toBe(0);
  });

  it(`prints each error with its line and exits 1 for an invalid manifest`, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "relances-manifest-"));
    try {
      const file = path.join(dir, "manifest-broken.xml");
      const text = readManifestText();
      writeFileSync(file, text.replace("<Permissions>", "<Bogus/><Permissions>"));
      const line = text.slice(0, text.indexOf("<Permissions>")).split("\n").length;
      const result = run([file]);
      expect(result.stdout).toContain("invalide / invalid");
      expect(result.stdout).toContain(`manifest-broken.xml:${line}:`);
      expect(result.stdout).toContain("Bogus");
      expect(result.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails (exit 2) when SCHEMA_DIR names a folder without the schemas: nothing left unchecked passes", () => {
    const result = run([], { SCHEMA_DIR: path.join(os.tmpdir(), "relances-no-schemas-here") });
    expect(result.stderr).toMatch(/XSD schemas not found in .*relances-no-schemas-here: nothing validated/);
    expect(result.status).toBe(2);
  });
});

describe("manifest.xml content", () => {
  const manifest = readManifest();
  const resourceMap = resources(manifest);

  it("is an Excel task pane add-in, French by default with English overrides", () => {
    expect(manifest.local).toBe("OfficeApp");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(child(manifest, "Id")?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(manifest, "ProviderName")?.text).toBe("Relances");
    expect(child(manifest, "DefaultLocale")?.text).toBe("fr-FR");
    expect(findAll(manifest, "Host").filter((h) => h.attributes.Name).map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    for (const name of ["DisplayName", "Description"]) {
      const element = child(manifest, name)!;
      const english = element.children.find((c) => c.local === "Override" && c.attributes.Locale === "en-US");
      expect(english?.attributes.Value, `${name} en-US override`).toBeTruthy();
    }
    expect(child(manifest, "Permissions")?.text).toBe("ReadWriteDocument");
  });

  it("points Excel to the French metadata through a bt:Override", () => {
    const { metadata, namespace } = customFunctions(manifest);
    expect(namespace).toBe("RELANCES");
    expect(metadata.defaultValue).toBe("https://localhost:3000/functions/functions.json");
    expect(metadata.overrides["fr-FR"]).toBe("https://localhost:3000/functions/functions-fr.json");
  });

  it("runs the custom functions in the JavaScript-only runtime (no shared runtime)", () => {
    expect(findAll(manifest, "Runtimes")).toEqual([]);
    const sets = findAll(manifest, "Set").map((s) => s.attributes.Name);
    expect(sets).toContain("CustomFunctionsRuntime");
    expect(sets).not.toContain("SharedRuntime");
    const { script, page } = customFunctions(manifest);
    expect(script.defaultValue).toBe("https://localhost:3000/functions/functions.js");
    expect(page.defaultValue).toBe("https://localhost:3000/functions/functions.html");
  });

  it("has a ribbon button that opens the task pane", () => {
    const actions = findAll(manifest, "Action").filter((a) => a.attributes["xsi:type"] === "ShowTaskpane");
    expect(actions).toHaveLength(1);
    const location = child(actions[0]!, "SourceLocation")!;
    expect(resourceMap.get(location.attributes.resid!)?.defaultValue).toBe("https://localhost:3000/taskpane/pane.html");
  });

  it("defines every resid it uses, and every user-facing string in English too", () => {
    const residUses = [...descendants(manifest)].flatMap((e) => (e.attributes.resid ? [e.attributes.resid] : []));
    for (const resid of residUses) expect(resourceMap.has(resid), `resid ${resid}`).toBe(true);
    for (const resource of resourceMap.values()) {
      if ((resource.kind === "ShortStrings" || resource.kind === "LongStrings") && resource.id !== "Functions.Namespace") {
        expect(resource.overrides["en-US"], `${resource.id} en-US`).toBeTruthy();
      }
      if (resource.kind === "ShortStrings") expect(resource.defaultValue.length).toBeLessThanOrEqual(125);
      if (resource.kind === "LongStrings") expect(resource.defaultValue.length).toBeLessThanOrEqual(250);
    }
  });
});
