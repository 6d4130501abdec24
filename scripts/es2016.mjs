// Is a script loadable by an ES2016 engine? Excel's JavaScript-only custom-functions runtime of
// Office for Windows before version 2403 and of perpetual Office 2019/2021 is ES2016, and one
// piece of newer syntax (a BigInt literal, a regular expression with \p{...}) is a SyntaxError
// that stops the whole of functions.js from loading. Used by scripts/build.mjs (the build fails)
// and by test/functions/runtimeCompatibility.test.ts.
//
// There is no ES2016-only parser among the dependencies (acorn is not installed), so the check is
// made of what esbuild and TypeScript can tell:
//   1. esbuild, target es2016: its errors and its "not available in the configured target
//      environment" warnings (BigInt literals, import.meta, top-level await...);
//   2. esbuild, target es2016 against target esnext: any difference is syntax that had to be
//      lowered (??, ?., object spread, async functions, class fields...), which an ES2016 engine
//      would not parse;
//   3. TypeScript's parser, for what esbuild lets through: regular expressions whose syntax is
//      newer than ES2016, as literals or as new RegExp("...", "...") (esbuild turns some literals
//      into such calls, which then throw when they run), and the BigInt global; and for what
//      esbuild reprints the same at any target (trailing commas in calls, numeric separators, a
//      #! line, import(), U+2028 in a string). Not seen: invalid escapes in tagged templates.
//      A false alarm on hand-written code: esbuild rewrites yield* below ES2018 (never left in its
//      own output, which is what the build checks).
// Errors: the engine cannot load or run it. Warnings: built-ins newer than ES2016 (padStart,
// flatMap, globalThis...) that are found by name, so that they may be false alarms.
import * as esbuild from "esbuild";
import ts from "typescript";

/** @typedef {{ line: number, column: number, text: string }} Finding */

const TARGET_WARNING = /configured target environment/;

/** Regular expression flags of ES2016: g, i, m, u, y (s is ES2018, d ES2022, v ES2024). */
const ES2016_FLAGS = new Set(["g", "i", "m", "u", "y"]);

/** Built-ins newer than ES2016, found by member name (`x.padStart(`) or by global name. */
const NEWER_MEMBERS = new Map([
  ["padStart", "String.prototype.padStart (ES2017)"],
  ["padEnd", "String.prototype.padEnd (ES2017)"],
  ["flat", "Array.prototype.flat (ES2019)"],
  ["flatMap", "Array.prototype.flatMap (ES2019)"],
  ["trimStart", "String.prototype.trimStart (ES2019)"],
  ["trimEnd", "String.prototype.trimEnd (ES2019)"],
  ["matchAll", "String.prototype.matchAll (ES2020)"],
  ["replaceAll", "String.prototype.replaceAll (ES2021)"],
  ["finally", "Promise.prototype.finally (ES2018)"],
  ["at", "Array.prototype.at / String.prototype.at (ES2022)"],
  ["findLast", "Array.prototype.findLast (ES2023)"],
  ["findLastIndex", "Array.prototype.findLastIndex (ES2023)"],
  ["toSorted", "Array.prototype.toSorted (ES2023)"],
  ["toReversed", "Array.prototype.toReversed (ES2023)"],
  ["toSpliced", "Array.prototype.toSpliced (ES2023)"],
]);
const NEWER_STATICS = new Map([
  ["Object.entries", "ES2017"],
  ["Object.values", "ES2017"],
  ["Object.getOwnPropertyDescriptors", "ES2017"],
  ["Object.fromEntries", "ES2019"],
  ["Object.hasOwn", "ES2022"],
  ["Object.groupBy", "ES2024"],
  ["Map.groupBy", "ES2024"],
  ["Promise.allSettled", "ES2020"],
  ["Promise.any", "ES2021"],
  ["Promise.withResolvers", "ES2024"],
]);
const NEWER_GLOBALS = new Map([
  ["globalThis", "ES2020"],
  ["WeakRef", "ES2021"],
  ["FinalizationRegistry", "ES2021"],
  ["SharedArrayBuffer", "ES2017"],
  ["Atomics", "ES2017"],
  ["AggregateError", "ES2021"],
]);
const BIGINT_GLOBALS = new Set(["BigInt", "BigInt64Array", "BigUint64Array"]);

/**
 * What in a regular expression is newer than ES2016, or [] when nothing is.
 *
 * @param {string} pattern - the source between the slashes (or the first argument of new RegExp)
 * @param {string} flags
 * @returns {string[]}
 */
export function newerRegExpSyntax(pattern, flags) {
  const found = new Set();
  for (const flag of flags) {
    if (!ES2016_FLAGS.has(flag)) found.add(`flag "${flag}"`);
  }
  const unicode = flags.includes("u") || flags.includes("v");
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[i + 1];
      if (unicode && (next === "p" || next === "P") && pattern[i + 2] === "{") found.add(`\\${next}{...} (unicode property escape)`);
      if (next === "k" && pattern[i + 2] === "<") found.add("\\k<name> (named back-reference)");
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
    } else if (c === "(" && pattern[i + 1] === "?") {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith("<=") || rest.startsWith("<!")) found.add("(?<= / (?<! (lookbehind)");
      else if (rest.startsWith("<")) found.add("(?<name> (named group)");
      else if (/^[a-zA-Z-]+[:)]/.test(rest)) found.add("(?flags: (modifiers)");
    }
  }
  return [...found];
}

/** 1-based line and column of an offset. */
function position(sourceFile, offset) {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return { line: line + 1, column: character + 1 };
}

function excerpt(text, max = 100) {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 3)}...` : oneLine;
}

/** Steps 1 and 2: esbuild's errors, target warnings, and anything it had to lower. */
async function esbuildFindings(code) {
  const errors = [];
  const options = { loader: "js", logLevel: "silent", charset: "utf8" };
  let lowered;
  try {
    lowered = await esbuild.transform(code, { ...options, target: "es2016" });
  } catch (error) {
    for (const message of error?.errors ?? [{ text: String(error?.message ?? error) }]) {
      errors.push({ line: message.location?.line ?? 0, column: (message.location?.column ?? -1) + 1, text: message.text });
    }
    return errors;
  }
  for (const warning of lowered.warnings) {
    if (TARGET_WARNING.test(warning.text)) {
      errors.push({ line: warning.location?.line ?? 0, column: (warning.location?.column ?? -1) + 1, text: warning.text });
    }
  }
  const untouched = await esbuild.transform(code, { ...options, target: "esnext" });
  if (untouched.code !== lowered.code) {
    // Report where the two outputs part, in esbuild's reprint of the code (lines differ from the
    // input's, so the text of the line is given).
    const a = untouched.code.split("\n");
    const b = lowered.code.split("\n");
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    errors.push({
      line: 0,
      column: 0,
      text: `syntax newer than ES2016, which esbuild lowers: «${excerpt(a[i] ?? "")}» becomes «${excerpt(b[i] ?? "")}»`,
    });
  }
  return errors;
}

/** Step 3: regular expressions, BigInt and newer built-ins, from TypeScript's syntax tree. */
function syntaxTreeFindings(code, fileName) {
  const errors = [];
  const warnings = [];
  const sourceFile = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  for (const diagnostic of sourceFile.parseDiagnostics ?? []) {
    errors.push({ ...position(sourceFile, diagnostic.start ?? 0), text: ts.flattenDiagnosticMessageText(diagnostic.messageText, " ") });
  }
  const at = (node) => position(sourceFile, node.getStart(sourceFile));
  const checkRegExp = (node, pattern, flags) => {
    const newer = newerRegExpSyntax(pattern, flags);
    if (newer.length > 0) {
      errors.push({ ...at(node), text: `regular expression newer than ES2016 (${newer.join(", ")}): ${excerpt(node.getText(sourceFile))}` });
    }
  };
  if (code.startsWith("#!")) errors.push({ line: 1, column: 1, text: "#! line (ES2023)" });
  const visit = (node) => {
    // What esbuild reads and reprints the same at any target, so that step 2 cannot see it.
    if (ts.isNumericLiteral(node) && node.getText(sourceFile).includes("_")) {
      errors.push({ ...at(node), text: `numeric separator (ES2021): ${node.getText(sourceFile)}` });
    } else if (ts.isStringLiteral(node) && /[\u2028\u2029]/.test(node.getText(sourceFile))) {
      errors.push({ ...at(node), text: "U+2028 or U+2029 inside a string literal (ES2019)" });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      errors.push({ ...at(node), text: "import() (ES2020)" });
    }
    const list = ts.isCallExpression(node) || ts.isNewExpression(node) ? node.arguments : ts.isFunctionLike(node) ? node.parameters : undefined;
    if (list?.hasTrailingComma) errors.push({ ...at(node), text: `trailing comma in a list of arguments or parameters (ES2017): ${excerpt(node.getText(sourceFile), 60)}` });

    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.text;
      const end = text.lastIndexOf("/");
      checkRegExp(node, text.slice(1, end), text.slice(end + 1));
    } else if (node.kind === ts.SyntaxKind.BigIntLiteral) {
      errors.push({ ...at(node), text: `BigInt literal ${node.getText(sourceFile)}` });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "RegExp" &&
      node.arguments?.[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      const flags = node.arguments[1] && ts.isStringLiteralLike(node.arguments[1]) ? node.arguments[1].text : "";
      checkRegExp(node, node.arguments[0].text, flags);
    } else if (ts.isIdentifier(node) && BIGINT_GLOBALS.has(node.text) && !isPropertyName(node)) {
      errors.push({ ...at(node), text: `${node.text} (ES2020; BigInt does not exist in an ES2016 engine)` });
    } else if (ts.isIdentifier(node) && NEWER_GLOBALS.has(node.text) && !isPropertyName(node)) {
      warnings.push({ ...at(node), text: `${node.text} (${NEWER_GLOBALS.get(node.text)})` });
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
      const member = node.name.text;
      const owner = ts.isIdentifier(node.expression) ? node.expression.text : undefined;
      const staticName = owner === undefined ? undefined : `${owner}.${member}`;
      if (staticName !== undefined && NEWER_STATICS.has(staticName)) {
        warnings.push({ ...at(node), text: `${staticName} (${NEWER_STATICS.get(staticName)})` });
      } else if (NEWER_MEMBERS.get(member) && ts.isCallExpression(node.parent) && node.parent.expression === node) {
        warnings.push({ ...at(node), text: `.${member}(), if it is ${NEWER_MEMBERS.get(member)}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { errors, warnings };
}

/** True for the `x` of `a.x` or `{ x: 1 }`: a name, not a reference to the global. */
function isPropertyName(node) {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node)
  );
}

/**
 * What keeps a script from running in an ES2016 engine.
 *
 * @param {string} code - the script (a bundle, or a snippet)
 * @param {string} [fileName] - for TypeScript's parser
 * @returns {Promise<{ errors: Finding[], warnings: Finding[] }>} errors: syntax an ES2016 engine
 *   rejects, BigInt, newer regular expressions; warnings: newer built-ins found by name. A line of
 *   0 means "somewhere": the finding has the text instead.
 */
export async function checkEs2016(code, fileName = "script.js") {
  const fromEsbuild = await esbuildFindings(code);
  const fromTree = syntaxTreeFindings(code, fileName);
  return { errors: [...fromEsbuild, ...fromTree.errors], warnings: fromTree.warnings };
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
 * One line per finding: "file:line:column: text" (or "file: text" without a place).
 *
 * @param {string} file - the name to show
 * @param {Finding[]} findings
 * @param {string} [code] - the checked code: when given, each finding also names the module of
 *   the bundle it is in, "(in src/core/x.ts)"
 * @returns {string[]}
 */
export function formatFindings(file, findings, code) {
  const lines = code === undefined ? undefined : code.split("\n");
  return findings.map((f) => {
    if (f.line <= 0) return `${file}: ${f.text}`;
    const source = lines && sourceOfLine(lines, f.line);
    return `${file}:${f.line}:${f.column}: ${f.text}${source ? ` (in ${source})` : ""}`;
  });
}
