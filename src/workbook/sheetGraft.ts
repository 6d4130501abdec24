/**
 * The product's sheets (journal, stage sheets, settings) written into the user's own package as
 * sheet XML, not through an exceljs load and rewrite: exceljs drops what it does not model (charts,
 * pivot tables, slicers, sparklines, controls, threaded comments, macros). A sheet is appended to
 * in its own XML, or added with its table; the product's cell formats are appended to the styles.
 * Every other part of the package is kept byte for byte, its compressed bytes copied as they are.
 */
import { sameSheetName } from "../engine/sheetNames";
import {
  ContentTypes, nextRelId, OfficePackage, PackageError, type Relationship, relationships, relativeTarget, relsPathOf, resolveTarget, text, uniquePart, writeRelationships,
} from "./opcPackage";
import { sharedStringsOf, withSheetElement } from "./sheetXml";
import { StyleAppender, type ProductFormat } from "./styleAppender";
import { attributes, elements, escapeXml, unescapeXml } from "./xmlText";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${RELATIONSHIPS_NS}/worksheet`;
const TABLE_TYPE = `${RELATIONSHIPS_NS}/table`;
const CALC_CHAIN_TYPE = `${RELATIONSHIPS_NS}/calcChain`;
const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

function workbookPart(zip: OfficePackage): string {
  // By the type's last segment, as the other lookups here.
  const main = relationships(zip, "").find((r) => r.type.endsWith("/officeDocument"));
  if (main === undefined) throw new PackageError("no workbook part");
  return resolveTarget("", main.target);
}

interface SheetEntry {
  readonly name: string;
  readonly tag: string;
  readonly relId: string;
  readonly part: string;
}

function sheetsOf(zip: OfficePackage, workbook: string): { entries: SheetEntry[]; relPrefix: string } {
  const xml = text(zip, workbook) ?? "";
  // SpreadsheetML written with a prefix (<x:workbook>) is valid but rare; this reader does not know it.
  const root = /<workbook\b[^>]*>/.exec(xml)?.[0];
  if (root === undefined) throw new PackageError("workbook part without an unprefixed <workbook>");
  let relPrefix = "r";
  for (const [name, value] of attributes(root)) if (value === RELATIONSHIPS_NS && name.startsWith("xmlns:")) relPrefix = name.slice(6);
  const rels = relationships(zip, workbook);
  const entries = elements(xml, "sheet").map((tag) => {
    const a = attributes(tag);
    const relId = a.get(`${relPrefix}:id`) ?? "";
    const rel = rels.find((r) => r.id === relId);
    if (rel === undefined) throw new PackageError(`sheet without a part: ${tag}`);
    return { name: unescapeXml(a.get("name") ?? ""), tag, relId, part: resolveTarget(workbook, rel.target) };
  });
  return { entries, relPrefix };
}

/** A sheet of the package: its name in the workbook and its part. */
export interface GraftedSheet {
  readonly name: string;
  readonly part: string;
}

/** A table part of a sheet, with its XML. */
export interface SheetTable {
  readonly part: string;
  readonly xml: string;
}

/**
 * The user's package opened to write the product's sheets into. Reads what is there (sheets by
 * name, their XML, tables, shared strings) and writes sheets, tables and cell formats; `bytes`
 * gives the package written.
 */
export class SheetGraft {
  private readonly workbook: string;
  private readonly relPrefix: string;
  private readonly sheets: SheetEntry[];
  private workbookXml: string;
  private workbookRels: Relationship[];
  private readonly types: ContentTypes;
  private readonly stylesPart: string;
  private styleAppender: StyleAppender | undefined;
  private strings: string[] | undefined;
  private addedSheets = false;

  /**
   * @param zip - the user's package
   * @throws PackageError when it is not laid out as Excel lays one out
   */
  constructor(private readonly zip: OfficePackage) {
    this.workbook = workbookPart(zip);
    const { entries, relPrefix } = sheetsOf(zip, this.workbook);
    this.sheets = entries;
    this.relPrefix = relPrefix;
    this.workbookXml = text(zip, this.workbook) ?? "";
    this.workbookRels = relationships(zip, this.workbook);
    this.types = new ContentTypes(zip);
    const stylesRel = this.workbookRels.find((r) => r.type.endsWith("/styles"));
    if (stylesRel === undefined) throw new PackageError("no styles part");
    this.stylesPart = resolveTarget(this.workbook, stylesRel.target);
    if (!/<styleSheet\b/.test(text(zip, this.stylesPart) ?? "")) throw new PackageError("styles part without an unprefixed <styleSheet>");
  }

  /** A sheet by name, matched as the reader matches names, the exact name first. */
  sheet(name: string): GraftedSheet | undefined {
    const found = this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => sameSheetName(name, s.name));
    return found === undefined ? undefined : { name: found.name, part: found.part };
  }

  /** A sheet's XML. */
  sheetXml(sheet: GraftedSheet): string {
    const xml = text(this.zip, sheet.part);
    if (xml === undefined) throw new PackageError(`missing part ${sheet.part}`);
    if (!/<worksheet\b/.test(xml) || !/<sheetData\b/.test(xml)) throw new PackageError(`${sheet.part} is not an unprefixed <worksheet>`);
    return xml;
  }

  setSheetXml(sheet: GraftedSheet, xml: string): void {
    this.zip.set(sheet.part, xml);
  }

  /** The package's shared strings, read the first time they are asked for. */
  sharedStrings(): readonly string[] {
    if (this.strings === undefined) {
      const rel = this.workbookRels.find((r) => r.type.endsWith("/sharedStrings"));
      this.strings = sharedStringsOf(rel === undefined ? undefined : text(this.zip, resolveTarget(this.workbook, rel.target)));
    }
    return this.strings;
  }

  /** The index in the package's cellXfs of a format the product writes. */
  format(format: ProductFormat): number {
    this.styleAppender ??= new StyleAppender(text(this.zip, this.stylesPart) ?? "");
    return this.styleAppender.format(format);
  }

  /**
   * Adds a sheet at the end of the workbook.
   *
   * @param name - its name
   * @param xml - its XML
   */
  addSheet(name: string, xml: string): GraftedSheet {
    const part = uniquePart(this.zip, "xl/worksheets/sheet1.xml");
    const relId = nextRelId(this.workbookRels);
    this.workbookRels = [...this.workbookRels, { id: relId, type: WORKSHEET_TYPE, target: relativeTarget(this.workbook, part), external: false }];
    const sheetId = Math.max(0, ...elements(this.workbookXml, "sheet").map((tag) => Number(attributes(tag).get("sheetId")) || 0)) + 1;
    const tag = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${this.relPrefix}:id="${relId}"/>`;
    this.workbookXml = withSheetTag(this.workbookXml, tag);
    this.sheets.push({ name, tag, relId, part });
    this.zip.set(part, xml);
    this.types.set(part, WORKSHEET_CONTENT_TYPE);
    this.addedSheets = true;
    return { name, part };
  }

  /** The tables of a sheet. */
  tables(sheet: GraftedSheet): SheetTable[] {
    return relationships(this.zip, sheet.part)
      .filter((rel) => !rel.external && rel.type.endsWith("/table"))
      .map((rel) => resolveTarget(sheet.part, rel.target))
      .map((part) => ({ part, xml: text(this.zip, part) ?? "" }));
  }

  setTableXml(table: SheetTable, xml: string): void {
    this.zip.set(table.part, xml);
  }

  /**
   * Adds a table to a sheet, with an id and a name of its own in the workbook (Excel wants both
   * unique, names case aside): `name`, else `name`2, `name`3...
   *
   * @param sheet - the sheet the table is on
   * @param sheetXml - the sheet's XML, which gets the table's <tablePart>
   * @param name - the name wanted
   * @param xml - the table's XML for an id and a name
   * @returns the sheet's XML with the table part in it
   */
  addTable(sheet: GraftedSheet, sheetXml: string, name: string, xml: (id: number, name: string) => string): string {
    const tags = this.zip
      .names()
      .filter((part) => /^xl\/tables\/[^/]+\.xml$/.test(part))
      .map((part) => attributes(/<table\b[^>]*>/.exec(text(this.zip, part) ?? "")?.[0] ?? ""));
    const taken = new Set(tags.map((a) => (a.get("name") ?? "").toLowerCase()));
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name}${n}`;
    const id = Math.max(0, ...tags.map((a) => Number(a.get("id"))).filter((n) => Number.isFinite(n))) + 1;
    const part = uniquePart(this.zip, "xl/tables/table1.xml");
    this.zip.set(part, xml(id, unique));
    this.types.set(part, TABLE_CONTENT_TYPE);
    const rels = relationships(this.zip, sheet.part);
    const relId = nextRelId(rels);
    writeRelationships(this.zip, sheet.part, [...rels, { id: relId, type: TABLE_TYPE, target: relativeTarget(sheet.part, part), external: false }]);
    const prefix = relationshipPrefix(sheetXml);
    const existing = /<tableParts\b[^>]*?(?:\/>|>([\s\S]*?)<\/tableParts>)/.exec(prefix.xml);
    const parts = [...(existing?.[1]?.match(/<tablePart\b[^>]*\/>/g) ?? []), `<tablePart ${prefix.name}:id="${relId}"/>`];
    return withSheetElement(prefix.xml, "tableParts", `<tableParts count="${parts.length}">${parts.join("")}</tableParts>`);
  }

  /** Writes the workbook's parts that changed: the workbook, its relationships, styles, content types. */
  finish(): void {
    if (this.addedSheets) {
      this.zip.set(this.workbook, this.workbookXml);
      writeRelationships(this.zip, this.workbook, this.workbookRels);
    }
    if (this.styleAppender !== undefined) {
      const styles = this.styleAppender.result();
      if (styles !== text(this.zip, this.stylesPart)) this.zip.set(this.stylesPart, styles);
    }
    this.types.save();
  }
}

/** The workbook's XML with a <sheet> at the end of its <sheets>, which a workbook without sheets lacks. */
function withSheetTag(xml: string, tag: string): string {
  if (/<\/(\w+:)?sheets>/.test(xml)) return xml.replace(/<\/(\w+:)?sheets>/, (close) => `${tag}${close}`);
  if (/<sheets\s*\/>/.test(xml)) return xml.replace(/<sheets\s*\/>/, () => `<sheets>${tag}</sheets>`);
  // What follows <sheets> in a workbook (ECMA-376 part 1, 18.2.27).
  const after = /<(functionGroups|externalReferences|definedNames|calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/workbook>/.exec(xml);
  if (after === null) throw new PackageError("workbook part without its end");
  return `${xml.slice(0, after.index)}<sheets>${tag}</sheets>${xml.slice(after.index)}`;
}

/** The prefix a sheet's root gives the relationships' namespace, declared as r when it has none. */
function relationshipPrefix(xml: string): { xml: string; name: string } {
  const root = /<worksheet\b[^>]*>/.exec(xml)?.[0] ?? "";
  for (const [name, value] of attributes(root)) if (value === RELATIONSHIPS_NS && name.startsWith("xmlns:")) return { xml, name: name.slice(6) };
  let name = "r";
  for (let n = 1; attributes(root).has(`xmlns:${name}`); n++) name = `r${n}`;
  return { xml: xml.replace(root, root.replace(/^<worksheet\b/, `<worksheet xmlns:${name}="${RELATIONSHIPS_NS}"`)), name };
}

/**
 * The package with only the sheets `keep` accepts: what exceljs needs to load to read the
 * product's sheets, without the 100,000 rows of the tracking sheet. Never written anywhere.
 *
 * @param original - the user's workbook
 * @param keep - whether a sheet, by name, stays
 * @returns the bytes of a smaller package (the parts it changes stored, the others as they were)
 * @throws PackageError when the package is not laid out as expected
 */
export function sheetsOnly(original: Uint8Array, keep: (name: string) => boolean): Uint8Array {
  const zip = new OfficePackage(original);
  const workbook = workbookPart(zip);
  const { entries } = sheetsOf(zip, workbook);
  let xml = text(zip, workbook) ?? "";
  let rels = relationships(zip, workbook);
  const types = new ContentTypes(zip);
  for (const sheet of entries) {
    if (keep(sheet.name)) continue;
    xml = xml.replace(sheet.tag, "");
    rels = rels.filter((r) => r.id !== sheet.relId);
    zip.remove(sheet.part);
    zip.remove(relsPathOf(sheet.part));
    types.remove(sheet.part);
  }
  // Names and the calculation chain point into the sheets left out; the active tab may too.
  xml = xml.replace(/<definedNames\b[\s\S]*?<\/definedNames>|<definedNames\/>/, "").replace(/\sactiveTab="\d+"/, "");
  const chain = rels.find((r) => r.type === CALC_CHAIN_TYPE);
  if (chain !== undefined) {
    zip.remove(resolveTarget(workbook, chain.target));
    rels = rels.filter((r) => r !== chain);
  }
  zip.set(workbook, xml);
  writeRelationships(zip, workbook, rels);
  types.save();
  return zip.writeStored(new Date("1980-01-01T00:00:00Z"));
}

