// Writes the default Word letters: templates/{fr,en}/{courtesy,reminder1,reminder2,formal_notice,
// injunction}.docx, the files Relances ships and a user opens, edits in Word and drops into a
// "modeles" folder beside the workbook. Run `node scripts/make-templates.mjs` after changing the
// wording below; the .docx files are committed.
//
// Placeholders are Mustache style with docxtemplater's delimiters set to {{ }} (see
// src/documents/wordLetters.ts): {{raison_sociale}}, {{societe.iban}}, {{#factures}}...{{/factures}}
// (a table row loop), {{#reclame_penalites}}...{{/reclame_penalites}}, {{^penalites_connues}}...
// The whole body is a loop {{#clients}}...{{/clients}}: one section per customer, each ending with
// a page break (the renderer drops the last one).
//
// Every {{tag}} is written inside one run (w:r) so that Word keeps it whole. Paragraph text uses
// **...** for bold; a paragraph whose only text is an opening or closing tag disappears from the
// merged letter (docxtemplater's paragraphLoop), which is how whole paragraphs become conditional.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import PizZip from "pizzip";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** A fixed date for every zip entry and the document properties, so that the output is reproducible. */
const STAMP = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
const STAMP_ISO = "2026-01-01T00:00:00Z";

// ---------------------------------------------------------------------------------------------
// Page geometry (twentieths of a point): A4, 2 cm margins, 17 cm of text.
const TEXT_WIDTH = 9638;
const RECIPIENT_INDENT = 5103; // 9 cm: the address sits in the window of a DL envelope
const INVOICE_COLUMNS = [1450, 1250, 1250, 1500, 1400, 2788];

// ---------------------------------------------------------------------------------------------
// The wording, per language. Each letter is a list of blocks:
//   "text" or P("text", options)    a paragraph (**bold**)
//   when(tag, blocks) / unless(tag, blocks)   paragraphs kept only when tag is truthy / falsy
//   INVOICES    the invoice table       AMOUNTS   the amounts table of the injunction file
//   OTHER_INVOICES  the customer's other overdue invoices, outside the sum (when there are any)
//   PIECES      the list of supporting documents

const P = (text, options = {}) => ({ kind: "p", text, ...options });
const when = (tag, blocks) => [P(`{{#${tag}}}`), ...blocks, P(`{{/${tag}}}`)];
const unless = (tag, blocks) => [P(`{{^${tag}}}`), ...blocks, P(`{{/${tag}}}`)];
const INVOICES = { kind: "invoices" };
/** Wording that agrees with the number of invoices listed: singular for one, plural otherwise. */
const one = (singular, plural) => `{{#une_facture}}${singular}{{/une_facture}}{{^une_facture}}${plural}{{/une_facture}}`;
/** The invoices a court file claims (injonction.factures), with their totals. */
const CLAIMED_INVOICES = { kind: "invoices", loop: "injonction.factures", amount: "injonction.total_montant", balance: "injonction.principal" };
const OTHER_INVOICES = { kind: "otherInvoices" };
const AMOUNTS = { kind: "amounts" };
const PIECES = { kind: "pieces" };

const FR_PENALTIES = [
  ...unless("acheteur_public", [
    P(
      `Conformément à l'article L441-10 du Code de commerce, ${one("ce retard entraîne", "ces retards entraînent")} de plein droit des pénalités de retard` +
        "{{#penalites_connues}}, qui s'élèvent à ce jour à {{total_penalites}}{{/penalites_connues}}" +
        "{{^penalites_connues}}, dont le montant vous sera communiqué séparément{{/penalites_connues}}" +
        ", ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5 du Code de commerce), soit {{total_indemnites}}.",
    ),
  ]),
  ...when("acheteur_public", [
    P(
      `Conformément à l'article L2192-13 du Code de la commande publique, ${one("ce retard fait", "ces retards font")} courir de plein droit et sans autre formalité des intérêts moratoires au taux de la Banque centrale européenne majoré de {{marge_acheteur_public}} points (article R2192-31)` +
        "{{#penalites_connues}}, qui s'élèvent à ce jour à {{total_penalites}}{{/penalites_connues}}" +
        "{{^penalites_connues}}, dont le montant vous sera communiqué séparément{{/penalites_connues}}" +
        ", ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D2192-35 du même code), soit {{total_indemnites}}.",
    ),
  ]),
];

// Before the formal notice, penalties and fees are shown for information, outside the sum asked.
const FR_PENALTIES_INFO = [
  ...unless("acheteur_public", [
    P(
      `Nous vous rappelons que ${one("ce retard entraîne", "ces retards entraînent")} de plein droit des pénalités de retard (article L441-10 du Code de commerce)` +
        "{{#penalites_connues}}, qui s'élèvent à ce jour à {{total_penalites}}{{/penalites_connues}}" +
        ", ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5 du Code de commerce), soit {{total_indemnites}}. " +
        "Ces sommes, indiquées pour information, ne sont pas comprises dans le montant demandé ci-dessous.",
    ),
  ]),
  ...when("acheteur_public", [
    P(
      `Nous vous rappelons que ${one("ce retard fait", "ces retards font")} courir de plein droit des intérêts moratoires au taux de la Banque centrale européenne majoré de {{marge_acheteur_public}} points (articles L2192-13 et R2192-31 du Code de la commande publique)` +
        "{{#penalites_connues}}, qui s'élèvent à ce jour à {{total_penalites}}{{/penalites_connues}}" +
        ", ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D2192-35 du même code), soit {{total_indemnites}}. " +
        "Ces sommes, indiquées pour information, ne sont pas comprises dans le montant demandé ci-dessous.",
    ),
  ]),
];

const FR = {
  lang: "fr-FR",
  styleNames: {
    Entete: "En-tête de lettre",
    Coordonnees: "Coordonnées",
    Destinataire: "Destinataire",
    Objet: "Objet",
    Titre: "Titre du dossier",
    Intertitre: "Intertitre",
    Encadre: "Encadré",
    Puce: "Liste de pièces",
    Signature: "Signature",
    Mentions: "Mentions légales",
    Cellule: "Texte du tableau",
    Saut: "Saut de page",
  },
  invoiceHeaders: ["N° facture", "Date", "Échéance", "Montant TTC", "Solde", "Statut"],
  total: "Total",
  letterhead: [
    P("{{societe.raison_sociale}} {{societe.forme}}", { style: "Entete" }),
    P("{{societe.adresse}} — {{societe.code_postal}} {{societe.ville}}", { style: "Coordonnees" }),
    P("{{#societe.telephone}}Tél. {{societe.telephone}}{{/societe.telephone}}{{#societe.email}} — {{societe.email}}{{/societe.email}}", {
      style: "Coordonnees",
      rule: true,
    }),
  ],
  recipient: [
    P("**{{raison_sociale}}**", { style: "Destinataire" }),
    ...when("contact", [P("À l'attention de {{contact}}", { style: "Destinataire" })]),
    P("{{adresse}}", { style: "Destinataire" }),
    P("{{ligne_ville}}", { style: "Destinataire" }),
    ...when("pays", [P("{{pays}}", { style: "Destinataire" })]),
  ],
  placeDate: P("{{societe.ville}}, le {{date_du_jour}}", { style: "Destinataire", before: 360, after: 360 }),
  // {{appel}} is « Madame », « Monsieur » or « Madame, Monsieur »: never the name (DOMAIN section 4).
  closing: "Nous vous prions d'agréer, {{appel}}, l'expression de nos salutations distinguées.",
  closingFormal: "{{formule_finale}}",
  signature: [
    P("{{signataire_nom}}", { style: "Signature", before: 480 }),
    ...when("signataire_fonction", [P("{{signataire_fonction}}", { style: "Signature" })]),
    P("{{societe.raison_sociale}}", { style: "Signature" }),
  ],
  iban: P("IBAN : **{{societe.iban}}** — BIC : **{{societe.bic}}**", { style: "Encadre" }),
  letters: {
    courtesy: {
      title: "Relance préventive",
      blocks: [
        P(`**Objet :** prochaine échéance de ${one("votre facture", "vos factures")}`, { style: "Objet" }),
        "{{salutation}}",
        `Nous vous remercions de votre confiance. Nous nous permettons de vous signaler que ${one("la facture ci-dessous arrivera", "les factures ci-dessous arriveront")} prochainement à échéance :`,
        INVOICES,
        `Pourriez-vous vérifier que vous ${one("l'avez bien reçue et qu'elle a été validée", "les avez bien reçues et qu'elles ont été validées")} pour paiement ? En cas de question, notre service comptabilité reste à votre disposition ({{societe.email}}, {{societe.telephone}}).`,
        "Le règlement peut être effectué par virement sur notre compte :",
        "IBAN",
        "Si votre règlement a déjà été effectué, nous vous prions de ne pas tenir compte de ce courrier.",
        "CLOSING",
      ],
    },
    reminder1: {
      title: "Relance 1",
      blocks: [
        P(`**Objet :** relance — ${one("facture échue non réglée", "factures échues non réglées")}`, { style: "Objet" }),
        "{{salutation}}",
        `Sauf erreur ou omission de notre part, le règlement ${one("de la facture", "des factures")} ci-dessous ne nous est pas parvenu à ce jour :`,
        INVOICES,
        "Le montant restant dû s'élève à **{{total_du}}**.",
        "Il s'agit peut-être d'un simple oubli : nous vous remercions de bien vouloir procéder à ce règlement dans les meilleurs délais, par virement sur notre compte :",
        "IBAN",
        ...when("penalites_applicables", [
          ...unless("acheteur_public", [
            P(
              "Nous vous rappelons que tout retard de paiement entraîne de plein droit des pénalités de retard et une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (articles L441-10 et D441-5 du Code de commerce).",
            ),
          ]),
          ...when("acheteur_public", [
            P(
              "Nous vous rappelons que tout retard de paiement fait courir de plein droit des intérêts moratoires et une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (articles L2192-13, R2192-31 et D2192-35 du Code de la commande publique).",
            ),
          ]),
        ]),
        `Si votre règlement a été effectué entre-temps, nous vous prions de ne pas tenir compte de la présente. Si ${one("cette facture", "une facture")} vous semble contestable, merci de nous en informer sans tarder.`,
        "CLOSING",
      ],
    },
    reminder2: {
      title: "Relance 2",
      blocks: [
        P(`**Objet :** deuxième relance — ${one("facture impayée", "factures impayées")}`, { style: "Objet" }),
        "{{salutation}}",
        "{{#date_relance_1}}Malgré notre relance du {{date_relance_1}}, nous{{/date_relance_1}}{{^date_relance_1}}Sauf erreur de notre part, nous{{/date_relance_1}} constatons que " +
          one("la facture ci-dessous reste impayée", "les factures ci-dessous restent impayées") +
          " à ce jour :",
        INVOICES,
        ...when("penalites_pour_information", FR_PENALTIES_INFO),
        "Nous vous demandons de nous régler **la somme de {{total_du}}** dans un délai de huit jours à réception de la présente, par virement sur notre compte :",
        "IBAN",
        "À défaut de règlement dans ce délai, nous serons contraints de vous adresser une mise en demeure.",
        "Si votre règlement a été effectué entre-temps, nous vous prions de ne pas tenir compte de la présente.",
        "CLOSING",
      ],
    },
    formal_notice: {
      title: "Mise en demeure",
      blocks: [
        P("**Lettre recommandée avec accusé de réception**", { after: 240 }),
        P("**Objet : MISE EN DEMEURE DE PAYER**", { style: "Objet" }),
        "{{salutation}}",
        `Nous vous avons rappelé à plusieurs reprises le règlement ${one("de la facture", "des factures")} ci-dessous` +
          "{{#date_relance_1}}, notamment par notre relance du {{date_relance_1}}{{/date_relance_1}}" +
          "{{#date_relance_2}}{{#date_relance_1}} et{{/date_relance_1}}{{^date_relance_1}}, notamment{{/date_relance_1}} par notre courrier du {{date_relance_2}}{{/date_relance_2}}" +
          `. Malgré ces relances, ${one("elle reste impayée", "elles restent impayées")} à ce jour :`,
        INVOICES,
        ...when("reclame_penalites", FR_PENALTIES),
        ...unless("penalites_applicables", [
          P("Cette somme portera intérêts au taux légal à compter de la réception de la présente mise en demeure (article 1231-6 du Code civil)."),
        ]),
        // The deadline runs from receipt (DOMAIN section 4): a date would lose the post's delay.
        "En conséquence, **nous vous mettons en demeure de nous régler la somme de {{total_du}} dans un délai de {{delai_jours}} jours à compter de la réception de la présente**, par virement sur notre compte :",
        "IBAN",
        ...unless("acheteur_public", [
          P(
            "**À défaut de paiement intégral dans ce délai, nous saisirons sans autre avis la juridiction compétente** d'une requête en injonction de payer afin d'obtenir le recouvrement de notre créance, augmentée des intérêts et des frais de procédure.",
          ),
        ]),
        ...when("acheteur_public", [
          P(
            "La présente vaut demande préalable de paiement. **À défaut de paiement intégral dans ce délai, nous saisirons le juge des référés du tribunal administratif compétent** d'une demande de provision (article R541-1 du Code de justice administrative) afin d'obtenir le paiement de notre créance, augmentée des intérêts moratoires et de l'indemnité forfaitaire.",
          ),
        ]),
        ...when("avec_autres_factures", [
          P(
            "**Autres factures échues.** Pour mémoire, les factures ci-dessous sont également échues et restent dues ; elles ne sont pas comprises dans la somme faisant l'objet de la présente mise en demeure :",
            { keepNext: true },
          ),
          OTHER_INVOICES,
        ]),
        ...unless("acheteur_public", [P("La présente lettre vaut mise en demeure au sens de l'article 1344 du Code civil.")]),
        "CLOSING_FORMAL",
      ],
    },
    injunction: {
      title: "Injonction de payer",
      // One template, two files: the injonction de payer before the judicial courts, and for a public
      // buyer, against whom it does not lie, the référé-provision before the tribunal administratif.
      blocks: [
        ...unless("injonction.refere", [
          P("DOSSIER DE REQUÊTE EN INJONCTION DE PAYER", { style: "Titre" }),
          P("Établi le {{date_du_jour}} — à joindre à la requête déposée au greffe (articles 1405 et suivants du Code de procédure civile)", { align: "center", after: 240 }),
        ]),
        ...when("injonction.refere", [
          P("DOSSIER DE REQUÊTE EN RÉFÉRÉ-PROVISION", { style: "Titre" }),
          P("Établi le {{date_du_jour}} — juge des référés du tribunal administratif (article R541-1 du Code de justice administrative)", { align: "center", after: 240 }),
        ]),
        P("Juridiction compétente", { style: "Intertitre" }),
        "**{{injonction.tribunal}}** {{injonction.ressort}}.",
        ...when("injonction.formulaire", ["Formulaire : **{{injonction.formulaire}}**."]),
        P("{{#injonction.notes}}"),
        P("{{.}}", { style: "Encadre" }),
        P("{{/injonction.notes}}"),
        ...when("injonction.refere", [
          P("Procédure", { style: "Intertitre" }),
          "Une personne publique ne peut faire l'objet d'une injonction de payer devant le juge judiciaire. Le créancier demande au juge des référés du tribunal administratif de lui accorder une provision, l'existence de l'obligation n'étant pas sérieusement contestable (article R541-1 du Code de justice administrative), même en l'absence d'une demande au fond.",
          "La requête, qui tend au paiement d'une somme d'argent, est présentée par un avocat (article R431-2 du même code), par l'application Télérecours. Hors travaux publics, elle suppose une demande préalable de paiement et la décision de l'acheteur, expresse ou née de son silence (article R421-1) : la mise en demeure jointe en tient lieu. Vérifier aussi les stipulations du cahier des clauses administratives générales applicable au marché (mémoire en réclamation).",
        ]),
        P("Créancier (demandeur)", { style: "Intertitre" }),
        "**{{societe.raison_sociale}}**, {{societe.forme}}{{#societe.capital}} au capital de {{societe.capital}}{{/societe.capital}}, siège social {{societe.adresse}}, {{societe.code_postal}} {{societe.ville}}, SIRET {{societe.siret}}, {{societe.rcs}}, TVA {{societe.tva}}.",
        P("Débiteur (défendeur)", { style: "Intertitre" }),
        "**{{raison_sociale}}**{{#injonction.forme_juridique}} ({{injonction.forme_juridique}}){{/injonction.forme_juridique}}{{#contact}}, à l'attention de {{contact}}{{/contact}}, {{adresse}}, {{ligne_ville}}{{#pays}}, {{pays}}{{/pays}}.",
        P("{{injonction.intitule_montant}}", { style: "Intertitre" }),
        AMOUNTS,
        P("{{#injonction.explications}}"),
        P("{{.}}"),
        P("{{/injonction.explications}}"),
        P(one("Facture impayée", "Factures impayées"), { style: "Intertitre" }),
        CLAIMED_INVOICES,
        P("Pièces justificatives à joindre (copies)", { style: "Intertitre" }),
        PIECES,
        ...when("injonction.petites_creances", [
          P(
            "**Petites créances.** La créance n'excédant pas 5 000 € en principal et intérêts (article R125-1 du Code des procédures civiles d'exécution), la procédure simplifiée de recouvrement des petites créances, mise en œuvre par un commissaire de justice, est une alternative à la requête (article L125-1 du même code). Elle suppose l'accord du débiteur sur le montant et les modalités du paiement, constaté par le commissaire de justice.",
            { before: 240 },
          ),
        ]),
        P("Établi pour le créancier par {{signataire_nom}}{{#signataire_fonction}}, {{signataire_fonction}}{{/signataire_fonction}}, à {{societe.ville}}, le {{date_du_jour}}.", { before: 360 }),
      ],
    },
  },
  amounts: [
    ["{{#injonction.montants}}{{libelle}}", "{{montant}}{{/injonction.montants}}"],
    ["**{{injonction.total_libelle}}**", "**{{injonction.total}}**"],
  ],
  piece: "• {{piece}}{{#date}} du {{date}}{{/date}}{{complement}}",
};

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

const EN = {
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

// ---------------------------------------------------------------------------------------------
// WordprocessingML

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const escapeXml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Runs of a paragraph's text: **...** toggles bold; a {{tag}} never spans two runs. */
function runs(text, base = {}) {
  const parts = text.split("**");
  let xml = "";
  parts.forEach((part, index) => {
    if (part === "") return;
    if (/\{\{[^}]*$/.test(part) || /^[^{]*\}\}/.test(part)) throw new Error(`A tag is cut by ** in: ${text}`);
    const bold = index % 2 === 1 || base.bold;
    const rPr = bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "";
    xml += `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`;
  });
  return xml;
}

function paragraph(block) {
  const pPr = [];
  if (block.style) pPr.push(`<w:pStyle w:val="${block.style}"/>`);
  if (block.keepNext) pPr.push("<w:keepNext/>");
  if (block.rule) pPr.push('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="1F3864"/></w:pBdr>');
  if (block.before !== undefined || block.after !== undefined) {
    pPr.push(`<w:spacing${block.before !== undefined ? ` w:before="${block.before}"` : ""}${block.after !== undefined ? ` w:after="${block.after}"` : ""}/>`);
  }
  if (block.align) pPr.push(`<w:jc w:val="${block.align}"/>`);
  return `<w:p>${pPr.length ? `<w:pPr>${pPr.join("")}</w:pPr>` : ""}${runs(block.text)}</w:p>`;
}

function cell(width, text, { header = false, right = false, span = 1 } = {}) {
  const tcPr =
    `<w:tcW w:w="${width}" w:type="dxa"/>` +
    (span > 1 ? `<w:gridSpan w:val="${span}"/>` : "") +
    (header ? '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>' : "");
  const pPr = `<w:pPr><w:pStyle w:val="Cellule"/>${header ? "<w:keepNext/>" : ""}${right ? '<w:jc w:val="right"/>' : ""}</w:pPr>`;
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr><w:p>${pPr}${runs(text, { bold: header })}</w:p></w:tc>`;
}

function table(columns, rows) {
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>`)
    .join("");
  const tblPr =
    `<w:tblPr><w:tblW w:w="${columns.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar>' +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>';
  const grid = `<w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  return `<w:tbl>${tblPr}${grid}${rows.join("")}</w:tbl>`;
}

function invoiceTable(lang, { loop = "factures", amount = "total_montant", balance = "total_solde" } = {}) {
  const c = INVOICE_COLUMNS;
  const header = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${lang.invoiceHeaders
    .map((h, i) => cell(c[i], h, { header: true, right: i === 3 || i === 4 }))
    .join("")}</w:tr>`;
  // The row loop: {{#factures}} in the first cell and {{/factures}} in the last repeat the whole row.
  const row =
    "<w:tr><w:trPr><w:cantSplit/></w:trPr>" +
    cell(c[0], `{{#${loop}}}{{numero}}`) +
    cell(c[1], "{{date_facture}}") +
    cell(c[2], "{{echeance}}") +
    cell(c[3], "{{montant}}", { right: true }) +
    cell(c[4], "{{solde}}", { right: true }) +
    cell(c[5], `{{statut}}{{/${loop}}}`) +
    "</w:tr>";
  const total =
    "<w:tr><w:trPr><w:cantSplit/></w:trPr>" +
    cell(c[0] + c[1] + c[2], `**${lang.total}**`, { span: 3 }) +
    cell(c[3], amount ? `**{{${amount}}}**` : "", { right: true }) +
    cell(c[4], `**{{${balance}}}**`, { right: true }) +
    cell(c[5], "") +
    "</w:tr>";
  return table(c, [header, row, total]);
}

function amountsTable(lang) {
  const widths = [TEXT_WIDTH - 2400, 2400];
  return table(
    widths,
    lang.amounts.map(([label, value]) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cell(widths[0], label)}${cell(widths[1], value, { right: true })}</w:tr>`),
  );
}

function blockXml(lang, block) {
  if (typeof block === "string") {
    if (block === "IBAN") return paragraph(lang.iban);
    if (block === "CLOSING" || block === "CLOSING_FORMAL") {
      return [P(block === "CLOSING" ? lang.closing : lang.closingFormal, { before: 240 }), ...lang.signature].map(paragraph).join("");
    }
    return paragraph(P(block));
  }
  if (block.kind === "invoices") return invoiceTable(lang, block) + paragraph(P("", { after: 0 }));
  if (block.kind === "otherInvoices") return invoiceTable(lang, { loop: "autres_factures", amount: "", balance: "total_autres_factures" }) + paragraph(P("", { after: 0 }));
  if (block.kind === "amounts") return amountsTable(lang) + paragraph(P("", { after: 0 }));
  if (block.kind === "pieces") return [P("{{#injonction.pieces}}"), P(lang.piece, { style: "Puce" }), P("{{/injonction.pieces}}")].map(paragraph).join("");
  return paragraph(block);
}

function documentXml(lang, letter) {
  const injunction = letter === lang.letters.injunction;
  const blocks = [
    P("{{#clients}}"),
    ...lang.letterhead,
    ...(injunction ? [] : [...lang.recipient, lang.placeDate]),
    ...letter.blocks,
    P("{{societe.mentions_legales}}", { style: "Mentions" }),
    { kind: "break" },
    P("{{/clients}}"),
  ];
  const body = blocks
    .map((block) =>
      block.kind === "break"
        ? // One page break per customer; a tiny paragraph so that the next letter starts at the top.
          '<w:p><w:pPr><w:pStyle w:val="Saut"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>'
        : blockXml(lang, block),
    )
    .join("");
  const sectPr =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>' +
    '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>${body}${sectPr}</w:body></w:document>`;
}

function stylesXml(lang) {
  const n = lang.styleNames;
  const pStyle = (id, name, pPr, rPr, extra = "") =>
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${escapeXml(name)}"/><w:basedOn w:val="Normal"/>${extra}<w:qFormat/>` +
    `${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}</w:style>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W_NS}>` +
    "<w:docDefaults><w:rPrDefault><w:rPr>" +
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>' +
    `<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="${lang.lang}" w:eastAsia="en-US" w:bidi="ar-SA"/>` +
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    pStyle("Entete", n.Entete, '<w:spacing w:after="40"/><w:jc w:val="left"/>', '<w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="30"/><w:szCs w:val="30"/>') +
    pStyle("Coordonnees", n.Coordonnees, '<w:spacing w:after="0"/><w:jc w:val="left"/>', '<w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/>') +
    pStyle("Destinataire", n.Destinataire, `<w:spacing w:after="0"/><w:ind w:left="${RECIPIENT_INDENT}"/><w:jc w:val="left"/>`, "") +
    pStyle("Objet", n.Objet, '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="left"/>', "") +
    pStyle("Titre", n.Titre, '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:jc w:val="center"/>', '<w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="28"/><w:szCs w:val="28"/>') +
    pStyle("Intertitre", n.Intertitre, '<w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="8EAADB"/></w:pBdr><w:spacing w:before="240" w:after="80"/><w:jc w:val="left"/>', '<w:b/><w:bCs/><w:color w:val="1F3864"/>') +
    pStyle("Encadre", n.Encadre, '<w:ind w:left="567"/><w:jc w:val="left"/>', "") +
    pStyle("Puce", n.Puce, '<w:spacing w:after="40"/><w:ind w:left="567" w:hanging="284"/><w:jc w:val="left"/>', "") +
    pStyle("Signature", n.Signature, `<w:keepNext/><w:spacing w:after="0"/><w:ind w:left="${RECIPIENT_INDENT}"/><w:jc w:val="left"/>`, "") +
    pStyle("Mentions", n.Mentions, '<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="8EAADB"/></w:pBdr><w:spacing w:before="720" w:after="0"/><w:jc w:val="center"/>', '<w:color w:val="595959"/><w:sz w:val="15"/><w:szCs w:val="15"/>') +
    pStyle("Cellule", n.Cellule, '<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>', '<w:sz w:val="18"/><w:szCs w:val="18"/>') +
    pStyle("Saut", n.Saut, '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>', '<w:sz w:val="2"/><w:szCs w:val="2"/>') +
    "</w:styles>"
  );
}

function settingsXml(lang) {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${W_NS}>` +
    `<w:defaultTabStop w:val="708"/><w:hyphenationZone w:val="425"/><w:characterSpacingControl w:val="doNotCompress"/>` +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    `<w:themeFontLang w:val="${lang.lang}"/><w:decimalSymbol w:val="${lang.lang === "fr-FR" ? "," : "."}"/><w:listSeparator w:val=";"/></w:settings>`
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  "</Types>";

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  "</Relationships>";

const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  "</Relationships>";

function coreXml(lang, letter) {
  const title = lang.lang === "fr-FR" ? `Relances — modèle ${letter.title}` : `Relances — ${letter.title} template`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Relances</dc:creator><cp:lastModifiedBy>Relances</cp:lastModifiedBy><dc:language>${lang.lang}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${STAMP_ISO}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${STAMP_ISO}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

const APP_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Relances</Application><DocSecurity>0</DocSecurity>' +
  "<ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>";

function docx(lang, letter) {
  const zip = new PizZip();
  const add = (name, text) => zip.file(name, text, { date: STAMP, createFolders: false });
  add("[Content_Types].xml", CONTENT_TYPES);
  add("_rels/.rels", ROOT_RELS);
  add("word/document.xml", documentXml(lang, letter));
  add("word/_rels/document.xml.rels", DOCUMENT_RELS);
  add("word/styles.xml", stylesXml(lang));
  add("word/settings.xml", settingsXml(lang));
  add("docProps/core.xml", coreXml(lang, letter));
  add("docProps/app.xml", APP_XML);
  return zip.generate({ type: "nodebuffer", compression: "DEFLATE", platform: "DOS" });
}

for (const [folder, lang] of [
  ["fr", FR],
  ["en", EN],
]) {
  const dir = path.join(root, "templates", folder);
  mkdirSync(dir, { recursive: true });
  for (const name of Object.keys(FR.letters)) {
    // A letter the language lacks (the court file, always French) is written from the French one.
    const source = lang.letters[name] ? lang : FR;
    const file = path.join(dir, `${name}.docx`);
    const bytes = docx(source, source.letters[name]);
    writeFileSync(file, bytes);
    console.log(`  templates/${folder}/${name}.docx  ${(bytes.length / 1024).toFixed(1)} kB`);
  }
}
