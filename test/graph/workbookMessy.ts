// Two tracking workbooks as firms keep them, messier than the sample: title rows and a table that
// starts at column B, dates typed as text and real dates with a time of day, amounts as text,
// formulas with cached results and errors, rich text and hyperlinks, invoice numbers stored as
// text, hidden and very hidden sheets, a sheet without a header, a journal table, the manual
// workflow's « 1ère relance » sheet, a settings sheet with a percentage and a saved column mapping.
import ExcelJS from "exceljs";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../../src/core/journalEntry";
import { SETTINGS_SHEET } from "../../src/core/settings";

const utc = (iso: string, hours = 0, minutes = 0): Date => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, hours, minutes));
};

/** Cabinet Lemoine: two yearly sheets, the journal as a table, a history sheet, hostile names. */
export async function writeMessyCabinet(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const s25 = wb.addWorksheet("Suivi 2025");
  s25.getCell("B1").value = "Cabinet Lemoine — suivi des factures 2025";
  s25.mergeCells("B1:H1");
  s25.getCell("B2").value = { richText: [{ text: "Mis à jour le " }, { font: { bold: true }, text: "02/01/2026" }] };
  const header = ["Raison sociale", "N° pièce", "Date pièce", "Conditions", "Montant TTC", "Réglé", "Reste dû", "Catégorie", "Mail", "Litige"];
  s25.getRow(4).values = [null, ...header];
  const rows25: ExcelJS.CellValue[][] = [
    ["SCI Les Tilleuls", "00123", "15/03/2025", "30 jours", "1 234,56 €", "", { formula: "F5-G5", result: 1234.56 }, "promo", { text: "gestion@tilleuls.example", hyperlink: "mailto:gestion@tilleuls.example" }, "non"],
    ["Mairie de Saverdun", "2025-044", utc("2025-04-02"), "45 jours fin de mois", 8400, 2000, { formula: "F6-G6", result: 6400 }, "mairie", "compta@saverdun.example", ""],
    [],
    [{ richText: [{ text: "Durand " }, { font: { italic: true }, text: "SARL" }] }, "2025-051", utc("2025-05-20", 14, 30), "", { formula: "1/0", result: { error: "#DIV/0!" } }, "", "", "pro", "durand@client.example", ""],
    ["Martin", "2025-060", "31/02/2025", "30 jours", 300, "", 300, "part.", "martin@client.example", "oui"],
    ["=HYPERLINK(\"http://evil.example\",\"x\")", "2025-061", utc("2025-06-01"), "30 jours", 450, "", 450, "pro", "evil@client.example", ""],
    ["<img src=x onerror=alert(1)>", "2025-062", utc("2025-06-03"), "comptant", 99.9, 100, 0, "", "img@client.example", ""],
    ["TOTAL", "", "", "", { formula: "SUM(F5:F11)", result: 10384.46 }],
  ];
  rows25.forEach((cells, i) => (s25.getRow(5 + i).values = [null, ...cells]));
  s25.getColumn(4).numFmt = "dd/mm/yyyy";

  const s26 = wb.addWorksheet("Suivi 2026");
  s26.getRow(1).values = header;
  for (let i = 0; i < 40; i++) {
    const day = 1 + (i % 27);
    s26.getRow(2 + i).values = [
      i % 3 === 0 ? "SCI Les Tilleuls" : i % 3 === 1 ? "Durand SARL" : `Client ${i}`,
      `2026-${String(100 + i)}`,
      i % 5 === 0 ? `${String(day).padStart(2, "0")}/0${1 + (i % 5)}/2026` : utc(`2026-0${1 + (i % 5)}-${String(day).padStart(2, "0")}`),
      i % 4 === 0 ? "60 jours" : "30 jours fin de mois",
      i % 7 === 0 ? `${1000 + i * 13},50` : 1000 + i * 13.25,
      i % 6 === 0 ? 200 : "",
      "",
      i % 2 === 0 ? "professionnel" : "collectivité",
      `client${i}@example.com`,
      i === 9 ? "x" : "",
    ];
  }
  s26.getRow(43).values = ["", "", "", "", { formula: "SUM(E2:E41)", result: 0 }];

  const archives = wb.addWorksheet("Archives", { state: "hidden" });
  archives.getRow(1).values = header;
  archives.getRow(2).values = ["Vieux client", "2019-001", utc("2019-01-02"), "30 jours", 500];
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "Penser à appeler la mairie";
  notes.getCell("C3").value = 42;

  const history = wb.addWorksheet("EGPL clients 1ère relance");
  history.getRow(1).values = ["Raison sociale", "N° de Facture", "date 1ère relance"];
  history.getRow(2).values = ["SCI Les Tilleuls", "00123", utc("2025-05-10")];
  history.getCell("C2").numFmt = "dd/mm/yyyy";

  const journal = wb.addWorksheet(JOURNAL_SHEET);
  journal.addTable({
    name: "JournalRelances",
    ref: "A1",
    headerRow: true,
    columns: JOURNAL_COLUMNS.map((name) => ({ name })),
    rows: [
      [utc("2025-06-20"), "Mairie de Saverdun", "2025-044", "Relance 1", "courrier", "R1-044.docx", null, null, null, "Claire"],
      [utc("2025-07-01"), "Martin", "2025-060", "", "téléphone", "", utc("2025-07-15"), "ouvert", "conteste la facture", "Claire"],
    ],
  });
  journal.getColumn(1).numFmt = "dd/mm/yyyy";
  journal.getColumn(7).numFmt = "dd/mm/yyyy";

  const settings = wb.addWorksheet(SETTINGS_SHEET);
  settings.getRow(1).values = ["Clé", "Valeur", "Description"];
  settings.getRow(2).values = ["taux_bce_2025_s1", 0.0315, "Taux BCE"];
  settings.getCell("B2").numFmt = "0.00%";
  settings.getRow(3).values = ["delai_relance_2", 12, "Jours"];
  settings.getRow(4).values = ["societe_raison_sociale", "Cabinet Lemoine", ""];
  await wb.xlsx.writeFile(file);
}

/** Bâtiments Roux: the invoices on a hidden sheet named by the saved mapping, odd headers, 300 rows. */
export async function writeMessyMapping(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const intro = wb.addWorksheet("Lisez-moi");
  intro.getCell("A1").value = "Ce classeur est tenu par l'assistante de direction.";
  const data = wb.addWorksheet("Feuil1", { state: "hidden" });
  data.getRow(3).values = ["Qui", "Réf", "Émise le", "À payer le", "TTC", "Payé", "Courriel", "Tél"];
  for (let i = 0; i < 300; i++) {
    data.getRow(4 + i).values = [
      i % 10 === 0 ? "" : `Entreprise ${i % 37}`,
      i % 11 === 0 ? `N° R-${i}` : `R-${i}`,
      utc(`2026-0${1 + (i % 5)}-0${1 + (i % 9)}`),
      i % 8 === 0 ? "" : utc(`2026-0${2 + (i % 5)}-0${1 + (i % 9)}`),
      i % 13 === 0 ? "abc" : 100 + i,
      i % 17 === 0 ? 100 + i : "",
      i % 19 === 0 ? "" : `e${i % 37}@roux.example`,
      `05 61 00 ${String(i % 100).padStart(2, "0")} 00`,
    ];
  }
  wb.addWorksheet("Secret", { state: "veryHidden" }).getCell("A1").value = "Client";
  const settings = wb.addWorksheet(SETTINGS_SHEET);
  settings.getRow(1).values = ["Clé", "Valeur"];
  [
    ["feuilles_suivi", "Feuil1"],
    ["ligne_entete", 3],
    ["colonne_client", "Qui"],
    ["colonne_facture", "Réf"],
    ["colonne_date_facture", "Émise le"],
    ["colonne_echeance", "D"],
    ["colonne_montant_ttc", "TTC"],
    ["colonne_regle", "Payé"],
    ["colonne_email", "Courriel"],
    ["taux_bce_2026_s1", 0.024],
  ].forEach((cells, i) => (settings.getRow(2 + i).values = cells));
  settings.getCell("B11").numFmt = "0.00%";
  await wb.xlsx.writeFile(file);
}
