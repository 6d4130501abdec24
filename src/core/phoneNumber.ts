/**
 * A French phone number as a reader abroad dials it (DOMAIN section 4, English conventions):
 * « 05 61 00 00 00 » is « +33 5 61 00 00 00 ».
 */

/**
 * Writes a French number in the international form; any other text is returned as typed.
 * @param text - « 05 61 00 00 00 », « 05.61.00.00.00 », « 0561000000 », « +33 (0)5 61 00 00 00 »
 * @returns « +33 5 61 00 00 00 »; a number that is not a French ten-digit one, unchanged
 * @example internationalPhone("05 61 00 00 00") // "+33 5 61 00 00 00"
 */
export function internationalPhone(text: string): string {
  const digits = text.replace(/\(0\)/g, "").replace(/[\s.\-\u00a0\u202f]/g, "");
  const m = /^(?:0|\+330?|00330?)([1-9])(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(digits);
  if (m === null) return text;
  return `+33 ${m.slice(1).join(" ")}`;
}
