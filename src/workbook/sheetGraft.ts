/**
 * Writes the run's copy of a workbook from the user's own file, not from exceljs's rewrite of it:
 * exceljs drops what it does not model (charts, pivot tables, slicers, sparklines, controls,
 * threaded comments, macros). The product's own sheets (journal, stage sheets, settings) are made
 * with exceljs, then grafted into the original package: their sheet parts and what those parts
 * reference (tables, notes) are copied, their styles appended to the original's, their shared
 * strings written inline. Every other part of the original is kept byte for byte.
 */
import PizZip from "pizzip";
import {
  ContentTypes, nextRelId, PackageError, type Relationship, relationships, relativeTarget, relsPathOf, resolveTarget, text, uniquePart, writeRelationships,
} from "./opcPackage";
import { StyleAppender } from "./styleAppender";
import { attributes, elements, escapeXml, unescapeXml } from "./xmlText";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${RELATIONSHIPS_NS}/worksheet`;
const CALC_CHAIN_TYPE = `${RELATIONSHIPS_NS}/calcChain`;
const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

function workbookPart(zip: PizZip): string {
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

function sheetsOf(zip: PizZip, workbook: string): { entries: SheetEntry[]; relPrefix: string } {
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
    if (string === undefined) throw new PackageError(`shared string ${index} missing`);
    a = a.replace(/\st="s"/, ' t="inlineStr"');
    return `<c${a}><is>${string}</is></c>`;
  });
  out = out.replace(/<row\b[^>]*>/g, (tag) => tag.replace(/\ss="(\d+)"/, (_m, s: string) => ` s="${styles.cellFormat(Number(s))}"`));
  out = out.replace(/<col\b[^>]*>/g, (tag) => tag.replace(/\sstyle="(\d+)"/, (_m, s: string) => ` style="${styles.cellFormat(Number(s))}"`));
  return out.replace(/\stabSelected="(1|true)"/g, "");
}

/** The root tags of the package's tables. */
function tableTags(zip: PizZip): string[] {
  return Object.keys(zip.files)
    .filter((name) => /^xl\/tables\/[^/]+\.xml$/.test(name))
    .map((name) => /<table\b[^>]*>/.exec(text(zip, name) ?? "")?.[0] ?? "");
}

/**
 * A grafted table with an id and a name of its own in the package: Excel wants both unique across
 * the workbook (names case aside), and the sheets left out of exceljs's load may hold a table of
 * the same name.
 */
function renumberedTable(xml: string, id: number, target: PizZip): string {
  const taken = new Set(tableTags(target).map((tag) => (attributes(tag).get("name") ?? "").toLowerCase()));
  return xml.replace(/<table\b[^>]*>/, (tag) => {
    const name = attributes(tag).get("name") ?? "Table";
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name}_${n}`;
    return tag
      .replace(/(\sid=")\d+(")/, (_m, a: string, b: string) => `${a}${id}${b}`)
      .replace(/(\sname=")[^"]*(")/, (_m, a: string, b: string) => `${a}${unique}${b}`)
      .replace(/(\sdisplayName=")[^"]*(")/, (_m, a: string, b: string) => `${a}${unique}${b}`);
  });
}

function tableIds(zip: PizZip): number[] {
  return tableTags(zip)
    .map((tag) => Number(attributes(tag).get("id")))
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
 * @throws PackageError when either package is not laid out as expected
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
  if (stylesRel === undefined || sourceStylesRel === undefined) throw new PackageError("no styles part");
  const stylesPart = resolveTarget(targetWorkbook, stylesRel.target);
  if (!/<styleSheet\b/.test(text(target, stylesPart) ?? "")) throw new PackageError("styles part without an unprefixed <styleSheet>");
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
      if (content === undefined) throw new PackageError(`missing part ${sourcePart}`);
      if (rel.type.endsWith("/table")) content = new TextEncoder().encode(renumberedTable(new TextDecoder().decode(content), nextTableId++, target));
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

/**
 * The package with only the sheets `keep` accepts: what exceljs needs to load to write the
 * product's sheets, without the 100,000 rows of the tracking sheet. Never written anywhere: the
 * graft puts its result back into the whole package.
 *
 * @param original - the user's workbook
 * @param keep - whether a sheet, by name, stays
 * @returns the bytes of a smaller package (stored, not compressed)
 * @throws PackageError when the package is not laid out as expected
 */
export function sheetsOnly(original: Uint8Array, keep: (name: string) => boolean): Uint8Array {
  const zip = new PizZip(original);
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
  zip.file(workbook, xml);
  writeRelationships(zip, workbook, rels);
  types.save();
  return zip.generate({ type: "uint8array", compression: "STORE" });
}
