// Measuring, cutting and wrapping text in a standard font, to fit a column or a line. Widths are
// sums of the characters' advances (fontMetrics), added in the text's order, so that a width
// grown word by word is the very number measuring the whole line gives.
import type { FontMetrics } from "./fontMetrics";
import { pdfSafeText } from "./pdfSafeText";

const SPACE = 0x20;
const ELLIPSIS = 0x2026;

/** The sum of the advances of text[from, to), added to `sum` one character after the other. */
function addAdvances(sum: number, text: string, from: number, to: number, advances: Float64Array): number {
  for (let i = from; i < to; i++) sum += advances[text.charCodeAt(i)]!;
  return sum;
}

/** sums[k]: the advances of the first k characters. */
function prefixSums(text: string, advances: Float64Array): Float64Array {
  const sums = new Float64Array(text.length + 1);
  let sum = 0;
  for (let i = 0; i < text.length; i++) sums[i + 1] = sum += advances[text.charCodeAt(i)]!;
  return sums;
}

/** A width in points, from a sum of advances: WinAnsi text only, as pdf-lib's encoder throws on anything else. */
function points(sum: number, size: number, text: string): number {
  if (Number.isNaN(sum)) throw new Error(`Not WinAnsi text, which the standard fonts cannot draw: ${JSON.stringify(text)}`);
  return (sum * size) / 1000;
}

/**
 * The drawn width of WinAnsi text: the sum of its characters' advances. pdf-lib draws without
 * kerning, so this is what the page shows.
 *
 * @throws Error on a character WinAnsi lacks (see pdfSafeText)
 * @example textWidth("Total", helvetica, 10) // 24.45
 */
export function textWidth(text: string, font: FontMetrics, size: number): number {
  return points(addAdvances(0, text, 0, text.length, font.advances), size, text);
}

/** `text` when it fits `width`, else (or always, when `more` follows) its longest start that fits with "…" after it. */
export function truncate(text: string, font: FontMetrics, size: number, width: number, more = false): string {
  if (!more && textWidth(text, font, size) <= width) return text;
  const sums = prefixSums(text, font.advances);
  points(sums[text.length]!, size, text);
  const ellipsis = font.advances[ELLIPSIS]!;
  let end = text.length;
  while (end > 0 && ((sums[text.slice(0, end).trimEnd().length]! + ellipsis) * size) / 1000 > width) end--;
  return text.slice(0, end).trimEnd() + "…";
}

/**
 * Lines of at most `width` points: breaks between words, inside a word too long for a line, and
 * ends the last allowed line with "…" when the text does not fit in `maxLines`.
 */
export function wrap(raw: string, font: FontMetrics, size: number, width: number, maxLines: number): string[] {
  const text = pdfSafeText(raw);
  const advances = font.advances;
  const fits = (sum: number): boolean => (sum * size) / 1000 <= width;
  // Text in one line, its words one space apart, as most cells are: that line itself.
  if (text !== "" && text.charCodeAt(0) !== SPACE && text.charCodeAt(text.length - 1) !== SPACE && !text.includes("  ")) {
    if (fits(addAdvances(0, text, 0, text.length, advances))) return [text];
  }
  const space = advances[SPACE]!;
  const lines: string[] = [];
  let line = "";
  let lineSum = 0;
  for (const word of text.split(" ")) {
    if (word === "") continue;
    // The candidate's width continues the line's: the same additions as measuring it whole.
    const candidateSum = line === "" ? addAdvances(0, word, 0, word.length, advances) : addAdvances(lineSum + space, word, 0, word.length, advances);
    if (fits(candidateSum)) {
      line = line === "" ? word : `${line} ${word}`;
      lineSum = candidateSum;
      continue;
    }
    if (line !== "") lines.push(line);
    line = word;
    let sums = prefixSums(line, advances);
    while (!fits(sums[line.length]!) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(sums[cut]!)) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
      sums = prefixSums(line, advances);
    }
    lineSum = sums[line.length]!;
    if (lines.length > maxLines) break;
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]!} ${lines[maxLines]!}`, font, size, width);
  return kept;
}

/** One line: the text made drawable and cut with "…" to fit. */
export function fit(raw: string, font: FontMetrics, size: number, width: number): string {
  const safe = pdfSafeText(raw);
  return truncate((safe.includes("  ") ? safe.replace(/ +/g, " ") : safe).trim(), font, size, width);
}
