/**
 * The bundled sample: the tracking workbook of EGPL, a building-trades firm of the Lèze valley
 * (seed 000), kept the way assistants keep it. Title rows, blank rows, a total row, dates typed as
 * text, amounts like "4 320,00 €", formulas with cached results, a stale balance, credit notes,
 * disputes, promises, two accounts sharing one e-mail (seed 004) and three rows the product must
 * refuse. Every date is chosen so that on SAMPLE_AS_OF the default policy (SPEC section 5) shows
 * every case; sampleExpectations() says what, worked out by hand from the table below.
 *
 * The people and firms are invented. E-mail addresses use reserved domains (.example, example.com)
 * and the phone numbers are those ARCEP and Ofcom keep for fiction, so a demo can never reach anyone.
 */
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS, type CompanyDetails } from "../core/settings";
import { writeWorkbookAtomically } from "../workbook/runCopy";
import { writeSettingsSheet } from "../workbook/settingsSheet";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../core/journalEntry";

/** The sample's reference date: the day on which its plan shows every case. */
export const SAMPLE_AS_OF = "2026-06-30";
export const SAMPLE_SHEET = "Suivi 2026";
export const SAMPLE_JOURNAL_TABLE = "JournalRelances";
export const SAMPLE_HEADER_ROW = 4;

const TITLE = "EGPL — Entreprise Générale de la Lèze — Suivi des encaissements";
const SUBTITLE = "Mis à jour le 29/06/2026";

/** The tracking sheet's columns, A to V, headed as people write them. */
export const SAMPLE_HEADERS = [
  "Client", "Catégorie", "N° facture", "Date facture", "Conditions", "Échéance", "Montant TTC", "Réglé",
  "Reste à payer", "Date PV", "Litige", "Promesse", "E-mail", "Téléphone", "Adresse", "CP", "Ville", "Langue",
  "N° TVA", "Avoir sur", "Contact", "Civilité",
] as const;

// ---------------------------------------------------------------------------------------------
// The data
// ---------------------------------------------------------------------------------------------

/** A real Excel date cell (the ISO text is only how this source spells it). */
interface DateCell {
  readonly date: string;
}
const day = (iso: string): DateCell => ({ date: iso });

/** Échéance written as a formula on the invoice date, e.g. =D36+30, with its cached result. */
interface DueFormula {
  readonly plusDays: number;
}

interface Customer {
  readonly name: string;
  readonly category: string;
  readonly email: string;
  readonly phone: string;
  readonly address: string;
  readonly postcode: string;
  readonly city: string;
  readonly language?: string;
  readonly vat?: string;
  /** The person the letters are for, and their civility (the salutation: « Madame, », « Dear Mr Hale, »). */
  readonly contact?: string;
  readonly civility?: string;
}

const CUSTOMERS = {
  dupuy: { name: "M. et Mme Dupuy", category: "Particulier", email: "famille.dupuy@example.com", phone: "06 39 98 12 40", address: "14 chemin de Lapeyrère", postcode: "09700", city: "Saverdun" },
  lefevre: { name: "Mme Claire Lefèvre", category: "Particulier", email: "claire.lefevre@example.com", phone: "06 39 98 20 33", address: "3 rue du Collège", postcode: "09100", city: "Pamiers" },
  roux: { name: "M. Julien Roux", category: "Particulier", email: "julien.roux@example.com", phone: "06 39 98 45 90", address: "27 avenue de Lérida", postcode: "09000", city: "Foix" },
  garcia: { name: "M. et Mme Garcia", category: "particulier", email: "garcia.famille@example.com", phone: "06 39 98 14 52", address: "41 rue des Fleurs", postcode: "31400", city: "Toulouse" },
  benazet: { name: "Mme Bénazet", category: "Particulier", email: "m.benazet@example.com", phone: "05 36 49 21 48", address: "8 place de l'Église", postcode: "09270", city: "Mazères" },
  castex: { name: "M. Castex", category: "Particulier", email: "pierre.castex@example.com", phone: "06 39 98 77 41", address: "Lieu-dit Le Pech", postcode: "09700", city: "Saverdun" },
  martin: { name: "Cabinet Martin Architecture", category: "Architecte", email: "contact@martin-architecture.example", phone: "05 36 49 45 80", address: "12 allées Jean Jaurès", postcode: "31000", city: "Toulouse", vat: "FR41512345678" },
  sirven: { name: "Atelier Sirven Architectes", category: "Architecte", email: "agence@sirven-archi.example", phone: "05 36 49 03 27", address: "5 rue Noël Peyrevidal", postcode: "09000", city: "Foix" },
  delmas: { name: "Delmas & Associés", category: "Architectes", email: "secretariat@delmas-associes.example", phone: "05 36 49 18 94", address: "22 rue Gabriel Péri", postcode: "09100", city: "Pamiers" },
  pyrene: { name: "SAS Pyrène Promotion", category: "Promoteur", email: "comptabilite@pyrene-promotion.example", phone: "05 36 49 27 60", address: "8 boulevard Lazare Carnot", postcode: "31000", city: "Toulouse", vat: "FR62823456789" },
  occitanie: { name: "Occitanie Habitat Promotion", category: "promoteur immobilier", email: "factures@occitanie-habitat.example", phone: "05 36 49 40 15", address: "45 avenue de Grande-Bretagne", postcode: "31300", city: "Toulouse", vat: "FR17799123456" },
  mairie: { name: "Mairie de Saverdun", category: "Mairie", email: "comptabilite@mairie-saverdun.example", phone: "05 36 49 30 21", address: "1 place du Balouard", postcode: "09700", city: "Saverdun" },
  ccpap: { name: "Communauté de communes des Portes d'Ariège Pyrénées", category: "Collectivité", email: "finances@ccpap.example", phone: "05 36 49 02 02", address: "Avenue de la Gare", postcode: "09100", city: "Pamiers" },
  tilleuls: { name: "SCI Les Tilleuls", category: "Pro", email: "gestion@sci-lestilleuls.example", phone: "05 36 49 12 41", address: "12 avenue de Toulouse", postcode: "09700", city: "Saverdun", contact: "Nadine Garrigues", civility: "Mme" },
  fournierFils: { name: "SARL Fournier et Fils", category: "Professionnel", email: "fournier.mazeres@example.com", phone: "05 36 49 55 10", address: "Route de Pamiers", postcode: "09270", city: "Mazères", vat: "FR08433221100" },
  boulangerie: { name: "Boulangerie Fournier", category: "Pro", email: "fournier.mazeres@example.com", phone: "05 36 49 55 11", address: "6 Grand'Rue", postcode: "09270", city: "Mazères" },
  rouaix: { name: "SAS Menuiserie Rouaix", category: "", email: "compta@menuiserie-rouaix.example", phone: "05 36 49 61 70", address: "Zone artisanale de Bonnac", postcode: "09100", city: "Pamiers", vat: "FR55388776655" },
  thornton: { name: "Thornton & Hale Ltd", category: "Business", email: "accounts@thorntonhale.example", phone: "020 7946 0321", address: "18 Farringdon Road", postcode: "EC1M 3HE", city: "London", language: "EN", vat: "GB293481756", contact: "James Hale", civility: "Mr" },
  chateau: { name: "SARL Hôtel du Château", category: "Professionnel", email: "direction@hotel-chateau-foix.example", phone: "05 36 49 80 02", address: "2 rue du Rocher", postcode: "09000", city: "Foix", vat: "FR93502468013" },
  vidal: { name: "EURL Plomberie Vidal", category: "Entreprise", email: "vidal.plomberie@example.com", phone: "06 39 98 41 07", address: "17 route d'Espagne", postcode: "31100", city: "Toulouse" },
} as const satisfies Record<string, Customer>;

type CustomerId = keyof typeof CUSTOMERS;

/**
 * One row of the tracking sheet as the assistant typed it. Dates: day("…") is a real Excel date, a
 * plain string is text typed into the cell. Amounts: a number, or text as typed.
 */
interface SampleRow {
  readonly customer: CustomerId;
  /** The name as written on this row, when it differs from the customer's usual spelling. */
  readonly nameAs?: string;
  /** Leave the Catégorie cell empty on this row. */
  readonly noCategory?: true;
  readonly invoice: string;
  readonly invoiceDate: DateCell | string;
  readonly terms?: string;
  readonly due?: DateCell | string | DueFormula;
  readonly amount: number | string;
  readonly paid?: number | string;
  /** Reste à payer: the formula =G-H by default (when both are numbers); "typed" writes the value; a number is a stale cached result. */
  readonly balance?: "typed" | "none" | { readonly staleResult: number };
  readonly pv?: DateCell;
  readonly dispute?: string;
  readonly promise?: DateCell;
  readonly creditOf?: string;
}

/** A blank line left in the middle of the sheet. */
const BLANK = "blank" as const;

// Outcome on 2026-06-30 in the comment of each row (level due, hold, or "—" for nothing due).
// Due dates worked out by hand: "30 jours fin de mois" = end of the month of (invoice + 30 days);
// "45 jours FDM" likewise with 45; "fin de mois + 30 jours" = end of the invoice month + 30 days.
const ROWS: readonly (SampleRow | typeof BLANK)[] = [
  /* r5  */ { customer: "chateau", invoice: "F2025-171", invoiceDate: day("2025-11-18"), terms: "45 jours FDM", due: day("2026-01-31"), amount: 7860, paid: 7860 }, // paid
  /* r6  */ { customer: "martin", invoice: "F2025-174", invoiceDate: day("2025-11-25"), terms: "30 jours", due: day("2025-12-25"), amount: 12600, paid: 12600, pv: day("2025-11-20") }, // paid
  /* r7  */ { customer: "ccpap", invoice: "F2025-178", invoiceDate: day("2025-12-02"), terms: "30 jours", due: day("2026-01-01"), amount: 27450, paid: 27450, pv: day("2025-11-28") }, // paid
  /* r8  */ { customer: "dupuy", invoice: "F2025-183", invoiceDate: day("2025-12-09"), terms: "à réception", due: day("2025-12-09"), amount: 3240, paid: 3240 }, // paid (after a Relance 1)
  /* r9  */ { customer: "tilleuls", invoice: "F2025-186", invoiceDate: day("2025-12-15"), terms: "30 jours fin de mois", due: day("2026-01-31"), amount: 9720, paid: 9720 }, // paid
  /* r10 */ { customer: "rouaix", invoice: "F2026-001", invoiceDate: day("2026-01-06"), terms: "30 jours", due: day("2026-02-05"), amount: 2160, paid: 2160 }, // paid
  /* r11 */ { customer: "delmas", invoice: "F2026-003", invoiceDate: day("2026-01-09"), terms: "30 jours", due: day("2026-02-08"), amount: 8250, paid: 8250, pv: day("2026-01-05") }, // paid
  /* r12 */ { customer: "mairie", invoice: "F2026-004", invoiceDate: day("2026-01-12"), terms: "30 jours", due: day("2026-02-11"), amount: 3600, paid: 3000, pv: day("2026-01-09") }, // paid: 600 left, credited by AV2026-001
  /* r13 */ { customer: "occitanie", invoice: "F2026-005", invoiceDate: day("2026-01-14"), terms: "30 jours", due: day("2026-02-13"), amount: 31200, paid: 31200, pv: day("2026-02-10") }, // paid
  /* r14 */ { customer: "chateau", noCategory: true, invoice: "F2026-007", invoiceDate: day("2026-01-20"), terms: "45 jours FDM", amount: 14280, paid: 4000 }, // due 03-31; R1 04-10, R2 05-04, MED 06-15 -> injunction
  /* r15 */ { customer: "martin", invoice: "F2026-009", invoiceDate: day("2026-01-26"), terms: "30 jours", due: day("2026-02-25"), amount: 9120, paid: 9120, pv: day("2026-02-20") }, // paid
  /* r16 */ { customer: "garcia", invoice: "F2026-010", invoiceDate: day("2026-01-29"), terms: "à réception", due: day("2026-01-29"), amount: 1640, paid: 1640 }, // paid
  /* r17 */ { customer: "vidal", invoice: "F2026-012", invoiceDate: "2026-02-01", terms: "30 jours fin de mois", amount: 2412.4, paid: 2412 }, // due 03-31; 0,40 € left: paid
  /* r18 */ { customer: "roux", invoice: "F2026-013", invoiceDate: day("2026-02-03"), terms: "à réception", due: day("2026-02-03"), amount: 1450, paid: 1450 }, // paid
  /* r19 */ { customer: "sirven", invoice: "F2026-014", invoiceDate: day("2026-02-05"), terms: "30 jours", due: day("2026-03-07"), amount: 5640, paid: 5640 }, // paid (no PV, but paid wins)
  /* r20 */ { customer: "thornton", invoice: "F2026-016", invoiceDate: day("2026-02-09"), terms: "60 jours", due: day("2026-04-10"), amount: 8400, paid: 8400 }, // paid
  /* r21 */ { customer: "pyrene", invoice: "F2026-018", invoiceDate: day("2026-02-16"), terms: "30 jours", due: day("2026-03-18"), amount: 42000, paid: 42000, pv: day("2026-03-20") }, // paid
  /* r22 */ { customer: "vidal", noCategory: true, invoice: "F2026-019", invoiceDate: "31/02/2026", terms: "30 jours", amount: 1380 }, // REJECTED: Date facture 31/02/2026
  /* r23 */ { customer: "benazet", invoice: "F2026-020", invoiceDate: day("2026-02-20"), terms: "30 jours", due: day("2026-03-22"), amount: 2980, paid: 2980 }, // paid
  /* r24 */ { customer: "castex", invoice: "F2026-021", invoiceDate: "24/02/2026", terms: "le 15 du mois suivant", due: "15/03/2026", amount: 8760, paid: 3000, balance: "typed" }, // "R1" 05-11, "2" 06-01, 107 days late -> formal notice
  /* r25 */ { customer: "ccpap", invoice: "F2026-024", invoiceDate: day("2026-03-02"), terms: "30 jours", due: day("2026-04-01"), amount: 11350, paid: 11350, pv: day("2026-02-27") }, // paid
  /* r26 */ { customer: "boulangerie", invoice: "F2026-025", invoiceDate: day("2026-03-05"), terms: "à réception", due: day("2026-03-05"), amount: 860, paid: 860 }, // paid
  /* r27 */ { customer: "tilleuls", noCategory: true, invoice: "F2026-027", invoiceDate: day("2026-03-10"), terms: "30 jours fin de mois", due: day("2026-04-30"), amount: 18600, paid: 5000 }, // R1 05-06, R2 06-08, 61 days late -> formal notice
  /* r28 */ { customer: "fournierFils", invoice: "F2026-028", invoiceDate: day("2026-03-12"), terms: "30 jours", due: day("2026-04-11"), amount: 2340, paid: "2\u202f340,00\u00a0€", balance: "typed" }, // paid
  /* r29 */ { customer: "garcia", invoice: "F2026-029", invoiceDate: day("2026-03-16"), terms: "à réception", amount: "1\u202f850,00\u202f€", paid: 1850, balance: "none" }, // paid
  /* r30 */ { customer: "chateau", invoice: "F2026-030", invoiceDate: day("2026-03-19"), terms: "45 jours FDM", due: day("2026-05-31"), amount: 3150, paid: 3150 }, // paid
  /* r31 */ BLANK,
  /* r32 */ { customer: "occitanie", invoice: "F2026-031", invoiceDate: day("2026-03-23"), terms: "30 jours", due: day("2026-04-22"), amount: 26880, paid: 10000, pv: day("2026-04-24") }, // R1 05-04, dispute opened in the journal 05-12 -> dispute
  /* r33 */ { customer: "mairie", invoice: "F2026-032", invoiceDate: day("2026-03-25"), terms: "30 jours", due: day("2026-04-24"), amount: 4870, pv: day("2026-03-20") }, // R1 05-04, R2 06-25 (5 days ago) -> nothing yet
  /* r34 */ { customer: "delmas", invoice: "F2026-033", invoiceDate: day("2026-03-30"), terms: "30 jours", due: day("2026-04-29"), amount: 6950, pv: day("2026-04-30") }, // R1 05-12 -> reminder 2
  /* r35 */ { customer: "rouaix", nameAs: "Menuiserie Rouaix", invoice: "F2026-035", invoiceDate: "02/04/2026", terms: "30 jours", amount: "4\u202f980,00\u00a0€", balance: "none", dispute: "x" }, // due 05-02; Litige x -> dispute
  /* r36 */ { customer: "benazet", invoice: "F2026-036", invoiceDate: day("2026-04-07"), terms: "30 jours", due: { plusDays: 30 }, amount: 5430, paid: 1500, promise: day("2026-07-10") }, // due 05-07; R1 05-27; promise 07-10 -> promise
  /* r37 */ { customer: "vidal", invoice: "F2026-037", invoiceDate: day("2026-04-09"), terms: "30 jours fin de mois", due: day("2026-05-31"), amount: 3720, paid: 3720 }, // paid
  /* r38 */ { customer: "pyrene", nameAs: "Pyrène Promotion", invoice: "F2026-038", invoiceDate: day("2026-04-13"), terms: "45 jours FDM", amount: 38400, pv: day("2026-06-22") }, // due 05-31, PV 06-22 (later): 8 days late -> reminder 1 (balance 36 900 after AV2026-002)
  /* r39 */ { customer: "garcia", invoice: "F2026-039", invoiceDate: day("2026-04-15"), terms: "à réception", amount: "douze cents", balance: "none" }, // REJECTED: Montant TTC "douze cents"
  /* r40 */ { customer: "fournierFils", invoice: "F2026-040", invoiceDate: day("2026-04-20"), terms: "30 jours fin de mois", amount: 3960, promise: day("2026-06-20") }, // due 05-31; R1 06-04; promise 06-20 broken -> reminder 2
  /* r41 */ { customer: "martin", invoice: "F2026-041", invoiceDate: day("2026-04-22"), terms: "30 jours", due: day("2026-05-22"), amount: 4560, paid: 4560, pv: day("2026-04-17") }, // paid
  /* r42 */ { customer: "rouaix", invoice: "F2026-042", invoiceDate: day("2026-04-24"), terms: "30 jours", due: day("2026-05-24"), amount: 6720, paid: 6720 }, // paid
  /* r43 */ { customer: "sirven", invoice: "F2026-043", invoiceDate: day("2026-04-28"), terms: "fin de mois + 30 jours", amount: 12400 }, // due 05-30, no PV -> awaiting acceptance
  /* r44 */ { customer: "mairie", invoice: "AV2026-001", invoiceDate: day("2026-04-29"), amount: -600, creditOf: "F2026-004" }, // credit note on F2026-004
  /* r45 */ { customer: "thornton", invoice: "F2026-045", invoiceDate: day("2026-05-04"), terms: "60 jours", amount: 16250 }, // due 07-03 -> courtesy
  /* r46 */ { customer: "dupuy", invoice: "F2026-046", invoiceDate: day("2026-05-04"), terms: "à réception", due: day("2026-05-04"), amount: 6480, paid: 2000 }, // R1 06-02 -> reminder 2
  /* r47 */ { customer: "roux", invoice: "F2026-047", invoiceDate: day("2026-05-05"), terms: "à réception", due: day("2026-05-05"), amount: 2730 }, // R1 06-01; phone 06-24, promise 07-10 -> promise
  /* r48 */ BLANK,
  /* r49 */ { customer: "chateau", invoice: "F2026-048", invoiceDate: day("2026-05-07"), terms: "45 jours FDM", due: day("2026-06-30"), amount: 5280 }, // due today -> nothing
  /* r50 */ { customer: "martin", invoice: "F2026-049", invoiceDate: day("2026-05-11"), terms: "fin de mois", due: day("2026-05-31"), amount: 9840, paid: 2000, pv: day("2026-06-05"), balance: { staleResult: 9840 } }, // PV 06-05: 25 days late -> reminder 1; cached balance 9 840 ≠ 7 840
  /* r51 */ { customer: "tilleuls", nameAs: "Les Tilleuls", invoice: "F2026-050", invoiceDate: day("2026-05-12"), terms: "30 jours", due: day("2026-06-11"), amount: "4\u202f320,00\u202f€", balance: "none" }, // 19 days late -> reminder 1
  /* r52 */ { customer: "lefevre", invoice: "F2026-051", invoiceDate: day("2026-05-14"), terms: "à réception", due: day("2026-05-14"), amount: 1120, paid: 1120 }, // paid
  /* r53 */ { customer: "pyrene", nameAs: "Pyrène Promotion", invoice: "AV2026-002", invoiceDate: day("2026-05-18"), amount: -1500 }, // credit note, no invoice named: goes to F2026-038
  /* r54 */ { customer: "garcia", invoice: "F2026-053", invoiceDate: day("2026-05-20"), due: day("2026-06-10"), amount: 3180 }, // Préventive 06-07; 20 days late (particulier, 14) -> reminder 1
  /* r55 */ { customer: "lefevre", invoice: "F2026-054", invoiceDate: day("2026-05-21"), terms: "30 jours", amount: 1760 }, // due 06-20: 10 days late, particulier grace 14 -> nothing
  /* r56 */ { customer: "ccpap", invoice: "F2026-055", invoiceDate: day("2026-05-22"), terms: "30 jours", due: { plusDays: 30 }, amount: 21600, pv: day("2026-05-28") }, // due 06-21: 9 days late -> reminder 1
  /* r57 */ { customer: "occitanie", invoice: "F2026-056", invoiceDate: day("2026-05-26"), terms: "30 jours", due: day("2026-06-25"), amount: 17940, pv: day("2026-06-26") }, // PV 06-26: 4 days late -> reminder 1
  /* r58 */ { customer: "vidal", invoice: "F2026-057", invoiceDate: day("2026-05-29"), terms: "30 jours", due: day("2026-06-28"), amount: 1980 }, // 2 days late, grace 3 -> nothing
  /* r59 */ { customer: "lefevre", invoice: "F2026-058", invoiceDate: day("2026-06-01"), terms: "30 jours", amount: 2940 }, // due 07-01 -> courtesy
  /* r60 */ { customer: "tilleuls", nameAs: "Les Tilleuls", invoice: "F2026-059", invoiceDate: day("2026-06-03"), terms: "30 jours", due: { plusDays: 30 }, amount: 2850 }, // due 07-03 -> courtesy
  /* r61 */ { customer: "boulangerie", invoice: "F2026-060", invoiceDate: day("2026-06-05"), terms: "à réception", due: day("2026-06-05"), amount: 1240, paid: 1240 }, // paid
  /* r62 */ BLANK,
  /* r63 */ { customer: "mairie", invoice: "F2026-062", invoiceDate: day("2026-06-08"), terms: "30 jours", due: day("2026-07-08"), amount: 7320, pv: day("2026-06-05") }, // due in 8 days -> nothing
  /* r64 */ { customer: "roux", invoice: "F2026-064", invoiceDate: day("2026-06-18"), terms: "30 jours", due: day("2026-07-18"), amount: 1890 }, // nothing
  /* r65 */ { customer: "garcia", invoice: "F2026-065", invoiceDate: day("2026-06-22"), terms: "30 jours", due: day("2026-07-22"), amount: 4620 }, // nothing
  /* r66 */ { customer: "rouaix", noCategory: true, invoice: "F2026-066", invoiceDate: day("2026-06-24"), terms: "30 jours", due: day("2026-07-24"), amount: 3380 }, // nothing
  /* r67 */ { customer: "delmas", invoice: "F2026-067", invoiceDate: day("2026-06-26"), terms: "30 jours", due: day("2026-07-26"), amount: 15600, pv: day("2026-06-19") }, // nothing
  /* r68 */ { customer: "benazet", invoice: "F2026-047", invoiceDate: day("2026-06-26"), terms: "30 jours", due: day("2026-07-26"), amount: 980 }, // REJECTED: N° facture F2026-047 already on row 47
  // r69: TOTAL
];

/** One line of the journal, in the order of JOURNAL_COLUMNS. */
interface SampleJournalLine {
  readonly date: DateCell;
  readonly customer: string;
  readonly invoice: string;
  /** As typed: a label, "R1", or the number 2 a person typed. */
  readonly level?: string | number;
  readonly channel: string;
  readonly reference?: string;
  readonly promise?: DateCell;
  readonly dispute?: string;
  readonly note?: string;
}

const JOURNAL: readonly SampleJournalLine[] = [
  { date: day("2026-01-05"), customer: "M. et Mme Dupuy", invoice: "F2025-183", level: "Relance 1", channel: "email", reference: "Mail Outlook du 05/01/2026" },
  { date: day("2026-04-10"), customer: "SARL Hôtel du Château", invoice: "F2026-007", level: "Relance 1", channel: "email", reference: "Mail Outlook du 10/04/2026" },
  { date: day("2026-05-04"), customer: "SARL Hôtel du Château", invoice: "F2026-007", level: "Relance 2", channel: "courrier", reference: "Courrier R2 n° 2026-014" },
  { date: day("2026-05-04"), customer: "Occitanie Habitat Promotion", invoice: "F2026-031", level: "Relance 1", channel: "email", reference: "Mail Outlook du 04/05/2026" },
  { date: day("2026-05-04"), customer: "Mairie de Saverdun", invoice: "F2026-032", level: "Relance 1", channel: "email", reference: "Mail Outlook du 04/05/2026" },
  { date: day("2026-05-06"), customer: "SCI Les Tilleuls", invoice: "F2026-027", level: "Relance 1", channel: "email", reference: "Mail Outlook du 06/05/2026" },
  { date: day("2026-05-11"), customer: "M. Castex", invoice: "F2026-021", level: "R1", channel: "email", note: "relance faite à la main" },
  { date: day("2026-05-12"), customer: "Delmas & Associés", invoice: "F2026-033", level: "Relance 1", channel: "email", reference: "Mail Outlook du 12/05/2026" },
  { date: day("2026-05-12"), customer: "Occitanie Habitat Promotion", invoice: "F2026-031", channel: "téléphone", dispute: "ouvert", note: "Conteste les finitions du lot B : réserves à lever avant paiement" },
  { date: day("2026-05-27"), customer: "Mme Bénazet", invoice: "F2026-036", level: "Relance 1", channel: "email", reference: "Mail Outlook du 27/05/2026" },
  { date: day("2026-06-01"), customer: "M. Castex", invoice: "F2026-021", level: 2, channel: "courrier", note: "lettre type R2, copie au dossier" },
  { date: day("2026-06-01"), customer: "M. Julien Roux", invoice: "F2026-047", level: "Relance 1", channel: "email", reference: "Mail Outlook du 01/06/2026" },
  { date: day("2026-06-02"), customer: "M. et Mme Dupuy", invoice: "F2026-046", level: "Relance 1", channel: "email", reference: "Mail Outlook du 02/06/2026" },
  { date: day("2026-06-04"), customer: "SARL Fournier et Fils", invoice: "F2026-040", level: "Relance 1", channel: "email", reference: "Mail Outlook du 04/06/2026" },
  { date: day("2026-06-07"), customer: "M. et Mme Garcia", invoice: "F2026-053", level: "Préventive", channel: "email", reference: "Mail Outlook du 07/06/2026" },
  { date: day("2026-06-08"), customer: "SCI Les Tilleuls", invoice: "F2026-027", level: "Relance 2", channel: "courrier", reference: "Courrier R2 n° 2026-021" },
  { date: day("2026-06-15"), customer: "SARL Hôtel du Château", invoice: "F2026-007", level: "Mise en demeure", channel: "recommandé", reference: "LRAR 1A 187 654 3210 9" },
  { date: day("2026-06-24"), customer: "M. Julien Roux", invoice: "F2026-047", channel: "téléphone", promise: day("2026-07-10"), note: "M. Roux promet un virement" },
  { date: day("2026-06-25"), customer: "Mairie de Saverdun", invoice: "F2026-032", level: "Relance 2", channel: "courrier", reference: "Courrier R2 n° 2026-024" },
];

// ---------------------------------------------------------------------------------------------
// What the plan must say on SAMPLE_AS_OF, worked out by hand from the rows above
// ---------------------------------------------------------------------------------------------

export interface SampleExpectations {
  readonly asOf: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly totalRow: number;
  readonly blankRows: readonly number[];
  /** rows = invoices + creditNotes + skipped + rejected (rows from the header's next row to the total row). */
  readonly counts: { readonly rows: number; readonly invoices: number; readonly creditNotes: number; readonly skipped: number; readonly rejected: number };
  /** Customer accounts once names are grouped (the two Fournier accounts stay two). */
  readonly customers: number;
  /** Invoice numbers whose next level is due, by stage. */
  readonly levels: {
    readonly courtesy: readonly string[];
    readonly reminder1: readonly string[];
    readonly reminder2: readonly string[];
    readonly formal_notice: readonly string[];
    readonly injunction: readonly string[];
  };
  readonly holds: {
    readonly paid: readonly string[];
    readonly dispute: readonly string[];
    readonly promise: readonly string[];
    readonly awaiting_acceptance: readonly string[];
  };
  /** Open invoices with neither a level due nor a hold (not yet due, in grace, waiting after a reminder). */
  readonly nothingDue: readonly string[];
  readonly brokenPromises: readonly string[];
  /** One document per customer: its level and the invoices whose level was due (journal lines). */
  readonly documents: readonly { readonly customer: string; readonly stage: string; readonly due: readonly string[] }[];
  readonly rejected: readonly { readonly row: number; readonly column: string; readonly header: string; readonly value: string }[];
  readonly creditNotes: readonly { readonly row: number; readonly number: string; readonly creditedInvoice?: string }[];
  /** The row whose cached "Reste à payer" disagrees with Montant TTC - Réglé. */
  readonly balanceMismatch: { readonly row: number; readonly invoice: string; readonly sheetBalance: number; readonly expected: number };
  /** Two accounts with one e-mail: a probable-duplicate warning, not a merge. */
  readonly duplicateEmail: { readonly email: string; readonly customers: readonly string[] };
  /** Spellings that are one account. */
  readonly sameCustomer: readonly (readonly string[])[];
  /** Balances (cents) the plan must compute where a credit note or rounding matters. */
  readonly balances: Readonly<Record<string, number>>;
  readonly journal: { readonly sheet: string; readonly table: string; readonly lines: number };
}

/**
 * What the sample's plan must show on SAMPLE_AS_OF under the default policy, worked out by hand
 * from the rows of this file (not by running the engine), for the tests to check the engine against.
 *
 * @returns the expected levels, holds, documents, rejected rows and counts
 * @example sampleExpectations().levels.injunction // ["F2026-007"]
 */
export function sampleExpectations(): SampleExpectations {
  return {
    asOf: SAMPLE_AS_OF,
    sheet: SAMPLE_SHEET,
    headerRow: SAMPLE_HEADER_ROW,
    firstDataRow: 5,
    totalRow: 69,
    blankRows: [31, 48, 62],
    // Rows 5-69: 56 invoices, 2 credit notes, 4 skipped (3 blank + TOTAL), 3 rejected.
    counts: { rows: 65, invoices: 56, creditNotes: 2, skipped: 4, rejected: 3 },
    customers: 20,
    levels: {
      courtesy: ["F2026-045", "F2026-058", "F2026-059"],
      reminder1: ["F2026-038", "F2026-049", "F2026-050", "F2026-053", "F2026-055", "F2026-056"],
      reminder2: ["F2026-033", "F2026-040", "F2026-046"],
      formal_notice: ["F2026-021", "F2026-027"],
      injunction: ["F2026-007"],
    },
    holds: {
      paid: [
        "F2025-171", "F2025-174", "F2025-178", "F2025-183", "F2025-186", "F2026-001", "F2026-003", "F2026-004",
        "F2026-005", "F2026-009", "F2026-010", "F2026-012", "F2026-013", "F2026-014", "F2026-016", "F2026-018",
        "F2026-020", "F2026-024", "F2026-025", "F2026-028", "F2026-029", "F2026-030", "F2026-037", "F2026-041",
        "F2026-042", "F2026-051", "F2026-060",
      ],
      dispute: ["F2026-031", "F2026-035"],
      promise: ["F2026-036", "F2026-047"],
      awaiting_acceptance: ["F2026-043"],
    },
    nothingDue: ["F2026-032", "F2026-048", "F2026-054", "F2026-057", "F2026-062", "F2026-064", "F2026-065", "F2026-066", "F2026-067"],
    brokenPromises: ["F2026-040"],
    documents: [
      { customer: "SARL Hôtel du Château", stage: "injunction", due: ["F2026-007"] },
      { customer: "M. Castex", stage: "formal_notice", due: ["F2026-021"] },
      // F2026-059's courtesy waits: a formal notice lists no invoice not yet due.
      { customer: "SCI Les Tilleuls", stage: "formal_notice", due: ["F2026-027", "F2026-050"] },
      { customer: "Delmas & Associés", stage: "reminder2", due: ["F2026-033"] },
      { customer: "M. et Mme Dupuy", stage: "reminder2", due: ["F2026-046"] },
      { customer: "SARL Fournier et Fils", stage: "reminder2", due: ["F2026-040"] },
      { customer: "Cabinet Martin Architecture", stage: "reminder1", due: ["F2026-049"] },
      { customer: "Communauté de communes des Portes d'Ariège Pyrénées", stage: "reminder1", due: ["F2026-055"] },
      { customer: "M. et Mme Garcia", stage: "reminder1", due: ["F2026-053"] },
      { customer: "Occitanie Habitat Promotion", stage: "reminder1", due: ["F2026-056"] },
      { customer: "SAS Pyrène Promotion", stage: "reminder1", due: ["F2026-038"] },
      { customer: "Mme Claire Lefèvre", stage: "courtesy", due: ["F2026-058"] },
      { customer: "Thornton & Hale Ltd", stage: "courtesy", due: ["F2026-045"] },
    ],
    rejected: [
      { row: 22, column: "D", header: "Date facture", value: "31/02/2026" },
      { row: 39, column: "G", header: "Montant TTC", value: "douze cents" },
      { row: 68, column: "C", header: "N° facture", value: "F2026-047" },
    ],
    creditNotes: [
      { row: 44, number: "AV2026-001", creditedInvoice: "F2026-004" },
      { row: 53, number: "AV2026-002" },
    ],
    balanceMismatch: { row: 50, invoice: "F2026-049", sheetBalance: 984000, expected: 784000 },
    duplicateEmail: { email: "fournier.mazeres@example.com", customers: ["SARL Fournier et Fils", "Boulangerie Fournier"] },
    sameCustomer: [
      ["SCI Les Tilleuls", "Les Tilleuls"],
      ["SAS Pyrène Promotion", "Pyrène Promotion"],
      ["SAS Menuiserie Rouaix", "Menuiserie Rouaix"],
    ],
    balances: {
      "F2026-004": 0, // 3 600 - 3 000 - AV2026-001 600
      "F2026-012": 40, // 0,40 €: counts as paid
      "F2026-038": 3690000, // 38 400 - AV2026-002 1 500
      "F2026-049": 784000, // 9 840 - 2 000, whatever the stale cache says
      "F2026-007": 1028000,
      "F2026-027": 1360000,
      "F2026-021": 576000,
    },
    journal: { sheet: JOURNAL_SHEET, table: SAMPLE_JOURNAL_TABLE, lines: JOURNAL.length },
  };
}

// ---------------------------------------------------------------------------------------------
// Writing the workbook
// ---------------------------------------------------------------------------------------------

const DATE_FORMAT = "dd/mm/yyyy";
const AMOUNT_FORMAT = '#,##0.00 "€"';
const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A calendar date as the Date exceljs stores as a whole serial: midnight UTC (exceljs converts through UTC). */
function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function isDateCell(value: unknown): value is DateCell {
  return typeof value === "object" && value !== null && "date" in value;
}

function cellOf(value: DateCell | string | number | undefined): ExcelJS.CellValue {
  if (value === undefined || value === "") return null;
  return isDateCell(value) ? utcDate(value.date) : value;
}

function cents(euros: number): number {
  return Math.round(euros * 100);
}

/**
 * Writes the sample tracking workbook: sheet "Suivi 2026" (title rows, header on row 4, the rows of
 * this file, a TOTAL row) and the journal table. The file appears whole or not at all.
 *
 * @param file - the .xlsx path to write
 * @example await writeSampleWorkbook("exemple-egpl.xlsx")
 */
export async function writeSampleWorkbook(file: string): Promise<void> {
  await writeWorkbookAtomically(buildSampleWorkbook(), file);
}

function buildSampleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "EGPL";
  workbook.created = utcDate("2026-01-02");
  workbook.modified = utcDate("2026-06-29");
  writeTrackingSheet(workbook.addWorksheet(SAMPLE_SHEET, { views: [{ state: "frozen", ySplit: SAMPLE_HEADER_ROW }] }));
  writeJournalSheet(workbook.addWorksheet(JOURNAL_SHEET));
  // The firm's letterhead (seed 000 builds exactly this one): the letters carry every mention.
  writeSettingsSheet(workbook, { ...DEFAULT_SETTINGS, company: SAMPLE_COMPANY });
  return workbook;
}

/** The sample firm's letterhead; its identifiers are made up (SIREN with a valid check digit). */
export const SAMPLE_COMPANY: CompanyDetails = Object.freeze({
  name: "EGPL — Entreprise Générale de la Lèze",
  legalForm: "SARL",
  shareCapital: "20 000 €",
  address: "12 chemin de la Lèze",
  postcode: "09700",
  city: "Saverdun",
  siren: "532 178 448",
  siret: "532 178 448 00016",
  rcsCity: "Foix",
  vatNumber: "FR 47 532178448",
  iban: "FR76 3000 4000 0300 0012 3456 789",
  bic: "BNPAFRPPXXX",
  email: "compta@egpl.example",
  phone: "05 61 00 00 00",
  signatoryName: "Sophie Marty",
  signatoryTitle: "Gérante",
});

const COL = Object.fromEntries(SAMPLE_HEADERS.map((header, i) => [header, i + 1])) as Record<(typeof SAMPLE_HEADERS)[number], number>;
const letter = (header: (typeof SAMPLE_HEADERS)[number]): string => String.fromCharCode(64 + COL[header]);

function writeTrackingSheet(ws: ExcelJS.Worksheet): void {
  const widths = [34, 14, 12, 13, 22, 12, 14, 13, 14, 12, 7, 12, 36, 16, 30, 9, 12, 8, 17, 12, 20, 9];
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));

  ws.getCell("A1").value = TITLE;
  ws.mergeCells("A1:M1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = SUBTITLE;
  ws.getCell("A2").font = { italic: true, color: { argb: "FF595959" } };

  const header = ws.getRow(SAMPLE_HEADER_ROW);
  SAMPLE_HEADERS.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E78" } };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = BORDER;
  });

  const first = SAMPLE_HEADER_ROW + 1;
  ROWS.forEach((row, i) => writeTrackingRow(ws, first + i, row));
  const totalRow = first + ROWS.length;
  writeTotalRow(ws, first, totalRow);
}

function writeTrackingRow(ws: ExcelJS.Worksheet, r: number, row: SampleRow | typeof BLANK): void {
  const excelRow = ws.getRow(r);
  // Borders over the whole table, blank lines included, as people format their sheet.
  for (let c = 1; c <= SAMPLE_HEADERS.length; c++) excelRow.getCell(c).border = BORDER;
  if (row === BLANK) return;

  const customer: Customer = CUSTOMERS[row.customer];
  const set = (header: (typeof SAMPLE_HEADERS)[number], value: ExcelJS.CellValue): ExcelJS.Cell => {
    const cell = excelRow.getCell(COL[header]);
    cell.value = value;
    return cell;
  };
  const setDate = (header: (typeof SAMPLE_HEADERS)[number], value: DateCell | string | undefined): void => {
    const cell = set(header, cellOf(value));
    if (isDateCell(value)) cell.numFmt = DATE_FORMAT;
  };

  set("Client", row.nameAs ?? customer.name);
  set("Catégorie", row.noCategory ? null : cellOf(customer.category));
  set("N° facture", row.invoice);
  setDate("Date facture", row.invoiceDate);
  set("Conditions", cellOf(row.terms));

  const due = row.due;
  if (due !== undefined && typeof due === "object" && "plusDays" in due) {
    const invoiceDate = row.invoiceDate;
    if (!isDateCell(invoiceDate)) throw new Error(`sample row ${r}: a due-date formula needs a real invoice date`);
    const result = new Date(utcDate(invoiceDate.date).getTime() + due.plusDays * 86_400_000);
    set("Échéance", { formula: `${letter("Date facture")}${r}+${due.plusDays}`, result }).numFmt = DATE_FORMAT;
  } else {
    setDate("Échéance", due);
  }

  set("Montant TTC", row.amount).numFmt = AMOUNT_FORMAT;
  set("Réglé", cellOf(row.paid)).numFmt = AMOUNT_FORMAT;
  const balance = set("Reste à payer", balanceCell(r, row));
  balance.numFmt = AMOUNT_FORMAT;

  setDate("Date PV", row.pv);
  set("Litige", cellOf(row.dispute));
  setDate("Promesse", row.promise);
  set("E-mail", customer.email);
  set("Téléphone", customer.phone);
  set("Adresse", customer.address);
  // Postcodes as text, as people format the column to keep the leading 0.
  set("CP", customer.postcode);
  set("Ville", customer.city);
  set("Langue", customer.language ?? "FR");
  set("N° TVA", cellOf(customer.vat));
  set("Avoir sur", cellOf(row.creditOf));
  set("Contact", cellOf(customer.contact));
  set("Civilité", cellOf(customer.civility));
}

function balanceCell(r: number, row: SampleRow): ExcelJS.CellValue {
  const amount = row.amount;
  const paid = row.paid ?? 0;
  if (row.balance === "none") return null;
  if (row.balance === "typed") {
    if (typeof amount !== "number") throw new Error(`sample row ${r}: a typed balance needs a numeric amount`);
    const paidCents = typeof paid === "number" ? cents(paid) : cents(amount);
    return (cents(amount) - paidCents) / 100;
  }
  if (typeof amount !== "number" || typeof paid !== "number") throw new Error(`sample row ${r}: =G-H needs numbers`);
  const formula = `${letter("Montant TTC")}${r}-${letter("Réglé")}${r}`;
  const result = row.balance !== undefined ? row.balance.staleResult : (cents(amount) - cents(paid)) / 100;
  return { formula, result };
}

/** The TOTAL row: SUM over each amount column, with the result Excel would cache (SUM skips text). */
function writeTotalRow(ws: ExcelJS.Worksheet, first: number, totalRow: number): void {
  const row = ws.getRow(totalRow);
  row.getCell(COL.Client).value = "TOTAL";
  row.font = { bold: true };
  for (const header of ["Montant TTC", "Réglé", "Reste à payer"] as const) {
    const column = letter(header);
    let sum = 0;
    for (let r = first; r < totalRow; r++) {
      const value = ws.getCell(`${column}${r}`).value;
      if (typeof value === "number") sum += cents(value);
      else if (value !== null && typeof value === "object" && "formula" in value && typeof value.result === "number") sum += cents(value.result);
    }
    const cell = row.getCell(COL[header]);
    cell.value = { formula: `SUM(${column}${first}:${column}${totalRow - 1})`, result: sum / 100 };
    cell.numFmt = AMOUNT_FORMAT;
    cell.border = { top: { style: "double" } };
  }
}

function writeJournalSheet(ws: ExcelJS.Worksheet): void {
  const widths = [12, 32, 12, 16, 12, 28, 12, 9, 52, 12];
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.addTable({
    name: SAMPLE_JOURNAL_TABLE,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: JOURNAL_COLUMNS.map((name) => ({ name, filterButton: true })),
    rows: JOURNAL.map((line) => [
      utcDate(line.date.date),
      line.customer,
      line.invoice,
      line.level ?? null,
      line.channel,
      line.reference ?? null,
      line.promise ? utcDate(line.promise.date) : null,
      line.dispute ?? null,
      line.note ?? null,
      "Sarah",
    ]),
  });
  ws.getColumn(1).numFmt = DATE_FORMAT;
  ws.getColumn(7).numFmt = DATE_FORMAT;
}
