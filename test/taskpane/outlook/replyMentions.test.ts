import { describe, expect, it } from "vitest";
import { invoicesNamedInText, paymentReferenceInText } from "../../../taskpane/outlook/replyMentions";

describe("what a reply names", () => {
  const numbers = ["F2026-033", "F2026-067", "F2026-03"];

  it("finds the invoices the subject or the text names, as whole numbers only", () => {
    expect(invoicesNamedInText("RE: Relance facture F2026-033\nCette facture a déjà été réglée.", numbers)).toEqual(["F2026-033"]);
    expect(invoicesNamedInText("factures f2026-033 et F2026-067", numbers)).toEqual(["F2026-033", "F2026-067"]);
    expect(invoicesNamedInText("le solde des deux factures", numbers)).toEqual([]);
    expect(invoicesNamedInText("F2026-0330 n'est pas à nous", numbers)).toEqual([]);
  });

  it("reads a transfer's reference after « réf. », « référence » or « ref: », without the sentence's end", () => {
    expect(paymentReferenceInText("réglée par virement le 26/06/2026 (réf. VIR-0626-DELMAS).")).toBe("VIR-0626-DELMAS");
    expect(paymentReferenceInText("Référence : 2026/778-A.")).toBe("2026/778-A");
    expect(paymentReferenceInText("Payment sent, ref: TRX99812")).toBe("TRX99812");
    expect(paymentReferenceInText("Nous avons payé hier.")).toBeUndefined();
  });
});
