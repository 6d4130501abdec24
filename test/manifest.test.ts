// manifest.xml against Microsoft's XSD (offline copies in ../shared/schemas, or $SCHEMA_DIR; see
// scripts/manifestSchema.mjs, shared with npm run validate), and what Relances needs from it:
// French by default with English overrides, the French function metadata through a bt:Override,
// the JavaScript-only runtime for the custom functions.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingSchemas, schemaDir, validateManifestXml } from "../scripts/manifestSchema.mjs";
import { customFunctions, readManifest, readManifestText, resources, ROOT } from "./helpers/addin";
import { child, descendants, findAll } from "./helpers/xml";

const haveSchemas = missingSchemas().length === 0;
const skipReason = haveSchemas ? "" : ` (skipped: no schemas in ${schemaDir()})`;

async function validate(xml: string) {
  return validateManifestXml(xml, { fileName: "manifest.xml" });
}

/** The manifest with the first match of `pattern` removed; fails if nothing matched. */
function without(xml: string, pattern: RegExp): string {
  const changed = xml.replace(pattern, "");
  expect(changed, `pattern ${pattern} should match manifest.xml`).not.toBe(xml);
  return changed;
}

describe("manifest.xml against OfficeAppManifestV1_1.xsd", () => {
  it.skipIf(!haveSchemas)(`is valid${skipReason}`, async () => {
    const result = await validate(readManifestText());
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.skipIf(!haveSchemas)(`is rejected without the custom functions' <Script>${skipReason}`, async () => {
    const broken = without(readManifestText(), /<Script>[\s\S]*?<\/Script>/);
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it.skipIf(!haveSchemas)(`is rejected without <ProviderName>${skipReason}`, async () => {
    const result = await validate(without(readManifestText(), /<ProviderName>[^<]*<\/ProviderName>/));
    expect(result.valid).toBe(false);
  });

  it.skipIf(!haveSchemas)(`is rejected with an unknown element${skipReason}`, async () => {
    const result = await validate(readManifestText().replace("<Permissions>", "<Bogus/><Permissions>"));
    expect(result.valid).toBe(false);
  });
});

describe("npm run validate (scripts/validate-manifest.mjs)", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.mjs"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });

  it.skipIf(!haveSchemas)(`says manifest.xml is valid and exits 0${skipReason}`, () => {
    const result = run([]);
    expect(result.stdout).toContain("manifest.xml : valide / valid");
    expect(result.status).toBe(0);
  });

  it.skipIf(!haveSchemas)(`prints each error with its line and exits 1 for an invalid manifest${skipReason}`, () => {
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

  it("exits 0 with a note when the schemas are absent", () => {
    const result = run([], { SCHEMA_DIR: path.join(os.tmpdir(), "relances-no-schemas-here") });
    expect(result.stdout).toMatch(/XSD schemas not found in .*relances-no-schemas-here: nothing validated/);
    expect(result.status).toBe(0);
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
    expect(resourceMap.get(location.attributes.resid!)?.defaultValue).toBe("https://localhost:3000/taskpane/taskpane.html");
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
