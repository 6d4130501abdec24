// What the statement needs of a standard font, per character: its advance width and its WinAnsi
// byte. Measured once per font through pdf-lib itself, so that measuring and drawing a line are
// table look-ups instead of pdf-lib's glyph objects for every character.
import type { PDFFont } from "pdf-lib";
import { WIN_ANSI } from "./pdfSafeText";

/** Above the highest code point WinAnsi has (™, U+2122). */
const TABLE_SIZE = 0x2123;

export interface FontMetrics {
  /** The font's PostScript name (Helvetica, Helvetica-Bold). */
  readonly name: string;
  /** Advance widths in 1/1000 of the font size by UTF-16 code unit; NaN where WinAnsi has no character. */
  readonly advances: Float64Array;
  /** WinAnsi bytes by UTF-16 code unit; -1 where WinAnsi has no character. */
  readonly bytes: Int16Array;
}

const MEASURED = new Map<string, FontMetrics>();

/**
 * The advances and WinAnsi bytes of a standard font, the same for every document (the fonts'
 * metrics are fixed): pdf-lib's widthOfTextAtSize and encodeText of each character, taken once.
 *
 * @param font - a standard font embedded by pdf-lib (WinAnsi encoded)
 * @returns its tables
 * @example fontMetrics(helvetica).advances["A".charCodeAt(0)] // 667
 */
export function fontMetrics(font: PDFFont): FontMetrics {
  let metrics = MEASURED.get(font.name);
  if (metrics === undefined) {
    const advances = new Float64Array(TABLE_SIZE).fill(NaN);
    const bytes = new Int16Array(TABLE_SIZE).fill(-1);
    for (const code of WIN_ANSI) {
      const ch = String.fromCharCode(code);
      advances[code] = font.widthOfTextAtSize(ch, 1000);
      // A one-byte hex string, "<E9>".
      bytes[code] = Number.parseInt(font.encodeText(ch).toString().slice(1, -1), 16);
    }
    MEASURED.set(font.name, (metrics = { name: font.name, advances, bytes }));
  }
  return metrics;
}
