// The court file of the last level (DOMAIN sections 2 and 4), always in French: the injonction de
// payer before the tribunal de commerce or the tribunal judiciaire, chosen by the debtor's legal
// form, or for a public buyer the référé-provision before the tribunal administratif. It claims the
// invoices that reached that level (action.claimed), with what the law adds to them for this debtor.
import { administrativeCourtOf } from "../core/administrativeCourts";
import { competentCourt, type CompetentCourt } from "../core/competentCourt";
import type { LegalForm } from "../core/legalForm";
import { dayToFrench, type Day } from "../core/day";
import { formatEuros, type Cents } from "../core/money";
import type { PlannedAction, PlannedInvoice } from "../core/plan";
import { countryName } from "../core/postalAddress";
import { percentFromRateUnits } from "../core/rates";
import type { ReminderLevel } from "../core/reminderLevel";
import type { Settings } from "../core/settings";

export interface SupportingDocument {
  readonly piece: string;
  readonly date: string;
  /** What follows the date: « — avis de réception du ___/___/______ ». */
  readonly complement: string;
}

/** One claimed invoice as the file's table shows it. */
export interface ClaimedInvoiceLine {
  readonly numero: string;
  readonly date_facture: string;
  readonly echeance: string;
  readonly montant: string;
  readonly solde: string;
  readonly statut: string;
}

export interface AmountLine {
  readonly libelle: string;
  readonly montant: string;
}

/** The court file of an injonction de payer, or of a référé-provision for a public buyer. */
export interface InjunctionData {
  /** A public buyer: the référé-provision before the tribunal administratif, not an injonction de payer. */
  readonly refere: boolean;
  readonly tribunal: string;
  /** What follows the court's name after a space: its ressort and the article that gives it, no final stop. */
  readonly ressort: string;
  /** "12946", "12948", or "" when no Cerfa applies (a référé, a debtor abroad). */
  readonly cerfa: string;
  /** The form to fill, as the file names it; "" for none. */
  readonly formulaire: string;
  /** What must be checked about the court, one paragraph each. */
  readonly notes: readonly string[];
  /** The debtor's legal form as the name shows it: « SCI, société civile ». */
  readonly forme_juridique: string;
  /** The debtor's country, for one abroad whose country is known. */
  readonly pays: string;
  readonly etranger: boolean;
  readonly intitule_montant: string;
  readonly factures: readonly ClaimedInvoiceLine[];
  readonly total_montant: string;
  readonly principal: string;
  readonly penalites: string;
  readonly indemnites: string;
  readonly montants: readonly AmountLine[];
  readonly total: string;
  readonly total_libelle: string;
  /** True when interest could not be computed (a half-year whose rate is unknown). */
  readonly a_parfaire: boolean;
  /** How the amounts were computed, one paragraph each. */
  readonly explications: readonly string[];
  readonly pieces: readonly SupportingDocument[];
  /** Up to EUR 5,000 in principal and interest: the small-claims route is an alternative. */
  readonly petites_creances: boolean;
  /** Figures for code and tests. */
  readonly cents: { readonly principal: Cents; readonly interest: Cents | null; readonly fees: Cents };
}

/** Small claims: principal and interest up to EUR 5,000 (CPCE R125-1). */
const SMALL_CLAIM_MAX: Cents = 500_000;
const AR_BLANK = ", envoyée en lettre recommandée avec accusé de réception — avis de réception du ____/____/________";

/** How the file names the kind of a legal form. */
function formName(form: LegalForm): string {
  if (form.kind === "commercial") return "société commerciale par la forme (article L210-1 du Code de commerce)";
  if (form.kind === "foreign") return "forme de droit étranger";
  return form.code === "association" ? "non commerçante" : "société civile, non commerçante";
}

const date = (day: Day | undefined): string => (day === undefined ? "" : dayToFrench(day));
const euros = (cents: Cents): string => formatEuros(cents, "fr");
const plural = (n: number, one: string, many: string): string => (n > 1 ? many : one);

/**
 * The court file of one customer's last-level action.
 * @param action - the customer's action at level 4; its claimed invoices are demanded
 * @param asOf - the run's reference date
 * @param settings - the workbook's settings (the public buyers' margin)
 */
export function injunctionData(action: PlannedAction, asOf: Day, settings: Settings): InjunctionData {
  const customer = action.customer;
  const court = competentCourt(customer);
  const claimed = [...action.claimed].sort((a, b) => a.record.invoiceDate - b.record.invoiceDate || a.record.number.localeCompare(b.record.number));
  const consumer = customer.customerType === "particulier";
  const publicBuyer = court.kind === "administratif";

  const principal = claimed.reduce((sum, i) => sum + i.balance, 0);
  const interest = claimed.some((i) => i.penalties === null) ? null : claimed.reduce((sum, i) => sum + (i.penalties ?? 0), 0);
  const fees = consumer ? 0 : claimed.reduce((sum, i) => sum + i.recoveryFee, 0);
  const margin = String(percentFromRateUnits(settings.policy.publicBuyerMargin)).replace(".", ",");
  const n = claimed.length;
  const interestLabel = publicBuyer
    ? `Intérêts moratoires au taux BCE majoré de ${margin} points (articles L2192-13 et R2192-31 du Code de la commande publique), arrêtés au ${date(asOf)}`
    : consumer
      ? `Intérêts au taux légal depuis la mise en demeure (articles 1231-6 et 1344-1 du Code civil), arrêtés au ${date(asOf)}`
      : `Pénalités de retard (article L441-10 du Code de commerce), arrêtées au ${date(asOf)}`;
  const feeLabel = publicBuyer
    ? `${plural(n, "Indemnité forfaitaire", "Indemnités forfaitaires")} pour frais de recouvrement (40 € par facture, article D2192-35 du Code de la commande publique)`
    : `${plural(n, "Indemnité forfaitaire", "Indemnités forfaitaires")} pour frais de recouvrement (40 € par facture, article D441-5 du Code de commerce)`;
  const montants: AmountLine[] = [
    { libelle: `Principal (${plural(n, "solde de la facture", "solde des factures")})`, montant: euros(principal) },
    { libelle: interestLabel, montant: interest === null ? "à calculer" : euros(interest) },
  ];
  // A consumer owes no EUR 40: collection costs stay with the creditor without an enforceable title (CPCE L111-8).
  if (!consumer) montants.push({ libelle: feeLabel, montant: euros(fees) });
  const what = publicBuyer || consumer ? "intérêts" : "pénalités";
  const total = principal + (interest ?? 0) + fees;

  const explications: string[] = [];
  if (consumer) {
    const sent = latestDate(claimed, 3);
    explications.push(
      `Le débiteur étant un consommateur, ni pénalités de retard ni indemnité forfaitaire ne sont dues ; les intérêts au taux légal courent à compter de la réception de la mise en demeure. ` +
        (interest === null
          ? `La mise en demeure a été envoyée${sent === undefined ? "" : ` le ${date(sent)}`} : ils se calculent à compter de la date de son avis de réception.`
          : `Ils sont calculés ici depuis son envoi${sent === undefined ? "" : ` le ${date(sent)}`} : à ajuster à la date de l'avis de réception.`),
    );
  }
  if (publicBuyer) {
    explications.push(
      `Les intérêts moratoires courent de plein droit dès le lendemain de l'échéance, au taux de la BCE en vigueur au premier jour du semestre au cours duquel ils ont commencé à courir, majoré de ${margin} points, pour toute la durée du retard (article R2192-31 du Code de la commande publique).`,
    );
  }
  if (interest === null) {
    explications.push(`Le taux d'un semestre du retard n'est pas connu : les ${what} sont à calculer et le total est donné hors ${what}, à parfaire.`);
  }

  const placed = placeOf(court, customer.postcode, customer.city);
  const smallClaim = !publicBuyer && !court.debtor.abroad && principal + (interest ?? 0) <= SMALL_CLAIM_MAX;
  return {
    refere: publicBuyer,
    ...placed,
    forme_juridique: court.legalForm === undefined ? "" : `${court.legalForm.code}, ${formName(court.legalForm)}`,
    pays: court.debtor.abroad && court.debtor.country !== undefined ? countryName(court.debtor.country) ?? court.debtor.country : "",
    etranger: court.debtor.abroad,
    intitule_montant: publicBuyer ? "Montant de la provision demandée" : "Montant de la créance",
    factures: claimed.map(line),
    total_montant: euros(claimed.reduce((sum, i) => sum + i.record.amount, 0)),
    principal: euros(principal),
    penalites: interest === null ? "à calculer" : euros(interest),
    indemnites: euros(fees),
    montants,
    total: euros(total),
    total_libelle: interest === null ? `Total réclamé (hors ${what}, à parfaire)` : publicBuyer ? "Provision demandée" : "Total réclamé",
    a_parfaire: interest === null,
    explications,
    pieces: supportingDocuments(claimed, publicBuyer),
    petites_creances: smallClaim,
    cents: { principal, interest, fees },
  };
}

function line(invoice: PlannedInvoice): ClaimedInvoiceLine {
  return {
    numero: invoice.record.number,
    date_facture: date(invoice.record.invoiceDate),
    echeance: date(invoice.record.dueDate),
    montant: euros(invoice.record.amount),
    solde: euros(invoice.balance),
    statut: `Échue depuis ${invoice.daysOverdue} jour${invoice.daysOverdue > 1 ? "s" : ""}`,
  };
}

/** The court, its ressort, the form to fill and what must be checked. */
function placeOf(court: CompetentCourt, postcode: string | undefined, city: string | undefined): Pick<InjunctionData, "tribunal" | "ressort" | "cerfa" | "formulaire" | "notes"> {
  const where = [postcode, city].filter(Boolean).join(" ");
  if (court.kind === "administratif") {
    const named = administrativeCourtOf(postcode);
    return {
      tribunal: named ?? "Tribunal administratif de …",
      ressort: `dans le ressort duquel se trouve le siège de l'acheteur public${where ? ` (${where})` : ""}`,
      cerfa: "",
      formulaire: "",
      notes: [
        "Le tribunal administratif compétent est celui du lieu prévu pour l'exécution du contrat ; si ce lieu n'est pas désigné dans le contrat ou si l'exécution s'étend sur plusieurs ressorts, celui du siège de l'autorité qui l'a signé (article R312-11 du Code de justice administrative) : à vérifier.",
      ],
    };
  }
  if (court.debtor.abroad) {
    const country = court.debtor.country === undefined ? undefined : countryName(court.debtor.country) ?? court.debtor.country;
    const notes = [
      `Débiteur établi hors de France${country ? ` (${country})` : ""} : ${court.debtor.evidence.join(", ")}. ` +
        "La compétence des juridictions françaises ne résulte pas de l'article 1406 du Code de procédure civile et doit être vérifiée (clause attributive de juridiction des conditions générales, lieu de livraison ou d'exécution de la prestation).",
    ];
    if (court.debtor.inEu === true) {
      notes.push("Le débiteur étant établi dans un autre État membre de l'Union européenne, la procédure européenne d'injonction de payer (règlement (CE) n° 1896/2006, formulaire A) est ouverte ; la juridiction compétente se détermine selon le règlement (UE) n° 1215/2012.");
    } else if (court.debtor.inEu === false) {
      notes.push("Le débiteur étant établi hors de l'Union européenne, la procédure européenne d'injonction de payer (règlement (CE) n° 1896/2006) n'est pas ouverte ; l'exécution d'une décision française dans l'État du débiteur est à vérifier.");
    } else {
      notes.push("Si le débiteur est établi dans un autre État membre de l'Union européenne, la procédure européenne d'injonction de payer (règlement (CE) n° 1896/2006) est la voie usuelle.");
    }
    return {
      tribunal: "Juridiction compétente à déterminer",
      ressort: `(adresse du débiteur : ${where || "à compléter"}${country ? `, ${country}` : ""})`,
      cerfa: "",
      formulaire: court.debtor.inEu === true ? "formulaire A du règlement (CE) n° 1896/2006 (injonction de payer européenne)" : "",
      notes,
    };
  }
  const commerce = court.kind === "commerce";
  const notes: string[] = [];
  if (court.toCheck) {
    notes.push(
      commerce
        ? "La forme juridique du débiteur n'apparaît pas dans son nom : le tribunal de commerce est compétent s'il est commerçant ou société commerciale (article L721-3 du Code de commerce), le tribunal judiciaire sinon (Cerfa n° 12948) : à vérifier sur son extrait Kbis ou sa fiche SIRENE."
        : "La forme juridique du débiteur n'apparaît pas dans son nom : tribunal judiciaire s'il exerce sa profession libérale en nom propre ou en société civile ; tribunal de commerce (Cerfa n° 12946) s'il est une société commerciale par la forme (SARL, SAS…) : à vérifier sur sa fiche SIRENE.",
    );
  }
  return {
    tribunal: commerce ? "Tribunal de commerce" : "Tribunal judiciaire",
    ressort: `du ressort du siège ou du domicile du débiteur, ${where} (article 1406 du Code de procédure civile)`,
    cerfa: commerce ? "12946" : "12948",
    formulaire: `Cerfa n° ${commerce ? "12946" : "12948"} (requête en injonction de payer${commerce ? " devant le tribunal de commerce" : " devant le tribunal judiciaire"})`,
    notes,
  };
}

/** The latest date a level was sent for any of the invoices. */
function latestDate(invoices: readonly PlannedInvoice[], level: ReminderLevel): Day | undefined {
  let latest: Day | undefined;
  for (const invoice of invoices) {
    const day = invoice.history?.levelDates[level];
    if (day !== undefined && (latest === undefined || day > latest)) latest = day;
  }
  return latest;
}

const REMINDER_NAMES: Readonly<Record<1 | 2 | 3, string>> = {
  1: "Relance 1",
  2: "Relance 2",
  3: "Mise en demeure",
};

/**
 * The supporting documents in the order of the file: the invoices by date, the contract documents,
 * then each reminder and the formal notice with its own date, in date order.
 */
function supportingDocuments(claimed: readonly PlannedInvoice[], publicBuyer: boolean): SupportingDocument[] {
  const numbers = (list: readonly PlannedInvoice[]): string =>
    `${plural(list.length, "facture", "factures")} ${list.map((i) => i.record.number).join(", ")}`;
  const pieces: SupportingDocument[] = claimed.map((i) => ({ piece: `Facture ${i.record.number}`, date: date(i.record.invoiceDate), complement: "" }));
  if (publicBuyer) {
    pieces.push({ piece: "Le marché (acte d'engagement, cahier des clauses administratives particulières) ou le bon de commande de l'acheteur", date: "", complement: "" });
  } else {
    pieces.push({ piece: "Conditions générales de vente acceptées par le client, ou le contrat signé", date: "", complement: "" });
    pieces.push({ piece: "Devis signé ou bon de commande", date: "", complement: "" });
  }
  const accepted = claimed.filter((i) => i.record.acceptanceDate !== undefined);
  for (const invoice of [...accepted].sort((a, b) => a.record.acceptanceDate! - b.record.acceptanceDate!)) {
    pieces.push({ piece: `Procès-verbal de réception des travaux (facture ${invoice.record.number})`, date: date(invoice.record.acceptanceDate), complement: "" });
  }
  const others = claimed.filter((i) => i.record.acceptanceDate === undefined);
  if (others.length > 0) pieces.push({ piece: `Bon de livraison ou procès-verbal de réception (${numbers(others)})`, date: "", complement: "" });

  // Each reminder with its own date: invoices reminded on the same day share one line.
  const sent = new Map<string, { level: 1 | 2 | 3; day: Day; invoices: PlannedInvoice[] }>();
  for (const invoice of claimed) {
    for (const level of [1, 2, 3] as const) {
      const day = invoice.history?.levelDates[level];
      if (day === undefined) continue;
      const key = `${level}-${day}`;
      const entry = sent.get(key) ?? { level, day, invoices: [] };
      entry.invoices.push(invoice);
      sent.set(key, entry);
    }
  }
  const several = claimed.length > 1;
  for (const { level, day, invoices } of [...sent.values()].sort((a, b) => a.day - b.day || a.level - b.level)) {
    pieces.push({
      piece: several ? `${REMINDER_NAMES[level]} (${numbers(invoices)})` : REMINDER_NAMES[level],
      date: date(day),
      complement: level === 3 ? AR_BLANK : "",
    });
  }
  if (publicBuyer) pieces.push({ piece: "La réponse de l'acheteur à la mise en demeure, ou la preuve de son silence", date: "", complement: "" });
  return pieces;
}
