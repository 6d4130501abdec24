// The build's ES2016 check (scripts/build/es2016Check.mjs): acorn parses the functions bundle at
// ecmaVersion 2016, so that what Excel's ES2016 custom-functions runtime cannot load fails the
// build with the construct named and its place; ES2016 itself passes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BuildError } from "../../scripts/build/buildLog.mjs";
import { checkEs2016, formatFindings } from "../../scripts/build/es2016Check.mjs";
import { checkFunctionsRuntime } from "../../scripts/build/functionsBundle.mjs";

const errorsOf = (code: string): string[] => checkEs2016(code).errors.map((e) => e.text);

const tmp = mkdtempSync(path.join(os.tmpdir(), "relances-es2016-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A bundle as esbuild writes it: an IIFE with the comment naming each module. */
function bundleFile(name: string, body: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, `"use strict";\n(() => {\n  // src/core/example.ts\n${body}\n})();\n`);
  return file;
}

describe("the build's check of the functions bundle", () => {
  it("passes a plain ES2016 bundle", async () => {
    await expect(checkFunctionsRuntime(bundleFile("plain.js", "  var total = [1, 2].reduce((a, b) => a + b, 0) ** 2;"))).resolves.toBeUndefined();
  });

  it("fails a bundle with a ?? b, naming ?? and its line, column and module", async () => {
    const file = bundleFile("nullish.js", "  var ok = 1;\n  var y = a ?? b;");
    const failure = await checkFunctionsRuntime(file).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BuildError);
    const message = (failure as Error).message;
    expect(message).toMatch(/would not load or run in Excel's ES2016 custom-functions runtime/);
    expect(message).toMatch(/nullish\.js:5:14: \?\? \(nullish coalescing, ES2020\).*«.*var y = a \?\? b;.*» \(in src\/core\/example\.ts\)/);
  });

  it("fails a bundle with an async function, naming it", async () => {
    const file = bundleFile("async.js", "  async function load() { return 1; }");
    await expect(checkFunctionsRuntime(file)).rejects.toThrow(/async\.js:4:9: async function \(ES2017\)/);
  });

  it("fails on esbuild's warnings about what it could not lower for the target", async () => {
    const file = bundleFile("warned.js", "  var ok = 1;");
    const warning = { id: "", pluginName: "", text: 'Big integer literals are not available in the configured target environment ("es2016")', location: null, notes: [], detail: undefined };
    await expect(checkFunctionsRuntime(file, [warning])).rejects.toThrow(/Big integer literals/);
  });
});

describe("checkEs2016", () => {
  it("accepts ES2016: let, classes, arrows, destructuring, spread of arrays, **, generators, templates, regular expressions", () => {
    const code = [
      "'use strict';",
      "const square = (x) => x ** 2;",
      "let [first, ...rest] = [1, 2, 3];",
      "const { a, b: [c] } = { a: 1, b: [2] };",
      "class Box { constructor(v) { this.v = v; } get value() { return this.v; } static of(v) { return new Box(v); } }",
      "function* count() { yield 1; yield* [2]; }",
      "const text = `${first} ${rest.length}`;",
      "const sum = Math.max(...rest, 0);",
      "const found = [1, 2].includes(2);",
      "for (const n of count()) {}",
      "x **= 2;",
      "const re = /^[a-z]+\\d{2}(?=x)(?!y)$/giu, sticky = /a/y, cls = /[(?<=]/u;",
      "new RegExp('[0-9]+/[a-z]', 'g');",
      "label: for (;;) break label;",
    ].join("\n");
    expect(checkEs2016(code)).toEqual({ errors: [], warnings: [] });
  });

  it("names each construct newer than ES2016 that acorn rejects", () => {
    const cases: [string, RegExp][] = [
      ["let z = a?.b;", /^\?\. \(optional chaining, ES2020\)/],
      ["f?.();", /^\?\. \(optional chaining/],
      ["a ??= b;", /^\?\?= \(logical assignment, ES2021\)/],
      ["a ||= b;", /^\|\|= \(logical assignment/],
      ["const f = async () => 1;", /^async function \(ES2017\)/],
      ["async function* gen() {}", /^async generator \(ES2018\)/],
      ["f(a, b,);", /^trailing comma in a list of arguments or parameters \(ES2017\)/],
      ["function g(a, b,) {}", /^trailing comma/],
      ["const o = { ...p, q: 1 };", /^object spread \{ \.\.\.x \} \(ES2018\)/],
      ["const { x, ...others } = o;", /^object rest \{ \.\.\.x \} \(ES2018\)/],
      ["try { f(); } catch { g(); }", /^catch without a binding \(ES2019\)/],
      ["const million = 1_000_000;", /^numeric separator 1_000_000 \(ES2021\)/],
      ["let zero = 0n;", /^BigInt literal 0n \(ES2020\)/],
      ["import('./lazy.js');", /^import\(\) \(ES2020\)/],
      ["#!/usr/bin/env node\nrun();", /^#! line \(ES2023\)/],
      ["class A { x = 1; }", /^class field \(ES2022\)/],
      ["class B { #secret = 1; }", /^private name #secret \(ES2022\)/],
      ["class C { static { init(); } }", /^class static block \(ES2022\)/],
      ["x = 'a\u2028b';", /^U\+2028 or U\+2029 inside a string literal \(ES2019\)/],
    ];
    for (const [snippet, expected] of cases) {
      const errors = errorsOf(snippet);
      expect(errors, snippet).toHaveLength(1);
      expect(errors[0], snippet).toMatch(expected);
      expect(errors[0], snippet).toMatch(/acorn \(ecmaVersion 2016\) says «/);
    }
  });

  it("rejects regular expressions newer than ES2016, as literals or as new RegExp('...')", () => {
    for (const snippet of [
      "x = /\\p{L}+/u;",
      "x = /[^\\p{L}\\p{N}]+/gu;",
      "x = /(?<=a)b/;",
      "x = /(?<!a)b/;",
      "x = /(?<year>\\d{4})/;",
      "x = /a.b/s;",
      "x = /a/d;",
      "x = /[\\p{L}--[a-z]]/v;",
      "x = /(?i:a)b/;",
      "x = new RegExp('\\\\p{M}+', 'gu');",
      "x = RegExp('(?<=a)b');",
      "x = new RegExp('a', 's');",
    ]) {
      expect(errorsOf(snippet).join("\n"), snippet).toMatch(/regular expression .*newer than ES2016|newer than ES2016 in RegExp/);
    }
  });

  it("rejects the BigInt global, which an ES2016 engine does not have", () => {
    expect(errorsOf("const n = BigInt(5);").join("\n")).toMatch(/^BigInt \(ES2020; BigInt does not exist in an ES2016 engine\)/);
    expect(errorsOf("const ok = typeof BigInt === 'function';")).toHaveLength(1);
    expect(errorsOf("const o = { BigInt: 1 }; o.BigInt;")).toEqual([]);
  });

  it("warns, without failing, about built-ins newer than ES2016 that it finds by name", () => {
    const { errors, warnings } = checkEs2016(
      "const a = 'x'.padStart(3); const b = [[1]].flat(); const c = Object.entries({}); const g = globalThis;",
    );
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.text.split(" ")[0])).toEqual([".padStart(),", ".flat(),", "Object.entries", "globalThis"]);
  });

  it("gives each finding its place, and the module of the bundle it comes from", () => {
    const code = "(() => {\n  // src/core/example.ts\n  var ok = 1;\n  var re = new RegExp('(?<=a)b');\n})();\n";
    expect(formatFindings("bundle.js", checkEs2016(code).errors, code)).toEqual([
      'bundle.js:4:12: regular expression newer than ES2016 in RegExp("(?<=a)b"): Invalid regular expression: /(?<=a)b/: Invalid group (in src/core/example.ts)',
    ]);
  });
});
