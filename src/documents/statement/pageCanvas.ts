// A statement page drawn as raw PDF operators.
import {
  beginText,
  endText,
  fill,
  lineTo,
  moveText,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  stroke,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type RGB,
} from "pdf-lib";

/** Coordinates in hundredths of a point: exact sums, short numbers in the content stream. */
const hundredths = (n: number): number => Math.round(n * 100);

/**
 * One page's content, written as raw operators: the rules and shadings first, then all the text in
 * one text object moved line to line with relative offsets. pdf-lib's drawText wraps every string
 * in its own graphics state and text object; this writes a fraction of the operators, for the same
 * page, in about half the time.
 */
export class PageCanvas {
  private readonly graphics: PDFOperator[] = [];
  private readonly texts: PDFOperator[] = [];
  private readonly fontKeys = new Map<PDFFont, PDFName>();
  private textFont: PDFFont | undefined;
  private textSize = 0;
  private textColor: RGB | undefined;
  private lineX = 0;
  private lineY = 0;
  private strokeColor: RGB | undefined;
  private strokeWidth = -1;
  private fillColor: RGB | undefined;

  constructor(private readonly page: PDFPage) {}

  /** Draws WinAnsi text (pdfSafeText) with its baseline starting at (x, y). */
  text(text: string, x: number, y: number, font: PDFFont, size: number, color: RGB): void {
    if (text === "") return;
    if (font !== this.textFont || size !== this.textSize) {
      let key = this.fontKeys.get(font);
      if (key === undefined) this.fontKeys.set(font, (key = this.page.node.newFontDictionary(font.name, font.ref)));
      this.texts.push(setFontAndSize(key, size));
      this.textFont = font;
      this.textSize = size;
    }
    if (color !== this.textColor) {
      this.texts.push(setFillingRgbColor(color.red, color.green, color.blue));
      this.textColor = color;
    }
    const ix = hundredths(x);
    const iy = hundredths(y);
    this.texts.push(moveText((ix - this.lineX) / 100, (iy - this.lineY) / 100), showText(font.encodeText(text)));
    this.lineX = ix;
    this.lineY = iy;
  }

  /** A filled rectangle from its lower left corner. */
  rectangle(x: number, y: number, width: number, height: number, color: RGB): void {
    if (color !== this.fillColor) {
      this.graphics.push(setFillingRgbColor(color.red, color.green, color.blue));
      this.fillColor = color;
    }
    this.graphics.push(rectangle(hundredths(x) / 100, hundredths(y) / 100, hundredths(width) / 100, hundredths(height) / 100), fill());
  }

  /** A horizontal rule. */
  rule(x1: number, x2: number, y: number, thickness: number, color: RGB): void {
    if (color !== this.strokeColor) {
      this.graphics.push(setStrokingRgbColor(color.red, color.green, color.blue));
      this.strokeColor = color;
    }
    if (thickness !== this.strokeWidth) {
      this.graphics.push(setLineWidth(thickness));
      this.strokeWidth = thickness;
    }
    this.graphics.push(moveTo(hundredths(x1) / 100, hundredths(y) / 100), lineTo(hundredths(x2) / 100, hundredths(y) / 100), stroke());
  }

  /** Writes the page's content stream. */
  finish(): void {
    this.page.pushOperators(pushGraphicsState(), ...this.graphics, popGraphicsState(), beginText(), ...this.texts, endText());
  }
}
