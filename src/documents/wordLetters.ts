// Word letters: a .docx template merged with the reminders of one level, one section per customer.
// Runs in Node and in the browser (no node: imports): bytes in, bytes out.
//
// The placeholder syntax, shared with the e-mail templates: Mustache style between {{ and }}.
//   {{raison_sociale}}            a value; {{societe.iban}} reads inside an object
//   {{#factures}}...{{/factures}} a list repeats (a table row when both tags sit in one row),
//                                 a true or non-empty value shows the part once, a false or empty
//                                 one hides it
//   {{^penalites_connues}}...{{/penalites_connues}}   shown when the value is false or empty
//   {{.}}                         the current item of a list
// Inside a section, names are looked up in the current item first, then outward. A name without a
// value gives an empty text. A paragraph that holds only an opening or a closing tag disappears
// from the result. Values are always inserted as text ({{@raw}} XML is refused).
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { problem, type Problem } from "../core/problem";
import { INVALID_LETTER_TEMPLATE, RawTagRefused, templateProblem } from "./letterTemplateProblems";
import type { ReminderData } from "./reminderData";
import { checkTemplate, TemplateError } from "./template";

export { TemplateError } from "./template";

/** The delimiters of every Relances template, Word and e-mail alike. */
export const PLACEHOLDER_DELIMITERS = { start: "{{", end: "}}" } as const;

/**
 * The value of a placeholder in one scope: "." is the scope itself, "a.b" walks own properties.
 * @returns undefined when the scope does not hold it (the caller then looks in the outer scopes)
 * @example placeholderValue({ societe: { iban: "FR76…" } }, "societe.iban") // "FR76…"
 */
export function placeholderValue(scope: unknown, tag: string): unknown {
  const name = tag.trim();
  if (name === ".") return scope;
  let value: unknown = scope;
  for (const key of name.split(".")) {
    if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

interface ParserContext {
  readonly tag?: { readonly module?: string; readonly value?: string };
}

/** docxtemplater's parser: dotted names, and no raw XML tags ({{@x}} would insert a value as XML). */
function parser(tag: string, context?: ParserContext): { get(scope: unknown): unknown } {
  if (context?.tag?.module === "rawxml") throw new RawTagRefused(tag);
  return { get: (scope) => placeholderValue(scope, tag) };
}

const options = {
  paragraphLoop: true,
  linebreaks: true,
  delimiters: { ...PLACEHOLDER_DELIMITERS },
  parser,
  nullGetter: () => "",
  errorLogging: false,
  // {{=<% %>=}} would change the delimiters: the syntax stays the same as the e-mails'.
  syntax: { changeDelimiterPrefix: null },
} as const;

function compile(template: Uint8Array): Docxtemplater<PizZip> {
  try {
    return new Docxtemplater(new PizZip(template), options);
  } catch (error) {
    throw new TemplateError(templateProblem(error));
  }
}

// The last customer's page break would leave an empty page at the end: the last paragraph of the
// body, when it holds a page break and no text, is removed.
const TRAILING_BREAK = /<w:p\b(?:(?!<w:p\b)[\s\S])*?<w:br\b[^>]*w:type="page"[^>]*\/>(?:(?!<w:p\b)[\s\S])*?<\/w:p>(?=\s*(?:<w:sectPr\b|<\/w:body>))/;

function dropTrailingPageBreak(xml: string): string {
  const match = TRAILING_BREAK.exec(xml);
  const trimmed = !match || /<w:t\b/.test(match[0]) ? xml : xml.slice(0, match.index) + xml.slice(match.index + match[0].length);
  // Word wants at least one paragraph in the body (a merge with no customer leaves none).
  return /<w:body>\s*(?:<w:sectPr\b|<\/w:body>)/.test(trimmed) ? trimmed.replace(/<w:body>/, "<w:body><w:p/>") : trimmed;
}

// Compiling a template (unzip, XML parse, tag lexing) costs several times a customer's section, and
// a run merges each template many times (one court file per debtor). The compiled template is kept
// per template instance (a run loads each template once and hands out the same bytes) and rendered
// again: docxtemplater refuses a second render() only through its `rendered` flag, and keeps the
// first render's data in its `mapper` and `scopeManagers` caches; the compiled parts themselves are
// not changed by a render. wordLetters.test.ts checks that a reused compilation writes the bytes of a fresh one.
interface ReusableDocxtemplater {
  /** The parts it renders (the body, headers, footers...), by name. */
  readonly compiled: Readonly<Record<string, unknown>>;
  rendered: boolean;
  mapper?: unknown;
  scopeManagers: Record<string, unknown>;
}

const compiledTemplates = new WeakMap<Uint8Array, Docxtemplater<PizZip>>();

function compiledTemplate(template: Uint8Array): Docxtemplater<PizZip> {
  const cached = compiledTemplates.get(template);
  if (cached === undefined) {
    const doc = compile(template);
    compiledTemplates.set(template, doc);
    return doc;
  }
  const reusable = cached as unknown as ReusableDocxtemplater;
  reusable.rendered = false;
  reusable.mapper = undefined;
  reusable.scopeManagers = {};
  return cached;
}

/** Customers merged per render: a letter of thousands of sections is merged in slices of this many. */
const SLICE = 200;

/** Merges `customers` into the compiled template: the rendered parts' text, by name. */
function renderedParts(template: Uint8Array, customers: readonly ReminderData[]): { readonly doc: Docxtemplater<PizZip>; readonly parts: Map<string, string> } {
  const doc = compiledTemplate(template);
  try {
    doc.render({ clients: customers });
  } catch (error) {
    // A failed render may leave the compilation half-used: the next merge compiles afresh.
    compiledTemplates.delete(template);
    throw new TemplateError(templateProblem(error));
  }
  const zip = doc.getZip();
  const parts = new Map<string, string>();
  for (const name of Object.keys((doc as unknown as ReusableDocxtemplater).compiled)) parts.set(name, zip.file(name)!.asText());
  return { doc, parts };
}

/** How many characters `a` and `b` begin with alike. */
function commonPrefix(a: string, b: string): number {
  const end = Math.min(a.length, b.length);
  let i = 0;
  while (i < end && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * The main part merged slice by slice, or undefined when the slices cannot be put together (a
 * part other than the body changed with the customers): the same text a single merge writes.
 * A slice's body is the merge of no customer with the slice's sections inserted at one place; the
 * place is taken as far into that merge as every slice agrees with it, so that each slice's sections
 * (read from that place on, as many characters as they add) follow one another as in one merge.
 */
function mainPartBySlices(template: Uint8Array, customers: readonly ReminderData[], slice: number): string | undefined {
  const none = renderedParts(template, []).parts;
  const empty = none.get(MAIN_PART)!;
  const bodies: string[] = [];
  let at = empty.length;
  for (let i = 0; i < customers.length; i += slice) {
    const { parts } = renderedParts(template, customers.slice(i, i + slice));
    for (const [name, text] of parts) if (name !== MAIN_PART && text !== none.get(name)) return undefined;
    const body = parts.get(MAIN_PART)!;
    at = Math.min(at, commonPrefix(empty, body));
    bodies.push(body);
  }
  const sections = bodies.map((body) => body.slice(at, at + body.length - empty.length));
  return empty.slice(0, at) + sections.join("") + empty.slice(at);
}

const MAIN_PART = "word/document.xml";

/**
 * Merges a letter template with the customers of one level: the template's {{#clients}}...{{/clients}}
 * section is repeated once per customer (each ends with a page break in the default templates).
 * Thousands of customers are merged in slices, so that the merge's working memory is a slice's; the
 * letter is the one a single merge writes.
 * The package is written without compression (STORE, valid OOXML): the host deflates it where it
 * can do so fast (node:zlib), and the renderer stays host-free.
 * @param template - the .docx bytes; the same instance is compiled once
 * @param customers - the merge data, one per customer
 * @param slice - customers per merge (200 by default)
 * @returns the merged .docx bytes
 * @throws TemplateError (./template) with a French message naming the tag when the template is broken
 * @example renderLetters(await readDefaultTemplate(templateFileName(2, "fr")), data)
 */
export function renderLetters(template: Uint8Array, customers: readonly ReminderData[], slice = SLICE): Uint8Array {
  const sliced = customers.length > slice ? mainPartBySlices(template, customers, slice) : undefined;
  const { doc, parts } = sliced === undefined ? renderedParts(template, customers) : { doc: compiledTemplate(template), parts: new Map([[MAIN_PART, sliced]]) };
  const zip = doc.getZip();
  const main = parts.get(MAIN_PART);
  if (main !== undefined) zip.file(MAIN_PART, dropTrailingPageBreak(main));
  // The zip stamps every part it rewrites with the clock; the run's date instead makes a retried
  // run write the same bytes.
  const stamp = customers[0] === undefined ? new Date(Date.UTC(1980, 0, 1)) : new Date(`${customers[0].date_iso}T12:00:00Z`);
  for (const entry of Object.values(zip.files)) entry.date = stamp;
  return zip.generate({ type: "uint8array", compression: "STORE" });
}

/**
 * Checks a letter template before a run: it must compile, and every name it uses must be one the
 * merge data has (a misspelt {{raison_sociale}} would otherwise print nothing).
 * @param template - the .docx bytes
 * @param sample - merge data of the template's level (names inside a section over a missing or
 *   empty value are not checked)
 * @returns a Problem whose French message names the faulty tag, or undefined
 * @example checkLetterTemplate(bytes, data) // { message: "Modèle de courrier invalide : balise inconnue «{{raison_social}}» : voulez-vous dire «{{raison_sociale}}» ?" }
 */
export function checkLetterTemplate(template: Uint8Array, sample: ReminderData): Problem | undefined {
  let text: string;
  try {
    text = compile(template).getFullText();
  } catch (error) {
    if (error instanceof TemplateError) return error.problem;
    throw error;
  }
  // The document's text is a template of the same syntax: the e-mail checker reads its names.
  const found = checkTemplate(text, { clients: [sample] });
  return found === undefined ? undefined : problem(`${INVALID_LETTER_TEMPLATE} : ${found.message.replace(/ \(ligne \d+\)/g, "")}`);
}
