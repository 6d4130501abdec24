// dist/functions/functions.js must load in Excel's JavaScript-only custom-functions runtime, which
// is ES2016 in Office for Windows before version 2403 and in perpetual Office 2019/2021: one
// piece of newer syntax (a BigInt literal, ??, ?., a regular expression with \p{...}) is a
// SyntaxError there and no function of the add-in works. The build checks the bundle with acorn
// at ecmaVersion 2016 (scripts/build/es2016Check.mjs, tested in test/scripts); this reads the
// bundle the build wrote.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkEs2016, formatFindings } from "../../scripts/build/es2016Check.mjs";
import { DIST } from "../helpers/addin";

const BUNDLE = path.join(DIST, "functions", "functions.js");

describe("dist/functions/functions.js in an ES2016 engine", () => {
  it("exists (npm test builds it first)", () => {
    expect(existsSync(BUNDLE), `${BUNDLE}: run npm run build`).toBe(true);
  });

  it("has no syntax, regular expression or BigInt newer than ES2016, nor a newer built-in by name", () => {
    const code = readFileSync(BUNDLE, "utf8");
    const { errors, warnings } = checkEs2016(code);
    expect(formatFindings("dist/functions/functions.js", [...errors, ...warnings], code)).toEqual([]);
  });

  it("has no BigInt at all, not even in a name or a literal the checks could miss", () => {
    const code = readFileSync(BUNDLE, "utf8");
    expect(code.match(/\bBigInt\b|\b\d[\d_]*n\b/g) ?? []).toEqual([]);
  });
});
