// What a reminder document says, as plain data with French placeholder names: the same fields fill
// the Word letters ({{raison_sociale}}, {{#factures}}...{{/factures}}), the e-mails and the
// statements. Values are formatted for the customer's language; escaping is the renderer's job.
import { agingBandIndex, agingBandLabels } from "../core/aging";
import { parseAmountInput } from "../core/amountInput";
import { isBusinessCustomer } from "../core/customerType";
import { dayToFrench, dayToIso, type Day } from "../core/day";
import { formatEuros, type Cents } from "../core/money";
import { internationalPhone } from "../core/phoneNumber";
import { actionTotals, type Plan, type PlannedAction, type PlannedInvoice } from "../core/plan";
import { reminderLevelLabel, type ReminderLevel } from "../core/reminderLevel";
import { isProblem } from "../core/problem";
import { percentFromRateUnits } from "../core/rates";
import { titledContact } from "../core/salutation";
import type { CompanyDetails, Settings } from "../core/settings";
import { shortEnglishDate, writtenDate } from "../core/writtenDate";
import { injunctionData, type InjunctionData } from "./injunctionFile";
import { reminderWording, type WordingData } from "./reminderWording";

export type Language = "fr" | "en";

export interface InvoiceLine {
  readonly numero: string;
  readonly date_facture: string;
  readonly echeance: string;
  readonly montant: string;
  readonly solde: string;
  /** The balance in cents, for sums (statements' ageing summary), not for templates. */
  readonly solde_centimes: Cents;
  readonly jours_retard: number;
  readonly tranche: string;
  /** Where the invoice stands: "Échue depuis 46 jours", "Non échue", with its reminder level. */
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
  readonly factures: readonly InvoiceLine[];
  readonly nombre_factures: number;
  readonly total_montant: string;
  readonly total_solde: string;
  readonly total_penalites: string;
  readonly total_indemnites: string;
  readonly total_du: string;
  /** Penalties and the EUR 40 apply (businesses and public buyers, late invoices): statements show them. */
  readonly penalites_applicables: boolean;
  /** The letter claims them (from reminder 2 on); total_du includes them then. */
  readonly reclame_penalites: boolean;
  /** False when a rate is missing from the table: the letter says the penalties will follow. */
  readonly penalites_connues: boolean;
  readonly date_relance_1: string;
  readonly date_relance_2: string;
  readonly date_mise_en_demeure: string;
  readonly date_limite: string;
  readonly delai_jours: number;
  readonly societe: CompanyData;
  /** A public buyer: its letters cite the Code de la commande publique and threaten the administrative court. */
  readonly acheteur_public: boolean;
  /** The points over the ECB rate of a public buyer's intérêts moratoires, as printed: "8". */
  readonly marge_acheteur_public: string;
  readonly injonction?: InjunctionData | undefined;
  /** Figures for code (sums, file names), not for templates. */
  readonly totals: { readonly balance: Cents; readonly penalties: Cents; readonly fees: Cents };
}

const TEXT = {
  fr: {
    notDue: (due: string) => `Non échue (échéance le ${due})`,
    late: (days: number) => `Échue depuis ${days} jour${days > 1 ? "s" : ""}`,
    unknown: "à calculer",
  },
  en: {
    notDue: (due: string) => `Not yet due (due on ${due})`,
    late: (days: number) => `Overdue by ${days} day${days > 1 ? "s" : ""}`,
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

/** The latest date a level was sent for any invoice the document lists. */
function latestLevelDate(invoices: readonly PlannedInvoice[], level: ReminderLevel): Day | undefined {
  let latest: Day | undefined;
  for (const invoice of invoices) {
    const day = invoice.history?.levelDates[level];
    if (day !== undefined && (latest === undefined || day > latest)) latest = day;
  }
  return latest;
}

/**
 * The merge data of one customer's document.
 * @param action - the customer's planned action (its level and listed invoices)
 * @param plan - the plan it belongs to (the reference date)
 * @param settings - the workbook's settings (letterhead, formal-notice deadline)
 */
export function reminderData(action: PlannedAction, plan: Plan, settings: Settings): ReminderData {
  // The court file is in French whatever the customer's language (DOMAIN section 4).
  const lang: Language = action.customer.language === "en" && action.level < 4 ? "en" : "fr";
  const text = TEXT[lang];
  const money = (cents: Cents): string => formatEuros(cents, lang);
  const bands = agingBandLabels(undefined, lang);
  // Businesses and public buyers owe penalties and EUR 40 once late; a consumer owes statutory
  // interest only from the formal notice, which the injonction file claims (DOMAIN section 3).
  const business = isBusinessCustomer(action.customer.customerType);
  const applicable = business ? action.level >= 1 : action.level >= 4;
  const claims = applicable && action.level >= 2;
  const dueLevels = new Map(action.due.map((d) => [d.invoice, d.level]));
  const lines = action.invoices.map((invoice): InvoiceLine => {
    const due = dateText(invoice.record.dueDate, lang);
    const level = dueLevels.get(invoice);
    const status = invoice.daysOverdue > 0 ? text.late(invoice.daysOverdue) : text.notDue(due);
    return {
      numero: invoice.record.number,
      date_facture: dateText(invoice.record.invoiceDate, lang),
      echeance: due,
      montant: money(invoice.record.amount),
      solde: money(invoice.balance),
      solde_centimes: invoice.balance,
      jours_retard: invoice.daysOverdue,
      tranche: bands[agingBandIndex(invoice.daysOverdue)]!,
      statut: level === undefined ? status : `${status} — ${reminderLevelLabel(level, lang)}`,
      penalites: applicable ? (invoice.penalties === null ? text.unknown : money(invoice.penalties)) : money(0),
      indemnite: money(applicable ? invoice.recoveryFee : 0),
    };
  });
  // The documents still total every invoice they list: where the demand (action.claimed) leaves
  // some out, a formal notice beside invoices at lower levels, they are totalled here.
  const listed = action.claimed.length === action.invoices.length ? action : actionTotals(action.invoices, action.level);
  const penalties = applicable && listed.penalties !== null ? listed.penalties : 0;
  const fees = applicable ? listed.recoveryFee : 0;
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
    total_montant: money(action.invoices.reduce((sum, i) => sum + i.record.amount, 0)),
    total_solde: money(listed.balance),
    total_penalites: applicable && listed.penalties === null ? text.unknown : money(penalties),
    total_indemnites: money(fees),
    total_du: money(listed.balance + (claims ? penalties + fees : 0)),
    penalites_applicables: applicable,
    reclame_penalites: claims,
    penalites_connues: !applicable || listed.penalties !== null,
    date_relance_1: longDate(latestLevelDate(action.invoices, 1), lang),
    date_relance_2: longDate(latestLevelDate(action.invoices, 2), lang),
    date_mise_en_demeure: longDate(latestLevelDate(action.invoices, 3), lang),
    date_limite: longDate(deadline, lang),
    delai_jours: settings.formalNoticeDeadlineDays,
    societe: companyData(settings.company, lang),
    ...reminderWording(customer, settings.company, lang, lines.length),
    acheteur_public: action.customer.customerType === "collectivite",
    marge_acheteur_public: String(percentFromRateUnits(settings.policy.publicBuyerMargin)).replace(".", lang === "fr" ? "," : "."),
    totals: { balance: listed.balance, penalties, fees },
  };
  return action.level === 4 ? { ...data, injonction: injunctionData(action, plan.asOf, settings) } : data;
}
