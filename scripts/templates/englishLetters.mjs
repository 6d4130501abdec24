// The English letters; the court file stays French (the French one is written for en/ too).
import { INVOICES, OTHER_INVOICES, P, one, unless, when } from "./blocks.mjs";

const EN_PENALTIES = [
  ...when("acheteur_public", [
    P(
      "Under article L2192-13 of the French Public Procurement Code, these delays automatically incur late payment interest at the European Central Bank rate plus {{marge_acheteur_public}} points (article R2192-31)" +
        "{{#penalites_connues}}, amounting to {{total_penalites}} to date{{/penalites_connues}}" +
        "{{^penalites_connues}}, the amount of which will be notified to you separately{{/penalites_connues}}" +
        ", and a fixed recovery compensation of EUR 40 per invoice (article D2192-35 of the same code), i.e. {{total_indemnites}}.",
    ),
  ]),
  P("{{^acheteur_public}}"),
  P(
    `Under article L441-10 of the French Commercial Code, ${one("this delay automatically incurs", "these delays automatically incur")} late payment interest` +
      "{{#penalites_connues}}, amounting to {{total_penalites}} to date{{/penalites_connues}}" +
      "{{^penalites_connues}}, the amount of which will be notified to you separately{{/penalites_connues}}" +
      ", and fixed recovery compensation of €40 per invoice (article D441-5 of the French Commercial Code), i.e. {{total_indemnites}}.",
  ),
  P("{{/acheteur_public}}"),
];

const EN_PENALTIES_INFO = [
  ...unless("acheteur_public", [
    P(
      `Please note that ${one("this delay automatically incurs", "these delays automatically incur")} late payment interest (article L441-10 of the French Commercial Code)` +
        "{{#penalites_connues}}, amounting to {{total_penalites}} to date{{/penalites_connues}}" +
        ", and fixed recovery compensation of €40 per invoice (article D441-5 of the French Commercial Code), i.e. {{total_indemnites}}. " +
        "These sums are given for information and are not included in the amount requested below.",
    ),
  ]),
  ...when("acheteur_public", [
    P(
      `Please note that ${one("this delay automatically incurs", "these delays automatically incur")} late payment interest at the European Central Bank rate plus {{marge_acheteur_public}} points (articles L2192-13 and R2192-31 of the French Public Procurement Code)` +
        "{{#penalites_connues}}, amounting to {{total_penalites}} to date{{/penalites_connues}}" +
        ", and fixed recovery compensation of €40 per invoice (article D2192-35 of that code), i.e. {{total_indemnites}}. " +
        "These sums are given for information and are not included in the amount requested below.",
    ),
  ]),
];

export const EN = {
  lang: "en-GB",
  styleNames: {
    Entete: "Letterhead",
    Coordonnees: "Letterhead details",
    Destinataire: "Recipient",
    Objet: "Subject",
    Titre: "File title",
    Intertitre: "Section heading",
    Encadre: "Bank details",
    Puce: "Document list",
    Signature: "Signature",
    Mentions: "Legal mentions",
    Cellule: "Table text",
    Saut: "Page break",
  },
  invoiceHeaders: ["Invoice no.", "Date", "Due date", "Amount incl. VAT", "Balance", "Status"],
  total: "Total",
  letterhead: [
    P("{{societe.raison_sociale}} {{societe.forme}}", { style: "Entete" }),
    P("{{societe.adresse}} — {{societe.code_postal}} {{societe.ville}} — France", { style: "Coordonnees" }),
    P("{{#societe.telephone}}Tel. {{societe.telephone}}{{/societe.telephone}}{{#societe.email}} — {{societe.email}}{{/societe.email}}", {
      style: "Coordonnees",
      rule: true,
    }),
  ],
  recipient: [
    P("**{{raison_sociale}}**", { style: "Destinataire" }),
    ...when("contact", [P("For the attention of {{contact}}", { style: "Destinataire" })]),
    P("{{adresse}}", { style: "Destinataire" }),
    P("{{ligne_ville}}", { style: "Destinataire" }),
    ...when("pays", [P("{{pays}}", { style: "Destinataire" })]),
  ],
  placeDate: P("{{societe.ville}}, {{date_du_jour}}", { style: "Destinataire", before: 360, after: 360 }),
  // {{formule_finale}}: « Yours sincerely, » after « Dear Mr Hale, », « Yours faithfully, » after « Dear Sir or Madam, ».
  closing: "{{formule_finale}}",
  closingFormal: "{{formule_finale}}",
  signature: [
    P("{{signataire_nom}}", { style: "Signature", before: 480 }),
    ...when("signataire_fonction", [P("{{signataire_fonction}}", { style: "Signature" })]),
    P("{{societe.raison_sociale}}", { style: "Signature" }),
  ],
  iban: P("IBAN: **{{societe.iban}}** — BIC: **{{societe.bic}}**", { style: "Encadre" }),
  letters: {
    courtesy: {
      title: "Courtesy reminder",
      blocks: [
        P(`**Subject:** upcoming due date of your ${one("invoice", "invoices")}`, { style: "Objet" }),
        "{{salutation}}",
        `Thank you for your business. As a courtesy, we would like to let you know that ${one("the invoice below", "the invoices below")} will soon fall due:`,
        INVOICES,
        `Could you please check that you have received ${one("it and that it has", "them and that they have")} been approved for payment? Should you have any question, our accounts department is at your disposal ({{societe.email}}, {{societe.telephone}}).`,
        "Payment can be made by bank transfer to our account:",
        "IBAN",
        "If payment has already been made, please disregard this letter.",
        "CLOSING",
      ],
    },
    reminder1: {
      title: "Reminder 1",
      blocks: [
        P(`**Subject:** payment reminder — overdue ${one("invoice", "invoices")}`, { style: "Objet" }),
        "{{salutation}}",
        `Unless we are mistaken, we have not yet received payment of ${one("the invoice", "the invoices")} below:`,
        INVOICES,
        "The outstanding amount is **{{total_du}}**.",
        "This may be a simple oversight: we would be grateful if you could settle it at your earliest convenience by bank transfer to our account:",
        "IBAN",
        ...when("penalites_applicables", [
          ...unless("acheteur_public", [
            P(
              "Please note that under French law any late payment automatically incurs late payment interest and fixed recovery compensation of €40 per invoice (articles L441-10 and D441-5 of the French Commercial Code).",
            ),
          ]),
          ...when("acheteur_public", [
            P(
              "Please note that any late payment automatically incurs late payment interest and fixed recovery compensation of €40 per invoice (articles L2192-13, R2192-31 and D2192-35 of the French Public Procurement Code).",
            ),
          ]),
        ]),
        `If payment has been made in the meantime, please disregard this letter. If you dispute ${one("this invoice", "an invoice")}, please let us know without delay.`,
        "CLOSING",
      ],
    },
    reminder2: {
      title: "Reminder 2",
      blocks: [
        P(`**Subject:** second reminder — unpaid ${one("invoice", "invoices")}`, { style: "Objet" }),
        "{{salutation}}",
        "{{#date_relance_1}}Despite our reminder of {{date_relance_1}}, the{{/date_relance_1}}{{^date_relance_1}}Unless we are mistaken, the{{/date_relance_1}} " +
          one("invoice below remains", "invoices below remain") +
          " unpaid to date:",
        INVOICES,
        ...when("penalites_pour_information", EN_PENALTIES_INFO),
        "We ask you to pay **the sum of {{total_du}}** within eight days of receipt of this letter, by bank transfer to our account:",
        "IBAN",
        "Failing payment within this period, we will have to send you a formal notice (mise en demeure).",
        "If payment has been made in the meantime, please disregard this letter.",
        "CLOSING",
      ],
    },
    formal_notice: {
      title: "Formal notice",
      blocks: [
        P("**Registered letter with acknowledgement of receipt**", { after: 240 }),
        P("**Subject: FORMAL NOTICE TO PAY (MISE EN DEMEURE)**", { style: "Objet" }),
        "{{salutation}}",
        `We have reminded you several times to pay ${one("the invoice", "the invoices")} below` +
          "{{#date_relance_1}}, in particular by our reminder of {{date_relance_1}}{{/date_relance_1}}" +
          "{{#date_relance_2}}{{#date_relance_1}} and{{/date_relance_1}}{{^date_relance_1}}, in particular{{/date_relance_1}} by our letter of {{date_relance_2}}{{/date_relance_2}}" +
          `. Despite these reminders, ${one("it remains", "they remain")} unpaid to date:`,
        INVOICES,
        ...when("reclame_penalites", EN_PENALTIES),
        ...unless("penalites_applicables", [
          P("This sum will bear interest at the statutory rate from receipt of this formal notice (article 1231-6 of the French Civil Code)."),
        ]),
        "Accordingly, **we hereby give you formal notice to pay the sum of {{total_du}} within {{delai_jours}} days of receipt of this letter**, by bank transfer to our account:",
        "IBAN",
        ...unless("acheteur_public", [
          P(
            "**Failing full payment within this period, we will refer the matter to the competent court without further notice**, by an application for an order for payment (injonction de payer), to recover our claim together with interest and legal costs.",
          ),
        ]),
        ...when("acheteur_public", [
          P(
            "This letter is our prior claim for payment. **Failing full payment within this period, we will apply to the interim relief judge of the competent administrative court** for an interim payment (article R541-1 of the French Code of Administrative Justice), to recover our claim together with late-payment interest and the fixed recovery compensation.",
          ),
        ]),
        ...when("avec_autres_factures", [
          P(
            "**Other overdue invoices.** For the record, the invoices below are also overdue and remain payable; they are not included in the sum claimed in this formal notice:",
            { keepNext: true },
          ),
          OTHER_INVOICES,
        ]),
        "This letter constitutes a formal notice within the meaning of article 1344 of the French Civil Code.",
        "CLOSING_FORMAL",
      ],
    },
    // The court file is always in French (DOMAIN section 4): en/injunction.docx is the French one.
  },
};
