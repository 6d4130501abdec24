import { describe, expect, it } from "vitest";
import { customerNameKey, groupCustomers } from "../../src/core/customers";
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
        invoice({ customer: customer("Alpha", { siret: "123 456 789 00012" }) }),
        invoice({ customer: customer("Beta", { siret: "12345678900012" }) }),
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
      [invoice({ customer: customer("Martin") }), invoice({ customer: customer("martin", { email: "m@martin.fr", city: "Foix" }) })],
      [],
    );
    expect(customers[0]!.details).toMatchObject({ name: "Martin", email: "m@martin.fr", city: "Foix" });
  });
});
