// manifest.outlook.xml: a MailApp valid against the vendored schemas (as manifest.xml is), with a
// read-mode and a compose-mode button, the read pane pinnable, the same server and icons as
// manifest.xml, and every URL a file the build writes into dist/.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateManifestXml, VENDORED_SCHEMA_DIR } from "../../../scripts/manifestSchema.mjs";
import { distExists, distPathOf, manifestUrls, pageReferences, readManifest, ROOT } from "../../helpers/addin";
import { child, descendants, findAll, parseXml } from "../../helpers/xml";

const FILE = path.join(ROOT, "manifest.outlook.xml");
const text = readFileSync(FILE, "utf8");
const manifest = parseXml(text);

describe("manifest.outlook.xml", () => {
  it("is valid against OfficeAppManifestV1_1.xsd", async () => {
    const result = await validateManifestXml(text, { fileName: "manifest.outlook.xml", dir: VENDORED_SCHEMA_DIR });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is rejected with SupportsPinning out of place (the schema's patch checks it)", async () => {
    const broken = text.replace(/(<SourceLocation resid="Read.Url"\/>)\s*(<SupportsPinning>true<\/SupportsPinning>)/, "$2$1");
    expect(broken).not.toBe(text);
    expect((await validateManifestXml(broken, { fileName: "manifest.outlook.xml", dir: VENDORED_SCHEMA_DIR })).valid).toBe(false);
  });

  it("is a MailApp with a pinnable read button and a compose button", () => {
    expect(manifest.attributes["xsi:type"]).toBe("MailApp");
    const points = findAll(manifest, "ExtensionPoint").map((e) => e.attributes["xsi:type"]);
    expect(points).toEqual(["MessageReadCommandSurface", "MessageComposeCommandSurface"]);
    const read = findAll(manifest, "ExtensionPoint")[0]!;
    const pinning = [...descendants(read)].find((e) => e.local === "SupportsPinning");
    expect(pinning?.text).toBe("true");
    const outer = findAll(manifest, "VersionOverrides");
    expect(outer.map((v) => v.attributes["xsi:type"])).toEqual(["VersionOverridesV1_0", "VersionOverridesV1_1"]);
  });

  it("uses manifest.xml's server and icons", () => {
    const excelIcons = new Set(manifestUrls(readManifest()).map((u) => u.url).filter((u) => u.includes("/assets/")));
    const icons = manifestUrls(manifest).map((u) => u.url).filter((u) => u.includes("/assets/"));
    expect(icons.length).toBeGreaterThan(3);
    for (const icon of icons) expect(excelIcons.has(icon), icon).toBe(true);
    for (const { url } of manifestUrls(manifest)) expect(new URL(url).origin).toBe("https://localhost:3000");
    expect(child(manifest, "Id")?.text).not.toBe(child(readManifest(), "Id")?.text);
  });

  it.skipIf(!distExists())("has every URL, and every page's scripts, in dist/", () => {
    const missing = manifestUrls(manifest).filter(({ url }) => !existsSync(distPathOf(url)!));
    expect(missing).toEqual([]);
    for (const page of ["taskpane/outlook/read.html", "taskpane/outlook/compose.html"]) {
      const base = new URL(`https://localhost:3000/${page}`);
      for (const reference of pageReferences(readFileSync(distPathOf(base.href)!, "utf8"))) {
        const url = new URL(reference, base);
        if (url.origin === "https://localhost:3000") expect(existsSync(distPathOf(url.href)!), `${page} -> ${reference}`).toBe(true);
        else expect(url.origin).toBe("https://appsforoffice.microsoft.com");
      }
    }
  });
});
