// dist/functions/functions.js must load in Excel's JavaScript-only custom-functions runtime, which
// is ES2016 in Office for Windows before version 2403 and in perpetual Office 2019/2021: one
// piece of newer syntax (a BigInt literal, ??, ?., a regular expression with \p{...}) is a
// SyntaxError there and no function of the add-in works. acorn is not installed, so the bundle is
// checked by scripts/es2016.mjs (esbuild at target es2016 against esnext, and TypeScript's parser
// for regular expressions and BigInt), the same check that fails the build; the snippets below
// show that it catches what it must and lets ES2016 through.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkEs2016, formatFindings, newerRegExpSyntax } from "../../scripts/es2016.mjs";
import { DIST } from "../helpers/addin";

const BUNDLE = path.join(DIST, "functions", "functions.js");

async function errorsOf(code: string): Promise<string[]> {
  return (await checkEs2016(code, "snippet.js")).errors.map((e) => e.text);
}

describe("dist/functions/functions.js in an ES2016 engine", () => {
  it("exists (npm test builds it first)", () => {
    expect(existsSync(BUNDLE), `${BUNDLE}: run npm run build`).toBe(true);
  });

  it("has no syntax, regular expression or BigInt newer than ES2016", async () => {
    const code = readFileSync(BUNDLE, "utf8");
    const { errors } = await checkEs2016(code, "functions.js");
    expect(formatFindings("dist/functions/functions.js", errors, code)).toEqual([]);
  });

  it("has no BigInt at all, not even in a name or a literal the checks could miss", () => {
    const code = readFileSync(BUNDLE, "utf8");
    expect(code.match(/\bBigInt\b|\b\d[\d_]*n\b/g) ?? []).toEqual([]);
  });
});

describe("the ES2016 check itself", () => {
  it("accepts ES2016: let, classes, arrows, destructuring, spread of arrays, **, generators, templates", async () => {
    const code = [
      "'use strict';",
      "const square = (x) => x ** 2;",
      "let [first, ...rest] = [1, 2, 3];",
      "const { a, b: [c] } = { a: 1, b: [2] };",
      "class Box { constructor(v) { this.v = v; } get value() { return this.v; } static of(v) { return new Box(v); } }",
      "function* count() { yield 1; yield 2; }", // (esbuild rewrites yield* below ES2018: a false alarm on hand-written code, never on its own output)
      "const text = `${first} ${rest.length}`;",
      "const sum = Math.max(...rest, 0);",
      "const found = [1, 2].includes(2);",
      "for (const n of count()) {}",
      "x **= 2;",
      "const re = /^[a-z]+\\d{2}(?=x)(?!y)$/giu, sticky = /a/y, cls = /[(?<=]/u;",
      "new RegExp('[0-9]+', 'g');",
      "label: for (;;) break label;",
    ].join("\n");
    expect(await errorsOf(code)).toEqual([]);
  });

  it("rejects a BigInt literal (0n) and the BigInt global", async () => {
    expect((await errorsOf("let zero = 0n;")).join("\n")).toMatch(/Big integer literals|BigInt literal/);
    expect((await errorsOf("const big = 10n ** 20n;")).length).toBeGreaterThan(0);
    expect((await errorsOf("const n = BigInt(5);")).join("\n")).toMatch(/BigInt/);
    expect((await errorsOf("const ok = typeof BigInt === 'function';")).join("\n")).toMatch(/BigInt/);
  });

  it("rejects ?? and ?. (ES2020), which an ES2016 engine does not parse", async () => {
    expect((await errorsOf("let y = a ?? b;")).join("\n")).toMatch(/newer than ES2016.*\?\?/);
    expect((await errorsOf("let z = a?.b;")).join("\n")).toMatch(/newer than ES2016.*\?\./);
    expect((await errorsOf("let z = a?.[0];")).length).toBeGreaterThan(0);
    expect((await errorsOf("f?.();")).length).toBeGreaterThan(0);
    expect((await errorsOf("a ??= b;")).length).toBeGreaterThan(0);
  });

  it("rejects the rest of what came after ES2016: async, object spread, catch without binding, class fields...", async () => {
    for (const snippet of [
      "async function f() { await g(); }", // ES2017
      "const f = async () => 1;",
      "f(a, b,);", // ES2017
      "function g(a, b,) {}",
      "const o = { ...p, q: 1 };", // ES2018
      "const { x, ...others } = o;",
      "async function* gen() {}",
      "try { f(); } catch { g(); }", // ES2019
      "const million = 1_000_000;", // ES2021
      "import('./lazy.js');", // ES2020
      "#!/usr/bin/env node\nrun();", // ES2023
      "a ||= b;",
      "class A { x = 1; }", // ES2022
      "class B { #secret = 1; get s() { return this.#secret; } }",
      "class C { static { init(); } }",
    ]) {
      expect((await errorsOf(snippet)).length, snippet).toBeGreaterThan(0);
    }
  });

  it("rejects regular expressions newer than ES2016, literals or new RegExp('...')", async () => {
    for (const snippet of [
      "x = /\\p{L}+/u;",
      "x = /[^\\p{L}\\p{N}]+/gu;", // inside a class: esbuild leaves this one as it is
      "x = /(?<=a)b/;",
      "x = /(?<!a)b/;",
      "x = /(?<year>\\d{4})/;",
      "x = /a.b/s;",
      "x = /a/d;",
      "x = /[\\p{L}--[a-z]]/v;",
      "x = /(?i:a)b/;",
      "x = new RegExp('\\\\p{M}+', 'gu');",
      "x = RegExp('(?<=a)b');",
    ]) {
      expect((await errorsOf(snippet)).join("\n"), snippet).toMatch(/regular expression newer than ES2016|newer than ES2016/);
    }
  });

  it("names what is newer in a regular expression", () => {
    expect(newerRegExpSyntax("\\p{L}", "u")).toEqual(["\\p{...} (unicode property escape)"]);
    expect(newerRegExpSyntax("\\p{L}", "")).toEqual([]); // without u, \p is a "p" (Annex B)
    expect(newerRegExpSyntax("[(?<=]\\(?<=x", "")).toEqual([]);
    expect(newerRegExpSyntax("(?<n>a)\\k<n>", "s")).toEqual([
      'flag "s"',
      "(?<name> (named group)",
      "\\k<name> (named back-reference)",
    ]);
    expect(newerRegExpSyntax("(?:a)(?=b)(?!c)", "gimuy")).toEqual([]);
  });

  it("warns, without failing, about built-ins newer than ES2016 that it finds by name", async () => {
    const { errors, warnings } = await checkEs2016(
      "const a = 'x'.padStart(3); const b = [[1]].flat(); const c = Object.entries({}); const g = globalThis;",
    );
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.text.split(" ")[0])).toEqual([".padStart(),", ".flat(),", "Object.entries", "globalThis"]);
  });

  it("gives each finding its place, and the module of the bundle it comes from", async () => {
    const code = "(() => {\n  // src/core/example.ts\n  var ok = 1;\n  var re = /(?<=a)b/;\n})();\n";
    const { errors } = await checkEs2016(code);
    // (esbuild also turns this literal into new RegExp(...): a second finding, without a place.)
    expect(formatFindings("bundle.js", errors, code)).toContain(
      "bundle.js:4:12: regular expression newer than ES2016 ((?<= / (?<! (lookbehind)): /(?<=a)b/ (in src/core/example.ts)",
    );
  });
});
