// Can an ES2016 engine load and run a script? Excel's JavaScript-only custom-functions runtime of
// Office for Windows before version 2403 and of perpetual Office 2019/2021 is ES2016: one piece
// of newer syntax (??, async, a BigInt literal, a regular expression with \p{...}) is a
// SyntaxError that stops the whole of functions.js from loading.
//
// acorn parses the script with ecmaVersion 2016, which rejects newer syntax and newer regular
// expression literals; the syntax tree then shows what no parser rejects: new RegExp("...") with
// a newer pattern (esbuild writes those when it lowers a literal), the BigInt global, and, as
// warnings, built-ins newer than ES2016 found by name (they may be false alarms).
import * as acorn from "acorn";
import { isPropertyName, newerBuiltIn } from "./newerBuiltIns.mjs";
import { LATEST, newerConstructAt, walk } from "./newerSyntax.mjs";

/** @typedef {{ line: number, column: number, text: string }} Finding */

const ES2016 = { ecmaVersion: 2016, sourceType: "script", locations: true, allowHashBang: false };

const BIGINT_GLOBALS = new Set(["BigInt", "BigInt64Array", "BigUint64Array"]);

function excerpt(code, pos, max = 80) {
  const lineStart = code.lastIndexOf("\n", pos - 1) + 1;
  const lineEnd = code.indexOf("\n", pos) === -1 ? code.length : code.indexOf("\n", pos);
  const from = Math.max(lineStart, pos - Math.floor(max / 2));
  const text = code.slice(from, Math.min(lineEnd, from + max)).trim();
  return `${from > lineStart ? "..." : ""}${text}${from + max < lineEnd ? "..." : ""}`;
}

/** A regular expression source as a literal, so that acorn can check new RegExp("...")'s pattern. */
function asLiteral(pattern, flags) {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && i + 1 < pattern.length) {
      out += c + pattern[++i];
    } else if (c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029") {
      out += `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
    } else {
      if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      out += c === "/" && !inClass ? "\\/" : c;
    }
  }
  return `/${out}/${flags}`;
}

/** acorn's complaint about a regular expression at ES2016, or undefined when it has none. */
function regExpProblem(pattern, flags) {
  try {
    acorn.parse(`(${asLiteral(pattern, flags)});`, ES2016);
    return undefined;
  } catch (error) {
    return String(error.message).replace(/\s*\(\d+:\d+\)$/, "");
  }
}

const isStringLiteral = (node) => node?.type === "Literal" && typeof node.value === "string";

/** What the tree shows beyond the parser: RegExp strings, BigInt, newer built-ins. */
function treeFindings(tree) {
  const errors = [];
  const warnings = [];
  const at = (node) => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });
  walk(tree, (node, parent) => {
    if ((node.type === "NewExpression" || node.type === "CallExpression") && node.callee.type === "Identifier" && node.callee.name === "RegExp" && isStringLiteral(node.arguments[0])) {
      const flags = isStringLiteral(node.arguments[1]) ? node.arguments[1].value : "";
      const problem = regExpProblem(node.arguments[0].value, flags);
      if (problem !== undefined) errors.push({ ...at(node), text: `regular expression newer than ES2016 in RegExp(${JSON.stringify(node.arguments[0].value)}): ${problem}` });
    } else if (node.type === "Identifier" && BIGINT_GLOBALS.has(node.name) && !isPropertyName(node, parent)) {
      errors.push({ ...at(node), text: `${node.name} (ES2020; BigInt does not exist in an ES2016 engine)` });
    }
    const builtIn = newerBuiltIn(node, parent);
    if (builtIn !== undefined) warnings.push({ ...at(node), text: builtIn });
  });
  return { errors, warnings };
}

/**
 * What keeps a script from loading or running in an ES2016 engine.
 *
 * @param {string} code - the script (a bundle, or a snippet)
 * @returns {{ errors: Finding[], warnings: Finding[] }} errors: the first syntax acorn rejects at
 *   ecmaVersion 2016 (named, with its place), BigInt, newer patterns in RegExp(...); warnings:
 *   newer built-ins found by name. Lines and columns are 1-based.
 * @example checkEs2016("let y = a ?? b;").errors[0].text // "?? (nullish coalescing, ES2020): ..."
 */
export function checkEs2016(code) {
  const errors = [];
  let tree;
  try {
    tree = acorn.parse(code, ES2016);
  } catch (error) {
    if (!(error instanceof SyntaxError) || error.loc === undefined) throw error;
    const construct = newerConstructAt(code, error.pos);
    const message = String(error.message).replace(/\s*\(\d+:\d+\)$/, "");
    errors.push({
      line: error.loc.line,
      column: error.loc.column + 1,
      text: `${construct ?? "syntax an ES2016 engine rejects"}: acorn (ecmaVersion 2016) says «${message}» at «${excerpt(code, error.pos)}»`,
    });
    try {
      tree = acorn.parse(code, LATEST);
    } catch {
      return { errors, warnings: [] };
    }
  }
  const fromTree = treeFindings(tree);
  return { errors: [...errors, ...fromTree.errors], warnings: fromTree.warnings };
}

/**
 * The source file of a line of an esbuild bundle: esbuild writes "// path/of/module.ts" before
 * each module's code when it does not minify.
 */
function sourceOfLine(lines, line) {
  for (let i = line - 1; i >= 0; i--) {
    const match = /^\s*\/\/ (\S+\.[cm]?[jt]sx?)$/.exec(lines[i] ?? "");
    if (match) return match[1];
  }
  return undefined;
}

/**
 * One line per finding, "file:line:column: text", naming the module of the bundle it is in
 * ("(in src/core/x.ts)") when the checked code is given.
 *
 * @param {string} file - the name to show
 * @param {Finding[]} findings
 * @param {string} [code]
 * @returns {string[]}
 */
export function formatFindings(file, findings, code) {
  const lines = code === undefined ? undefined : code.split("\n");
  return findings.map((f) => {
    const source = lines && sourceOfLine(lines, f.line);
    return `${file}:${f.line}:${f.column}: ${f.text}${source ? ` (in ${source})` : ""}`;
  });
}
