/**
 * A number shown as a percentage ("2,15 %", stored 0.0215) as the figure the user typed, read to 15
 * significant digits so that the float product leaves no noise.
 *
 * @param stored - the cell's stored value
 * @returns the figure shown before the %
 * @example
 * percentAsShown(0.0215) // 2.15
 */
export function percentAsShown(stored: number): number {
  return Number((stored * 100).toPrecision(15));
}

/**
 * A percentage typed as text: "2,15 %", "2.15", "-0,5 %" (spaces, no-break spaces and a trailing %
 * allowed, a comma or a dot for decimals).
 *
 * @param text - the text
 * @returns the figure in percent, or undefined when the text is not a number
 * @example
 * percentFromText("12,15 %") // 12.15
 * percentFromText("dix") // undefined
 */
export function percentFromText(text: string): number | undefined {
  const figure = text.replace(/[\s\u00a0\u202f%]/g, "").replace(",", ".");
  return /^[-+]?\d+(\.\d+)?$/.test(figure) ? Number(figure) : undefined;
}
