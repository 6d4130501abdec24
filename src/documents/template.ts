// The one placeholder engine of the e-mail templates: a Mustache subset, pure (no dependency, no
// Node API), the same in the command line and in the task pane.
//
//   {{raison_sociale}}  {{societe.iban}}    a value, always passed through the escaper
//   {{#factures}}…{{/factures}}              once per item of a list (the item's fields in scope,
//                                            the outer fields still visible), or once when truthy
//   {{^contact}}…{{/contact}}                when empty, false or missing
//   {{! a comment }}                         nothing
//   {{.}}                                    the current item itself
//
// Values are never inserted raw: {{{x}}} and {{&x}} are errors, as are partials ({{>x}}) and
// delimiter changes ({{=<% %>=}}). A section, inverted or comment tag alone on its line takes the
// line with it, so that plain-text templates keep their layout.
import { problem, type Problem } from "../core/problem";
import { ProblemError } from "./problemError";

/** Turns a value's text into what the output format needs (HTML entities, or nothing for text). */
export type Escape = (s: string) => string;

/** A template that cannot be rendered: its problem names the tag, in French. */
export class TemplateError extends ProblemError {
  override readonly name = "TemplateError";
}

type Node =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "value"; readonly name: string; readonly tag: string; readonly line: number }
  | {
      readonly kind: "section";
      readonly name: string;
      readonly inverted: boolean;
      readonly tag: string;
      readonly line: number;
      readonly children: Node[];
    };

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes a value for HTML text and attribute values: & < > " '.
 * @example escapeHtml("<b>Dupont & fils</b>") // "&lt;b&gt;Dupont &amp; fils&lt;/b&gt;"
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The escaper of plain-text parts and subjects: the value as it is. */
export function plainText(s: string): string {
  return s;
}

/**
 * Renders a template with merge data.
 * @param text - the template
 * @param data - the merge data (e.g. a ReminderData)
 * @param escape - applied to every inserted value: escapeHtml for HTML, plainText for text
 * @returns the rendered text; a name the data lacks renders as nothing (checkTemplate finds them)
 * @throws TemplateError when the template is malformed (unclosed section, {{{x}}}…)
 * @example renderTemplate("Bonjour {{contact}}", { contact: "Léa" }, plainText) // "Bonjour Léa"
 */
export function renderTemplate(text: string, data: object, escape: Escape): string {
  const nodes = parseCached(text);
  if (!Array.isArray(nodes)) throw new TemplateError(nodes as Problem);
  const out: string[] = [];
  renderNodes(nodes, [data], escape, out);
  return out.join("");
}

/**
 * Checks a template before use.
 * @param text - the template
 * @param data - optional: merge data whose names the template may use; every other name is reported
 * @returns a Problem whose French message names the first faulty tag and its line, or undefined
 * @example checkTemplate("{{#factures}}") // balise «{{#factures}}» non fermée (ligne 1)
 */
export function checkTemplate(text: string, data?: object): Problem | undefined {
  const nodes = parseCached(text);
  if (!Array.isArray(nodes)) return nodes as Problem;
  return data === undefined ? undefined : checkNodes(nodes, [data], false);
}

// ---------------------------------------------------------------------------------------------
// Parsing

const cache = new Map<string, Node[] | Problem>();
const CACHE_LIMIT = 64;

function parseCached(text: string): Node[] | Problem {
  let parsed = cache.get(text);
  if (parsed === undefined) {
    parsed = parse(text);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(text, parsed);
  }
  return parsed;
}

/** Spaces then the end of the line or of the text, from lastIndex. */
const LINE_END = /[ \t]*(\r?\n|$)/y;
const NAME = /^[^\s{}#^/!&>=.][^\s{}]*$/;

function validName(name: string): boolean {
  return name === "." || (NAME.test(name) && !name.split(".").includes(""));
}

function shorten(s: string): string {
  const line = s.replace(/[\r\n].*$/s, "");
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

function parse(text: string): Node[] | Problem {
  const root: Node[] = [];
  const open: Array<{ node: Extract<Node, { kind: "section" }>; parent: Node[] }> = [];
  let current = root;
  let pos = 0;
  let line = 1;
  let counted = 0;
  const lineAt = (index: number): number => {
    for (let i = counted; i < index; i++) if (text.charCodeAt(i) === 10) line++;
    counted = Math.max(counted, index);
    return line;
  };
  const pushText = (s: string): void => {
    if (s !== "") current.push({ kind: "text", text: s });
  };

  for (;;) {
    const start = text.indexOf("{{", pos);
    if (start < 0) break;
    const at = lineAt(start);
    if (text[start + 2] === "{") {
      const end = text.indexOf("}}}", start);
      const tag = end < 0 ? shorten(text.slice(start)) : text.slice(start, end + 3);
      const inner = end < 0 ? "x" : text.slice(start + 3, end).trim();
      return problem(`balise «${tag}» interdite (ligne ${at}) : les valeurs sont toujours échappées, écrivez «{{${inner}}}»`);
    }
    const close = text.indexOf("}}", start + 2);
    if (close < 0) return problem(`balise «${shorten(text.slice(start))}» non terminée (ligne ${at}) : il manque «}}»`);
    const end = close + 2;
    const tag = text.slice(start, end);
    const content = text.slice(start + 2, close).trim();
    const sigil = content[0] ?? "";
    const name = "#^/!".includes(sigil) && sigil !== "" ? content.slice(1).trim() : content;

    if (sigil === "&") return problem(`balise «${tag}» interdite (ligne ${at}) : les valeurs sont toujours échappées, écrivez «{{${content.slice(1).trim()}}}»`);
    if (sigil === ">") return problem(`balise «${tag}» non prise en charge (ligne ${at}) : les modèles partiels n'existent pas ici`);
    if (sigil === "=") return problem(`balise «${tag}» non prise en charge (ligne ${at}) : les délimiteurs restent {{ et }}`);
    if (sigil === "" ) return problem(`balise «${tag}» vide (ligne ${at})`);
    if (sigil !== "!" && !validName(name)) return problem(`balise «${tag}» invalide (ligne ${at}) : un nom sans espace ni accolade est attendu`);

    // A section, inverted, closing or comment tag alone on its line takes the whole line.
    let textEnd = start;
    let next = end;
    if ("#^/!".includes(sigil)) {
      const lineStart = text.lastIndexOf("\n", start - 1) + 1;
      LINE_END.lastIndex = end;
      const after = LINE_END.exec(text);
      if (lineStart >= pos && /^[ \t]*$/.test(text.slice(lineStart, start)) && after !== null) {
        textEnd = lineStart;
        next = end + after[0].length;
      }
    }
    pushText(text.slice(pos, textEnd));
    pos = next;

    if (sigil === "!") continue;
    if (sigil === "#" || sigil === "^") {
      const node = { kind: "section", name, inverted: sigil === "^", tag, line: at, children: [] as Node[] } as const;
      current.push(node);
      open.push({ node, parent: current });
      current = node.children;
    } else if (sigil === "/") {
      const top = open.pop();
      if (top === undefined) return problem(`balise «${tag}» sans balise ouvrante «{{#${name}}}» (ligne ${at})`);
      if (top.node.name !== name) {
        return problem(`balise «${tag}» (ligne ${at}) ne ferme pas «${top.node.tag}» (ligne ${top.node.line}) : écrivez «{{/${top.node.name}}}» avant`);
      }
      current = top.parent;
    } else {
      current.push({ kind: "value", name, tag, line: at });
    }
  }
  pushText(text.slice(pos));
  const unclosed = open.pop();
  if (unclosed !== undefined) {
    return problem(`balise «${unclosed.node.tag}» non fermée (ligne ${unclosed.node.line}) : il manque «{{/${unclosed.node.name}}}»`);
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Rendering

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

interface Lookup {
  readonly found: boolean;
  readonly value: unknown;
  /** Where the lookup stopped: the names a suggestion can be taken from, with their prefix. */
  readonly missingAt?: { readonly prefix: string; readonly keys: readonly string[] };
}

/** Own properties only: {{constructor}} or {{__proto__}} never reach a prototype. */
function lookup(name: string, stack: readonly unknown[]): Lookup {
  if (name === ".") return { found: true, value: stack[stack.length - 1] };
  const parts = name.split(".");
  const first = parts[0]!;
  for (let i = stack.length - 1; i >= 0; i--) {
    const context = stack[i];
    if (!isRecord(context) || !Object.hasOwn(context, first)) continue;
    let value: unknown = context[first];
    for (let p = 1; p < parts.length; p++) {
      const part = parts[p]!;
      if (!isRecord(value) || !Object.hasOwn(value, part)) {
        const keys = isRecord(value) && !Array.isArray(value) ? Object.keys(value) : [];
        return { found: false, value: undefined, missingAt: { prefix: `${parts.slice(0, p).join(".")}.`, keys } };
      }
      value = value[part];
    }
    return { found: true, value };
  }
  const keys: string[] = [];
  for (const context of stack) if (isRecord(context) && !Array.isArray(context)) keys.push(...Object.keys(context));
  return { found: false, value: undefined, missingAt: { prefix: "", keys } };
}

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "function") return false;
  return Boolean(v);
}

function valueText(v: unknown): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return Number.isFinite(v) ? String(v) : "";
    case "bigint":
    case "boolean":
      return String(v);
    default:
      return "";
  }
}

function renderNodes(nodes: readonly Node[], stack: unknown[], escape: Escape, out: string[]): void {
  for (const node of nodes) {
    if (node.kind === "text") {
      out.push(node.text);
    } else if (node.kind === "value") {
      const text = valueText(lookup(node.name, stack).value);
      if (text !== "") out.push(escape(text));
    } else {
      const value = lookup(node.name, stack).value;
      if (node.inverted) {
        if (!truthy(value)) renderNodes(node.children, stack, escape, out);
      } else if (Array.isArray(value)) {
        for (const item of value) {
          stack.push(item);
          renderNodes(node.children, stack, escape, out);
          stack.pop();
        }
      } else if (truthy(value)) {
        stack.push(value);
        renderNodes(node.children, stack, escape, out);
        stack.pop();
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Checking names against merge data

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

function suggestion(name: string, missing: Lookup["missingAt"]): string {
  if (missing === undefined) return "";
  const wanted = name.slice(missing.prefix.length).split(".")[0]!;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const key of new Set(missing.keys)) {
    const d = distance(wanted.toLowerCase(), key.toLowerCase());
    if (d < bestDistance) {
      best = key;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? ` : voulez-vous dire «{{${missing.prefix}${best}}}» ?` : "";
}

/**
 * Walks the template over the data as rendering would. Inside a section over a missing, null or
 * empty list nothing is known of the items: names there are not checked.
 */
function checkNodes(nodes: readonly Node[], stack: unknown[], unknowable: boolean): Problem | undefined {
  for (const node of nodes) {
    if (node.kind === "text") continue;
    const found = lookup(node.name, stack);
    if (!found.found && !unknowable) {
      return problem(`balise inconnue «${node.tag}» (ligne ${node.line})${suggestion(node.name, found.missingAt)}`);
    }
    if (node.kind === "value") {
      if (Array.isArray(found.value)) {
        return problem(`balise «${node.tag}» (ligne ${node.line}) : «${node.name}» est une liste, écrivez «{{#${node.name}}}…{{/${node.name}}}»`);
      }
      if (isRecord(found.value)) {
        const key = Object.keys(found.value)[0];
        const example = key === undefined ? "" : `, par exemple «{{${node.name}.${key}}}»`;
        return problem(`balise «${node.tag}» (ligne ${node.line}) : «${node.name}» regroupe plusieurs valeurs, nommez-en une${example}`);
      }
      continue;
    }
    let result: Problem | undefined;
    const value = found.value;
    if (node.inverted) {
      result = checkNodes(node.children, stack, unknowable);
    } else if (Array.isArray(value)) {
      stack.push(value[0]);
      result = checkNodes(node.children, stack, unknowable || value.length === 0);
      stack.pop();
    } else {
      stack.push(value);
      result = checkNodes(node.children, stack, unknowable || value === undefined || value === null);
      stack.pop();
    }
    if (result !== undefined) return result;
  }
  return undefined;
}
