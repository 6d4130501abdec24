// Measuring, cutting and wrapping text in a standard font, to fit a column or a line.
import type { PDFFont } from "pdf-lib";
import { pdfSafeText } from "./pdfSafeText";

/** Advance widths per font name and character, in 1/1000 of the font size (the fonts' metrics are fixed). */
const ADVANCES = new Map<string, Map<string, number>>();
/** The same for the UTF-16 code units below 0x2000 (all but a few of WinAnsi's), by code: NaN until measured. */
const LOW_ADVANCES = new Map<string, Float64Array>();
const LOW = 0x2000;

/**
 * The drawn width of WinAnsi text: the sum of its characters' advances. pdf-lib draws without
 * kerning, so this is what the page shows (and many times faster than widthOfTextAtSize).
 */
export function textWidth(text: string, font: PDFFont, size: number): number {
  let advances = ADVANCES.get(font.name);
  let low = LOW_ADVANCES.get(font.name);
  if (advances === undefined || low === undefined) {
    ADVANCES.set(font.name, (advances = new Map()));
    LOW_ADVANCES.set(font.name, (low = new Float64Array(LOW).fill(NaN)));
  }
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The same sum, in the same order, as over the text's characters: a surrogate pair is one character.
    if (code < LOW) {
      let advance = low[code]!;
      if (Number.isNaN(advance)) low[code] = advance = font.widthOfTextAtSize(text[i]!, 1000);
      sum += advance;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    const ch = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? text.slice(i, ++i + 1) : text[i]!;
    let advance = advances.get(ch);
    if (advance === undefined) advances.set(ch, (advance = font.widthOfTextAtSize(ch, 1000)));
    sum += advance;
  }
  return (sum * size) / 1000;
}

/** `text` when it fits `width`, else (or always, when `more` follows) its longest start that fits with "…" after it. */
export function truncate(text: string, font: PDFFont, size: number, width: number, more = false): string {
  if (!more && textWidth(text, font, size) <= width) return text;
  let end = text.length;
  while (end > 0 && textWidth(text.slice(0, end).trimEnd() + "…", font, size) > width) end--;
  return text.slice(0, end).trimEnd() + "…";
}

/**
 * Lines of at most `width` points: breaks between words, inside a word too long for a line, and
 * ends the last allowed line with "…" when the text does not fit in `maxLines`.
 */
export function wrap(raw: string, font: PDFFont, size: number, width: number, maxLines: number): string[] {
  const words = pdfSafeText(raw).split(" ").filter(Boolean);
  const fits = (s: string): boolean => textWidth(s, font, size) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    if (lines.length > maxLines) break;
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]!} ${lines[maxLines]!}`, font, size, width);
  return kept;
}

/** One line: the text made drawable and cut with "…" to fit. */
export function fit(raw: string, font: PDFFont, size: number, width: number): string {
  return truncate(pdfSafeText(raw).replace(/ +/g, " ").trim(), font, size, width);
}
