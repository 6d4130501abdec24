// pdfSafeText's fast path (text that NFC leaves alone, WinAnsi and spaces only) gives what the
// character-by-character path gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pdfSafeText } from "../../../src/documents/statement/pdfSafeText";

/** Characters of every kind: plain, Latin-1, WinAnsi's extras, spaces, controls, combining marks, others. */
const ALPHABET = [..."aZ09 (),€’“”—–…œŒŠšŸžƒˆ˜™‰•†‡‹›éÉçÿßµ¡¿", "\u00a0", "\u202f", "\t", "\n", "\r", "\u00ad", "\u0000", "\u007f", "\u0301", "\u0308", "\u200b", "\u2009", "\u2212", "ř", "Ł", "中", "😀", "\uD800"];
const texts = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 30 });

describe("pdfSafeText's fast path", () => {
  it("gives what the character-by-character path gives", () => {
    // An emoji after the text sends it down the slow path, and becomes one "?" there.
    fc.assert(fc.property(texts, (text) => {
        expect(pdfSafeText(text) + "?").toBe(pdfSafeText(`${text}😀`));
      }), { numRuns: 2000 });
  });

  it("returns plain text as it is and makes amounts' spaces plain", () => {
    const name = "SARL Fournier & Fils — « Œuvres » n° 12";
    expect(pdfSafeText(name)).toBe(name);
    expect(pdfSafeText("20\u202f770,00\u00a0€")).toBe("20 770,00 €");
    expect(pdfSafeText("Ele\u0301onore")).toBe("Eléonore");
  });
});
