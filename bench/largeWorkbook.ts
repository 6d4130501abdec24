/**
 * A large tracking workbook for the benchmark of `relances plan` (issue 3, deliverable 8): one
 * sheet "Suivi" (a title row, the header row, then one row per invoice) and a "Journal des
 * relances" sheet, written with exceljs's streaming writer so that 100,000 rows take seconds and
 * little memory. Everything comes from a seeded generator: the same options give the same file.
 *
 * The streaming writer cannot write Excel tables, so the journal here is a plain sheet whose first
 * row holds the journal's column names.
 */
import { existsSync } from "node:fs";
import { readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { dayFromIso, type Day } from "../src/core/day";
import { dueDate } from "../src/core/dueDate";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../src/core/journalEntry";
import { parsePaymentTerms, type PaymentTerms } from "../src/core/paymentTerms";
import { isProblem } from "../src/core/problem";
import { SETTINGS_HEADER, SETTINGS_SHEET } from "../src/core/settings";
import { seededRandom } from "../src/seededRandom";

export const LARGE_SHEET = "Suivi";
export const LARGE_HEADER_ROW = 2;
/** The reference date the benchmark plans on: every invoice date falls before it. */
export const LARGE_AS_OF = "2026-06-30";
export const LARGE_HEADERS = [
  "Client", "Catégorie", "N° facture", "Date facture", "Conditions", "Échéance", "Montant TTC", "Réglé",
  "Reste à payer", "Date PV", "Litige", "Promesse", "E-mail", "Téléphone", "Adresse", "CP", "Ville", "N° TVA",
  "Avoir sur",
] as const;

/** Bump when the generator changes, so that cached files are written again. */
const GENERATOR_VERSION = 1;
const DEFAULT_SEED = 20260630;
const DATE_FORMAT = "dd/mm/yyyy";
const AMOUNT_FORMAT = '#,##0.00 "€"';
const MS_PER_DAY = 86_400_000;

export interface LargeWorkbookOptions {
  /** Rows of the tracking sheet (credit notes included). */
  readonly invoices: number;
  /** Customer accounts; each gets at least one row when invoices >= customers. */
  readonly customers: number;
  readonly seed?: number;
  /** Lines of the journal; by default one for every five invoices (20,000 for 100,000). */
  readonly journalLines?: number;
  /** A settings sheet of these keys and values (e.g. a complete sender, so that a run writes documents); none by default. */
  readonly settings?: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

const SURNAMES = [
  "Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Simon", "Michel", "Garcia",
  "Roux", "Fournier", "Girard", "Bonnet", "Dupuy", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller",
  "Faure", "André", "Mercier", "Blanc", "Guerin", "Boyer", "Garnier", "Chevalier", "Francois", "Legrand",
  "Gauthier", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier",
  "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour",
  "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier",
  "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal",
  "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier",
  "Philippe", "Bourgeois", "Pierre", "Benoit", "Rey", "Leclerc", "Payet", "Rolland", "Castex", "Bénazet",
  "Sirven", "Delmas", "Rouaix", "Pujol", "Cazalis", "Soula", "Baylac", "Carrère", "Estrade", "Mirouze",
] as const;

const FIRST_NAMES = [
  ["M.", "Jean"], ["Mme", "Claire"], ["M.", "Pierre"], ["Mme", "Sophie"], ["M.", "Julien"], ["Mme", "Isabelle"],
  ["M.", "Thomas"], ["Mme", "Nathalie"], ["M.", "Nicolas"], ["Mme", "Camille"], ["M.", "Laurent"], ["Mme", "Julie"],
  ["M.", "Philippe"], ["Mme", "Céline"], ["M.", "Alain"], ["Mme", "Sandrine"], ["M.", "Christophe"], ["Mme", "Aurélie"],
  ["M.", "Olivier"], ["Mme", "Émilie"], ["M.", "Stéphane"], ["Mme", "Valérie"], ["M.", "Sébastien"], ["Mme", "Laure"],
  ["M.", "François"], ["Mme", "Hélène"], ["M.", "Guillaume"], ["Mme", "Marion"], ["M.", "Antoine"], ["Mme", "Anne"],
  ["M.", "Mathieu"], ["Mme", "Élodie"], ["M.", "Vincent"], ["Mme", "Chantal"], ["M.", "Benoît"], ["Mme", "Martine"],
  ["M.", "Gilles"], ["Mme", "Odile"], ["M.", "Bruno"], ["Mme", "Agnès"],
] as const;

const ACTIVITIES = [
  "Plâtrerie", "Menuiserie", "Maçonnerie", "Charpente", "Électricité", "Plomberie", "Peinture", "Carrelage",
  "Isolation", "Couverture", "Restaurant", "Boulangerie", "Garage", "Pharmacie", "Hôtel", "Immobilier",
  "Transports", "Paysages", "Chauffage", "Serrurerie", "Cave", "Fromagerie", "Camping", "Auberge",
  "Cabinet dentaire", "Clinique vétérinaire", "Boucherie", "Imprimerie", "Agencement", "Rénovation",
  "Bureau d'études", "Syndic", "Gîtes", "Domaine", "Scierie", "Quincaillerie", "Atelier", "Librairie",
  "Salon", "Distribution",
] as const;

const LEGAL_FORMS = ["SARL", "SAS", "EURL", "SCI", "SASU", ""] as const;

const PUBLIC_BODIES = [
  "Mairie de", "Syndicat des eaux de", "SIVOM de", "CCAS de", "Office de tourisme de", "Syndicat scolaire de",
  "Régie municipale de", "Service des sports de", "Maison de santé de", "Médiathèque de",
] as const;

const PLACES = [
  ["09700", "Saverdun"], ["09100", "Pamiers"], ["09000", "Foix"], ["31000", "Toulouse"], ["09270", "Mazères"],
  ["09120", "Varilhes"], ["31190", "Auterive"], ["09600", "Laroque-d'Olmes"], ["09300", "Lavelanet"],
  ["09200", "Saint-Girons"], ["31600", "Muret"], ["31120", "Portet-sur-Garonne"], ["09500", "Mirepoix"],
  ["09400", "Tarascon-sur-Ariège"], ["31270", "Cugnaux"], ["31140", "Aucamville"], ["31860", "Pins-Justaret"],
  ["09130", "Le Fossat"], ["31560", "Nailloux"], ["09190", "Saint-Lizier"], ["31400", "Toulouse"],
  ["31300", "Toulouse"], ["31500", "Toulouse"], ["31200", "Toulouse"], ["09340", "Verniolle"],
  ["09240", "La Bastide-de-Sérou"], ["31410", "Noé"], ["31310", "Rieux-Volvestre"], ["09230", "Sainte-Croix-Volvestre"],
  ["31220", "Cazères"],
] as const;

const COMMUNES = PLACES.map(([, city]) => city).filter((city, i, all) => all.indexOf(city) === i);

const STREETS = [
  "rue de la République", "avenue de Toulouse", "chemin de la Prade", "route de Pamiers", "place du Marché",
  "rue Gabriel Péri", "allées Jean Jaurès", "rue des Écoles", "impasse des Tilleuls", "avenue de Lérida",
  "rue du Pont", "chemin des Vignes", "boulevard Lazare Carnot", "rue Victor Hugo", "route d'Espagne",
] as const;

const TERMS_TEXTS = ["30 jours", "30 jours fin de mois", "45 jours FDM", "à réception", "fin de mois + 30 jours", "60 jours"] as const;
const TERMS: readonly PaymentTerms[] = TERMS_TEXTS.map((text) => {
  const terms = parsePaymentTerms(text);
  if (isProblem(terms)) throw new Error(`bench terms ${text}: ${terms.message}`);
  return terms;
});

type CustomerType = "particulier" | "professionnel" | "architecte" | "promoteur" | "collectivite";

/** How people fill the Catégorie column for each type ("" is a left-empty cell: professionnel). */
const CATEGORY_LABELS: Readonly<Record<CustomerType, readonly string[]>> = {
  particulier: ["Particulier", "particulier", "Particulier"],
  professionnel: ["Professionnel", "Pro", "", "Entreprise"],
  architecte: ["Architecte", "Architectes"],
  promoteur: ["Promoteur", "promoteur immobilier"],
  collectivite: ["Collectivité", "Mairie", "collectivité"],
};

const JOURNAL_LEVELS = [
  ["Relance 1", "email"], ["Relance 1", "email"], ["Relance 2", "courrier"], ["Mise en demeure", "recommandé"],
] as const;

// ---------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------


interface GeneratedCustomer {
  readonly name: string;
  readonly type: CustomerType;
  readonly category: string;
  readonly email: string;
  readonly phone: string;
  readonly address: string;
  readonly postcode: string;
  readonly city: string;
  readonly vat: string | null;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function pickType(r: number): CustomerType {
  if (r < 0.4) return "particulier";
  if (r < 0.75) return "professionnel";
  if (r < 0.85) return "architecte";
  if (r < 0.93) return "promoteur";
  return "collectivite";
}

function slug(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/**
 * A name no other customer of the workbook has, even once legal forms, case and accents are
 * ignored: the j-th name of its type, from a product of word lists (mixed radix), the town added
 * when the first combinations run out.
 */
function customerName(type: CustomerType, j: number, random: () => number): string {
  const s = SURNAMES.length;
  const f = FIRST_NAMES.length;
  let base: string;
  let used: number;
  switch (type) {
    case "particulier": {
      const [civility, first] = FIRST_NAMES[Math.floor(j / s) % f]!;
      base = `${civility} ${first} ${SURNAMES[j % s]}`;
      used = s * f;
      break;
    }
    case "professionnel": {
      const form = pick(random, LEGAL_FORMS);
      base = `${form} ${ACTIVITIES[Math.floor(j / s) % ACTIVITIES.length]} ${SURNAMES[j % s]}`.trim();
      used = s * ACTIVITIES.length;
      break;
    }
    case "architecte":
      base = `Atelier ${FIRST_NAMES[Math.floor(j / s) % f]![1]} ${SURNAMES[j % s]} Architecte`;
      used = s * f;
      break;
    case "promoteur":
      base = `${SURNAMES[j % s]} ${FIRST_NAMES[Math.floor(j / s) % f]![1]} Promotion`;
      used = s * f;
      break;
    case "collectivite":
      base = `${PUBLIC_BODIES[Math.floor(j / COMMUNES.length) % PUBLIC_BODIES.length]} ${COMMUNES[j % COMMUNES.length]}`;
      used = COMMUNES.length * PUBLIC_BODIES.length;
      break;
  }
  const round = Math.floor(j / used);
  if (round === 0) return base;
  const place = round - 1 < PLACES.length ? PLACES[round - 1]![1] : `secteur ${round}`;
  return `${base} (${place})`;
}

function makeCustomers(count: number, random: () => number): GeneratedCustomer[] {
  const perType: Record<CustomerType, number> = { particulier: 0, professionnel: 0, architecte: 0, promoteur: 0, collectivite: 0 };
  const customers: GeneratedCustomer[] = [];
  for (let id = 0; id < count; id++) {
    const type = pickType(random());
    const name = customerName(type, perType[type]++, random);
    const [postcode, city] = pick(random, PLACES);
    const mobile = type === "particulier" && random() < 0.7;
    // Phone numbers from the ranges ARCEP keeps for fiction; e-mails on a reserved domain.
    const phone = mobile
      ? `06 39 98 ${String(Math.floor(random() * 100)).padStart(2, "0")} ${String(Math.floor(random() * 100)).padStart(2, "0")}`
      : `05 36 49 ${String(Math.floor(random() * 100)).padStart(2, "0")} ${String(Math.floor(random() * 100)).padStart(2, "0")}`;
    customers.push({
      name,
      type,
      category: pick(random, CATEGORY_LABELS[type]),
      email: `${slug(name).slice(0, 40)}.${id}@example.com`,
      phone,
      address: `${1 + Math.floor(random() * 120)} ${pick(random, STREETS)}`,
      postcode,
      city,
      vat: type !== "particulier" && random() < 0.3 ? `FR${String(10 + (id % 90)).padStart(2, "0")}${String(400000000 + id).padStart(9, "0")}` : null,
    });
  }
  return customers;
}

function dateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

function roundCents(euros: number): number {
  return Math.round(euros * 100) / 100;
}

/**
 * Writes a large tracking workbook with exceljs's streaming writer: sheet "Suivi" (title row,
 * header row 2, `invoices` rows over `customers` customers) and the journal sheet. Dates are real
 * dates, due dates a mix of dates and six payment-terms texts, about 2 % credit notes and 1 %
 * disputes. The file appears whole or not at all.
 *
 * @param file - the .xlsx path
 * @param options - rows, customers, seed (default 20260630), journal lines (default invoices / 5)
 * @example await writeLargeTrackingWorkbook("/tmp/big.xlsx", { invoices: 100_000, customers: 10_000 })
 */
export async function writeLargeTrackingWorkbook(file: string, options: LargeWorkbookOptions): Promise<void> {
  const { invoices, customers: customerCount } = options;
  if (!Number.isInteger(invoices) || invoices < 0 || !Number.isInteger(customerCount) || customerCount < 1) {
    throw new RangeError("writeLargeTrackingWorkbook: invoices >= 0 and customers >= 1, whole numbers");
  }
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const journalLines = options.journalLines ?? Math.round(invoices / 5);
  const customers = makeCustomers(customerCount, random);

  const temp = `${file}.${process.pid}.${Math.floor(random() * 1e9).toString(36)}.tmp`;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: true, useStyles: true });
    const invoiceRefs = await writeTrackingSheet(workbook, customers, invoices, random);
    await writeJournal(workbook, customers, invoiceRefs, journalLines, random);
    if (options.settings !== undefined) await writeSettings(workbook, options.settings);
    await workbook.commit();
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

// Shared style objects: exceljs remembers the style id of a style object it has seen, so cells that
// share one cost nothing to style, where a fresh object per cell (a column style) costs ~40 % more time.
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: DATE_FORMAT };
const AMOUNT_STYLE: Partial<ExcelJS.Style> = { numFmt: AMOUNT_FORMAT };
const TRACKING_STYLES: Partial<Record<string, Partial<ExcelJS.Style>>> = {
  "Date facture": DATE_STYLE, "Échéance": DATE_STYLE, "Date PV": DATE_STYLE, "Promesse": DATE_STYLE,
  "Montant TTC": AMOUNT_STYLE, "Réglé": AMOUNT_STYLE, "Reste à payer": AMOUNT_STYLE,
};

function commitStyled(ws: ExcelJS.Worksheet, values: readonly ExcelJS.CellValue[], styles: readonly Partial<ExcelJS.Style>[]): void {
  const row = ws.addRow(values);
  row.eachCell((cell, column) => {
    cell.style = styles[column - 1]!;
  });
  row.commit();
}

/** What the journal needs of the invoices: number, customer and due date, by row. */
interface InvoiceRefs {
  readonly count: number;
  readonly customer: Int32Array;
  readonly due: Int32Array;
  readonly isInvoice: Uint8Array;
}

async function writeTrackingSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  customers: readonly GeneratedCustomer[],
  invoices: number,
  random: () => number,
): Promise<InvoiceRefs> {
  const ws = workbook.addWorksheet(LARGE_SHEET, { views: [{ state: "frozen", ySplit: LARGE_HEADER_ROW }] });
  ws.columns = LARGE_HEADERS.map((header) => ({ key: header, width: header === "Client" ? 36 : 14 }));
  const columnStyles = LARGE_HEADERS.map((header) => TRACKING_STYLES[header] ?? PLAIN_STYLE);

  ws.addRow([LARGE_TITLE]).commit();
  ws.addRow([...LARGE_HEADERS]).commit();
  const refs = newInvoiceRefs(invoices);
  for (const row of trackingRows(customers, refs, random)) commitStyled(ws, row, columnStyles);
  await ws.commit();
  return refs;
}

const LARGE_TITLE = "Suivi des encaissements — fichier de test généré";

function newInvoiceRefs(invoices: number): InvoiceRefs {
  return { count: invoices, customer: new Int32Array(invoices), due: new Int32Array(invoices), isInvoice: new Uint8Array(invoices) };
}

/** The tracking sheet's data rows, one per invoice, dates as Date; fills refs for the journal. */
function* trackingRows(customers: readonly GeneratedCustomer[], refs: InvoiceRefs, random: () => number): Generator<ExcelJS.CellValue[]> {
  const invoices = refs.count;
  const asOf = dayFromIso(LARGE_AS_OF)!;
  const first = dayFromIso("2025-01-02")!;
  const span = asOf - first - 1;
  const lastInvoiceOf = new Array<string | undefined>(customers.length);
  const minAmount = Math.log(350);
  const amountRange = Math.log(48_000) - minAmount;

  for (let i = 0; i < invoices; i++) {
    const c = i < customers.length ? i : Math.floor(random() * customers.length);
    const customer = customers[c]!;
    const invoiceDay = first + Math.floor((i * span) / Math.max(1, invoices));
    const isCredit = random() < 0.02;
    // Holes, not nulls: exceljs then writes no cell at all where the row has no value.
    const row: ExcelJS.CellValue[] = new Array(LARGE_HEADERS.length);
    row[0] = customer.name;
    if (customer.category !== "") row[1] = customer.category;
    row[3] = dateOf(invoiceDay);
    row[12] = customer.email;
    row[13] = customer.phone;
    row[14] = customer.address;
    row[15] = customer.postcode;
    row[16] = customer.city;
    if (customer.vat !== null) row[17] = customer.vat;
    refs.customer[i] = c;

    if (isCredit) {
      const number = `AV${String(i + 1).padStart(7, "0")}`;
      const amount = -roundCents(Math.exp(minAmount + random() * amountRange) * (0.05 + random() * 0.25));
      row[2] = number;
      row[6] = amount;
      row[8] = amount;
      const credited = lastInvoiceOf[c];
      if (credited !== undefined && random() < 0.7) row[18] = credited;
      refs.due[i] = invoiceDay;
      yield row;
      continue;
    }

    const number = `FA${String(i + 1).padStart(7, "0")}`;
    lastInvoiceOf[c] = number;
    const termsIndex = Math.floor(random() * TERMS.length);
    const due = dueDate(invoiceDay, TERMS[termsIndex]!);
    const dueMode = random();
    // Half the rows give a due date, most of them with the terms beside it; the others only the terms.
    if (dueMode < 0.5) {
      row[5] = dateOf(due);
      if (dueMode < 0.35) row[4] = TERMS_TEXTS[termsIndex]!;
    } else {
      row[4] = TERMS_TEXTS[termsIndex]!;
    }

    const amount = roundCents(Math.exp(minAmount + random() * amountRange));
    const recent = asOf - due < 30;
    const r = random();
    let paid = 0;
    if (r < (recent ? 0.2 : 0.7)) paid = amount;
    else if (r < (recent ? 0.3 : 0.82)) paid = roundCents(amount * (0.1 + Math.floor(random() * 8) / 10));
    row[2] = number;
    row[6] = amount;
    if (paid !== 0) row[7] = paid;
    row[8] = roundCents(amount - paid);

    if (customer.type === "architecte" || customer.type === "promoteur" || customer.type === "collectivite") {
      if (random() < 0.85) row[9] = dateOf(Math.min(asOf - 1, invoiceDay - 10 + Math.floor(random() * 70)));
    }
    if (random() < 0.01) row[10] = random() < 0.7 ? "x" : "oui";
    if (paid < amount && random() < 0.005) row[11] = dateOf(asOf - 20 + Math.floor(random() * 40));

    refs.due[i] = due;
    refs.isInvoice[i] = 1;
    yield row;
  }
}

async function writeJournal(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  customers: readonly GeneratedCustomer[],
  refs: InvoiceRefs,
  lines: number,
  random: () => number,
): Promise<void> {
  const ws = workbook.addWorksheet(JOURNAL_SHEET);
  ws.columns = JOURNAL_COLUMNS.map((name) => ({ key: name, width: name === "Client" ? 36 : name === "Note" ? 40 : 14 }));
  const columnStyles = JOURNAL_COLUMNS.map((name) => (name === "Date" || name === "Promesse" ? DATE_STYLE : PLAIN_STYLE));
  ws.addRow([...JOURNAL_COLUMNS]).commit();
  for (const row of journalRows(customers, refs, lines, random)) commitStyled(ws, row, columnStyles);
  await ws.commit();
}

/** The journal's data rows, oldest first, dates as Date. */
function journalRows(customers: readonly GeneratedCustomer[], refs: InvoiceRefs, lines: number, random: () => number): ExcelJS.CellValue[][] {
  const asOf = dayFromIso(LARGE_AS_OF)!;
  const entries: { day: number; row: ExcelJS.CellValue[] }[] = [];
  // Draw invoices until there are enough lines (credit notes and invoices not yet late get none).
  for (let attempt = 0; entries.length < lines && attempt < lines * 50; attempt++) {
    const i = Math.floor(random() * refs.count);
    if (!refs.isInvoice[i]) continue;
    const due = refs.due[i]!;
    if (due >= asOf - 4) continue; // nothing to chase yet
    const day = Math.min(asOf - 1, due + 4 + Math.floor(random() * Math.max(1, asOf - due - 4)));
    const customer = customers[refs.customer[i]!]!;
    const kind = random();
    const number = `FA${String(i + 1).padStart(7, "0")}`;
    let row: ExcelJS.CellValue[];
    if (kind < 0.08) {
      const promise = dateOf(day + 5 + Math.floor(random() * 25));
      row = [dateOf(day), customer.name, number, undefined, "téléphone", undefined, promise, undefined, "promet un virement", "Sarah"];
    } else if (kind < 0.1) {
      row = [dateOf(day), customer.name, number, undefined, "téléphone", undefined, undefined, "ouvert", "conteste la facture", "Sarah"];
    } else {
      const [level, channel] = pick(random, JOURNAL_LEVELS);
      row = [dateOf(day), customer.name, number, level, channel, undefined, undefined, undefined, undefined, "Sarah"];
    }
    entries.push({ day, row });
  }
  entries.sort((a, b) => a.day - b.day);
  return entries.map((entry) => entry.row);
}

/**
 * The rows the large workbook holds, as values in memory (dates as Date), without writing a file:
 * the same seed gives the same rows as writeLargeTrackingWorkbook writes.
 *
 * @param options - as writeLargeTrackingWorkbook
 * @returns the tracking sheet's rows (title row, header row, then one per invoice) and the journal's (header first)
 * @example largeWorkbookRows({ invoices: 10, customers: 3 }).tracking[1] // the header row
 */
export function largeWorkbookRows(options: LargeWorkbookOptions): { tracking: ExcelJS.CellValue[][]; journal: ExcelJS.CellValue[][] } {
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const customers = makeCustomers(options.customers, random);
  random(); // the writer draws its temporary file's name here
  const refs = newInvoiceRefs(options.invoices);
  const tracking: ExcelJS.CellValue[][] = [[LARGE_TITLE], [...LARGE_HEADERS], ...trackingRows(customers, refs, random)];
  const journal = [[...JOURNAL_COLUMNS], ...journalRows(customers, refs, options.journalLines ?? Math.round(options.invoices / 5), random)];
  return { tracking, journal };
}

async function writeSettings(workbook: ExcelJS.stream.xlsx.WorkbookWriter, settings: Readonly<Record<string, string>>): Promise<void> {
  const ws = workbook.addWorksheet(SETTINGS_SHEET);
  ws.addRow([...SETTINGS_HEADER]).commit();
  for (const [key, value] of Object.entries(settings)) ws.addRow([key, value]).commit();
  await ws.commit();
}

// ---------------------------------------------------------------------------------------------
// Cache
// ---------------------------------------------------------------------------------------------

interface CacheStamp {
  readonly version: number;
  readonly invoices: number;
  readonly customers: number;
  readonly seed: number;
  readonly settings?: Readonly<Record<string, string>> | null;
  readonly size: number;
}

/**
 * The path of a large tracking workbook of `invoices` rows and `customers` customers in `dir`
 * (relances-bench-<invoices>.xlsx), written on the first call and reused while a stamp beside it
 * says it was made with the same parameters by the same generator.
 *
 * @param dir - where to keep it, e.g. os.tmpdir()
 * @param invoices - rows of the tracking sheet
 * @param customers - customer accounts
 * @param settings - a settings sheet to add (relances-bench-<invoices>-settings.xlsx then)
 * @returns the file's path
 * @example const file = await ensureLargeWorkbook(os.tmpdir(), 100_000, 10_000)
 */
export async function ensureLargeWorkbook(
  dir: string = os.tmpdir(),
  invoices: number,
  customers: number,
  settings?: Readonly<Record<string, string>>,
): Promise<string> {
  const file = path.join(dir, `relances-bench-${invoices}${settings === undefined ? "" : "-settings"}.xlsx`);
  const stampFile = `${file}.json`;
  const wanted = { version: GENERATOR_VERSION, invoices, customers, seed: DEFAULT_SEED, settings: settings ?? null };
  if (existsSync(file) && existsSync(stampFile)) {
    try {
      const stamp = JSON.parse(await readFile(stampFile, "utf8")) as CacheStamp;
      const { size } = await stat(file);
      if (
        stamp.version === wanted.version && stamp.invoices === invoices && stamp.customers === customers &&
        stamp.seed === wanted.seed && JSON.stringify(stamp.settings ?? null) === JSON.stringify(wanted.settings) && stamp.size === size
      ) {
        return file;
      }
    } catch {
      // An unreadable stamp: write the file again.
    }
  }
  await unlink(stampFile).catch(() => undefined);
  await writeLargeTrackingWorkbook(file, { invoices, customers, seed: DEFAULT_SEED, ...(settings === undefined ? {} : { settings }) });
  const { size } = await stat(file);
  const stamp: CacheStamp = { ...wanted, size };
  const tempStamp = `${stampFile}.${process.pid}.tmp`;
  await writeFile(tempStamp, JSON.stringify(stamp));
  await rename(tempStamp, stampFile);
  return file;
}
