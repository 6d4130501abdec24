import { describe, expect, it } from "vitest";
import { reportTable } from "../../src/cli/reportTable";
import { managementReport } from "../../src/core/managementReport";
import { d } from "../core/records";
import { AS_OF, HAND_CREDIT_NOTES, HAND_INVOICES } from "../core/reportInvoices";

describe("the report as text", () => {
  const text = reportTable(managementReport(HAND_INVOICES, HAND_CREDIT_NOTES, AS_OF), ["Suivi ligne 9 : un avertissement"]);

  it("shows amounts and shares the French way", () => {
    expect(text).toMatch(/Encours \/ outstanding\s+5\u202f800,00\u00a0€/);
    expect(text).toContain("58,78 %"); // the D441-6 total's share of the year's sales
    expect(text).toContain("306,8 jours / days");
  });

  it("states the periods DSO and the year's sales are taken over", () => {
    expect(text).toContain("du 01/07/2025 au 30/06/2026");
    expect(text).toContain("CA TTC net des avoirs de l'exercice ouvert du 01/01/2026 au 31/12/2026, facturé du 01/01/2026 au 30/06/2026");
  });

  it("says what it left out, and the reading's warnings", () => {
    expect(text).toContain("1 facture(s) datée(s) après le 30/06/2026");
    expect(text).toContain("(B) Factures exclues de (A), en litige / excluded from (A), disputed : 1, 250,00");
    expect(text).toContain("  Suivi ligne 9 : un avertissement");
  });

  it("says why DSO is not computed, and shows no share, when there are no sales", () => {
    const none = reportTable(managementReport([{ invoiceDate: d("2020-01-01"), dueDate: d("2020-01-31"), amount: 10_000, balance: 10_000, disputed: false }], [], AS_OF));
    expect(none).toContain("DSO (délai moyen de paiement clients) : non calculable");
    expect(none).toMatch(/% du CA TTC de l'exercice.*\s-\s+-\s+-\s+-\s+-$/m);
  });
});
