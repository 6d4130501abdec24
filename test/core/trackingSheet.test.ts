import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmountInput } from "../../src/core/amountInput";
import { isProblem } from "../../src/core/problem";
import { dayFromIso, dayToExcelSerial, type Day } from "../../src/core/day";
import {
  createTrackingSheetReader,
  readTrackingRows,
  type CellValue,
  type TrackingSheetResult,
} from "../../src/core/trackingSheet";

const HEADER: readonly CellValue[] = [
  "Client", "N° facture", "Date facture", "Montant TTC", "Échéance", "Conditions", "Réglé", "Reste à payer",
  "Catégorie", "Date PV", "Litige", "Promesse", "E-mail", "Téléphone", "CP", "Langue", "Avoir sur",
];
type Row = Partial<Record<
  | "client" | "number" | "date" | "amount" | "due" | "terms" | "paid" | "balance" | "type" | "pv" | "dispute"
  | "promise" | "email" | "phone" | "postcode" | "language" | "credited",
  CellValue
>>;
const ORDER = [
  "client", "number", "date", "amount", "due", "terms", "paid", "balance", "type", "pv", "dispute", "promise",
  "email", "phone", "postcode", "language", "credited",
] as const;

function cells(row: Row): CellValue[] {
  return ORDER.map((key) => row[key] ?? null);
}

function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(iso);
  return d;
}

const INVOICE: Row = { client: "SCI Les Tilleuls", number: "F-1", date: "02/03/2021", amount: "4 200,00 €", terms: "30 jours" };

/** The header on row 1, then the given rows on rows 2, 3... */
function read(rows: readonly Row[], options = {}): TrackingSheetResult {
  return readTrackingRows("Suivi", [{ row: 1, cells: HEADER }, ...rows.map((r, i) => ({ row: i + 2, cells: cells(r) }))], options);
}

function counts(result: TrackingSheetResult): number[] {
  return [result.rows, result.invoices.length, result.creditNotes.length, result.skipped, result.rejected.length];
}

describe("reading an invoice row", () => {
  it("reads customer, number, dates and amounts in whole days and cents", () => {
    const result = read([{ ...INVOICE, paid: 1000, pv: "2021-03-15", promise: 44300 }]);
    expect(result.invoices).toHaveLength(1);
    const invoice = result.invoices[0]!;
    expect(invoice).toMatchObject({
      kind: "invoice",
      sheet: "Suivi",
      row: 2,
      number: "F-1",
      invoiceDate: day("2021-03-02"),
      dueDate: day("2021-04-01"),
      amount: 420000,
      paid: 100000,
      dispute: false,
      acceptanceDate: day("2021-03-15"),
      promiseDate: 44300 - 25569,
    });
    expect(invoice.customer).toMatchObject({ name: "SCI Les Tilleuls", customerType: "professionnel", language: "fr" });
  });

  it("trims text and writes numbers as invoice numbers without a decimal point", () => {
    const result = read([{ ...INVOICE, client: "  Dupont  ", number: 1024 }]);
    expect(result.invoices[0]!.number).toBe("1024");
    expect(result.invoices[0]!.customer.name).toBe("Dupont");
  });

  it("reads Excel serials, ISO text and French text as dates", () => {
    const serial = dayToExcelSerial(day("2021-03-31"));
    for (const date of [serial, "2021-03-31", "31/03/2021", " 31.03.21 "]) {
      expect(read([{ ...INVOICE, date }]).invoices[0]!.invoiceDate).toBe(day("2021-03-31"));
    }
  });

  it("reads amounts with narrow no-break spaces, commas and the euro sign", () => {
    expect(read([{ ...INVOICE, amount: "1\u202f234,56\u00a0€" }]).invoices[0]!.amount).toBe(123456);
    expect(read([{ ...INVOICE, amount: 1234.56 }]).invoices[0]!.amount).toBe(123456);
  });

  it("keeps contact details as text, restoring the zeros a number cell dropped", () => {
    const result = read([{ ...INVOICE, email: " compta@tilleuls.fr ", phone: 612345678, postcode: 6000 }]);
    expect(result.invoices[0]!.customer).toMatchObject({ email: "compta@tilleuls.fr", phone: "0612345678", postcode: "06000" });
  });

  it("reads the customer category, professionnel when blank", () => {
    expect(read([{ ...INVOICE, type: "Architecte" }]).invoices[0]!.customer.customerType).toBe("architecte");
    expect(read([{ ...INVOICE, type: "  " }]).invoices[0]!.customer.customerType).toBe("professionnel");
  });

  it("reads the language as FR or EN, French when blank", () => {
    for (const [language, expected] of [["EN", "en"], ["anglais", "en"], ["English", "en"], ["Français", "fr"], [null, "fr"]] as const) {
      expect(read([{ ...INVOICE, language }]).invoices[0]!.customer.language).toBe(expected);
    }
  });

  it("reads a dispute as oui/non, x, yes/no, true/false, 1/0, vrai/faux or blank", () => {
    const yes: CellValue[] = ["oui", "X", "x", "yes", "TRUE", "1", 1, true, "Vrai"];
    const no: CellValue[] = ["non", "no", "false", "0", 0, false, "faux", null, " "];
    for (const dispute of yes) expect(read([{ ...INVOICE, dispute }]).invoices[0]!.dispute).toBe(true);
    for (const dispute of no) expect(read([{ ...INVOICE, dispute }]).invoices[0]!.dispute).toBe(false);
  });
});

describe("the due date", () => {
  it("is the due date cell when filled", () => {
    expect(read([{ ...INVOICE, due: "15/04/2021" }]).invoices[0]!.dueDate).toBe(day("2021-04-15"));
  });

  it("follows from the payment terms when the due date cell is empty", () => {
    const result = read([{ ...INVOICE, date: "2021-06-01", terms: "30 jours fin de mois" }]);
    expect(result.invoices[0]!.dueDate).toBe(day("2021-07-31"));
  });

  it("follows from terms given as a number of days", () => {
    expect(read([{ ...INVOICE, date: "2021-06-01", terms: 45 }]).invoices[0]!.dueDate).toBe(day("2021-07-16"));
  });

  it("rejects a due date before the invoice date", () => {
    const result = read([{ ...INVOICE, date: "10/03/2021", due: "01/03/2021" }]);
    expect(result.rejected).toEqual([
      {
        sheet: "Suivi",
        row: 2,
        column: "Échéance",
        value: "01/03/2021",
        message: "Échéance 01/03/2021 antérieure à la Date facture 10/03/2021",
      },
    ]);
  });

  it("shows a rejected date cell as the date Excel shows, not its serial", () => {
    const serial = (iso: string): number => dayToExcelSerial(day(iso));
    const result = read([{ ...INVOICE, date: serial("2021-03-10"), due: serial("2021-03-01") }]);
    expect(result.rejected[0]).toMatchObject({ value: "01/03/2021", message: "Échéance 01/03/2021 antérieure à la Date facture 10/03/2021" });
  });

  it("rejects unknown terms with the payment terms message", () => {
    const result = read([{ ...INVOICE, terms: "quand il veut" }]);
    expect(result.rejected[0]).toMatchObject({
      column: "Conditions",
      value: "quand il veut",
      message: "Conditions de paiement non reconnues : «quand il veut»",
    });
  });

  it("rejects a row with neither due date nor terms", () => {
    const result = read([{ ...INVOICE, terms: null }]);
    expect(result.rejected[0]).toMatchObject({
      column: "Échéance",
      message: "Échéance manquante : ni date d'échéance ni conditions de paiement",
    });
  });

  it("warns of terms beyond the legal caps, naming the sheet and rows", () => {
    const result = read([
      { ...INVOICE, number: "F-1", terms: "90 jours" },
      { ...INVOICE, number: "F-2", terms: "90 jours" },
      { ...INVOICE, number: "F-3", terms: "30 jours" },
    ]);
    expect(result.invoices).toHaveLength(3);
    expect(result.warnings).toEqual([
      "Suivi lignes 2, 3 : Délai de 90 jours supérieur au plafond légal de 60 jours date de facture (Code de commerce, art. L441-10)",
    ]);
  });

  it("needs no terms when the due date is filled: terms it cannot read are then left aside", () => {
    const result = read([{ ...INVOICE, due: "15/04/2021", terms: "voir contrat" }]);
    expect(result.invoices[0]!.dueDate).toBe(day("2021-04-15"));
    expect(result.rejected).toEqual([]);
  });

  it("gives a rejected row no warning: its message says what is wrong", () => {
    const result = read([{ ...INVOICE, terms: "90 jours", dispute: "peut-être" }]);
    expect(result.rejected).toHaveLength(1);
    expect(result.warnings).toEqual([]);
  });

  it("lists many rows with the same terms in one warning", () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ ...INVOICE, number: `F-${i}`, terms: "90 jours" }));
    const [warning] = read(rows).warnings;
    expect(warning).toMatch(/^Suivi lignes 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 et 20 autres : Délai de 90 jours/);
  });
});

describe("payments and balances", () => {
  it("warns when the balance column disagrees with amount - paid, and uses the computed balance", () => {
    const result = read([{ ...INVOICE, amount: 200, paid: 50, balance: 100 }]);
    expect(result.warnings).toEqual(["Suivi ligne 2 : Reste à payer 100,00\u00a0€ ≠ Montant TTC - Réglé 150,00\u00a0€"]);
    expect(result.invoices[0]).toMatchObject({ amount: 20000, paid: 5000, sheetBalance: 10000 });
  });

  it("reads number cells to the same cents as parseAmountInput, and refuses what it refuses", () => {
    const noisy = fc.integer({ min: 0, max: 99_999_999_999 }).chain((c) => fc.constantFrom(c / 100, (c / 100) * 1.1 / 1.1, c / 100 + 1e-9));
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 1e9 }).map((c) => c / 100), noisy), (amount) => {
        const expected = parseAmountInput(amount);
        const result = read([{ ...INVOICE, amount }]);
        if (isProblem(expected)) expect(result.rejected[0]?.message).toBe(`Montant TTC ${expected.message}`);
        else expect(result.invoices[0]?.amount).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects an amount that is not finite or not under EUR 1 billion, naming sheet, row, column and value", () => {
    for (const amount of [1e308, Infinity, -Infinity, 1e9, 1_000_000_000.5, "1 000 000 000,00 €", -1e9]) {
      const result = read([{ ...INVOICE, amount }]);
      expect(result.invoices).toEqual([]);
      expect(result.creditNotes).toEqual([]);
      expect(result.rejected).toEqual([
        expect.objectContaining({ sheet: "Suivi", row: 2, column: "Montant TTC", value: String(amount).trim() }),
      ]);
    }
    expect(read([{ ...INVOICE, amount: 1e308 }]).rejected[0]!.message).toBe(
      "Montant TTC «1e+308» n'est pas un montant inférieur à 1 milliard d'euros / not an amount under EUR 1 billion",
    );
    expect(read([{ ...INVOICE, amount: Infinity }]).rejected[0]!.message).toBe("Montant TTC «Infinity» n'est pas un montant");
    expect(read([{ ...INVOICE, amount: 999_999_999.99 }]).invoices[0]!.amount).toBe(99_999_999_999);
  });

  it("rejects a paid or balance amount out of bounds the same way", () => {
    expect(read([{ ...INVOICE, paid: 1e308 }]).rejected[0]).toMatchObject({ column: "Réglé", value: "1e+308" });
    expect(read([{ ...INVOICE, balance: -1e12 }]).rejected[0]).toMatchObject({ column: "Reste à payer", value: "-1000000000000" });
    expect(read([{ ...INVOICE, paid: Number.NaN }]).rejected[0]).toMatchObject({ column: "Réglé", message: "Réglé «NaN» n'est pas un montant" });
  });

  it("rejects an amount with a third decimal, and takes float noise as the cents Excel shows", () => {
    expect(read([{ ...INVOICE, amount: 12.345 }]).rejected[0]).toMatchObject({
      column: "Montant TTC",
      value: "12.345",
      message: "Montant TTC «12.345» a plus de deux décimales : arrondissez au centime / more than two decimals: round it to the cent",
    });
    expect(read([{ ...INVOICE, amount: 0.1 + 0.2 }]).invoices[0]!.amount).toBe(30);
    expect(read([{ ...INVOICE, amount: 1234.56 * 3 }]).invoices[0]!.amount).toBe(370368);
  });

  it("warns of an overpaid invoice, naming sheet and row, and keeps its surplus on it", () => {
    const result = read([{ ...INVOICE, amount: 100, paid: 150 }, { ...INVOICE, number: "F-2", amount: 100, paid: 100 }]);
    expect(result.warnings).toEqual([
      "Suivi ligne 2 : Réglé supérieur au Montant TTC : le trop-perçu n'est reporté sur aucune autre facture / " +
        "overpaid invoice: the surplus is not carried to other invoices",
    ]);
    expect(result.invoices.map((i) => i.amount - i.paid)).toEqual([-5000, 0]);
  });

  it("warns of an invoice overpaid by what its balance says, when there is no paid column", () => {
    const result = readTrackingRows("Suivi", [
      { row: 1, cells: ["Client", "Facture", "Date", "Montant", "Échéance", "Solde"] },
      { row: 2, cells: ["A", "F-1", "2021-03-01", 300, "2021-04-01", -20] },
    ]);
    expect(result.warnings).toEqual([expect.stringMatching(/^Suivi ligne 2 : Réglé supérieur au Montant : le trop-perçu/)]);
  });

  it("accepts a balance within one cent of amount - paid", () => {
    expect(read([{ ...INVOICE, amount: 200, paid: 50, balance: 150.01 }]).warnings).toEqual([]);
  });

  it("reads what was paid from the balance when the sheet has no paid column", () => {
    const header = ["Client", "Facture", "Date", "Montant", "Échéance", "Solde"];
    const result = readTrackingRows("Suivi", [
      { row: 1, cells: header },
      { row: 2, cells: ["A", "F-1", "2021-03-01", 300, "2021-04-01", 120] },
    ]);
    expect(result.invoices[0]).toMatchObject({ amount: 30000, paid: 18000, sheetBalance: 12000 });
    expect(result.warnings).toEqual([]);
  });

  it("rejects a negative payment", () => {
    expect(read([{ ...INVOICE, paid: -10 }]).rejected[0]).toMatchObject({ column: "Réglé", message: "Réglé «-10» est négatif" });
  });
});

describe("credit notes", () => {
  it("reads a negative amount as a credit note linked to the invoice it credits", () => {
    const result = read([{ client: "Dupont", number: "AV-1", date: "15/03/2021", amount: "-120,00", credited: "F-1" }]);
    expect(result.creditNotes).toEqual([
      {
        kind: "creditNote",
        sheet: "Suivi",
        row: 2,
        customer: expect.objectContaining({ name: "Dupont" }),
        number: "AV-1",
        date: day("2021-03-15"),
        amount: 12000,
        creditedInvoice: "F-1",
      },
    ]);
  });

  it("reads a negative amount with no credited invoice as an unlinked credit note, due date or not", () => {
    const result = read([{ client: "Dupont", number: "AV-2", date: "15/03/2021", amount: -50 }]);
    expect(result.creditNotes[0]).toMatchObject({ amount: 5000, creditedInvoice: undefined });
  });

  it("rejects a positive amount that says which invoice it credits", () => {
    const result = read([{ ...INVOICE, credited: "F-0" }]);
    expect(result.rejected[0]).toMatchObject({
      column: "Montant TTC",
      message: "Avoir sur «F-0» rempli mais Montant TTC positif : un avoir se saisit en négatif",
    });
  });
});

describe("rejected rows", () => {
  it("name a date that does not exist, with the column's header as written", () => {
    const result = read([{ ...INVOICE, date: "31/02/2021" }]);
    expect(result.rejected).toEqual([
      { sheet: "Suivi", row: 2, column: "Date facture", value: "31/02/2021", message: "Date facture «31/02/2021» n'est pas une date" },
    ]);
  });

  it("name an amount that is not one", () => {
    expect(read([{ ...INVOICE, amount: "abc" }]).rejected[0]).toMatchObject({
      column: "Montant TTC",
      value: "abc",
      message: "Montant TTC «abc» n'est pas un montant",
    });
  });

  it("name a missing number, customer, date or amount", () => {
    expect(read([{ ...INVOICE, number: null }]).rejected[0]).toMatchObject({ column: "N° facture", value: "", message: "N° facture manquant" });
    expect(read([{ ...INVOICE, client: " " }]).rejected[0]).toMatchObject({ column: "Client", message: "Client manquant" });
    expect(read([{ ...INVOICE, date: null }]).rejected[0]).toMatchObject({ message: "Date facture manquante" });
    expect(read([{ ...INVOICE, amount: null }]).rejected[0]).toMatchObject({ message: "Montant TTC manquant" });
  });

  it("name an invoice number already used, with the row of its first use", () => {
    const result = read([INVOICE, { ...INVOICE, client: "Autre" }]);
    expect(result.rejected).toEqual([
      { sheet: "Suivi", row: 3, column: "N° facture", value: "F-1", message: "Facture «F-1» déjà présente ligne 2" },
    ]);
  });

  it("name a dispute, language or category that is not understood", () => {
    expect(read([{ ...INVOICE, dispute: "peut-être" }]).rejected[0]!.message).toBe("Litige «peut-être» : oui, non ou x attendu");
    expect(read([{ ...INVOICE, language: "allemand" }]).rejected[0]!.message).toBe("Langue «allemand» : FR ou EN attendu");
  });

  it("name an invoice number used before under another spelling: case, spaces and a leading N° aside", () => {
    const result = read([{ ...INVOICE, number: "cs-1" }, { ...INVOICE, number: " CS-1" }, { ...INVOICE, number: "N° cs-1" }]);
    expect(result.invoices.map((i) => i.number)).toEqual(["cs-1"]);
    expect(result.rejected).toEqual([
      { sheet: "Suivi", row: 3, column: "N° facture", value: "CS-1", message: "Facture «CS-1» déjà présente ligne 2 sous la forme «cs-1»" },
      { sheet: "Suivi", row: 4, column: "N° facture", value: "N° cs-1", message: "Facture «N° cs-1» déjà présente ligne 2 sous la forme «cs-1»" },
    ]);
  });

  it("name a credit note numbered like an invoice under another spelling", () => {
    const result = read([INVOICE, { client: "Dupont", number: "f-1", date: "15/03/2021", amount: "-10,00" }]);
    expect(result.rejected[0]).toMatchObject({ row: 3, message: "Avoir «f-1» : numéro déjà présent ligne 2 sous la forme «F-1»" });
  });

  it("name the Excel error a used cell holds, never as missing nor as text", () => {
    const errors = ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"];
    for (const error of errors) {
      expect(read([{ ...INVOICE, amount: error }]).rejected).toEqual([
        {
          sheet: "Suivi",
          row: 2,
          column: "Montant TTC",
          value: error,
          message: `Montant TTC : la cellule contient l'erreur Excel ${error} / the cell holds the Excel error ${error}`,
        },
      ]);
    }
    expect(read([{ ...INVOICE, client: "#N/A" }]).rejected[0]).toMatchObject({ column: "Client", value: "#N/A" });
    expect(read([{ ...INVOICE, number: "#REF!" }]).rejected[0]).toMatchObject({ column: "N° facture", value: "#REF!" });
    expect(read([{ ...INVOICE, date: "#VALUE!" }]).rejected[0]).toMatchObject({ column: "Date facture", value: "#VALUE!" });
    expect(read([{ ...INVOICE, email: "#N/A" }]).rejected[0]).toMatchObject({ column: "E-mail", value: "#N/A" });
    expect(read([{ ...INVOICE, type: "#N/A" }]).rejected[0]).toMatchObject({ column: "Catégorie", value: "#N/A" });
  });

  it("name the leftmost of several Excel errors", () => {
    expect(read([{ ...INVOICE, paid: "#DIV/0!", due: "#REF!" }]).rejected[0]).toMatchObject({
      column: "Échéance",
      value: "#REF!",
      message: "Échéance : la cellule contient l'erreur Excel #REF! / the cell holds the Excel error #REF!",
    });
  });

  it("keep text that only looks like an error", () => {
    expect(read([{ ...INVOICE, client: "#1 Bâtiment" }]).invoices[0]!.customer.name).toBe("#1 Bâtiment");
  });
});

describe("customer types", () => {
  it("read the short forms people write", () => {
    const result = read([
      { ...INVOICE, number: "F-1", type: "part." },
      { ...INVOICE, number: "F-2", type: "Archi" },
      { ...INVOICE, number: "F-3", type: "collec." },
      { ...INVOICE, number: "F-4", type: "B2C" },
    ]);
    expect(result.invoices.map((i) => i.customer.customerType)).toEqual(["particulier", "architecte", "collectivite", "particulier"]);
  });

  it("keep an invoice whose type is not understood, as professionnel, with a warning naming the rows", () => {
    const result = read([
      { ...INVOICE, number: "F-1", type: "martien" },
      { ...INVOICE, number: "F-2", type: "martien" },
      { ...INVOICE, number: "F-3", type: "Grossiste" },
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.invoices.map((i) => i.customer.customerType)).toEqual(["professionnel", "professionnel", "professionnel"]);
    expect(result.warnings).toEqual([
      "Suivi lignes 2, 3 : Catégorie «martien» : type de client non reconnu, professionnel retenu / unrecognised customer type, professionnel assumed",
      "Suivi ligne 4 : Catégorie «Grossiste» : type de client non reconnu, professionnel retenu / unrecognised customer type, professionnel assumed",
    ]);
  });

  it("let a row that states the type win over one whose type is not understood", () => {
    const result = read([{ ...INVOICE, number: "F-1", type: "martien" }]);
    expect(result.invoices[0]!.customer.defaulted).toEqual(["customerType", "language"]);
  });

  it("warn of no row that is rejected for another reason", () => {
    expect(read([{ ...INVOICE, type: "martien", date: "31/02/2021" }]).warnings).toEqual([]);
  });

  it("name a bad optional date", () => {
    expect(read([{ ...INVOICE, pv: "bientôt" }]).rejected[0]).toMatchObject({
      column: "Date PV",
      message: "Date PV «bientôt» n'est pas une date",
    });
  });
});

describe("blank and total rows", () => {
  it("a total row is skipped and counted", () => {
    for (const label of ["Total", "Sous-total", "Total TTC", "TOTAL GÉNÉRAL", "Totaux", "Grand total", "Subtotal"]) {
      const result = read([INVOICE, { client: label, amount: 4200 }]);
      expect([label, ...counts(result)]).toEqual([label, 2, 1, 0, 1, 0]);
    }
  });

  it("a total label in the number column makes a total row too", () => {
    expect(counts(read([INVOICE, { number: "Total", amount: 4200 }]))).toEqual([2, 1, 0, 1, 0]);
  });

  it("a customer really named Total, with a number and a date, is an invoice", () => {
    expect(read([{ ...INVOICE, client: "Total" }]).invoices).toHaveLength(1);
  });

  it("a row of amounts alone at the bottom is a total row", () => {
    expect(counts(read([INVOICE, {}, { amount: 4200, paid: 0 }, {}]))).toEqual([3, 1, 0, 2, 0]);
  });

  it("a row of amounts alone above invoices is rejected", () => {
    const result = read([{ amount: 100 }, INVOICE]);
    expect(result.rejected).toEqual([
      { sheet: "Suivi", row: 2, column: "Montant TTC", value: "100", message: "Client et N° facture manquants" },
    ]);
  });

  it("blank rows between invoices are skipped and counted, blank rows after the last are not", () => {
    const result = read([INVOICE, {}, { client: "" }, { ...INVOICE, number: "F-2" }, {}, {}]);
    expect(counts(result)).toEqual([4, 2, 0, 2, 0]);
  });

  it("rows missing from the file between two rows count as blank rows", () => {
    const result = readTrackingRows("Suivi", [
      { row: 1, cells: HEADER },
      { row: 2, cells: cells(INVOICE) },
      { row: 6, cells: cells({ ...INVOICE, number: "F-2" }) },
    ]);
    expect(counts(result)).toEqual([5, 2, 0, 3, 0]);
  });

  it("cells outside the recognised columns do not make a row", () => {
    const result = readTrackingRows("Suivi", [
      { row: 1, cells: [...HEADER, "Observations"] },
      { row: 2, cells: cells(INVOICE) },
      { row: 3, cells: [...cells({}), "appeler lundi"] },
      { row: 4, cells: cells({ ...INVOICE, number: "F-2" }) },
    ]);
    expect(counts(result)).toEqual([3, 2, 0, 1, 0]);
  });
});

describe("the header row", () => {
  it("title rows above the header are counted neither as rows nor skipped", () => {
    const result = readTrackingRows("Suivi", [
      { row: 1, cells: ["Suivi des encaissements 2021", null, null] },
      { row: 2, cells: ["Entreprise Martin BTP"] },
      { row: 4, cells: HEADER },
      { row: 5, cells: cells(INVOICE) },
    ]);
    expect(result.mapping?.headerRow).toBe(4);
    expect(counts(result)).toEqual([1, 1, 0, 0, 0]);
  });

  it("can be given, and is then not searched for", () => {
    const result = readTrackingRows(
      "Suivi",
      [
        { row: 1, cells: HEADER },
        { row: 2, cells: HEADER },
        { row: 3, cells: cells(INVOICE) },
      ],
      { headerRow: 2 },
    );
    expect(result.mapping?.headerRow).toBe(2);
    expect(counts(result)).toEqual([1, 1, 0, 0, 0]);
  });

  it("a given header row without the required columns is a problem", () => {
    const result = readTrackingRows("Suivi", [{ row: 1, cells: ["Titre"] }, { row: 2, cells: HEADER }], { headerRow: 1 });
    expect(result.problem?.message).toMatch(/^Ligne d'en-tête 1 : colonnes requises introuvables : Client, N° facture/);
    expect(result.rows).toBe(0);
  });

  it("a sheet with no header row is a problem and has no rows", () => {
    const reader = createTrackingSheetReader("Notes");
    for (let row = 1; row <= 60; row++) reader.push(row, ["du texte", 12]);
    expect(reader.headerMissing).toBe(true);
    const result = reader.finish();
    expect(result.mapping).toBeNull();
    expect(result.problem?.message).toMatch(/^Aucune ligne d'en-tête trouvée dans les 50 premières lignes/);
    expect(counts(result)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("the reference date", () => {
  it("warns of invoices dated after it", () => {
    const result = read([{ ...INVOICE, date: "2021-07-01" }], { today: day("2021-06-15") });
    expect(result.warnings).toEqual(["Suivi ligne 2 : Date facture postérieure au 15/06/2021"]);
  });
});

describe("every row is accounted for", () => {
  const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom<CellValue>(
      null, "", " ", "Total", "Sous-total", "TOTAL GÉNÉRAL", "SCI Les Tilleuls", "F-1", "F-2", "31/02/2021",
      "31/03/2021", "2021-03-31", "1 234,56 €", "abc", "-120,00", "30 jours", "45 jours fin de mois", "90 jours",
      "x", "oui", "non", "EN", "architecte", "particulier", "#N/A", "=B2*1.2", true, false, 0, 1, -1, 60, 44286,
      1e308, -0, Number.MAX_SAFE_INTEGER,
    ),
    fc.string({ maxLength: 12 }),
    fc.double({ noNaN: false }),
    fc.integer({ min: -100_000, max: 3_000_000 }),
  );
  const row = fc.array(cellValue, { maxLength: HEADER.length + 2 });

  it("never throws, and rows = invoices + credit notes + skipped + rejected", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), row), { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (rows, headerRow) => {
        const reader = createTrackingSheetReader("Suivi", { today: day("2021-06-15") });
        let n = 0;
        for (let i = 1; i < headerRow; i++) reader.push(++n, ["titre"]);
        reader.push(++n, HEADER);
        for (const [gap, cellsOfRow] of rows) {
          n += gap;
          reader.push(n, cellsOfRow);
        }
        const result = reader.finish();
        expect(result.rows).toBe(result.invoices.length + result.creditNotes.length + result.skipped + result.rejected.length);
        expect(result.rows).toBeLessThanOrEqual(n - headerRow);
        const headers = new Set(HEADER);
        for (const rejected of result.rejected) {
          expect(headers.has(rejected.column)).toBe(true);
          expect(rejected.row).toBeGreaterThan(headerRow);
          expect(rejected.message).not.toBe("");
        }
        const used = [...result.invoices, ...result.creditNotes, ...result.rejected].map((r) => r.row);
        expect(new Set(used).size).toBe(used.length);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on random header rows either", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), row), { maxLength: 30 }), (rows) => {
        const reader = createTrackingSheetReader("Suivi");
        let n = 0;
        for (const [gap, cellsOfRow] of rows) reader.push((n += gap), cellsOfRow);
        const result = reader.finish();
        expect(result.rows).toBe(result.invoices.length + result.creditNotes.length + result.skipped + result.rejected.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the Civilité column", () => {
  const header = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Contact", "Civilité"];
  const row = (civility: CellValue): CellValue[] => ["SARL Garonne Bâtiment", "F-1", "02/03/2026", "01/04/2026", 1200, "Anne Roques", civility];
  const customerOf = (civility: CellValue) => readTrackingRows("Suivi", [{ row: 1, cells: header }, { row: 2, cells: row(civility) }]).invoices[0]!.customer;

  it("gives the customer the contact's civility, as typed in French or English", () => {
    expect(customerOf("Mme").civility).toBe("Madame");
    expect(customerOf("Mr").civility).toBe("Mr");
  });

  it("leaves the civility out when the cell is blank or says something else", () => {
    expect(customerOf(null).civility).toBeUndefined();
    expect(customerOf("Société").civility).toBeUndefined();
    expect(customerOf("Société")).not.toHaveProperty("civility");
  });
});

describe("customer details read once per customer", () => {
  it("rows of a customer with the same cells share one details object", () => {
    const result = read([INVOICE, { ...INVOICE, number: "F-2" }]);
    expect(result.invoices[1]!.customer).toBe(result.invoices[0]!.customer);
  });

  it("a row of the customer whose cells differ gets its own details", () => {
    const result = read([INVOICE, { ...INVOICE, number: "F-2", email: "compta@tilleuls.example" }, { ...INVOICE, number: "F-3" }]);
    expect(result.invoices[1]!.customer.email).toBe("compta@tilleuls.example");
    expect(result.invoices[2]!.customer.email).toBeUndefined();
    expect(result.invoices[2]!.customer).not.toBe(result.invoices[1]!.customer);
  });

  it("cells that differ only in spaces still give the same details object", () => {
    const result = read([{ ...INVOICE, email: "a@b.example" }, { ...INVOICE, number: "F-2", email: " a@b.example " }]);
    expect(result.invoices[1]!.customer).toBe(result.invoices[0]!.customer);
  });
});

describe("duplicates found by row", () => {
  it("a duplicate of a credit note names the note's spelling and row", () => {
    const result = read([
      INVOICE,
      { ...INVOICE, number: "av-1", amount: "-100,00 €" },
      { ...INVOICE, number: "AV-1", amount: "-50,00 €" },
    ]);
    expect(result.rejected[0]).toMatchObject({ row: 4, message: "Avoir «AV-1» : numéro déjà présent ligne 3 sous la forme «av-1»" });
  });
});

describe("the Litige cell", () => {
  it("a dash alone is no dispute", () => {
    expect(read([{ ...INVOICE, dispute: "-" }]).invoices[0]!.dispute).toBe(false);
  });

  it("a word that is neither yes nor no rejects the row", () => {
    expect(read([{ ...INVOICE, dispute: "peut-être" }]).rejected[0]).toMatchObject({ column: "Litige" });
  });
});
