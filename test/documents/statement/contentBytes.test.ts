// The content stream's bytes: numbers as pdf-lib writes them, strings as WinAnsi literals.
import fc from "fast-check";
import { PDFNumber } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { ContentBytes } from "../../../src/documents/statement/contentBytes";

const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

describe("ContentBytes", () => {
  it("writes a number of hundredths as pdf-lib writes that number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (n) => {
        expect(latin1(new ContentBytes().hundredths(n).toBytes())).toBe(`${PDFNumber.of(n / 100).toString()} `);
      }),
      { numRuns: 2000 },
    );
    expect(latin1(new ContentBytes().hundredths(-50).hundredths(1200).hundredths(12345).hundredths(7).toBytes())).toBe("-0.5 12 123.45 0.07 ");
  });

  it("writes WinAnsi bytes in a literal string, escaping parentheses and backslashes", () => {
    const table = new Int16Array(0x2123).fill(-1);
    for (let c = 0x20; c <= 0x7e; c++) table[c] = c;
    table[0xe9] = 0xe9;
    table[0x20ac] = 0x80;
    expect(latin1(new ContentBytes().literal("(é) \\ €", table).toBytes())).toBe("(\\(\xe9\\) \\\\ \x80)");
    expect(() => new ContentBytes().literal("中", table)).toThrow(/WinAnsi/);
  });

  it("grows past its first buffer, keeping every byte", () => {
    const bytes = new ContentBytes();
    const long = "0123456789".repeat(1000);
    bytes.ascii("a").ascii(long).append(new ContentBytes().ascii("z"));
    expect(latin1(bytes.toBytes())).toBe(`a${long}z`);
  });
});
