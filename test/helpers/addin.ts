// Paths of the project and what manifest.xml says, read the way Office reads it: resource ids
// (resid) resolved through <Resources>, and https://localhost:3000/x/y mapped to dist/x/y.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { child, descendants, findAll, parseXml, type XmlElement } from "./xml";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = path.join(ROOT, "dist");
export const MANIFEST = path.join(ROOT, "manifest.xml");
/** Microsoft's manifest schemas, vendored in the repository (schemas/README.md). */
export const SCHEMAS = path.join(ROOT, "schemas");
export const ORIGIN = "https://localhost:3000";

export function readManifestText(): string {
  return readFileSync(MANIFEST, "utf8");
}

export function readManifest(): XmlElement {
  return parseXml(readManifestText());
}

export interface Resource {
  id: string;
  kind: string;
  defaultValue: string;
  /** Locale -> value, from <bt:Override Locale Value>. */
  overrides: Record<string, string>;
}

/** <Resources>: bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings, by id. */
export function resources(manifest: XmlElement): Map<string, Resource> {
  const map = new Map<string, Resource>();
  const resourcesElement = findAll(manifest, "Resources")[0];
  if (!resourcesElement) return map;
  for (const group of resourcesElement.children) {
    for (const entry of group.children) {
      const id = entry.attributes.id;
      if (!id) continue;
      if (map.has(id)) throw new Error(`resource id ${id} defined twice`);
      const overrides: Record<string, string> = {};
      for (const override of entry.children.filter((c) => c.local === "Override")) {
        overrides[override.attributes.Locale ?? ""] = override.attributes.Value ?? "";
      }
      map.set(id, { id, kind: group.local, defaultValue: entry.attributes.DefaultValue ?? "", overrides });
    }
  }
  return map;
}

export function resolveResid(manifest: XmlElement, resid: string | undefined): Resource {
  if (!resid) throw new Error("missing resid");
  const resource = resources(manifest).get(resid);
  if (!resource) throw new Error(`resid "${resid}" is not defined in <Resources>`);
  return resource;
}

/** The <ExtensionPoint xsi:type="CustomFunctions"> and its resources. */
export function customFunctions(manifest: XmlElement) {
  const points = findAll(manifest, "ExtensionPoint").filter((e) => e.attributes["xsi:type"] === "CustomFunctions");
  if (points.length !== 1) throw new Error(`expected one CustomFunctions ExtensionPoint, found ${points.length}`);
  const point = points[0]!;
  const source = (name: string) => {
    const holder = child(point, name);
    const location = holder && child(holder, "SourceLocation");
    if (!location) throw new Error(`CustomFunctions has no ${name}/SourceLocation`);
    return resolveResid(manifest, location.attributes.resid);
  };
  const namespace = child(point, "Namespace");
  return {
    script: source("Script"),
    page: source("Page"),
    metadata: source("Metadata"),
    namespace: resolveResid(manifest, namespace?.attributes.resid).defaultValue,
  };
}

export interface ManifestUrl {
  url: string;
  /** Where it is: element name, attribute, resource id. */
  where: string;
}

/** Every absolute URL of the manifest: DefaultValue / Value attributes and <AppDomain> texts. */
export function manifestUrls(manifest: XmlElement): ManifestUrl[] {
  const urls: ManifestUrl[] = [];
  const isUrl = (value: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  for (const element of descendants(manifest)) {
    for (const attribute of ["DefaultValue", "Value"]) {
      const value = element.attributes[attribute];
      if (value !== undefined && isUrl(value)) {
        const id = element.attributes.id ? ` id=${element.attributes.id}` : "";
        const locale = element.attributes.Locale ? ` Locale=${element.attributes.Locale}` : "";
        urls.push({ url: value, where: `<${element.name}${id}${locale}> ${attribute}` });
      }
    }
    if (element.local === "AppDomain" && isUrl(element.text)) urls.push({ url: element.text, where: "<AppDomain>" });
  }
  return urls;
}

/** https://localhost:3000/x/y -> dist/x/y (null for another origin). */
export function distPathOf(url: string): string | null {
  const parsed = new URL(url);
  if (parsed.origin !== ORIGIN) return null;
  const relative = decodeURIComponent(parsed.pathname).replace(/^\/+/, "");
  const file = path.resolve(DIST, relative);
  if (!file.startsWith(DIST + path.sep)) throw new Error(`${url} leaves dist/`);
  return file;
}

export function distExists(): boolean {
  return existsSync(path.join(DIST, "functions", "functions.js"));
}

/** The src of every <script> and href of every <link> in an HTML page. */
export function pageReferences(html: string): string[] {
  const references: string[] = [];
  for (const match of html.matchAll(/<(script|link|img)\b[^>]*?\b(src|href)\s*=\s*"([^"]+)"/gi)) {
    references.push(match[3]!);
  }
  return references;
}
