// Text the standard fonts can draw: pdf-lib's Helvetica encodes WinAnsi only, and throws on any
// other character. A customer's name may hold anything (emoji, non-Latin scripts, joiners).

/** Code points outside Latin-1 that WinAnsiEncoding (and so Helvetica in pdf-lib) can draw. */
const WIN_ANSI_EXTRA = [
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a,
  0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
];

/** The code points WinAnsiEncoding draws (and so Helvetica in pdf-lib). */
export const WIN_ANSI: ReadonlySet<number> = (() => {
  const set = new Set<number>(WIN_ANSI_EXTRA);
  for (let c = 0x20; c <= 0x7e; c++) set.add(c);
  for (let c = 0xa0; c <= 0xff; c++) set.add(c);
  return set;
})();

/** Characters WinAnsi lacks that have a close drawable equivalent. */
const SUBSTITUTES: ReadonlyMap<number, string> = new Map([
  [0x2010, "-"], // hyphen
  [0x2011, "-"], // non-breaking hyphen
  [0x2012, "–"], // figure dash
  [0x2015, "—"], // horizontal bar
  [0x2212, "-"], // minus sign
  [0x2032, "'"], // prime
  [0x2033, '"'], // double prime
  [0x02bc, "’"], // modifier letter apostrophe
  [0x2024, "."], // one dot leader
  [0x2044, "/"], // fraction slash
]);

/** Separators and line breaks of any kind, no-break ones included: one plain space each, so that
 * an amount reads "20 770,00 €" in the PDF's text. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0xa0 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Controls, joiners, direction marks, variation selectors, combining marks, skin tones: nothing to draw. */
function isInvisible(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x00ad ||
    (c >= 0x0300 && c <= 0x036f) ||
    c === 0x034f ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff ||
    (c >= 0x1f3fb && c <= 0x1f3ff) ||
    (c >= 0xe0000 && c <= 0xe01ef)
  );
}

/**
 * Text that pdf-lib's standard fonts (WinAnsiEncoding) can draw, so that no customer name ever
 * makes the rendering throw. Narrow and ordinary no-break spaces and other separators become
 * spaces; typographic quotes, dashes, "…" and "€" stay (WinAnsi has them); a letter with an accent
 * WinAnsi lacks loses the accent ("ř" gives "r", "Ł" gives "?"); invisible characters (controls, joiners,
 * direction marks, variation selectors) are dropped; anything else (emoji, Chinese) becomes "?".
 *
 * @param text - any text
 * @returns the text with WinAnsi characters only
 * @example
 * pdfSafeText("20\u202F770,00\u00A0€") // "20 770,00 €"
 * pdfSafeText("Dvořák 中文 😀")          // "Dvorák ?? ?"
 */
export function pdfSafeText(text: string): string {
  // Most text (names, amounts, dates) holds only characters that NFC leaves alone and that WinAnsi
  // has or that are spaces: those need no normalising, at most their spaces made plain.
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0xff && c !== 0xad)) continue;
    if (c === 0xa0 || c === 0x202f || (c >= 0x09 && c <= 0x0d)) plain = false;
    else if (c < 0x0152 || !WIN_ANSI.has(c)) return anyText(text);
  }
  return plain ? text : text.replace(/[\t-\r\u00a0\u202f]/g, " ");
}

/** pdfSafeText of any text, character by character. */
function anyText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const c = ch.codePointAt(0)!;
    if (isSpace(c)) out += " ";
    else if (isInvisible(c)) continue;
    else if (WIN_ANSI.has(c)) out += ch;
    else {
      const substitute = SUBSTITUTES.get(c);
      if (substitute !== undefined) out += substitute;
      else {
        const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        out += base !== "" && base !== ch && [...base].every((b) => WIN_ANSI.has(b.codePointAt(0)!)) ? base : "?";
      }
    }
  }
  return out;
}
