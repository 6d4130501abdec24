// What a reminder document says, as plain data with French placeholder names: the same fields fill
// the Word letters ({{raison_sociale}}, {{#factures}}...{{/factures}}), the e-mails and the
// statements. Values are formatted for the customer's language; escaping is the renderer's job.
import { agingBandIndex, agingBandLabels } from "../core/aging";
import { parseAmountInput } from "../core/amountInput";
import { isBusinessCustomer } from "../core/customerType";
import { dayToFrench, dayToIso, type Day } from "../core/day";
import { formatEuros, type Cents } from "../core/money";
import { invoiceKey } from "../core/invoiceKey";
import { PAID_BELOW } from "../core/nextLevel";
import { internationalPhone } from "../core/phoneNumber";
import type { Plan, PlannedAction, PlannedInvoice } from "../core/plan";
import { isProblem } from "../core/problem";
import { percentFromRateUnits } from "../core/rates";
import { reminderLevelLabel, type ReminderLevel } from "../core/reminderLevel";
import { titledContact } from "../core/salutation";
import type { CompanyDetails, Settings } from "../core/settings";
import { shortEnglishDate, writtenDate } from "../core/writtenDate";
import { injunctionData, type InjunctionData } from "./injunctionFile";
import { reminderWording, type WordingData } from "./reminderWording";

export type Language = "fr" | "en";

/** The language of an action's documents (reminderData's `langue`). */
export function documentLanguage(action: PlannedAction): Language {
  // The court file is in French whatever the customer's language (DOMAIN section 4).
  return action.customer.language === "en" && action.level < 4 ? "en" : "fr";
}

export interface InvoiceLine {
  readonly numero: string;
  readonly date_facture: string;
  readonly echeance: string;
  readonly montant: string;
  /** Paid so far (acomptes, règlements) and credit notes applied: montant - paye - avoirs = solde. */
  readonly paye: string;
  readonly avoirs: string;
  readonly solde: string;
  /** The balance in cents, for sums (statements' ageing summary), not for templates. */
  readonly solde_centimes: Cents;
  readonly jours_retard: number;
  readonly tranche: string;
  /** Where the invoice stands, as the customer reads it: "Échue depuis 46 jours", "Non échue", "En litige". */
  readonly statut: string;
  readonly penalites: string;
  readonly indemnite: string;
}

export interface CompanyData {
  readonly raison_sociale: string;
  readonly forme: string;
  readonly capital: string;
  readonly adresse: string;
  readonly code_postal: string;
  readonly ville: string;
  readonly siren: string;
  readonly siret: string;
  readonly rcs: string;
  readonly tva: string;
  readonly iban: string;
  readonly bic: string;
  readonly email: string;
  readonly telephone: string;
  /** Every mandatory mention of DOMAIN section 5 on one line, for footers. */
  readonly mentions_legales: string;
}

export type { InjunctionData, SupportingDocument } from "./injunctionFile";

/** A credit note on the statement's line of its own: one that names no open invoice of the account. */
export interface CreditNoteLine {
  readonly numero: string;
  readonly date: string;
  /** Negative: "-1 500,00 €". */
  readonly montant: string;
  readonly statut: string;
}

/** Which law sets the penalties the statement shows (DOMAIN sections 2 and 3). */
export type PenaltyRegime = "entreprise" | "acheteur_public" | "particulier";

/**
 * The account statement (relevé de compte) attached to a reminder: every open item of the account,
 * due or not, for what it is, and the amount the document asks for as its « Solde à régler ».
 */
export interface StatementData {
  readonly regime: PenaltyRegime;
  /** Every open invoice of the account, oldest due date first. */
  readonly lignes: readonly InvoiceLine[];
  readonly avoirs: readonly CreditNoteLine[];
  /** Column totals of the open invoices. */
  readonly total_montant: string;
  readonly total_paye: string;
  readonly total_avoirs: string;
  readonly total_solde: string;
  /** Credit no open invoice absorbed, negative ("" when none): it lowers the account's balance. */
  readonly avoirs_non_imputes: string;
  /** The balance of the invoices the document claims. */
  readonly solde_demande: string;
  /** What the document asks for: the invoices claimed and, from the formal notice on, their penalties and fees. */
  readonly solde_a_regler: string;
  /** Open balances the document does not ask for: not yet due, on hold, or overdue but outside a formal notice's demand. */
  readonly hors_demande: string;
  /** Figures for the ageing summary: every open invoice's balance in cents. */
  readonly total_solde_centimes: Cents;
}

export interface ReminderData extends WordingData {
  readonly langue: Language;
  readonly niveau: string;
  readonly niveau_numero: ReminderLevel;
  readonly etape: string;
  readonly date_du_jour: string;
  readonly date_iso: string;
  readonly raison_sociale: string;
  readonly contact: string;
  readonly adresse: string;
  readonly code_postal: string;
  readonly ville: string;
  readonly email: string;
  /** The invoices the document claims: at a formal notice or an injunction, those that reached it (SPEC section 5). */
  readonly factures: readonly InvoiceLine[];
  readonly nombre_factures: number;
  /** The customer's other open overdue invoices, listed outside the sum (« Autres factures échues »). */
  readonly autres_factures: readonly InvoiceLine[];
  readonly avec_autres_factures: boolean;
  readonly nombre_autres_factures: number;
  readonly total_autres_factures: string;
  readonly total_montant: string;
  readonly total_solde: string;
  readonly total_penalites: string;
  readonly total_indemnites: string;
  /** The amount the document asks for: its statement's « Solde à régler » (also solde_a_regler). */
  readonly total_du: string;
  readonly solde_a_regler: string;
  /** Penalties and the EUR 40 apply (businesses and public buyers, late invoices): statements show them. */
  readonly penalites_applicables: boolean;
  /** The letter claims them (from the formal notice on); total_du includes them then. */
  readonly reclame_penalites: boolean;
  /** Before the formal notice they apply but are shown « pour information », outside total_du. */
  readonly penalites_pour_information: boolean;
  /** False when a rate is missing from the table: the letter says the penalties will follow. */
  readonly penalites_connues: boolean;
  readonly date_relance_1: string;
  readonly date_relance_2: string;
  readonly date_mise_en_demeure: string;
  readonly date_limite: string;
  readonly delai_jours: number;
  /** A public buyer: its letters cite the Code de la commande publique and threaten the administrative court. */
  readonly acheteur_public: boolean;
  /** The points over the ECB rate of a public buyer's intérêts moratoires, as printed: "8". */
  readonly marge_acheteur_public: string;
  readonly societe: CompanyData;
  readonly injonction?: InjunctionData | undefined;
  readonly releve: StatementData;
  /** Figures for code (sums, file names), not for templates. */
  readonly totals: { readonly balance: Cents; readonly penalties: Cents; readonly fees: Cents };
}

const TEXT = {
  fr: {
    notDue: (due: string) => `Non échue (échéance le ${due})`,
    late: (days: number) => `Échue depuis ${days} jour${days > 1 ? "s" : ""}`,
    notYetDue: "Non échue",
    dispute: "En litige",
    promise: (date: string) => `Promesse au ${date}`,
    paymentAnnounced: (date: string) => `Paiement annoncé le ${date}, en cours de rapprochement`,
    awaitingAcceptance: "En attente de la réception des travaux",
    creditNote: "Avoir imputé sur les factures les plus anciennes",
    creditNoteUnused: "Avoir non encore imputé, à valoir",
    invoices: (numbers: readonly string[]) => `${numbers.length > 1 ? "factures" : "facture"} ${numbers.join(", ")}`,
    of: "du ",
    and: " et ",
    unknown: "à calculer",
  },
  en: {
    notDue: (due: string) => `Not yet due (due on ${due})`,
    late: (days: number) => `Overdue by ${days} day${days > 1 ? "s" : ""}`,
    notYetDue: "Not yet due",
    dispute: "Disputed",
    promise: (date: string) => `Payment promised for ${date}`,
    paymentAnnounced: (date: string) => `Payment announced on ${date}, being matched`,
    awaitingAcceptance: "Awaiting acceptance of the works",
    creditNote: "Credit note applied to the oldest invoices",
    creditNoteUnused: "Credit note not yet applied, available",
    invoices: (numbers: readonly string[]) => `${numbers.length > 1 ? "invoices" : "invoice"} ${numbers.join(", ")}`,
    of: "of ",
    and: " and ",
    unknown: "to be calculated",
  },
} as const;

/** Dates in tables as the customer reads them: 21/07/2026 in French, 21 Jul 2026 in English. */
function dateText(day: Day | undefined, lang: Language): string {
  if (day === undefined) return "";
  return lang === "fr" ? dayToFrench(day) : shortEnglishDate(day);
}

/** Dates in running text, written out: « le 21 juillet 2026 », « on 21 July 2026 ». */
function longDate(day: Day | undefined, lang: Language): string {
  return day === undefined ? "" : writtenDate(day, lang);
}

/**
 * The share capital as printed: in French as typed (« 20 000 € »), a bare number with its sign; in
 * English « €20,000 ». Text that is not an amount stays as typed.
 */
function capitalText(capital: string | undefined, lang: Language): string {
  if (capital === undefined) return "";
  const cents = parseAmountInput(capital);
  if (isProblem(cents) || (lang === "fr" && /€|eur/i.test(capital))) return capital;
  const text = formatEuros(cents, lang);
  return cents % 100 === 0 ? text.replace(lang === "fr" ? /,00(?=\u00a0€)/ : /\.00$/, "") : text;
}

function companyData(company: CompanyDetails, lang: Language): CompanyData {
  const v = (s: string | undefined): string => s ?? "";
  const mentions = [
    [company.name, company.legalForm].filter(Boolean).join(" "),
    company.shareCapital ? (lang === "fr" ? `au capital de ${capitalText(company.shareCapital, lang)}` : `share capital ${capitalText(company.shareCapital, lang)}`) : "",
    // A reader abroad is told the country of the registered office.
    [[company.address, company.postcode, company.city].filter(Boolean).join(" "), lang === "en" && company.city ? "France" : ""].filter(Boolean).join(", "),
    company.siret ? `SIRET ${company.siret}` : company.siren ? `SIREN ${company.siren}` : "",
    company.rcsCity ? `RCS ${company.rcsCity}${company.siren ? ` ${company.siren}` : ""}` : "",
    company.vatNumber ? (lang === "fr" ? `TVA ${company.vatNumber}` : `VAT ${company.vatNumber}`) : "",
  ].filter(Boolean);
  return {
    raison_sociale: v(company.name),
    forme: v(company.legalForm),
    capital: capitalText(company.shareCapital, lang),
    adresse: v(company.address),
    code_postal: v(company.postcode),
    ville: v(company.city),
    siren: v(company.siren),
    siret: v(company.siret),
    rcs: company.rcsCity ? `RCS ${company.rcsCity}` : "",
    tva: v(company.vatNumber),
    iban: v(company.iban),
    bic: v(company.bic),
    email: v(company.email),
    // A reader abroad dials +33 (DOMAIN section 4, English conventions).
    telephone: lang === "en" && company.phone !== undefined ? internationalPhone(company.phone) : v(company.phone),
    mentions_legales: mentions.join(" — "),
  };
}

/**
 * The date a letter cites for a level (« notre relance du … »): the claimed invoices' own dates,
 * one date when they all share it, else each date with the invoices it belongs to, in date order
 * (« 02/06/2026 (facture F1) et du 05/06/2026 (facture F2) »); "" when none was sent.
 */
function citedDate(claimed: readonly PlannedInvoice[], level: ReminderLevel, lang: Language): string {
  const byDay = new Map<Day | undefined, string[]>();
  for (const invoice of claimed) {
    const day = invoice.history?.levelDates[level];
    const numbers = byDay.get(day);
    if (numbers === undefined) byDay.set(day, [invoice.record.number]);
    else numbers.push(invoice.record.number);
  }
  const dated = [...byDay].filter((entry): entry is [Day, string[]] => entry[0] !== undefined).sort((a, b) => a[0] - b[0]);
  if (dated.length === 0) return "";
  if (dated.length === 1 && !byDay.has(undefined)) return longDate(dated[0]![0], lang);
  const text = TEXT[lang];
  const parts = dated.map(([day, numbers], i) => `${i > 0 ? text.of : ""}${longDate(day, lang)} (${text.invoices(numbers)})`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")}${text.and}${parts.at(-1)!}`;
}

/**
 * The merge data of one customer's document.
 * @param action - the customer's planned action (its level and listed invoices)
 * @param plan - the plan it belongs to (the reference date)
 * @param settings - the workbook's settings (letterhead, formal-notice deadline)
 */
export function reminderData(action: PlannedAction, plan: Pick<Plan, "asOf">, settings: Settings): ReminderData {
  const lang = documentLanguage(action);
  const text = TEXT[lang];
  const money = (cents: Cents): string => formatEuros(cents, lang);
  const bands = agingBandLabels(undefined, lang);
  // Businesses and public buyers owe penalties and EUR 40 once late; a consumer owes statutory
  // interest only from the formal notice, which the injonction file claims (DOMAIN section 3).
  const business = isBusinessCustomer(action.customer.customerType);
  const applicable = business ? action.level >= 1 : action.level >= 4;
  // Before the formal notice they are shown for information, outside the sum asked (SPEC section 8).
  const claims = applicable && action.level >= 3;
  const line = (invoice: PlannedInvoice, status: string): InvoiceLine => ({
    numero: invoice.record.number,
    date_facture: dateText(invoice.record.invoiceDate, lang),
    echeance: dateText(invoice.record.dueDate, lang),
    montant: money(invoice.record.amount),
    paye: money(invoice.record.paid),
    avoirs: money(Math.max(0, invoice.record.amount - invoice.record.paid - invoice.balance)),
    solde: money(invoice.balance),
    solde_centimes: invoice.balance,
    jours_retard: invoice.daysOverdue,
    tranche: bands[agingBandIndex(invoice.daysOverdue)]!,
    statut: status,
    penalites: applicable ? (invoice.penalties === null ? text.unknown : money(invoice.penalties)) : money(0),
    indemnite: money(applicable ? invoice.recoveryFee : 0),
  });
  const listedLine = (invoice: PlannedInvoice): InvoiceLine =>
    line(invoice, invoice.daysOverdue > 0 ? text.late(invoice.daysOverdue) : text.notDue(dateText(invoice.record.dueDate, lang)));
  const claimed = new Set(action.claimed);
  const lines = action.claimed.map(listedLine);
  const others = action.invoices.filter((invoice) => !claimed.has(invoice));
  const penalties = applicable && action.penalties !== null ? action.penalties : 0;
  const fees = applicable ? action.recoveryFee : 0;
  const asked = action.balance + (claims ? penalties + fees : 0);
  const customer = action.customer;
  // A date that leaves the whole deadline after the post's usual delay (DOMAIN section 4); the
  // letters themselves count the deadline from receipt.
  const deadline = plan.asOf + settings.registeredMailDays + settings.formalNoticeDeadlineDays;
  const data: ReminderData = {
    langue: lang,
    niveau: reminderLevelLabel(action.level, lang),
    niveau_numero: action.level,
    etape: action.stage,
    date_du_jour: longDate(plan.asOf, lang),
    date_iso: dayToIso(plan.asOf),
    raison_sociale: customer.name,
    contact: titledContact(customer.contact ?? "", customer.civility, lang),
    adresse: customer.address ?? "",
    code_postal: customer.postcode ?? "",
    ville: customer.city ?? "",
    email: customer.email ?? "",
    factures: lines,
    nombre_factures: lines.length,
    autres_factures: others.map(listedLine),
    avec_autres_factures: others.length > 0,
    nombre_autres_factures: others.length,
    total_autres_factures: money(others.reduce((sum, i) => sum + i.balance, 0)),
    total_montant: money(action.claimed.reduce((sum, i) => sum + i.record.amount, 0)),
    total_solde: money(action.balance),
    total_penalites: applicable && action.penalties === null ? text.unknown : money(penalties),
    total_indemnites: money(fees),
    total_du: money(asked),
    solde_a_regler: money(asked),
    penalites_applicables: applicable,
    reclame_penalites: claims,
    penalites_pour_information: applicable && !claims,
    penalites_connues: !applicable || action.penalties !== null,
    date_relance_1: citedDate(action.claimed, 1, lang),
    date_relance_2: citedDate(action.claimed, 2, lang),
    date_mise_en_demeure: citedDate(action.claimed, 3, lang),
    date_limite: longDate(deadline, lang),
    delai_jours: settings.formalNoticeDeadlineDays,
    societe: companyData(settings.company, lang),
    ...reminderWording(customer, settings.company, lang, lines.length),
    acheteur_public: action.customer.customerType === "collectivite",
    marge_acheteur_public: String(percentFromRateUnits(settings.policy.publicBuyerMargin)).replace(".", lang === "fr" ? "," : "."),
    releve: statementData(action, lang, line, asked),
    totals: { balance: action.balance, penalties, fees },
  };
  return action.level === 4 ? { ...data, injonction: injunctionData(action, plan.asOf, settings) } : data;
}

/** The law behind a customer's penalties: the Code de commerce, the Code de la commande publique, or the Code civil. */
function penaltyRegime(action: PlannedAction): PenaltyRegime {
  const type = action.customer.customerType;
  if (!isBusinessCustomer(type)) return "particulier";
  return type === "collectivite" ? "acheteur_public" : "entreprise";
}

/** Where an open invoice stands, in the customer's words: a hold says why, never the internal stage. */
function statementStatus(invoice: PlannedInvoice, lang: Language): string {
  const text = TEXT[lang];
  if (invoice.hold === "dispute") return text.dispute;
  if (invoice.hold === "promise") {
    const promised = [invoice.record.promiseDate, invoice.history?.promiseDate].filter((d): d is Day => d !== undefined);
    return text.promise(dateText(Math.max(...promised), lang));
  }
  if (invoice.hold === "payment_announced" && invoice.history?.announcedPayment !== undefined) {
    return text.paymentAnnounced(dateText(invoice.history.announcedPayment, lang));
  }
  if (invoice.daysOverdue <= 0) return text.notYetDue;
  if (invoice.hold === "awaiting_acceptance") return text.awaitingAcceptance;
  return text.late(invoice.daysOverdue);
}

function statementData(
  action: PlannedAction,
  lang: Language,
  line: (invoice: PlannedInvoice, status: string) => InvoiceLine,
  asked: Cents,
): StatementData {
  const money = (cents: Cents): string => formatEuros(cents, lang);
  const { invoices, creditNotes, unallocated } = action.account;
  const open = invoices
    .filter((invoice) => invoice.balance >= PAID_BELOW)
    .sort((a, b) => a.record.dueDate - b.record.dueDate || a.record.invoiceDate - b.record.invoiceDate || a.record.row - b.record.row);
  const lines = open.map((invoice) => line(invoice, statementStatus(invoice, lang)));
  const sum = (of: (invoice: PlannedInvoice) => Cents): Cents => open.reduce((total, invoice) => total + of(invoice), 0);
  const balance = sum((i) => i.balance);
  // A credit note naming an invoice of the account shows in that invoice's « Avoirs »; the others,
  // spread over the oldest open invoices, get a line of their own.
  const numbers = new Set(invoices.map((i) => invoiceKey(i.record.number)));
  const text = TEXT[lang];
  const notes = creditNotes
    .filter((note) => note.creditedInvoice === undefined || !numbers.has(invoiceKey(note.creditedInvoice)))
    .map((note): CreditNoteLine => ({
      numero: note.number,
      date: dateText(note.date, lang),
      montant: money(-note.amount),
      statut: unallocated > 0 ? text.creditNoteUnused : text.creditNote,
    }));
  return {
    regime: penaltyRegime(action),
    lignes: lines,
    avoirs: notes,
    total_montant: money(sum((i) => i.record.amount)),
    total_paye: money(sum((i) => i.record.paid)),
    total_avoirs: money(sum((i) => Math.max(0, i.record.amount - i.record.paid - i.balance))),
    total_solde: money(balance),
    avoirs_non_imputes: unallocated > 0 ? money(-unallocated) : "",
    solde_demande: money(action.balance),
    solde_a_regler: money(asked),
    hors_demande: money(balance - action.balance),
    total_solde_centimes: balance,
  };
}
