/**
 * Writes the run's copy of a workbook from the user's own file, not from exceljs's rewrite of it:
 * exceljs drops what it does not model (charts, pivot tables, slicers, sparklines, controls,
 * threaded comments, macros). The product's own sheets (journal, stage sheets, settings) are made
 * with exceljs, then grafted into the original package: their sheet parts and what those parts
 * reference (tables, notes) are copied, their styles appended to the original's, their shared
 * strings written inline. Every other part of the original is kept byte for byte.
 */
import PizZip from "pizzip";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${RELATIONSHIPS_NS}/worksheet`;
const CALC_CHAIN_TYPE = `${RELATIONSHIPS_NS}/calcChain`;
const OFFICE_DOCUMENT_TYPE = `${RELATIONSHIPS_NS}/officeDocument`;
const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** Why a graft cannot be made: the package is not laid out as the Open XML conventions say. */
export class GraftError extends Error {}

// --- Small XML helpers: the parts read here are machine-written and regular. ---

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(m[1]!, m[2] ?? m[3] ?? "");
  return found;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    switch (entity) {
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return '"';
      case "apos": return "'";
      case "amp": return "&";
      default: return String.fromCodePoint(entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    }
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The elements named `name` directly or deeply inside xml, each as its whole text. */
function elements(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, "g");
  return xml.match(pattern) ?? [];
}

// --- Package structure ---

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(part: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = part.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

function relativeTarget(from: string, to: string): string {
  const fromDir = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromDir.length && common < toParts.length - 1 && fromDir[common] === toParts[common]) common++;
  return [...fromDir.slice(common).map(() => ".."), ...toParts.slice(common)].join("/");
}

function text(zip: PizZip, part: string): string | undefined {
  return zip.file(part)?.asText();
}

function relationships(zip: PizZip, part: string): Relationship[] {
  const xml = text(zip, relsPathOf(part));
  if (xml === undefined) return [];
  return elements(xml, "Relationship").map((tag) => {
    const a = attributes(tag.slice(0, tag.indexOf(">") + 1));
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" };
  });
}

function writeRelationships(zip: PizZip, part: string, rels: readonly Relationship[]): void {
  const body = rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`)
    .join("");
  zip.file(
    relsPathOf(part),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`,
  );
}

function workbookPart(zip: PizZip): string {
  const main = relationships(zip, "").find((r) => r.type === OFFICE_DOCUMENT_TYPE || r.type.endsWith("/officeDocument"));
  if (main === undefined) throw new GraftError("no workbook part");
  return resolveTarget("", main.target);
}

interface SheetEntry {
  readonly name: string;
  readonly tag: string;
  readonly relId: string;
  readonly part: string;
}

function sheetsOf(zip: PizZip, workbook: string): { entries: SheetEntry[]; relPrefix: string } {
  const xml = text(zip, workbook) ?? "";
  // SpreadsheetML written with a prefix (<x:workbook>) is valid but rare; this reader does not know it.
  const root = /<workbook\b[^>]*>/.exec(xml)?.[0];
  if (root === undefined) throw new GraftError("workbook part without an unprefixed <workbook>");
  let relPrefix = "r";
  for (const [name, value] of attributes(root)) if (value === RELATIONSHIPS_NS && name.startsWith("xmlns:")) relPrefix = name.slice(6);
  const rels = relationships(zip, workbook);
  const entries = elements(xml, "sheet").map((tag) => {
    const a = attributes(tag);
    const relId = a.get(`${relPrefix}:id`) ?? "";
    const rel = rels.find((r) => r.id === relId);
    if (rel === undefined) throw new GraftError(`sheet without a part: ${tag}`);
    return { name: unescapeXml(a.get("name") ?? ""), tag, relId, part: resolveTarget(workbook, rel.target) };
  });
  if (entries.length === 0) throw new GraftError("no sheets found");
  return { entries, relPrefix };
}

// --- Content types ---

class ContentTypes {
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
    if (!byDefault) this.xml = this.xml.replace("</Types>", `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/></Types>`);
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

// --- Styles: the rewritten workbook's cell formats, appended to the original's ---

const STYLE_LISTS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const;
type StyleList = (typeof STYLE_LISTS)[number];
const CHILD: Readonly<Record<StyleList, string>> = {
  numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf",
};
/** The order of the lists in a styleSheet (ECMA-376 part 1, 18.8.39). */
const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

function styleList(xml: string, list: StyleList): string[] {
  const whole = elements(xml, list)[0];
  if (whole === undefined || whole.endsWith("/>") && !whole.includes("><")) return [];
  return elements(whole.slice(whole.indexOf(">") + 1), CHILD[list]);
}

class StyleAppender {
  private xml: string;
  private readonly added = new Map<StyleList, string[]>();
  private readonly sizes = new Map<StyleList, number>();
  private readonly cache = new Map<number, number>();
  private readonly source: Readonly<Record<StyleList, string[]>>;
  private readonly numFmtCodes = new Map<string, number>();
  private nextNumFmt = 164;

  constructor(original: string, rewritten: string) {
    this.xml = original;
    for (const list of STYLE_LISTS) {
      this.added.set(list, []);
      this.sizes.set(list, styleList(original, list).length);
    }
    this.source = Object.fromEntries(STYLE_LISTS.map((list) => [list, styleList(rewritten, list)])) as Record<StyleList, string[]>;
    for (const tag of styleList(original, "numFmts")) {
      const a = attributes(tag);
      const id = Number(a.get("numFmtId"));
      this.numFmtCodes.set(a.get("formatCode") ?? "", id);
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
    }
  }

  /** The index in the original's cellXfs of the rewritten workbook's cell format `index`. */
  cellFormat(index: number): number {
    const known = this.cache.get(index);
    if (known !== undefined) return known;
    const xf = this.source.cellXfs[index];
    if (xf === undefined) throw new GraftError(`cell format ${index} missing`);
    const head = xf.slice(0, xf.indexOf(">") + 1);
    const a = attributes(head);
    let rebuilt = xf;
    const swap = (name: string, value: number): void => {
      rebuilt = rebuilt.replace(new RegExp(`(\\s${name}\\s*=\\s*)"[^"]*"`), `$1"${value}"`);
    };
    if (a.has("numFmtId")) swap("numFmtId", this.numFmt(Number(a.get("numFmtId"))));
    if (a.has("fontId")) swap("fontId", this.copy("fonts", Number(a.get("fontId"))));
    if (a.has("fillId")) swap("fillId", this.copy("fills", Number(a.get("fillId"))));
    if (a.has("borderId")) swap("borderId", this.copy("borders", Number(a.get("borderId"))));
    // The original's Normal style: named cell styles are not carried over.
    if (a.has("xfId")) swap("xfId", 0);
    const result = this.append("cellXfs", rebuilt);
    this.cache.set(index, result);
    return result;
  }

  private numFmt(id: number): number {
    if (id < 164) return id; // built-in
    const tag = this.source.numFmts.find((t) => Number(attributes(t).get("numFmtId")) === id);
    const code = tag === undefined ? undefined : attributes(tag).get("formatCode");
    if (code === undefined) return 0;
    const known = this.numFmtCodes.get(code);
    if (known !== undefined) return known;
    const fresh = this.nextNumFmt++;
    this.numFmtCodes.set(code, fresh);
    this.append("numFmts", `<numFmt numFmtId="${fresh}" formatCode="${code}"/>`);
    return fresh;
  }

  private copy(list: "fonts" | "fills" | "borders", index: number): number {
    const item = this.source[list][index];
    if (item === undefined) return 0;
    const existing = [...styleList(this.xml, list), ...this.added.get(list)!].indexOf(item);
    return existing >= 0 ? existing : this.append(list, item);
  }

  private append(list: StyleList, item: string): number {
    const added = this.added.get(list)!;
    added.push(item);
    return this.sizes.get(list)! + added.length - 1;
  }

  /** The original styles with the appended formats. */
  result(): string {
    let xml = this.xml;
    for (const list of STYLE_LISTS) {
      const added = this.added.get(list)!;
      if (added.length === 0) continue;
      const count = this.sizes.get(list)! + added.length;
      const whole = elements(xml, list)[0];
      if (whole === undefined) {
        // No such list yet (numFmts is often absent): insert it before the first list that follows it.
        const after = STYLE_ORDER.slice(STYLE_ORDER.indexOf(list) + 1).map((name) => new RegExp(`<${name}[\\s/>]`).exec(xml)).find((m) => m !== null);
        const block = `<${list} count="${count}">${added.join("")}</${list}>`;
        xml = after ? xml.slice(0, after.index) + block + xml.slice(after.index) : xml.replace("</styleSheet>", `${block}</styleSheet>`);
        continue;
      }
      const open = whole.slice(0, whole.indexOf(">") + 1).replace(/\/>$/, ">").replace(/\scount\s*=\s*"\d*"/, "");
      const inner = whole.endsWith(`</${list}>`) ? whole.slice(whole.indexOf(">") + 1, -`</${list}>`.length) : "";
      xml = xml.replace(whole, `${open.slice(0, -1)} count="${count}">${inner}${added.join("")}</${list}>`);
    }
    return xml;
  }
}

// --- Sheet XML ---

function sharedStrings(zip: PizZip, workbook: string): string[] {
  const rel = relationships(zip, workbook).find((r) => r.type.endsWith("/sharedStrings"));
  if (rel === undefined) return [];
  const xml = text(zip, resolveTarget(workbook, rel.target)) ?? "";
  return elements(xml, "si").map((si) => (si.endsWith("/>") ? "" : si.slice(si.indexOf(">") + 1, -"</si>".length)));
}

/** A grafted sheet's XML: styles renumbered, shared strings inline, not selected. */
function graftedSheetXml(xml: string, strings: readonly string[], styles: StyleAppender): string {
  let out = xml.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _end: string, inner: string | undefined) => {
    let a = attrs.replace(/\ss="(\d+)"/, (_m, s: string) => ` s="${styles.cellFormat(Number(s))}"`);
    if (!/\st="s"/.test(a) || inner === undefined) return `<c${a}${inner === undefined ? "/>" : `>${inner}</c>`}`;
    const index = Number(/<v>(\d+)<\/v>/.exec(inner)?.[1]);
    const string = strings[index];
    if (string === undefined) throw new GraftError(`shared string ${index} missing`);
    a = a.replace(/\st="s"/, ' t="inlineStr"');
    return `<c${a}><is>${string}</is></c>`;
  });
  out = out.replace(/<row\b[^>]*>/g, (tag) => tag.replace(/\ss="(\d+)"/, (_m, s: string) => ` s="${styles.cellFormat(Number(s))}"`));
  out = out.replace(/<col\b[^>]*>/g, (tag) => tag.replace(/\sstyle="(\d+)"/, (_m, s: string) => ` style="${styles.cellFormat(Number(s))}"`));
  return out.replace(/\stabSelected="(1|true)"/g, "");
}

function uniquePart(zip: PizZip, wanted: string): string {
  if (zip.file(wanted) === null) return wanted;
  const dot = wanted.lastIndexOf(".");
  const stem = wanted.slice(0, dot).replace(/\d+$/, "");
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n}${wanted.slice(dot)}`;
    if (zip.file(candidate) === null) return candidate;
  }
}

function nextRelId(rels: readonly Relationship[]): string {
  let n = rels.length + 1;
  while (rels.some((r) => r.id === `rId${n}`)) n++;
  return `rId${n}`;
}

function tableIds(zip: PizZip): number[] {
  return Object.keys(zip.files)
    .filter((name) => /^xl\/tables\/[^/]+\.xml$/.test(name))
    .map((name) => Number(attributes(/<table\b[^>]*>/.exec(text(zip, name) ?? "")?.[0] ?? "").get("id")))
    .filter((id) => Number.isFinite(id));
}

/**
 * The original package with the named sheets taken from the rewritten one: replaced where the
 * original has a sheet of that name, added at the end otherwise.
 *
 * @param original - the user's workbook, as read from disk
 * @param rewritten - exceljs's rewrite of it, holding the product's sheets
 * @param names - the sheets to take from the rewrite
 * @param stamp - the date of the parts written anew (the zip keeps the others' own), so that the
 *   same run writes the same bytes
 * @returns the bytes of the new package
 * @throws GraftError when either package is not laid out as expected
 */
export function graftSheets(original: Uint8Array, rewritten: Uint8Array, names: readonly string[], stamp: Date): Uint8Array {
  const target = new PizZip(original);
  const source = new PizZip(rewritten);
  const targetWorkbook = workbookPart(target);
  const sourceWorkbook = workbookPart(source);
  const sourceSheets = sheetsOf(source, sourceWorkbook).entries;
  const { entries: targetSheets, relPrefix } = sheetsOf(target, targetWorkbook);
  const strings = sharedStrings(source, sourceWorkbook);
  const stylesRel = relationships(target, targetWorkbook).find((r) => r.type.endsWith("/styles"));
  const sourceStylesRel = relationships(source, sourceWorkbook).find((r) => r.type.endsWith("/styles"));
  if (stylesRel === undefined || sourceStylesRel === undefined) throw new GraftError("no styles part");
  const stylesPart = resolveTarget(targetWorkbook, stylesRel.target);
  if (!/<styleSheet\b/.test(text(target, stylesPart) ?? "")) throw new GraftError("styles part without an unprefixed <styleSheet>");
  const styles = new StyleAppender(text(target, stylesPart) ?? "", text(source, resolveTarget(sourceWorkbook, sourceStylesRel.target)) ?? "");
  const types = new ContentTypes(target);
  const sourceTypes = new ContentTypes(source);
  let workbookXml = text(target, targetWorkbook) ?? "";
  let workbookRels = relationships(target, targetWorkbook);
  let nextTableId = Math.max(0, ...tableIds(target)) + 1;
  let replacedAny = false;
  const touched = new Set([targetWorkbook, relsPathOf(targetWorkbook), stylesPart, "[Content_Types].xml"]);

  // In the rewrite's order, which is where exceljs put the sheets it added.
  for (const from of sourceSheets.filter((sheet) => names.includes(sheet.name))) {
    const name = from.name;
    const existing = targetSheets.find((s) => s.name === name);
    let part: string;
    if (existing !== undefined) {
      part = existing.part;
      replacedAny = true;
      // The old sheet's own parts (tables, notes) go with it; the new sheet brings its own.
      for (const rel of relationships(target, part)) {
        if (rel.external || !/\/(table|comments|vmlDrawing|printerSettings)$/.test(rel.type)) continue;
        const old = resolveTarget(part, rel.target);
        target.remove(old);
        types.remove(old);
      }
      target.remove(relsPathOf(part));
    } else {
      part = uniquePart(target, "xl/worksheets/sheet1.xml");
      const relId = nextRelId(workbookRels);
      workbookRels = [...workbookRels, { id: relId, type: WORKSHEET_TYPE, target: relativeTarget(targetWorkbook, part), external: false }];
      const sheetId = Math.max(0, ...elements(workbookXml, "sheet").map((tag) => Number(attributes(tag).get("sheetId")) || 0)) + 1;
      workbookXml = workbookXml.replace(/<\/(\w+:)?sheets>/, (close) => `<sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${relPrefix}:id="${relId}"/>${close}`);
    }
    target.file(part, graftedSheetXml(text(source, from.part) ?? "", strings, styles));
    touched.add(part).add(relsPathOf(part));
    types.set(part, WORKSHEET_CONTENT_TYPE);

    // The parts the new sheet refers to: tables and notes, copied under fresh names.
    const carried: Relationship[] = [];
    for (const rel of relationships(source, from.part)) {
      if (rel.external) {
        carried.push(rel);
        continue;
      }
      const sourcePart = resolveTarget(from.part, rel.target);
      const copy = uniquePart(target, sourcePart);
      let content = source.file(sourcePart)?.asUint8Array();
      if (content === undefined) throw new GraftError(`missing part ${sourcePart}`);
      if (rel.type.endsWith("/table")) {
        const xml = new TextDecoder().decode(content).replace(/(<table\b[^>]*?\sid=")\d+(")/, `$1${nextTableId++}$2`);
        content = new TextEncoder().encode(xml);
      }
      target.file(copy, content);
      touched.add(copy);
      const contentType = sourceTypes.of(sourcePart);
      if (contentType !== undefined) types.set(copy, contentType);
      carried.push({ ...rel, target: relativeTarget(part, copy) });
    }
    if (carried.length > 0) writeRelationships(target, part, carried);
  }

  if (replacedAny) {
    // Excel rebuilds the calculation chain; an old one may name cells of a replaced sheet.
    const chain = workbookRels.find((r) => r.type === CALC_CHAIN_TYPE);
    if (chain !== undefined) {
      const chainPart = resolveTarget(targetWorkbook, chain.target);
      target.remove(chainPart);
      types.remove(chainPart);
      workbookRels = workbookRels.filter((r) => r !== chain);
    }
  }
  target.file(targetWorkbook, workbookXml);
  writeRelationships(target, targetWorkbook, workbookRels);
  target.file(stylesPart, styles.result());
  types.save();
  for (const name of touched) {
    const entry = target.files[name];
    if (entry !== undefined) entry.date = stamp;
  }
  return target.generate({ type: "uint8array", compression: "DEFLATE" });
}
