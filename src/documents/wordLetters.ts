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
import { reminderStage, type ReminderLevel } from "../core/reminderLevel";
import type { Language, ReminderData } from "./reminderData";
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

/** Thrown by the parser for {{@x}}: docxtemplater reports it as a compilation error of the tag. */
class RawTagRefused extends Error {}

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

interface DocxtemplaterErrorProperties {
  readonly id?: string;
  readonly xtag?: string;
  readonly openingtag?: string;
  readonly closingtag?: string;
  readonly explanation?: string;
  readonly rootError?: unknown;
  readonly errors?: readonly { readonly properties?: DocxtemplaterErrorProperties }[];
}

const tag = (text: string): string => `«{{${text}}}»`;

/** One docxtemplater error in French, naming the tag. */
function frenchProblem(p: DocxtemplaterErrorProperties): string {
  const x = (p.xtag ?? "").trim().replace(/^\{+|\}+$/g, "");
  switch (p.id) {
    case "unclosed_loop":
      return `balise ${tag(`#${x}`)} non fermée`;
    case "unopened_loop":
      return `balise ${tag(`/${x}`)} sans ouverture`;
    case "closing_tag_does_not_match_opening_tag":
      return `balise ${tag(`/${p.closingtag ?? ""}`)} qui ne ferme pas ${tag(`#${p.openingtag ?? ""}`)}`;
    case "unclosed_tag":
      return `balise «{{${x}» sans «}}»`;
    case "unopened_tag":
      return `balise «${x}}}» sans «{{»`;
    case "duplicate_open_tag":
      return `«{{» en double dans «${x}»`;
    case "duplicate_close_tag":
      return `«}}» en double dans «${x}»`;
    case "scopeparser_compilation_failed":
      return p.rootError instanceof RawTagRefused ? `balise ${tag(`@${x}`)} non permise (une valeur est toujours insérée comme texte)` : `balise ${tag(x)} incorrecte`;
    case "loop_position_invalid":
      return `les balises ${tag(`#${x}`)} et ${tag(`/${x}`)} doivent être toutes deux dans le tableau ou toutes deux hors du tableau`;
    case "unbalanced_loop_tags":
      return "balises de section mal imbriquées dans un tableau";
    case "malformed_xml":
    case "file_has_invalid_xml":
      return "le fichier n'est pas un document Word lisible";
    default:
      return x ? `balise ${tag(x)} incorrecte` : "modèle illisible";
  }
}

const INVALID = "Modèle de courrier invalide";

/** A docxtemplater (or unzip) error as one French problem naming every faulty tag. */
function templateProblem(error: unknown): Problem {
  const properties = (error as { properties?: DocxtemplaterErrorProperties } | null)?.properties;
  if (!properties) return problem(`${INVALID} : le fichier n'est pas un document Word (.docx) lisible`);
  const all = properties.errors?.map((e) => e.properties ?? {}) ?? [properties];
  return problem(`${INVALID} : ${[...new Set(all.map(frenchProblem))].join(" ; ")}`);
}

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

/**
 * Merges a letter template with the customers of one level: the template's {{#clients}}...{{/clients}}
 * section is repeated once per customer (each ends with a page break in the default templates).
 * The package is written without compression (STORE, valid OOXML): the host deflates it where it
 * can do so fast (node:zlib), and the renderer stays host-free.
 * @param template - the .docx bytes; the same instance is compiled once
 * @param customers - the merge data, one per customer
 * @returns the merged .docx bytes
 * @throws TemplateError (./template) with a French message naming the tag when the template is broken
 * @example renderLetters(await readDefaultTemplate(templateFileName(2, "fr")), data)
 */
export function renderLetters(template: Uint8Array, customers: readonly ReminderData[]): Uint8Array {
  const doc = compiledTemplate(template);
  try {
    doc.render({ clients: customers });
  } catch (error) {
    // A failed render may leave the compilation half-used: the next merge compiles afresh.
    compiledTemplates.delete(template);
    throw new TemplateError(templateProblem(error));
  }
  const zip = doc.getZip();
  const main = zip.file("word/document.xml");
  if (main) zip.file("word/document.xml", dropTrailingPageBreak(main.asText()));
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
  return found === undefined ? undefined : problem(`${INVALID} : ${found.message.replace(/ \(ligne \d+\)/g, "")}`);
}

/**
 * The template of a level and language, as a path under the templates folder.
 * @example templateFileName(3, "fr") // "fr/formal_notice.docx"
 */
export function templateFileName(level: ReminderLevel, lang: Language): string {
  return `${lang}/${reminderStage(level)}.docx`;
}

// The names a user may give a template of their own: the default's name (with or without its
// language folder; without one, French), "reminder2.en.docx", or the French word of the level.
const FRENCH_STAGE_NAMES: Readonly<Record<string, string>> = {
  preventive: "courtesy",
  relance_preventive: "courtesy",
  relance1: "reminder1",
  relance_1: "reminder1",
  relance2: "reminder2",
  relance_2: "reminder2",
  mise_en_demeure: "formal_notice",
  injonction: "injunction",
  injonction_de_payer: "injunction",
};
const STAGES = new Set(["courtesy", "reminder1", "reminder2", "formal_notice", "injunction"]);

/**
 * The canonical name (as templateFileName gives it) of a user's template file, or undefined when the
 * name matches no level.
 * @example userTemplateName("Modeles/EN/Reminder2.docx") // "en/reminder2.docx"
 * @example userTemplateName("mise en demeure.docx") // "fr/formal_notice.docx"
 */
export function userTemplateName(fileName: string): string | undefined {
  const parts = fileName.replace(/\\/g, "/").toLowerCase().split("/").filter(Boolean);
  const base = parts.pop();
  if (!base?.endsWith(".docx") || base.startsWith("~$")) return undefined; // ~$x.docx: Word's lock file
  const folder = parts.pop();
  let stem = base.slice(0, -".docx".length);
  let lang: Language = folder === "en" ? "en" : "fr";
  const suffix = /[._-](fr|en)$/.exec(stem);
  if (suffix) {
    lang = suffix[1] as Language;
    stem = stem.slice(0, suffix.index);
  }
  const key = stem
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s-]+/g, "_");
  const stage = STAGES.has(key) ? key : FRENCH_STAGE_NAMES[key];
  return stage ? `${lang}/${stage}.docx` : undefined;
}

export interface ChosenTemplate {
  /** The canonical name, e.g. "fr/reminder2.docx". */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** True when the user's own template replaces the default. */
  readonly custom: boolean;
}

/**
 * The template of a level and language: the user's own when they gave one, else the default.
 * @param userTemplates - the user's templates by file name (any name userTemplateName reads)
 * @param loadDefault - reads a default template by its canonical name (from the package's
 *   templates/ folder in Node, or over HTTP in the task pane)
 * @example await chooseTemplate(2, "fr", new Map([["Relance 2.docx", mine]]), load) // { name: "fr/reminder2.docx", bytes: mine, custom: true }
 */
export async function chooseTemplate(
  level: ReminderLevel,
  lang: Language,
  userTemplates: ReadonlyMap<string, Uint8Array>,
  loadDefault: (name: string) => Uint8Array | Promise<Uint8Array>,
): Promise<ChosenTemplate> {
  const name = templateFileName(level, lang);
  for (const [fileName, bytes] of userTemplates) {
    if (userTemplateName(fileName) === name) return { name, bytes, custom: true };
  }
  return { name, bytes: await loadDefault(name), custom: false };
}
