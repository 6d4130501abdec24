// What a piece of syntax newer than ES2016 is, by name, for the build's message: acorn at
// ecmaVersion 2016 says only "Unexpected token" where it meets `??` or `async () =>`.
import * as acorn from "acorn";

export const LATEST = { ecmaVersion: "latest", sourceType: "script", locations: true, allowHashBang: true };

/** Calls visit(node, parent) on every node of an ESTree tree (acorn's), parents first. */
export function walk(node, visit, parent = null) {
  visit(node, parent);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const child of value) if (typeof child?.type === "string") walk(child, visit, node);
    } else if (typeof value?.type === "string") {
      walk(value, visit, node);
    }
  }
}

/** The nodes that contain offset `pos`, outermost first. */
function nodesAt(tree, pos) {
  const path = [];
  walk(tree, (node) => {
    if (node.start <= pos && pos < node.end) path.push(node);
  });
  return path;
}

/** What a node is, when it is syntax that ES2016 does not have (acorn's tree of the latest version). */
function newerConstruct(node, parent) {
  switch (node.type) {
    case "LogicalExpression":
      return node.operator === "??" ? "?? (nullish coalescing, ES2020)" : undefined;
    case "ChainExpression":
      return "?. (optional chaining, ES2020)";
    case "AssignmentExpression":
      return ["??=", "||=", "&&="].includes(node.operator) ? `${node.operator} (logical assignment, ES2021)` : undefined;
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
      if (node.async && node.generator) return "async generator (ES2018)";
      return node.async ? "async function (ES2017)" : undefined;
    case "AwaitExpression":
      return "await (ES2017)";
    case "ForOfStatement":
      return node.await ? "for await (ES2018)" : undefined;
    case "SpreadElement":
      return parent?.type === "ObjectExpression" ? "object spread { ...x } (ES2018)" : undefined;
    case "RestElement":
      return parent?.type === "ObjectPattern" ? "object rest { ...x } (ES2018)" : undefined;
    case "CatchClause":
      return node.param === null ? "catch without a binding (ES2019)" : undefined;
    case "ImportExpression":
      return "import() (ES2020)";
    case "MetaProperty":
      return `${node.meta.name}.${node.property.name} (ES2020)`;
    case "Literal":
      if (node.bigint !== undefined) return `BigInt literal ${node.raw} (ES2020)`;
      if (typeof node.value === "number" && node.raw.includes("_")) return `numeric separator ${node.raw} (ES2021)`;
      if (node.regex) return `regular expression ${node.raw} newer than ES2016`;
      if (typeof node.value === "string" && /[\u2028\u2029]/.test(node.raw)) return "U+2028 or U+2029 inside a string literal (ES2019)";
      return undefined;
    case "PropertyDefinition":
      return "class field (ES2022)";
    case "PrivateIdentifier":
      return `private name #${node.name} (ES2022)`;
    case "StaticBlock":
      return "class static block (ES2022)";
    default:
      return undefined;
  }
}

/**
 * The construct newer than ES2016 at an offset where acorn (ecmaVersion 2016) stopped, named for
 * the message: the innermost node there in the tree of the latest version, or a clue in the text.
 *
 * @param {string} code
 * @param {number} pos - acorn's error.pos
 * @returns {string | undefined} e.g. "?? (nullish coalescing, ES2020)"; undefined when nothing is named
 * @example newerConstructAt("let y = a ?? b;", 11) // "?? (nullish coalescing, ES2020)"
 */
export function newerConstructAt(code, pos) {
  if (pos === 0 && code.startsWith("#!")) return "#! line (ES2023)";
  const before = code.slice(0, pos).trimEnd();
  if (code[pos] === ")" && before.endsWith(",")) return "trailing comma in a list of arguments or parameters (ES2017)";
  let tree;
  try {
    tree = acorn.parse(code, LATEST);
  } catch {
    return undefined; // not valid in any version: acorn's message is all there is
  }
  const path = nodesAt(tree, pos);
  for (let i = path.length - 1; i >= 0; i--) {
    const name = newerConstruct(path[i], path[i - 1]);
    if (name !== undefined) return name;
  }
  return undefined;
}
