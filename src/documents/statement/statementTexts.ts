// The words of the account statement, in French and in English.
import type { Language, PenaltyRegime } from "../reminderData";

export interface Texts {
  readonly title: string;
  readonly asOf: (date: string) => string;
  readonly continued: string;
  readonly intro: string;
  readonly capital: (form: string, capital: string) => string;
  readonly phone: string;
  readonly attention: (contact: string) => string;
  readonly columns: readonly string[];
  readonly noItems: string;
  readonly total: string;
  readonly unallocated: string;
  /** The balance of the invoices a formal notice (3) or an injunction (4) claims. */
  readonly claimed: (level: number) => string;
  readonly penalties: Readonly<Record<PenaltyRegime, string>>;
  readonly fees: string;
  readonly toPay: string;
  readonly toPayWithoutPenalties: Readonly<Record<PenaltyRegime, string>>;
  /** Open balances the document does not ask for: before the formal notice (levels 1-2), and from it on. */
  readonly notAsked: (level: number) => string;
  readonly forInformation: (date: string) => string;
  readonly ageing: string;
  readonly payment: string;
  readonly paymentReference: string;
  readonly lateNotice: Readonly<Record<PenaltyRegime, string>>;
}

export const TEXTS: Readonly<Record<Language, Texts>> = {
  fr: {
    title: "Relevé de compte",
    asOf: (date) => `au ${date}`,
    continued: "suite",
    intro: "Factures ouvertes sur votre compte à ce jour, échues ou non :",
    capital: (form, capital) => [form, capital ? `au capital de ${capital}` : ""].filter(Boolean).join(" "),
    phone: "Tél.",
    attention: (contact) => `À l'attention de ${contact}`,
    columns: ["N° facture", "Date", "Échéance", "Montant TTC", "Payé", "Avoirs imputés", "Solde", "Jours de retard", "Situation"],
    noItems: "Aucune facture ouverte.",
    total: "Total",
    unallocated: "Avoirs non imputés",
    claimed: (level) => (level >= 4 ? "Factures objet de la requête en injonction de payer" : "Factures objet de la mise en demeure"),
    penalties: { entreprise: "Pénalités de retard", acheteur_public: "Intérêts moratoires", particulier: "Intérêts au taux légal" },
    fees: "Indemnités forfaitaires pour frais de recouvrement",
    toPay: "Solde à régler",
    toPayWithoutPenalties: {
      entreprise: "Solde à régler (hors pénalités, à parfaire)",
      acheteur_public: "Solde à régler (hors intérêts moratoires, à parfaire)",
      particulier: "Solde à régler (hors intérêts, à parfaire)",
    },
    notAsked: (level) => (level >= 3 ? "Autres factures ouvertes (hors solde à régler)" : "Factures non échues, en litige ou en attente (hors solde à régler)"),
    forInformation: (date) => `Pour information, au ${date} (hors solde à régler) :`,
    ageing: "Solde par tranche d'âge (jours de retard)",
    payment: "Règlement par virement bancaire",
    paymentReference: "Merci d'indiquer les numéros de facture en référence de votre virement.",
    lateNotice: {
      entreprise:
        "Tout retard de paiement entraîne de plein droit des pénalités de retard (art. L441-10 du Code de commerce) " +
        "et une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (art. D441-5).",
      acheteur_public:
        "Tout retard de paiement fait courir de plein droit des intérêts moratoires (art. L2192-13 et R2192-31 du Code de la commande publique) " +
        "et une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (art. D2192-35).",
      particulier: "",
    },
  },
  en: {
    title: "Statement of account",
    asOf: (date) => `as at ${date}`,
    continued: "continued",
    intro: "Open invoices on your account at this date, due or not:",
    capital: (form, capital) => [form, capital ? `share capital ${capital}` : ""].filter(Boolean).join(", "),
    phone: "Tel.",
    attention: (contact) => `Attn: ${contact}`,
    columns: ["Invoice no.", "Date", "Due date", "Amount incl. VAT", "Paid", "Credit notes", "Balance", "Days overdue", "Status"],
    noItems: "No open items.",
    total: "Total",
    unallocated: "Credit notes not applied",
    claimed: (level) => (level >= 4 ? "Invoices in the application for an order for payment" : "Invoices in the formal notice"),
    penalties: { entreprise: "Late payment interest", acheteur_public: "Late payment interest (intérêts moratoires)", particulier: "Statutory interest" },
    fees: "Fixed recovery compensation",
    toPay: "Balance to pay",
    toPayWithoutPenalties: {
      entreprise: "Balance to pay (interest to be added)",
      acheteur_public: "Balance to pay (interest to be added)",
      particulier: "Balance to pay (interest to be added)",
    },
    notAsked: (level) => (level >= 3 ? "Other open invoices (not in the balance to pay)" : "Invoices not yet due, disputed or on hold (not in the balance to pay)"),
    forInformation: (date) => `For information, as at ${date} (not in the balance to pay):`,
    ageing: "Balance by age band (days overdue)",
    payment: "Payment by bank transfer",
    paymentReference: "Please quote the invoice numbers as the reference of your transfer.",
    lateNotice: {
      entreprise:
        "Late payment automatically incurs late payment interest (French Commercial Code, art. L441-10) " +
        "and fixed recovery compensation of €40 per invoice (art. D441-5).",
      acheteur_public:
        "Late payment automatically incurs late payment interest (French Public Procurement Code, art. L2192-13 and R2192-31) " +
        "and fixed recovery compensation of €40 per invoice (art. D2192-35).",
      particulier: "",
    },
  },
};
