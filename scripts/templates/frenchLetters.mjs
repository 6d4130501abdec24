// The French letters: the wording of each level, with the letterhead, recipient and closing they share.
import { INVOICES, OTHER_INVOICES, P, one, unless, when } from "./blocks.mjs";
import { INJUNCTION, INJUNCTION_AMOUNTS, INJUNCTION_PIECE } from "./injunctionFile.mjs";

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

export const FR = {
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
    injunction: INJUNCTION,
  },
  amounts: INJUNCTION_AMOUNTS,
  piece: INJUNCTION_PIECE,
};
