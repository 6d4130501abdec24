// A statement page drawn as one content stream, written byte by byte.
import { PDFName, type PDFFont, type PDFPage, type PDFRef, type RGB } from "pdf-lib";
import { ContentBytes } from "./contentBytes";
import type { FontMetrics } from "./fontMetrics";

/** A font the pages draw with: its tables, pdf-lib's font, and its name in the pages' resources. */
export interface StatementFont extends FontMetrics {
  readonly pdf: PDFFont;
  readonly key: string;
}

/** Coordinates in hundredths of a point: exact sums, short numbers in the content stream. */
const hundredths = (n: number): number => Math.round(n * 100);

/** "r g b", as pdf-lib writes a colour's operands. */
const COLOR_OPERANDS = new Map<RGB, string>();
function colorOperands(color: RGB): string {
  let operands = COLOR_OPERANDS.get(color);
  if (operands === undefined) COLOR_OPERANDS.set(color, (operands = `${color.red} ${color.green} ${color.blue}`));
  return operands;
}

/**
 * One page's content: the rules and shadings first, then all the text in one text object moved
 * line to line with relative offsets, written straight into the bytes of a single content stream
 * that pdf-lib stores as it is. pdf-lib's drawText wraps every string in its own graphics state
 * and text object, and its operators are objects of objects (names, numbers, hex strings) turned
 * into bytes at save time; this writes the same page for a fraction of the work.
 */
export class PageCanvas {
  private readonly graphics = new ContentBytes();
  private readonly texts = new ContentBytes();
  private readonly fonts = new Map<string, PDFRef>();
  private textFont: StatementFont | undefined;
  private textSize = 0;
  private textColor: RGB | undefined;
  private lineX = 0;
  private lineY = 0;
  private strokeColor: RGB | undefined;
  private strokeWidth = -1;
  private fillColor: RGB | undefined;

  constructor(private readonly page: PDFPage) {}

  /** Draws WinAnsi text (pdfSafeText) with its baseline starting at (x, y). */
  text(text: string, x: number, y: number, font: StatementFont, size: number, color: RGB): void {
    if (text === "") return;
    if (font !== this.textFont || size !== this.textSize) {
      if (!this.fonts.has(font.key)) this.fonts.set(font.key, font.pdf.ref);
      this.texts.ascii(`/${font.key} ${size} Tf\n`);
      this.textFont = font;
      this.textSize = size;
    }
    if (color !== this.textColor) {
      this.texts.ascii(colorOperands(color)).ascii(" rg\n");
      this.textColor = color;
    }
    const ix = hundredths(x);
    const iy = hundredths(y);
    this.texts.hundredths(ix - this.lineX).hundredths(iy - this.lineY).ascii("Td\n").literal(text, font.bytes).ascii(" Tj\n");
    this.lineX = ix;
    this.lineY = iy;
  }

  /** A filled rectangle from its lower left corner. */
  rectangle(x: number, y: number, width: number, height: number, color: RGB): void {
    if (color !== this.fillColor) {
      this.graphics.ascii(colorOperands(color)).ascii(" rg\n");
      this.fillColor = color;
    }
    this.graphics.hundredths(hundredths(x)).hundredths(hundredths(y)).hundredths(hundredths(width)).hundredths(hundredths(height)).ascii("re\nf\n");
  }

  /** A horizontal rule. */
  rule(x1: number, x2: number, y: number, thickness: number, color: RGB): void {
    if (color !== this.strokeColor) {
      this.graphics.ascii(colorOperands(color)).ascii(" RG\n");
      this.strokeColor = color;
    }
    if (thickness !== this.strokeWidth) {
      this.graphics.ascii(`${thickness} w\n`);
      this.strokeWidth = thickness;
    }
    const iy = hundredths(y);
    this.graphics.hundredths(hundredths(x1)).hundredths(iy).ascii("m\n").hundredths(hundredths(x2)).hundredths(iy).ascii("l\nS\n");
  }

  /** Gives the page its content stream (deflated) and the fonts it uses. */
  finish(): void {
    const content = new ContentBytes().ascii("q\n").append(this.graphics).ascii("Q\nBT\n").append(this.texts).ascii("ET\n");
    const context = this.page.doc.context;
    const fonts: Record<string, PDFRef> = {};
    for (const [key, ref] of this.fonts) fonts[key] = ref;
    this.page.node.set(PDFName.of("Contents"), context.register(context.flateStream(content.toBytes())));
    this.page.node.set(PDFName.of("Resources"), context.obj({ Font: fonts }));
  }
}
