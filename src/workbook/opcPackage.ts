// The Open Packaging Conventions of an .xlsx (ECMA-376 part 2): parts, relationships, content types.
import { PackageError } from "./packageError";
import { attributes, elements, escapeXml } from "./xmlText";
import { deflatedEntry, storedEntry, writeZip, type ZipEntryOut } from "./zipWriter";
import { entryContent, readZip, type ArchiveEntry } from "./zipReader";

export { PackageError };

/**
 * An Office package read from its bytes, its parts changed in memory: a part read is inflated
 * then, and only then; a part left alone is written back as the very bytes it had.
 */
export class OfficePackage {
  private readonly entries: Map<string, ArchiveEntry>;
  /** Parts written or removed (null), by name. */
  private readonly changes = new Map<string, Uint8Array | string | null>();
  private readonly texts = new Map<string, string>();

  constructor(bytes: Uint8Array) {
    this.entries = new Map(readZip(bytes).map((entry) => [entry.name, entry]));
  }

  /** The names of the parts, in the archive's order, the new ones last. */
  names(): string[] {
    const names = [...this.entries.keys(), ...[...this.changes.keys()].filter((name) => !this.entries.has(name))];
    return names.filter((name) => this.changes.get(name) !== null);
  }

  has(part: string): boolean {
    const change = this.changes.get(part);
    return change === undefined ? this.entries.has(part) : change !== null;
  }

  /** A part as text, undefined when absent. */
  text(part: string): string | undefined {
    const change = this.changes.get(part);
    if (typeof change === "string") return change;
    if (change === null) return undefined;
    if (change !== undefined) return new TextDecoder().decode(change);
    const known = this.texts.get(part);
    if (known !== undefined) return known;
    const entry = this.entries.get(part);
    if (entry === undefined) return undefined;
    const decoded = new TextDecoder().decode(entryContent(entry));
    this.texts.set(part, decoded);
    return decoded;
  }

  /** A part's bytes, undefined when absent. */
  bytes(part: string): Uint8Array | undefined {
    const change = this.changes.get(part);
    if (typeof change === "string") return new TextEncoder().encode(change);
    if (change !== undefined) return change ?? undefined;
    const entry = this.entries.get(part);
    return entry === undefined ? undefined : entryContent(entry);
  }

  set(part: string, content: string | Uint8Array): void {
    this.changes.set(part, content);
    this.texts.delete(part);
  }

  remove(part: string): void {
    this.changes.set(part, null);
    this.texts.delete(part);
  }

  /** Whether anything was written or removed. */
  changed(): boolean {
    return this.changes.size > 0;
  }

  /**
   * The package's bytes: the parts left alone as they were (compressed bytes and times), the parts
   * written deflated by zlib and dated `stamp`, so that the same changes give the same bytes.
   */
  async write(stamp: Date): Promise<Uint8Array> {
    // One part after another: each written part's bytes (a sheet of tens of thousands of rows) are
    // encoded only for its deflate, and let go before the next, rather than all held at once.
    const entries: ZipEntryOut[] = [];
    for (const name of this.names()) entries.push(this.entryOut(name) ?? (await deflatedEntry(name, this.bytes(name)!, stamp)));
    return writeZip(entries);
  }

  /** The same, the parts written stored rather than deflated: for a package only read in memory. */
  writeStored(stamp: Date): Uint8Array {
    return writeZip(this.names().map((name) => this.entryOut(name) ?? storedEntry(name, this.bytes(name)!, stamp)));
  }

  /** The original entry of a part left alone. */
  private entryOut(name: string): ZipEntryOut | undefined {
    return this.changes.has(name) ? undefined : this.entries.get(name);
  }
}

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
export function text(zip: OfficePackage, part: string): string | undefined {
  return zip.text(part);
}

/** The relationships of a part. */
export function relationships(zip: OfficePackage, part: string): Relationship[] {
  const xml = text(zip, relsPathOf(part));
  if (xml === undefined) return [];
  return elements(xml, "Relationship").map((tag) => {
    const a = attributes(tag.slice(0, tag.indexOf(">") + 1));
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" };
  });
}

/** Writes the relationships of a part, replacing those it had. */
export function writeRelationships(zip: OfficePackage, part: string, rels: readonly Relationship[]): void {
  const body = rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`)
    .join("");
  zip.set(
    relsPathOf(part),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`,
  );
}

/** [Content_Types].xml: the type of each part, by override or by extension. */
export class ContentTypes {
  private xml: string;
  private readonly read: string;

  constructor(private readonly zip: OfficePackage) {
    this.xml = text(zip, "[Content_Types].xml") ?? "";
    this.read = this.xml;
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

  /** Writes the part back, when it changed. */
  save(): void {
    if (this.xml !== this.read) this.zip.set("[Content_Types].xml", this.xml);
  }
}

/** A part name not yet taken: the wanted one, or the same with another number (sheet7.xml). */
export function uniquePart(zip: OfficePackage, wanted: string): string {
  if (!zip.has(wanted)) return wanted;
  const dot = wanted.lastIndexOf(".");
  const stem = wanted.slice(0, dot).replace(/\d+$/, "");
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n}${wanted.slice(dot)}`;
    if (!zip.has(candidate)) return candidate;
  }
}

/** A relationship id not yet taken among rels. */
export function nextRelId(rels: readonly Relationship[]): string {
  let n = rels.length + 1;
  while (rels.some((r) => r.id === `rId${n}`)) n++;
  return `rId${n}`;
}
