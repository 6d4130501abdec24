import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso, type Day } from "../../src/core/day";
import { cellValueOf } from "../../src/workbook/exceljsCells";
import { readTrackingWorkbook, streamedWorkbookInput } from "../../src/workbook/readTrackingWorkbook";
import { UnreadableWorkbookError } from "../../src/workbook/workbookFile";
import { holdEndUntilDrained } from "../../src/workbook/zipInput";
import { readWorkbookPrelude } from "../../src/workbook/workbookPrelude";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "relances-read-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(iso);
  return d;
}

/** A date cell as Excel holds it: the day at UTC midnight, whatever the machine's time zone. */
function date(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

async function save(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const NNBSP = "\u202f";

/**
 * The tracking sheet as an assistant keeps it: merged title rows, blank rows, dates as text and
 * as dates, amounts as text, formulas, partial payments, credit notes, a dispute marked x, an
 * architect with an acceptance report, a wrong date, and a total row; after a notes sheet and
 * the journal, which are not it.
 */
async function messyWorkbook(name = "suivi-desordonne.xlsx"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet("Notes");
  notes.getCell("A1").value = "Penser à relancer les architectes après le PV";
  const journal = workbook.addWorksheet("Journal des relances");
  journal.addRow(["Date", "Client", "Facture", "Niveau", "Canal"]);
  journal.addRow([date("2021-05-05"), "SCI Les Tilleuls", "F2021-014", "Relance 1", "email"]);

  const sheet = workbook.addWorksheet("Suivi 2021");
  sheet.mergeCells("A1:L1");
  sheet.getCell("A1").value = "Suivi des encaissements 2021 — Martin BTP";
  sheet.mergeCells("A2:D2");
  sheet.getCell("A2").value = { richText: [{ text: "Édité le " }, { text: "15/06/2021", font: { bold: true } }] };
  sheet.getRow(4).values = [
    "Client", "N° facture", "Date facture", "Montant TTC", "Échéance", "Conditions", "Réglé", "Reste à payer",
    "Catégorie", "Date PV", "Litige", "Avoir sur",
  ];
  sheet.getRow(5).values = [
    "SCI Les Tilleuls", "F2021-014", date("2021-03-02"), 4200, null, "45 jours fin de mois", 2100,
    { formula: "D5-G5", result: 2100 }, "Promoteur", null, null, null,
  ];
  sheet.getRow(6).values = [
    "  M. Dupont ", "F2021-015", "31/03/2021", `1${NNBSP}234,56${NNBSP}€`, "2021-04-30", null, null, null,
    "Particulier", null, "non", null,
  ];
  sheet.getRow(8).values = [
    "Cabinet Arcature", 2021016, date("2021-03-10"), 9600, date("2021-04-09"), null, `3${NNBSP}000,00 €`, null,
    "Architecte", date("2021-05-20"), null, null,
  ];
  sheet.getRow(9).values = [
    "Garage Lemoine", "F2021-017", "2021-04-01", { formula: "M9*1.2", result: 1200 }, null, "30 jours", null,
    null, null, null, "x", null,
  ];
  sheet.getCell("M9").value = 1000;
  sheet.getRow(10).values = [
    "M. Dupont", "AV2021-001", "15/04/2021", -234.56, null, null, null, null, "Particulier", null, null, "F2021-015",
  ];
  sheet.getRow(11).values = ["SCI Les Tilleuls", "AV2021-002", date("2021-04-20"), "-100,00 €"];
  sheet.getRow(12).values = ["Plomberie Rossi", "F2021-018", "31/02/2021", 500, null, "30 jours"];
  sheet.getRow(14).values = ["Total", null, null, { formula: "SUM(D5:D12)", result: 15165.56 }, null, null, { formula: "SUM(G5:G12)", result: 5100 }];
  for (const row of [5, 8, 11]) sheet.getCell(`C${row}`).numFmt = "dd/mm/yyyy";
  sheet.getCell("E8").numFmt = "dd/mm/yyyy";
  sheet.getCell("J8").numFmt = "dd/mm/yyyy";
  return save(workbook, name);
}

describe("readTrackingWorkbook on a messy tracking sheet", () => {
  let file: string;
  beforeAll(async () => {
    file = await messyWorkbook();
  });

  it("chooses the first sheet whose header row is found, passing over notes and the journal", async () => {
    const result = await readTrackingWorkbook(file);
    expect(result.sheet).toBe("Suivi 2021");
    expect(result.problem).toBeUndefined();
    expect(result.sheetNames).toEqual(["Notes", "Journal des relances", "Suivi 2021"]);
  });

  it("finds the header row under merged title cells", async () => {
    const result = await readTrackingWorkbook(file);
    expect(result.mapping?.headerRow).toBe(4);
    expect(result.mapping?.columns.creditedInvoice).toBe(11);
  });

  it("accounts for every row: 4 invoices, 2 credit notes, 3 skipped, 1 rejected", async () => {
    const result = await readTrackingWorkbook(file);
    expect({
      rows: result.rows,
      invoices: result.invoices.map((i) => i.row),
      creditNotes: result.creditNotes.map((c) => c.row),
      skipped: result.skipped,
      rejected: result.rejected.map((r) => r.row),
    }).toEqual({ rows: 10, invoices: [5, 6, 8, 9], creditNotes: [10, 11], skipped: 3, rejected: [12] });
  });

  it("rejects 31/02/2021 with the exact message and location", async () => {
    const result = await readTrackingWorkbook(file);
    expect(result.rejected).toEqual([
      {
        sheet: "Suivi 2021",
        row: 12,
        column: "Date facture",
        value: "31/02/2021",
        message: "Date facture «31/02/2021» n'est pas une date",
      },
    ]);
  });

  it("reads real dates, dd/mm/yyyy text and ISO text as the same kind of day", async () => {
    const [tilleuls, dupont, arcature, lemoine] = (await readTrackingWorkbook(file)).invoices;
    expect(tilleuls?.invoiceDate).toBe(day("2021-03-02"));
    expect(dupont?.invoiceDate).toBe(day("2021-03-31"));
    expect(dupont?.dueDate).toBe(day("2021-04-30"));
    expect(arcature?.dueDate).toBe(day("2021-04-09"));
    expect(lemoine?.invoiceDate).toBe(day("2021-04-01"));
  });

  it("computes the due date from the terms when the due date cell is empty", async () => {
    const [tilleuls, , , lemoine] = (await readTrackingWorkbook(file)).invoices;
    // 2021-03-02 + 45 days = 2021-04-16, end of that month
    expect(tilleuls?.dueDate).toBe(day("2021-04-30"));
    expect(lemoine?.dueDate).toBe(day("2021-05-01"));
  });

  it("reads amounts typed with narrow no-break spaces and the euro sign, and partial payments", async () => {
    const [tilleuls, dupont, arcature] = (await readTrackingWorkbook(file)).invoices;
    expect(dupont).toMatchObject({ amount: 123456, paid: 0 });
    expect(tilleuls).toMatchObject({ amount: 420000, paid: 210000, sheetBalance: 210000 });
    expect(arcature).toMatchObject({ amount: 960000, paid: 300000 });
  });

  it("reads a formula cell through its cached result", async () => {
    const lemoine = (await readTrackingWorkbook(file)).invoices[3];
    expect(lemoine?.amount).toBe(120000);
  });

  it("reads a dispute marked x, an architect with an acceptance report, trimmed names and numeric numbers", async () => {
    const [tilleuls, dupont, arcature, lemoine] = (await readTrackingWorkbook(file)).invoices;
    expect(lemoine?.dispute).toBe(true);
    expect(dupont?.dispute).toBe(false);
    expect(dupont?.customer).toMatchObject({ name: "M. Dupont", customerType: "particulier" });
    expect(arcature).toMatchObject({ number: "2021016", acceptanceDate: day("2021-05-20") });
    expect(arcature?.customer.customerType).toBe("architecte");
    expect(tilleuls?.customer.customerType).toBe("promoteur");
  });

  it("reads credit notes, linked to their invoice or not", async () => {
    const [linked, unlinked] = (await readTrackingWorkbook(file)).creditNotes;
    expect(linked).toMatchObject({ number: "AV2021-001", amount: 23456, creditedInvoice: "F2021-015", date: day("2021-04-15") });
    expect(unlinked).toMatchObject({ number: "AV2021-002", amount: 10000, creditedInvoice: undefined, date: day("2021-04-20") });
  });

  it("a total row with a SUM formula is skipped and counted", async () => {
    const result = await readTrackingWorkbook(file);
    expect(result.rejected.some((r) => r.row === 14)).toBe(false);
    expect(result.skipped).toBe(3);
  });

  it("hands over the rows of the other sheets asked for, from the same pass", async () => {
    const result = await readTrackingWorkbook(file, { otherSheets: ["Journal des relances", "Paramètres Relances"] });
    expect([...result.otherRows.keys()]).toEqual(["Journal des relances"]);
    expect(result.otherRows.get("Journal des relances")).toEqual([
      { row: 1, cells: ["Date", "Client", "Facture", "Niveau", "Canal"] },
      { row: 2, cells: [44321, "SCI Les Tilleuls", "F2021-014", "Relance 1", "email"] },
    ]);
  });
});

describe("exceljs's streaming race (exceljs issue 3064)", () => {
  it("an end emitted while entries wait in the unzip buffer is held until they are delivered", async () => {
    const stream = new Readable({ objectMode: true, read() {} });
    holdEndUntilDrained(stream);
    const seen: string[] = [];
    let seenAtEnd = -1;
    stream.on("data", (entry: string) => seen.push(entry));
    stream.on("end", () => (seenAtEnd = seen.length));
    stream.pause();
    for (const entry of ["xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]) stream.push(entry);
    // What unzipper's Parse does once it has read the whole file, buffer or not.
    stream.emit("end");
    expect(seenAtEnd).toBe(-1);
    stream.resume();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seenAtEnd).toBe(3);
  });

  it("an end emitted with nothing waiting goes through at once", () => {
    const stream = new Readable({ objectMode: true, read() {} });
    holdEndUntilDrained(stream);
    let ended = false;
    stream.on("end", () => (ended = true));
    stream.emit("end");
    expect(ended).toBe(true);
  });

  it("a workbook exceljs wrote, its xl/workbook.xml last, reads whole every time", async () => {
    const file = await messyWorkbook("relu.xlsx");
    for (let i = 0; i < 100; i++) {
      const result = await readTrackingWorkbook(file);
      expect([result.sheetNames.length, result.invoices.length]).toEqual([3, 4]);
    }
  });
});

describe("readTrackingWorkbook options", () => {
  it("reads the sheet named by --sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ["2020", "2021"]) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow(["Client", "Facture", "Date", "Montant", "Échéance"]);
      sheet.addRow(["A", `F-${name}`, `${name}-01-15`, 100, `${name}-02-15`]);
    }
    const file = await save(workbook, "deux-annees.xlsx");
    expect((await readTrackingWorkbook(file)).invoices[0]?.number).toBe("F-2020");
    const result = await readTrackingWorkbook(file, { sheet: "2021" });
    expect(result.sheet).toBe("2021");
    expect(result.invoices.map((i) => i.number)).toEqual(["F-2021"]);
  });

  it("says which sheets there are when the named one is not", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Suivi").addRow(["Client", "Facture", "Date", "Montant", "Échéance"]);
    const file = await save(workbook, "une-feuille.xlsx");
    const result = await readTrackingWorkbook(file, { sheet: "Clients" });
    expect(result.problem?.message).toBe("Feuille «Clients» introuvable ; feuilles du classeur : «Suivi»");
    expect(result.rows).toBe(0);
  });

  it("uses a given header row", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Suivi");
    sheet.addRow(["Client", "Facture", "Date", "Montant", "Échéance"]);
    sheet.addRow(["Client", "Facture", "Date", "Montant", "Échéance"]);
    sheet.addRow(["A", "F-1", "2021-01-15", 100, "2021-02-15"]);
    const file = await save(workbook, "en-tete-donnee.xlsx");
    const result = await readTrackingWorkbook(file, { headerRow: 2 });
    expect(result.mapping?.headerRow).toBe(2);
    expect([result.rows, result.invoices.length]).toEqual([1, 1]);
  });

  it("explains a workbook with no tracking sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Feuil1").addRow(["Bonjour"]);
    const file = await save(workbook, "sans-suivi.xlsx");
    const result = await readTrackingWorkbook(file);
    expect(result.problem?.message).toMatch(/^Feuille «Feuil1» : Aucune ligne d'en-tête trouvée dans les 50 premières lignes/);
    expect(result.sheetNames).toEqual(["Feuil1"]);
  });
});

describe("readTrackingWorkbook on English headers", () => {
  it("reads an English tracking sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Receivables");
    sheet.addRow(["Customer", "Invoice no.", "Invoice date", "Amount", "Terms", "Paid", "Balance", "Category", "Dispute", "Language"]);
    sheet.addRow(["Acme Ltd", "INV-7", date("2021-05-03"), 1000, "net 30", 250, 750, "Business", "yes", "EN"]);
    sheet.getCell("C2").numFmt = "yyyy-mm-dd";
    const file = await save(workbook, "english.xlsx");
    const result = await readTrackingWorkbook(file);
    expect(result.invoices).toHaveLength(1);
    expect(result.invoices[0]).toMatchObject({
      number: "INV-7",
      invoiceDate: day("2021-05-03"),
      dueDate: day("2021-06-02"),
      amount: 100000,
      paid: 25000,
      dispute: true,
    });
    expect(result.invoices[0]?.customer).toMatchObject({ name: "Acme Ltd", language: "en", customerType: "professionnel" });
    expect(result.warnings).toEqual([]);
  });
});

describe("merged cells", () => {
  it("a cell merged over two data rows gives its value to both (SPEC section 3)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Suivi");
    sheet.addRow(["Client", "Facture", "Date", "Montant", "Échéance"]);
    sheet.addRow(["Dupont", "F-1", "2021-01-15", 100, "2021-02-15"]);
    sheet.addRow([null, "F-2", "2021-01-16", 100, "2021-02-16"]);
    sheet.mergeCells("A2:A3");
    const file = await save(workbook, "fusion-verticale.xlsx");
    const streamed = await readTrackingWorkbook(file);
    expect(streamed.rejected).toEqual([]);
    expect(streamed.invoices.map((i) => [i.row, i.customer.name])).toEqual([[2, "Dupont"], [3, "Dupont"]]);
  });
});

describe("the streamed workbook input", () => {
  async function gappedFile(): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Suivi");
    sheet.getRow(1).values = ["Client", "Facture", "Date", "Montant", "Échéance"];
    sheet.getRow(2).values = ["Dupont", "F-1", "2021-01-15", 100, "2021-02-15"];
    sheet.getRow(5).values = ["Martin", "F-2", "2021-01-16", 0.5, "2021-02-16"];
    sheet.getCell("D5").numFmt = "0%";
    workbook.addWorksheet("Autre").addRow(["x"]);
    return save(workbook, "lignes-absentes.xlsx");
  }

  it("hands consecutive rows over in one block and starts another after absent rows, formats when asked", async () => {
    const file = await gappedFile();
    const input = streamedWorkbookInput(file, await readWorkbookPrelude(file));
    const seen: unknown[] = [];
    for await (const sheet of input.sheets()) {
      for await (const block of sheet.rows({ numberFormats: true })) {
        seen.push([sheet.name, block.firstRow, block.values.length, block.numberFormats?.map((row) => row[3])]);
      }
    }
    expect(seen).toEqual([["Suivi", 1, 2, [undefined, undefined]], ["Suivi", 5, 1, ["0%"]], ["Autre", 1, 1, [undefined]]]);
    expect(input.tabOrder()).toEqual(["Suivi", "Autre"]);
  });

  it("lets the engine leave a sheet's rows half read, and goes on to the next sheet", async () => {
    const file = await gappedFile();
    const input = streamedWorkbookInput(file, await readWorkbookPrelude(file));
    const names: string[] = [];
    for await (const sheet of input.sheets()) {
      names.push(sheet.name);
      for await (const block of sheet.rows()) if (block.firstRow > 0) break;
    }
    expect(names).toEqual(["Suivi", "Autre"]);
  });

  it("passes an error of the reading code through as it is, not as an unreadable file", async () => {
    const file = await gappedFile();
    const input = streamedWorkbookInput(file, await readWorkbookPrelude(file));
    const bug = new Error("bug");
    const pass = async (): Promise<void> => {
      for await (const sheet of input.sheets()) for await (const _ of sheet.rows()) throw bug;
    };
    await expect(pass()).rejects.toBe(bug);
  });
});

describe("a file that cannot be read", () => {
  it("missing: one clear line, French and English", async () => {
    const file = path.join(dir, "absent.xlsx");
    await expect(readTrackingWorkbook(file)).rejects.toThrow(
      `Impossible de lire «${file}» : fichier introuvable / cannot read «${file}»: file not found`,
    );
  });

  it("not a zip at all", async () => {
    const file = path.join(dir, "texte.xlsx");
    writeFileSync(file, "Client;Facture\n");
    const error = await readTrackingWorkbook(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as Error).message).toBe(
      `«${file}» n'est pas un classeur Excel (.xlsx) valide / «${file}» is not a valid Excel workbook (.xlsx)`,
    );
  });

  it("a cut-off zip", async () => {
    const whole = await messyWorkbook("entier.xlsx");
    const file = path.join(dir, "tronque.xlsx");
    const bytes = readFileSync(whole);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    await expect(readTrackingWorkbook(file)).rejects.toThrow(`«${file}» n'est pas un classeur Excel (.xlsx) valide`);
  });

  it("an old .xls or password-protected workbook", async () => {
    const file = path.join(dir, "ancien.xls");
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await expect(readTrackingWorkbook(file)).rejects.toThrow("(ancien format .xls ou classeur protégé par mot de passe)");
  });

  it("an empty file", async () => {
    const file = path.join(dir, "vide.xlsx");
    writeFileSync(file, "");
    await expect(readTrackingWorkbook(file)).rejects.toThrow("n'est pas un classeur Excel (.xlsx) valide");
  });

  it("a folder", async () => {
    const folder = path.join(dir, "dossier.xlsx");
    mkdirSync(folder);
    await expect(readTrackingWorkbook(folder)).rejects.toThrow(`Impossible de lire «${folder}» : c'est un dossier`);
  });
});

describe("cellValueOf", () => {
  it("gives a date as the Excel serial of its day", () => {
    expect(cellValueOf(date("2021-03-31"))).toBe(44286);
    expect(cellValueOf(new Date("2021-03-31T18:30:00Z"))).toBe(44286);
  });

  it("gives a formula's cached result, or nothing without one", () => {
    expect(cellValueOf({ formula: "B2*1.2", result: 120 })).toBe(120);
    expect(cellValueOf({ formula: "B2", result: date("2021-03-31") })).toBe(44286);
    expect(cellValueOf({ formula: "NA()", result: { error: "#N/A" } })).toBe("#N/A");
    expect(cellValueOf({ sharedFormula: "D5", result: "x" })).toBe("x");
    expect(cellValueOf({ formula: "B2" })).toBeNull();
  });

  it("gives rich text, hyperlinks and errors as text", () => {
    expect(cellValueOf({ richText: [{ text: "SCI " }, { text: "Les Tilleuls" }] })).toBe("SCI Les Tilleuls");
    expect(cellValueOf({ text: "compta@tilleuls.fr", hyperlink: "mailto:compta@tilleuls.fr" })).toBe("compta@tilleuls.fr");
    expect(cellValueOf({ error: "#REF!" })).toBe("#REF!");
  });

  it("refuses a shared-string index exceljs did not resolve, rather than read a blank", () => {
    expect(() => cellValueOf({ sharedString: 3 } as unknown as ExcelJS.CellValue)).toThrow("shared strings missing");
  });

  it("keeps strings, numbers and booleans, and turns nothing into null", () => {
    expect([cellValueOf("a"), cellValueOf(1.5), cellValueOf(true), cellValueOf(undefined), cellValueOf(null)]).toEqual([
      "a", 1.5, true, null, null,
    ]);
  });
});
