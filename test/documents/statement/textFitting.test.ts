// Measuring and fitting text with the fonts' tables gives what measuring each candidate whole
// with pdf-lib gives: the same widths to the last bit, so the same lines and the same cuts.
import fc from "fast-check";
import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { fontMetrics, type FontMetrics } from "../../../src/documents/statement/fontMetrics";
import { pdfSafeText } from "../../../src/documents/statement/pdfSafeText";
import { fit, textWidth, truncate, wrap } from "../../../src/documents/statement/textFitting";

let fonts: { pdf: PDFFont; metrics: FontMetrics }[];

beforeAll(async () => {
  const doc = await PDFDocument.create();
  fonts = await Promise.all(
    [StandardFonts.Helvetica, StandardFonts.HelveticaBold].map(async (name) => {
      const pdf = await doc.embedFont(name);
      return { pdf, metrics: fontMetrics(pdf) };
    }),
  );
});

// The measuring the tables replace: pdf-lib's width of each character, summed in order, and
// every candidate line measured from its start.
const slowWidth = (text: string, font: PDFFont, size: number): number => {
  let sum = 0;
  for (const ch of text) sum += font.widthOfTextAtSize(ch, 1000);
  return (sum * size) / 1000;
};
function slowTruncate(text: string, font: PDFFont, size: number, width: number, more = false): string {
  if (!more && slowWidth(text, font, size) <= width) return text;
  let end = text.length;
  while (end > 0 && slowWidth(text.slice(0, end).trimEnd() + "…", font, size) > width) end--;
  return text.slice(0, end).trimEnd() + "…";
}
function slowWrap(raw: string, font: PDFFont, size: number, width: number, maxLines: number): string[] {
  const words = pdfSafeText(raw).split(" ").filter(Boolean);
  const fits = (s: string): boolean => slowWidth(s, font, size) <= width;
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
  kept[maxLines - 1] = slowTruncate(`${kept[maxLines - 1]!} ${lines[maxLines]!}`, font, size, width);
  return kept;
}

/** Cell-like text: words of every width (amounts, long references), spaces of every kind. */
const texts = fc
  .array(
    fc.oneof(
      fc.constantFrom(" ", "  ", "\u00a0", "\u202f", "\n", "13 600,00 €", "Échue depuis 61 jours", "—", "…", "(x)", "W", "i", "ŒUVRE", "“q”"),
      fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzMWÉèç0123456789-’'.,/"), minLength: 1, maxLength: 40 }),
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(""));

describe("text fitting with the fonts' tables", () => {
  it("measures exactly what pdf-lib's per-character widths add up to", () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(7, 8, 9, 9.5, 13), fc.nat(1), (raw, size, f) => {
        const text = pdfSafeText(raw);
        expect(textWidth(text, fonts[f]!.metrics, size)).toBe(slowWidth(text, fonts[f]!.pdf, size));
      }),
    );
  });

  it("wraps into the very lines measuring every candidate whole gives", () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(7, 8, 9, 10, 11), fc.integer({ min: 10, max: 520 }), fc.integer({ min: 1, max: 4 }), fc.nat(1), (raw, size, width, maxLines, f) => {
        expect(wrap(raw, fonts[f]!.metrics, size, width, maxLines)).toEqual(slowWrap(raw, fonts[f]!.pdf, size, width, maxLines));
      }),
      { numRuns: 400 },
    );
  });

  it("cuts with « … » where measuring every start whole cuts", () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(8, 9), fc.integer({ min: 0, max: 300 }), fc.boolean(), fc.nat(1), (raw, size, width, more, f) => {
        const text = pdfSafeText(raw);
        expect(truncate(text, fonts[f]!.metrics, size, width, more)).toBe(slowTruncate(text, fonts[f]!.pdf, size, width, more));
        expect(fit(raw, fonts[f]!.metrics, size, width)).toBe(slowTruncate(pdfSafeText(raw).replace(/ +/g, " ").trim(), fonts[f]!.pdf, size, width));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps a text that fits as it is, and cuts a long word inside its column", () => {
    const regular = fonts[0]!.metrics;
    expect(wrap("13\u202f600,00\u00a0€", regular, 8, 52, 3)).toEqual(["13 600,00 €"]);
    const lines = wrap("FACTURE-2026-00000000000000000000000000000000000042", regular, 8, 58, 3);
    expect(lines.length).toBe(3);
    for (const line of lines) expect(textWidth(line, regular, 8)).toBeLessThanOrEqual(58);
    expect(lines[2]!.endsWith("…")).toBe(true);
  });

  it("refuses text WinAnsi cannot draw, as pdf-lib's encoder does", () => {
    expect(() => textWidth("中文", fonts[0]!.metrics, 9)).toThrow(/WinAnsi/);
  });
});
