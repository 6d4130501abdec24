// What a reply names beside its kind: the invoices it is about (« la facture F2026-033 », in the
// subject « RE: Relance facture F2026-033 » too) and the reference of a transfer it reports
// (« réf. VIR-0626-DELMAS »), for the pane to preselect and prefill. The user still confirms.

/**
 * The invoice numbers among `numbers` that the text names, as whole words (case-insensitive).
 * @example invoicesNamedInText("RE: facture F2026-033", ["F2026-033", "F2026-067"]) // ["F2026-033"]
 */
export function invoicesNamedInText(text: string, numbers: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return numbers.filter((number) => {
    const wanted = number.trim().toLowerCase();
    if (wanted === "") return false;
    for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
      // F2026-03 is not named by « F2026-033 »: the number must stand on its own.
      if (!isWordCharacter(lower[at - 1]) && !isWordCharacter(lower[at + wanted.length])) return true;
    }
    return false;
  });
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}_]/u.test(character);
}

const REFERENCE = /\b(?:r[ée]f(?:[ée]rence)?|reference|ref)\b\.?\s*(?:n[°o]\s*)?[:#]?\s*([A-Za-z0-9][A-Za-z0-9/_.-]{2,39})/iu;

/**
 * The payment reference the text gives after « réf. », « référence », « ref: » or « reference »,
 * without the punctuation that ends its sentence.
 * @example paymentReferenceInText("réglée le 26/06 (réf. VIR-0626-DELMAS).") // "VIR-0626-DELMAS"
 */
export function paymentReferenceInText(text: string): string | undefined {
  const found = REFERENCE.exec(text.slice(0, 20_000))?.[1];
  return found?.replace(/[.)]+$/u, "") || undefined;
}
