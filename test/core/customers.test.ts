import { describe, expect, it } from "vitest";
import { customerNameKey, groupCustomers } from "../../src/core/customers";
import { readTrackingRows, type CellValue } from "../../src/core/trackingSheet";
import { creditNote, customer, invoice } from "./records";

describe("customer accounts", () => {
  it("names are the same customer once case, accents, punctuation and legal forms are ignored", () => {
    expect(customerNameKey("SCI Les Tilleuls")).toBe(customerNameKey("les tilleuls"));
    expect(customerNameKey("Bâtir SARL")).toBe(customerNameKey("BATIR"));
    expect(customerNameKey("Dupont S.A.S.")).toBe(customerNameKey("dupont"));
    expect(customerNameKey("Dupont")).not.toBe(customerNameKey("Dupond"));
  });
  it("groups rows of the same customer, credit notes included", () => {
    const { customers } = groupCustomers(
      [invoice({ customer: customer("SCI Les Tilleuls") }), invoice({ customer: customer("Les Tilleuls") }), invoice({ customer: customer("Martin") })],
      [creditNote({ customer: customer("LES TILLEULS (SCI)") })],
    );
    expect(customers).toHaveLength(2);
    const tilleuls = customers.find((c) => c.name === "SCI Les Tilleuls")!;
    expect(tilleuls.invoices).toHaveLength(2);
    expect(tilleuls.creditNotes).toHaveLength(1);
  });
  it("merges different names that carry the same VAT number", () => {
    const { customers } = groupCustomers(
      [invoice({ customer: customer("Acme", { vatNumber: "FR 12 345678901" }) }), invoice({ customer: customer("ACME Industries", { vatNumber: "FR12345678901" }) })],
      [],
    );
    expect(customers).toHaveLength(1);
  });
  it("warns, without merging, when different names share an e-mail or a SIRET", () => {
    const { customers, warnings } = groupCustomers(
      [
        invoice({ customer: customer("Durand BTP", { email: "compta@durand.fr" }) }),
        invoice({ customer: customer("Durand Bâtiment", { email: "Compta@durand.fr" }) }),
        invoice({ customer: customer("Alpha", { siret: "123 456 789 00012", email: "alpha@alpha.fr" }) }),
        invoice({ customer: customer("Beta", { siret: "12345678900012", email: "beta@beta.fr" }) }),
      ],
      [],
    );
    expect(customers).toHaveLength(4);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/Doublon probable : «Durand BTP».*«Durand Bâtiment».*compta@durand\.fr/);
    expect(warnings[1]).toMatch(/SIRET 12345678900012/);
  });
  it("takes the first non-empty detail of the account's rows", () => {
    const { customers } = groupCustomers(
      [invoice({ customer: customer("Martin", { email: undefined }) }), invoice({ customer: customer("martin", { email: "m@martin.fr", city: "Foix" }) })],
      [],
    );
    expect(customers[0]!.details).toMatchObject({ name: "Martin", email: "m@martin.fr", city: "Foix" });
  });

  it("a category or language written on any row of the account wins over a blank one, whatever the row order", () => {
    // The assistant fills "Catégorie" and "Langue" once per customer, not necessarily on its first row.
    const header: CellValue[] = ["Client", "N° facture", "Date facture", "Montant TTC", "Conditions", "Catégorie", "Langue"];
    const { invoices, creditNotes } = readTrackingRows("Suivi", [
      { row: 1, cells: header },
      { row: 2, cells: ["Mairie de Lyon", "F1", "2025-01-15", 1000, "30 jours", null, null] },
      { row: 3, cells: ["Mairie de Lyon", "F2", "2025-02-15", 1000, "30 jours", "Collectivité", "EN"] },
      { row: 4, cells: ["M. Martin", "F3", "2025-01-15", 1000, "30 jours", null, null] },
      { row: 5, cells: ["M. Martin", "F4", "2025-02-15", 1000, "30 jours", "Particulier", null] },
      { row: 6, cells: ["Durand", "F5", "2025-01-15", 1000, "30 jours", null, null] },
    ]);
    const { customers } = groupCustomers(invoices, creditNotes);
    const byName = new Map(customers.map((c) => [c.name, c.details]));
    expect(byName.get("Mairie de Lyon")).toMatchObject({ customerType: "collectivite", language: "en" });
    expect(byName.get("M. Martin")).toMatchObject({ customerType: "particulier", language: "fr" });
    expect(byName.get("Durand")).toMatchObject({ customerType: "professionnel", language: "fr" });
  });
});
