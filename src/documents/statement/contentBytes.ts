// The bytes of a PDF content stream, written as they come: operators, numbers from integer
// hundredths, and WinAnsi strings, without an object per operator or operand.

const BACKSLASH = 0x5c;
const OPEN = 0x28;
const CLOSE = 0x29;

export class ContentBytes {
  private bytes = new Uint8Array(2048);
  private length = 0;

  /** Room for `more` bytes. */
  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** ASCII text as it is: operators, names, spaces and newlines. */
  ascii(text: string): this {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
    return this;
  }

  /**
   * A number given in hundredths, as the shortest decimal with at most two places and a space
   * after it: 12345 gives "123.45 ", -50 "-0.5 ", 1200 "12 " (what pdf-lib writes for those numbers).
   */
  hundredths(value: number): this {
    this.reserve(24);
    let n = value;
    if (n < 0) {
      this.bytes[this.length++] = 0x2d;
      n = -n;
    }
    const whole = Math.floor(n / 100);
    const fraction = n - whole * 100;
    this.digits(whole);
    if (fraction !== 0) {
      this.bytes[this.length++] = 0x2e;
      this.bytes[this.length++] = 0x30 + Math.floor(fraction / 10);
      if (fraction % 10 !== 0) this.bytes[this.length++] = 0x30 + (fraction % 10);
    }
    this.bytes[this.length++] = 0x20;
    return this;
  }

  private digits(n: number): void {
    if (n >= 10) this.digits(Math.floor(n / 10));
    this.bytes[this.length++] = 0x30 + (n % 10);
  }

  /**
   * A literal string of WinAnsi bytes, "(" and ")" and "\" escaped.
   * @throws Error on a character the table has no byte for (see pdfSafeText)
   */
  literal(text: string, winAnsi: Int16Array): this {
    this.reserve(2 * text.length + 2);
    this.bytes[this.length++] = OPEN;
    for (let i = 0; i < text.length; i++) {
      const byte = winAnsi[text.charCodeAt(i)];
      if (byte === undefined || byte < 0) throw new Error(`Not WinAnsi text, which the standard fonts cannot draw: ${JSON.stringify(text)}`);
      if (byte === OPEN || byte === CLOSE || byte === BACKSLASH) this.bytes[this.length++] = BACKSLASH;
      this.bytes[this.length++] = byte;
    }
    this.bytes[this.length++] = CLOSE;
    return this;
  }

  /** Another writer's bytes. */
  append(other: ContentBytes): this {
    this.reserve(other.length);
    this.bytes.set(other.bytes.subarray(0, other.length), this.length);
    this.length += other.length;
    return this;
  }

  /** The bytes written. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}
