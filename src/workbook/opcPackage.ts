// The Open Packaging Conventions of an .xlsx (ECMA-376 part 2): parts, relationships, content types.
import PizZip from "pizzip";
import { attributes, elements, escapeXml } from "./xmlText";

/** Why a package cannot be worked on: it is not laid out as the conventions say. */
export class PackageError extends Error {}

/** One relationship of a part to another (or to an external target). */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The relationships part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels ("" is the package). */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship of `part` points to, from its Target (relative, or absolute from the package root). */
export function resolveTarget(part: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = part.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

/** The Target by which `from` points to the part `to`. */
export function relativeTarget(from: string, to: string): string {
  const fromDir = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromDir.length && common < toParts.length - 1 && fromDir[common] === toParts[common]) common++;
  return [...fromDir.slice(common).map(() => ".."), ...toParts.slice(common)].join("/");
}

/** A part as text, undefined when absent. */
export function text(zip: PizZip, part: string): string | undefined {
  return zip.file(part)?.asText();
}

/** The relationships of a part. */
export function relationships(zip: PizZip, part: string): Relationship[] {
  const xml = text(zip, relsPathOf(part));
  if (xml === undefined) return [];
  return elements(xml, "Relationship").map((tag) => {
    const a = attributes(tag.slice(0, tag.indexOf(">") + 1));
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" };
  });
}

/** Writes the relationships of a part, replacing those it had. */
export function writeRelationships(zip: PizZip, part: string, rels: readonly Relationship[]): void {
  const body = rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`)
    .join("");
  zip.file(
    relsPathOf(part),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`,
  );
}

/** [Content_Types].xml: the type of each part, by override or by extension. */
export class ContentTypes {
  private xml: string;

  constructor(private readonly zip: PizZip) {
    this.xml = text(zip, "[Content_Types].xml") ?? "";
  }

  of(part: string): string | undefined {
    for (const tag of elements(this.xml, "Override")) {
      const a = attributes(tag);
      if (a.get("PartName") === `/${part}`) return a.get("ContentType");
    }
    const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const tag of elements(this.xml, "Default")) {
      const a = attributes(tag);
      if (a.get("Extension")?.toLowerCase() === extension) return a.get("ContentType");
    }
    return undefined;
  }

  set(part: string, contentType: string): void {
    this.remove(part);
    const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    const byDefault = elements(this.xml, "Default").some((tag) => {
      const a = attributes(tag);
      return a.get("Extension")?.toLowerCase() === extension && a.get("ContentType") === contentType;
    });
    if (!byDefault) this.xml = this.xml.replace("</Types>", () => `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/></Types>`);
  }

  remove(part: string): void {
    for (const tag of elements(this.xml, "Override")) {
      if (attributes(tag).get("PartName") === `/${part}`) this.xml = this.xml.replace(tag, "");
    }
  }

  save(): void {
    this.zip.file("[Content_Types].xml", this.xml);
  }
}

/** A part name not yet taken: the wanted one, or the same with another number (sheet7.xml). */
export function uniquePart(zip: PizZip, wanted: string): string {
  if (zip.file(wanted) === null) return wanted;
  const dot = wanted.lastIndexOf(".");
  const stem = wanted.slice(0, dot).replace(/\d+$/, "");
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n}${wanted.slice(dot)}`;
    if (zip.file(candidate) === null) return candidate;
  }
}

/** A relationship id not yet taken among rels. */
export function nextRelId(rels: readonly Relationship[]): string {
  let n = rels.length + 1;
  while (rels.some((r) => r.id === `rId${n}`)) n++;
  return `rId${n}`;
}
