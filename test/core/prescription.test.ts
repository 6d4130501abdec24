import { describe, expect, it } from "vitest";
import type { Customer } from "../../src/core/customers";
import { dayToIso } from "../../src/core/day";
import { DEFAULT_PRESCRIPTION_RULE, prescriptionDate, prescriptionWarnings, type PrescriptionCandidate } from "../../src/core/prescription";
import type { CustomerType } from "../../src/core/customerType";
import type { InvoiceRecord } from "../../src/core/trackingRecord";
import { customer, d, invoice } from "./records";

function account(name: string, customerType: CustomerType, invoices: InvoiceRecord[]): Customer {
  return { key: name.toLowerCase(), name, details: customer(name, { customerType }), invoices, creditNotes: [] };
}

function candidates(accounts: readonly Customer[], balance = 100000): PrescriptionCandidate[] {
  return accounts.flatMap((a) => a.invoices.map((record) => ({ record, customerKey: a.key, balance })));
}

describe("prescriptionDate", () => {
  it("is 5 years after the due date between businesses", () => {
    expect(dayToIso(prescriptionDate(d("2021-04-30"), "professionnel"))).toBe("2026-04-30");
    expect(dayToIso(prescriptionDate(d("2021-04-30"), "collectivite"))).toBe("2026-04-30");
  });

  it("is 2 years after the due date for a consumer", () => {
    expect(dayToIso(prescriptionDate(d("2021-04-30"), "particulier"))).toBe("2023-04-30");
  });

  it("falls on 28 February when the due date is a 29 February", () => {
    expect(dayToIso(prescriptionDate(d("2024-02-29"), "professionnel"))).toBe("2029-02-28");
    expect(dayToIso(prescriptionDate(d("2024-02-29"), "particulier"))).toBe("2026-02-28");
    expect(dayToIso(prescriptionDate(d("2024-02-29"), "architecte", { ...DEFAULT_PRESCRIPTION_RULE, businessYears: 4 }))).toBe("2028-02-29");
  });
});

describe("prescriptionWarnings", () => {
  it("names an invoice whose prescription falls within 6 months: sheet, row, number, customer and date", () => {
    const dupont = account("Dupont SARL", "professionnel", [invoice({ row: 7, number: "F-12", dueDate: d("2021-10-31") })]);
    expect(prescriptionWarnings(candidates([dupont]), [dupont], d("2026-06-30"))).toEqual([
      "Suivi ligne 7 : facture «F-12» de «Dupont SARL» : prescription le 31/10/2026 (5 ans après l'échéance du 31/10/2021, " +
        "sauf interruption), dans moins de 6 mois : agir avant cette date / invoice F-12 of Dupont SARL: the limitation " +
        "period ends on 2026-10-31 (5 years after its due date, unless interrupted), act before then",
    ]);
  });

  it("names an invoice whose prescription has passed", () => {
    const martin = account("M. Martin", "particulier", [invoice({ row: 3, number: "F-1", dueDate: d("2024-02-29") })]);
    expect(prescriptionWarnings(candidates([martin]), [martin], d("2026-03-01"))).toEqual([
      "Suivi ligne 3 : facture «F-1» de «M. Martin» : prescription acquise, délai expiré le 28/02/2026 (2 ans après " +
        "l'échéance du 29/02/2024, sauf interruption) / invoice F-1 of M. Martin time-barred: the limitation period ended " +
        "on 2026-02-28 (2 years after its due date, unless interrupted)",
    ]);
  });

  it("counts the limit's last day as near, not past", () => {
    const martin = account("M. Martin", "particulier", [invoice({ number: "F-1", dueDate: d("2024-02-29") })]);
    expect(prescriptionWarnings(candidates([martin]), [martin], d("2026-02-28"))[0]).toContain("prescription le 28/02/2026");
  });

  it("says nothing of an invoice further than 6 months from its prescription", () => {
    const dupont = account("Dupont", "professionnel", [invoice({ dueDate: d("2021-10-31") })]);
    expect(prescriptionWarnings(candidates([dupont]), [dupont], d("2026-04-30"))).toEqual([]);
    expect(prescriptionWarnings(candidates([dupont]), [dupont], d("2026-05-01"))).toHaveLength(1);
  });

  it("says nothing of a paid invoice", () => {
    const dupont = account("Dupont", "professionnel", [invoice({ dueDate: d("2015-01-31") })]);
    expect(prescriptionWarnings(candidates([dupont], 99), [dupont], d("2026-06-30"))).toEqual([]);
  });

  it("takes the account's customer type, not the row's", () => {
    const row = invoice({ customer: customer("Martin", { customerType: "professionnel" }), dueDate: d("2024-01-31") });
    const martin = account("Martin", "particulier", [row]);
    expect(prescriptionWarnings(candidates([martin]), [martin], d("2026-01-01"))[0]).toContain("prescription le 31/01/2026");
  });

  it("names the first 100 invoices, then counts the others", () => {
    const many = account("Dupont", "professionnel", Array.from({ length: 103 }, (_, i) => invoice({ number: `F${i}`, dueDate: d("2015-01-31") })));
    const warnings = prescriptionWarnings(candidates([many]), [many], d("2026-06-30"));
    expect(warnings).toHaveLength(101);
    expect(warnings[100]).toBe(
      "Prescription : 3 autres factures prescrites ou à moins de 6 mois de la prescription / 3 more invoices time-barred or within 6 months of it",
    );
  });
});
