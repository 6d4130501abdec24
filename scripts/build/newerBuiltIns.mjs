// Built-ins newer than ES2016 (padStart, Object.entries, globalThis...), found by name in an
// ESTree tree: a parser cannot tell them (they are plain calls), and a name may be the project's
// own method, so the build prints them as warnings, never as errors.

/** Built-ins newer than ES2016, by member name (`x.padStart(`), static name or global name. */
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

/** True for the `x` of `a.x`, `{ x: 1 }` or `x() {}`: a name, not a reference to a global. */
export function isPropertyName(node, parent) {
  return (
    (parent?.type === "MemberExpression" && parent.property === node && !parent.computed) ||
    ((parent?.type === "Property" || parent?.type === "MethodDefinition") && parent.key === node && !parent.computed)
  );
}

/**
 * The warning for a node that names a built-in newer than ES2016, or undefined.
 *
 * @param {any} node - an ESTree node
 * @param {any} parent - its parent (null for the root)
 * @returns {string | undefined}
 * @example for the callee of x.padStart(2): ".padStart(), if it is String.prototype.padStart (ES2017)"
 */
export function newerBuiltIn(node, parent) {
  if (node.type === "Identifier" && NEWER_GLOBALS.has(node.name) && !isPropertyName(node, parent)) {
    return `${node.name} (${NEWER_GLOBALS.get(node.name)})`;
  }
  if (node.type !== "MemberExpression" || node.computed || node.property.type !== "Identifier") return undefined;
  const member = node.property.name;
  const staticName = node.object.type === "Identifier" ? `${node.object.name}.${member}` : undefined;
  if (staticName !== undefined && NEWER_STATICS.has(staticName)) return `${staticName} (${NEWER_STATICS.get(staticName)})`;
  if (NEWER_MEMBERS.has(member) && parent?.type === "CallExpression" && parent.callee === node) {
    return `.${member}(), if it is ${NEWER_MEMBERS.get(member)}`;
  }
  return undefined;
}
