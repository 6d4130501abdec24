// A tracking workbook of customers of every kind (a SARL with a named contact, an SCI without one,
// a consumer with her civility in her name, a couple, a UK company with a contact and one without),
// written as a real .xlsx, read and planned with every customer forced to one level: the merge data
// of each level and language, for tests that read what the customer reads.
import ExcelJS from "exceljs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { dayFromIso } from "../../src/core/day";
import type { ReminderLevel } from "../../src/core/reminderLevel";
import type { CompanyDetails } from "../../src/core/settings";
import { reminderData, type ReminderData } from "../../src/documents/reminderData";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { SAMPLE_COMPANY } from "../../src/sample/sampleWorkbook";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";
import { writeSettingsSheet } from "../../src/workbook/settingsSheet";

export const AS_OF = "2026-07-21";

const HEADER = ["Client", "Catégorie", "N° facture", "Date facture", "Échéance", "Montant TTC", "Contact", "Civilité", "Adresse", "CP", "Ville", "Langue", "E-mail"];

/** One row per invoice: customer, category, number, invoice date, due date, amount, contact, civility, address, postcode, city, language. */
const ROWS: readonly (readonly (string | number)[])[] = [
  ["SARL Garonne Bâtiment", "Professionnel", "F-101", "2026-03-02", "2026-04-01", 4200, "Anne Roques", "Mme", "4 quai de la Daurade", "31000", "Toulouse", "FR"],
  ["SARL Garonne Bâtiment", "Professionnel", "F-102", "2026-03-20", "2026-04-19", 1800, "Anne Roques", "Mme", "4 quai de la Daurade", "31000", "Toulouse", "FR"],
  ["SCI Les Tilleuls", "Professionnel", "F-103", "2026-03-05", "2026-04-04", 9600, "", "", "12 avenue de Toulouse", "09700", "Saverdun", "FR"],
  ["Mme Claire Lefèvre", "Particulier", "F-104", "2026-03-10", "2026-04-09", 1760, "", "", "3 rue du Collège", "09100", "Pamiers", "FR"],
  ["M. et Mme Dupuy", "Particulier", "F-105", "2026-03-12", "2026-04-11", 3240, "", "", "14 chemin de Lapeyrère", "09700", "Saverdun", "FR"],
  ["Thornton & Hale Ltd", "Business", "F-106", "2026-03-02", "2026-04-01", 16250, "James Hale", "Mr", "18 Farringdon Road", "EC1M 3HE", "London", "EN"],
  ["Thornton & Hale Ltd", "Business", "F-107", "2026-03-16", "2026-04-15", 2400, "James Hale", "Mr", "18 Farringdon Road", "EC1M 3HE", "London", "EN"],
  ["Pennine Supplies Ltd", "Business", "F-108", "2026-03-09", "2026-04-08", 5120, "", "", "2 Wellington Street", "LS1 4DL", "Leeds", "EN"],
];

export const CUSTOMER_NAMES = [...new Set(ROWS.map((row) => String(row[0])))];

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

async function writeWorkbook(file: string, company: CompanyDetails): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Suivi 2026");
  sheet.addRow(HEADER);
  for (const row of ROWS) {
    const [name, category, number, invoiceDate, due, amount, contact, civility, address, postcode, city, lang] = row as string[];
    const email = `compta@${String(name).toLowerCase().replace(/[^a-z]+/g, "-")}.example`;
    sheet.addRow([name, category, number, utc(invoiceDate!), utc(due!), amount, contact || null, civility || null, address, postcode, city, lang, email]);
  }
  writeSettingsSheet(workbook, { ...DEFAULT_SETTINGS, company });
  await workbook.xlsx.writeFile(file);
}

/**
 * The merge data of every customer, each forced to the level given, from a real workbook.
 * @param company - the letterhead (the sample firm's by default: with its signatory)
 */
export async function dataAtLevel(level: ReminderLevel, company: CompanyDetails = SAMPLE_COMPANY): Promise<ReminderData[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "relances-wording-"));
  try {
    const file = path.join(dir, "suivi.xlsx");
    await writeWorkbook(file, company);
    const asOf = dayFromIso(AS_OF)!;
    const source = await readWorkbookSource(file, { asOf });
    const plan = planWorkbook(source, asOf, new Map(CUSTOMER_NAMES.map((name) => [name, level])));
    return plan.actions.map((action) => reminderData(action, plan, source.settings));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
