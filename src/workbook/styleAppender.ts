// The cell formats the product writes (dates, money, text, a bold header) appended to a workbook's
// styles (xl/styles.xml): the formats already there keep their indices.
import { PackageError } from "./packageError";
import { attributes, elements, escapeXml } from "./xmlText";

/** The lists a cell format draws on, and the cell formats themselves. */
const STYLE_LISTS = ["numFmts", "fonts", "fills", "borders", "cellXfs"] as const;
type StyleList = (typeof STYLE_LISTS)[number];
const CHILD: Readonly<Record<StyleList, string>> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf" };
/** The order of the lists in a styleSheet (ECMA-376 part 1, 18.8.39). */
const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

function styleList(xml: string, list: StyleList): string[] {
  const whole = elements(xml, list)[0];
  if (whole === undefined || whole.endsWith("/>") && !whole.includes("><")) return [];
  return elements(whole.slice(whole.indexOf(">") + 1), CHILD[list]);
}

function styleLists(xml: string): Record<StyleList, string[]> {
  return Object.fromEntries(STYLE_LISTS.map((list) => [list, styleList(xml, list)])) as Record<StyleList, string[]>;
}

/** A cell format the product writes: a number format and whether the font is bold. */
export interface ProductFormat {
  /** The format code (dd/mm/yyyy, @...), none for General. */
  readonly numFmt?: string | undefined;
  readonly bold?: boolean | undefined;
}

/** Excel's built-in number formats the product uses, by code: they need no <numFmt>. */
const BUILT_IN_FORMATS: ReadonlyMap<string, number> = new Map([["General", 0], ["@", 49]]);

export class StyleAppender {
  /** Each list of the original, then what is appended to it: an item's index is its place here. */
  private readonly lists: Readonly<Record<StyleList, string[]>>;
  private readonly sizes: Readonly<Record<StyleList, number>>;
  private readonly formats = new Map<string, number>();
  /** The original's number formats by their code as written (escaped). */
  private readonly numFmtCodes = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly hasStyleXfs: boolean;

  constructor(private readonly original: string) {
    if (!/<styleSheet\b/.test(original)) throw new PackageError("styles part without an unprefixed <styleSheet>");
    this.lists = styleLists(original);
    this.sizes = Object.fromEntries(STYLE_LISTS.map((list) => [list, this.lists[list].length])) as Record<StyleList, number>;
    if (this.lists.fonts.length === 0 || this.lists.cellXfs.length === 0) throw new PackageError("styles part without fonts or cell formats");
    this.hasStyleXfs = /<cellStyleXfs\b[^>]*>\s*<xf\b/.test(original);
    for (const tag of this.lists.numFmts) {
      const a = attributes(tag);
      const id = Number(a.get("numFmtId"));
      this.numFmtCodes.set(a.get("formatCode") ?? "", id);
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
    }
  }

  /**
   * The index in cellXfs of a format the product writes, appended the first time: the workbook's
   * default font (made bold when asked), no fill, no border.
   */
  format({ numFmt, bold = false }: ProductFormat): number {
    const key = bold ? `b${numFmt ?? ""}` : (numFmt ?? "");
    const known = this.formats.get(key);
    if (known !== undefined) return known;
    const numFmtId = numFmt === undefined ? 0 : this.numFmt(numFmt);
    const fontId = bold ? this.boldFont() : 0;
    const applied = `${numFmtId === 0 ? "" : ' applyNumberFormat="1"'}${bold ? ' applyFont="1"' : ""}`;
    const xfId = this.hasStyleXfs ? ' xfId="0"' : "";
    const index = this.append("cellXfs", `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0"${xfId}${applied}/>`);
    this.formats.set(key, index);
    return index;
  }

  private numFmt(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    const escaped = escapeXml(code);
    const known = this.numFmtCodes.get(escaped);
    if (known !== undefined) return known;
    const fresh = this.nextNumFmt++;
    this.numFmtCodes.set(escaped, fresh);
    this.append("numFmts", `<numFmt numFmtId="${fresh}" formatCode="${escaped}"/>`);
    return fresh;
  }

  /** The default font, bold. */
  private boldFont(): number {
    const normal = this.lists.fonts[0]!;
    const bold = normal.endsWith("/>") ? "<font><b/></font>" : normal.replace(/<b\s*\/>|<b\s+val="[^"]*"\s*\/>/, "").replace(/^<font\b[^>]*>/, (open) => `${open}<b/>`);
    const existing = this.lists.fonts.indexOf(bold);
    return existing >= 0 ? existing : this.append("fonts", bold);
  }

  private append(list: StyleList, item: string): number {
    return this.lists[list].push(item) - 1;
  }

  /** The original styles with the appended formats. */
  result(): string {
    let xml = this.original;
    for (const list of STYLE_LISTS) {
      const added = this.lists[list].slice(this.sizes[list]);
      if (added.length === 0) continue;
      const count = this.lists[list].length;
      const whole = elements(xml, list)[0];
      if (whole === undefined) {
        // No such list yet (numFmts is often absent): insert it before the first list that follows it.
        const after = STYLE_ORDER.slice(STYLE_ORDER.indexOf(list) + 1).map((name) => new RegExp(`<${name}[\\s/>]`).exec(xml)).find((m) => m !== null);
        const block = `<${list} count="${count}">${added.join("")}</${list}>`;
        xml = after ? xml.slice(0, after.index) + block + xml.slice(after.index) : xml.replace("</styleSheet>", () => `${block}</styleSheet>`);
        continue;
      }
      const open = whole.slice(0, whole.indexOf(">") + 1).replace(/\/>$/, ">").replace(/\scount\s*=\s*"\d*"/, "");
      const inner = whole.endsWith(`</${list}>`) ? whole.slice(whole.indexOf(">") + 1, -`</${list}>`.length) : "";
      // A function, not a string: a format code such as "$"#,##0 holds $ patterns a string replacement would expand.
      xml = xml.replace(whole, () => `${open.slice(0, -1)} count="${count}">${inner}${added.join("")}</${list}>`);
    }
    return xml;
  }
}
