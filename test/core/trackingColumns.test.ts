import { describe, expect, it } from "vitest";
import { isProblem, type Problem } from "../../src/core/problem";
import {
  createHeaderSearch,
  describeMapping,
  FIELD_LABELS,
  findHeaderRow,
  HEADER_SYNONYMS,
  mappingFromHeaderRow,
  matchHeader,
  REQUIRED_FIELDS,
  type ColumnMapping,
  type TrackingField,
} from "../../src/core/trackingColumns";

const FRENCH_HEADER = ["Client", "N° facture", "Date facture", "Montant TTC", "Échéance"];

function mapping(found: ColumnMapping | Problem): ColumnMapping {
  if (isProblem(found)) throw new Error(found.message);
  return found;
}

describe("matchHeader", () => {
  it.each<[string, TrackingField]>([
    ["Client", "customer"],
    ["Raison sociale", "customer"],
    ["Nom", "customer"],
    ["Customer", "customer"],
    ["N° facture", "number"],
    ["Nº Facture", "number"],
    ["Numéro de facture", "number"],
    ["Facture", "number"],
    ["Invoice", "number"],
    ["Invoice no.", "number"],
    ["Date facture", "invoiceDate"],
    ["Date de facture", "invoiceDate"],
    ["Invoice date", "invoiceDate"],
    ["Montant TTC", "amount"],
    ["Total TTC", "amount"],
    ["Montant", "amount"],
    ["Amount", "amount"],
    ["Échéance", "dueDate"],
    ["Date d'échéance", "dueDate"],
    ["Due date", "dueDate"],
    ["Conditions", "terms"],
    ["Conditions de paiement", "terms"],
    ["Délai de paiement", "terms"],
    ["Terms", "terms"],
    ["Réglé", "paid"],
    ["Acompte", "paid"],
    ["Montant réglé", "paid"],
    ["Règlements", "paid"],
    ["Paid", "paid"],
    ["Reste à payer", "balance"],
    ["Solde", "balance"],
    ["Reste dû", "balance"],
    ["Balance", "balance"],
    ["Catégorie", "customerType"],
    ["Type client", "customerType"],
    ["Category", "customerType"],
    ["Date PV", "acceptanceDate"],
    ["PV de réception", "acceptanceDate"],
    ["Date PV réception", "acceptanceDate"],
    ["Litige", "dispute"],
    ["Dispute", "dispute"],
    ["Promesse", "promiseDate"],
    ["Date promesse", "promiseDate"],
    ["E-mail", "email"],
    ["Mail", "email"],
    ["Email", "email"],
    ["Téléphone", "phone"],
    ["Tel", "phone"],
    ["Phone", "phone"],
    ["Contact", "contact"],
    ["Adresse", "address"],
    ["Address", "address"],
    ["CP", "postcode"],
    ["Code postal", "postcode"],
    ["Postcode", "postcode"],
    ["Zip", "postcode"],
    ["Ville", "city"],
    ["City", "city"],
    ["Langue", "language"],
    ["Language", "language"],
    ["N° TVA", "vatNumber"],
    ["TVA intracom", "vatNumber"],
    ["VAT number", "vatNumber"],
    ["SIRET", "siret"],
    ["Avoir sur", "creditedInvoice"],
    ["Facture d'origine", "creditedInvoice"],
    ["Credited invoice", "creditedInvoice"],
    ["Civilité", "civility"],
    ["Titre", "civility"],
    ["Civility", "civility"],
    ["Title", "civility"],
  ])("%s names %s", (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it("reads « Titre » or « Title » as the civility only when it is the whole header", () => {
    expect(matchHeader("Titre du chantier")).toBeUndefined();
    expect(matchHeader("Title of the works")).toBeUndefined();
  });

  it("ignores case, accents, punctuation and spacing", () => {
    expect(matchHeader("  DATE D'ÉCHÉANCE : ")).toBe("dueDate");
    expect(matchHeader("reste a payer")).toBe("balance");
    expect(matchHeader("N°\u00a0FACTURE")).toBe("number");
    expect(matchHeader("Montant TTC (€)")).toBe("amount");
  });

  it("tells the invoice number from the invoice date and the credited invoice", () => {
    expect(matchHeader("Facture")).toBe("number");
    expect(matchHeader("Date facture")).toBe("invoiceDate");
    expect(matchHeader("Facture d'origine")).toBe("creditedInvoice");
  });

  it("tells the amount from the amount paid", () => {
    expect(matchHeader("Montant")).toBe("amount");
    expect(matchHeader("Montant réglé")).toBe("paid");
  });

  it("takes the longest synonym a longer header starts with", () => {
    expect(matchHeader("Montant réglé au 31/12")).toBe("paid");
    expect(matchHeader("Reste à payer TTC")).toBe("balance");
    expect(matchHeader("Adresse mail pro")).toBe("email");
  });

  it("leaves amounts before tax and dates about a field unmatched", () => {
    expect(matchHeader("Montant HT")).toBeUndefined();
    expect(matchHeader("Montant TVA")).toBeUndefined();
    expect(matchHeader("Réglé le")).toBeUndefined();
    expect(matchHeader("Paid date")).toBeUndefined();
  });

  it("does not stretch vague words to longer headers", () => {
    expect(matchHeader("Facture envoyée le")).toBeUndefined();
    expect(matchHeader("Nom du chantier")).toBeUndefined();
    expect(matchHeader("Date règlement")).toBeUndefined();
  });

  it("gives every synonym to its own field only", () => {
    for (const field of Object.keys(HEADER_SYNONYMS) as TrackingField[]) {
      for (const synonym of HEADER_SYNONYMS[field]) expect([synonym, matchHeader(synonym)]).toEqual([synonym, field]);
    }
  });

  it("reads every field's French label back as that field", () => {
    for (const field of Object.keys(FIELD_LABELS) as TrackingField[]) expect(matchHeader(FIELD_LABELS[field])).toBe(field);
  });

  it.each<[string, TrackingField]>([
    ["N° Fact.", "number"],
    ["N° fct", "number"],
    ["Num. fact.", "number"],
    ["N° pièce", "number"],
    ["N° pce", "number"],
    ["Réf. facture", "number"],
    ["Réf. fact.", "number"],
    ["Date fact", "invoiceDate"],
    ["Date fact.", "invoiceDate"],
    ["Dt fact", "invoiceDate"],
    ["Date pièce", "invoiceDate"],
    ["Mt TTC", "amount"],
    ["Mnt TTC", "amount"],
    ["Mt fact.", "amount"],
    ["Ech.", "dueDate"],
    ["Éch.", "dueDate"],
    ["Date éch.", "dueDate"],
    ["Cond.", "terms"],
    ["Cond. règlement", "terms"],
    ["Cond. règl.", "terms"],
    ["Délai règl.", "terms"],
    ["Mt réglé", "paid"],
    ["Règl.", "paid"],
    ["Règlt", "paid"],
    ["Acpte", "paid"],
    ["Rest. dû", "balance"],
    ["Type clt", "customerType"],
    ["Type cli.", "customerType"],
    ["Catég.", "customerType"],
    ["Clt", "customer"],
    ["Raison soc.", "customer"],
    ["Adr. mail", "email"],
    ["Num. tél.", "phone"],
    ["N° TVA intra", "vatNumber"],
    ["Date PV récep.", "acceptanceDate"],
    ["Fact. d'origine", "creditedInvoice"],
    ["Inv. date", "invoiceDate"],
    ["Amt paid", "paid"],
    ["Pmt terms", "terms"],
  ])("reads the short form %s as %s", (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it("does not read short forms of other columns, or vague ones, as fields", () => {
    for (const header of [
      "Date règl.", "Date fin", "Date cde", "Date rel.", "Date pmt", "Com.", "Comm.", "Cont.", "N° client", "N° cde",
      "Mt HT", "Réf.", "Échu", "Nb fact.", "CA",
    ]) {
      expect([header, matchHeader(header)]).toEqual([header, undefined]);
    }
  });

  it("finds a header row written in short forms", () => {
    const m = mapping(findHeaderRow([{ row: 2, cells: ["Clt", "N° Fact.", "Date fact", "Mt TTC", "Date éch.", "Type clt"] }]));
    expect(m.columns).toEqual({ customer: 0, number: 1, invoiceDate: 2, amount: 3, dueDate: 4, customerType: 5 });
  });

  it("names nothing for an empty or unknown header", () => {
    expect(matchHeader("")).toBeUndefined();
    expect(matchHeader("Observations")).toBeUndefined();
  });
});

describe("REQUIRED_FIELDS", () => {
  it("are customer, number, invoice date and amount", () => {
    expect(REQUIRED_FIELDS).toEqual(["customer", "number", "invoiceDate", "amount"]);
  });
});

describe("mappingFromHeaderRow", () => {
  it("gives each field its 0-based column and its header as written", () => {
    const m = mapping(mappingFromHeaderRow(3, ["", "Client", "N° facture", "Date facture", "Montant TTC", "Conditions"]));
    expect(m.headerRow).toBe(3);
    expect(m.columns).toEqual({ customer: 1, number: 2, invoiceDate: 3, amount: 4, terms: 5 });
    expect(m.headers.number).toBe("N° facture");
  });

  it("takes the better of two columns for one field, the leftmost on a tie", () => {
    const m = mapping(mappingFromHeaderRow(1, ["Client", "Facture", "Date", "Montant", "Montant TTC", "Échéance", "Montant TTC"]));
    expect(m.columns.amount).toBe(4);
    expect(m.columns.invoiceDate).toBe(2);
  });

  it("prefers a short form that says more to a vague header, and the full header to its short form", () => {
    const m = mapping(mappingFromHeaderRow(1, ["Clt", "N° fact.", "Date", "Date fact.", "Mt TTC", "Montant", "Éch.", "Échéance"]));
    expect(m.columns).toMatchObject({ invoiceDate: 3, amount: 4, dueDate: 7 });
  });

  it("names the required columns a given header row lacks", () => {
    const found = mappingFromHeaderRow(2, ["Client", "Montant"]);
    expect(isProblem(found) && found.message).toBe(
      "Ligne d'en-tête 2 : colonnes requises introuvables : N° facture, Date facture, Échéance ou Conditions",
    );
  });
});

describe("findHeaderRow", () => {
  it("passes over title rows to the first row with every required column", () => {
    const m = mapping(
      findHeaderRow([
        { row: 1, cells: ["Suivi des encaissements 2021"] },
        { row: 2, cells: ["Client", null, "Total"] },
        { row: 4, cells: FRENCH_HEADER },
        { row: 5, cells: ["Client", "N° facture", "Date facture", "Montant TTC", "Échéance"] },
      ]),
    );
    expect(m.headerRow).toBe(4);
  });

  it("accepts payment terms in place of a due date", () => {
    const m = mapping(findHeaderRow([{ row: 1, cells: ["Customer", "Invoice", "Invoice date", "Amount", "Terms"] }]));
    expect(m.columns.terms).toBe(4);
    expect(m.columns.dueDate).toBeUndefined();
  });

  it("says in French what is missing when no row qualifies", () => {
    const found = findHeaderRow([{ row: 1, cells: ["Bonjour"] }]);
    expect(isProblem(found) && found.message).toBe(
      "Aucune ligne d'en-tête trouvée dans les 50 premières lignes : colonnes requises Client, N° facture, " +
        "Date facture, Montant TTC, Échéance ou Conditions",
    );
  });

  it("points at the nearest candidate row", () => {
    const found = findHeaderRow([{ row: 3, cells: ["Client", "Facture", "Montant"] }]);
    expect(isProblem(found) && found.message).toContain("(la plus proche, ligne 3, n'a pas : Date facture, Échéance ou Conditions)");
  });

  it("looks no further than maxRows", () => {
    const found = findHeaderRow([{ row: 51, cells: FRENCH_HEADER }]);
    expect(isProblem(found)).toBe(true);
    expect(isProblem(findHeaderRow([{ row: 7, cells: FRENCH_HEADER }], 6))).toBe(true);
  });

  it("stops reading rows once past maxRows", () => {
    let read = 0;
    function* rows() {
      for (let row = 1; row < 1000; row++) {
        read++;
        yield { row, cells: ["x"] };
      }
    }
    findHeaderRow(rows(), 10);
    expect(read).toBe(11);
  });
});

describe("createHeaderSearch", () => {
  it("says when it is exhausted", () => {
    const search = createHeaderSearch(2);
    expect(search.offer(2, ["x"])).toBeUndefined();
    expect(search.exhausted).toBe(false);
    search.offer(3, FRENCH_HEADER);
    expect(search.exhausted).toBe(true);
  });
});

describe("describeMapping", () => {
  it("lists the columns in sheet order with their letters and headers", () => {
    const m = mapping(mappingFromHeaderRow(3, ["Raison sociale", "Facture", "Date", "Montant TTC", "Échéance"]));
    expect(describeMapping(m).split("\n")).toEqual([
      "Ligne d'en-tête : 3",
      "Client : colonne A «Raison sociale»",
      "N° facture : colonne B «Facture»",
      "Date facture : colonne C «Date»",
      "Montant TTC : colonne D «Montant TTC»",
      "Échéance : colonne E «Échéance»",
    ]);
  });
});
