// A workbook's cell formats (xl/styles.xml) carried into another workbook's styles: the grafted
// sheets keep their look, and the formats already there keep their indices.
import { attributes, elements } from "./xmlText";
import { PackageError } from "./opcPackage";

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

export class StyleAppender {
  /** Each list of the original, then what is appended to it: an item's index is its place here. */
  private readonly lists: Readonly<Record<StyleList, string[]>>;
  private readonly sizes: Readonly<Record<StyleList, number>>;
  private readonly source: Readonly<Record<StyleList, string[]>>;
  private readonly cache = new Map<number, number>();
  private readonly numFmtCodes = new Map<string, number>();
  private nextNumFmt = 164;

  constructor(
    private readonly original: string,
    rewritten: string,
  ) {
    this.lists = styleLists(original);
    this.sizes = Object.fromEntries(STYLE_LISTS.map((list) => [list, this.lists[list].length])) as Record<StyleList, number>;
    this.source = styleLists(rewritten);
    for (const tag of this.lists.numFmts) {
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
    if (xf === undefined) throw new PackageError(`cell format ${index} missing`);
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
    const existing = this.lists[list].indexOf(item);
    return existing >= 0 ? existing : this.append(list, item);
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
