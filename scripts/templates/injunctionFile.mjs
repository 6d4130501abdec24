// The injonction de payer file (always in French, DOMAIN section 4): the request's supporting
// summary, one per debtor, or for a public buyer the référé-provision's.
import { AMOUNTS, CLAIMED_INVOICES, P, PIECES, one, unless, when } from "./blocks.mjs";

export const INJUNCTION = {
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
};

/** The rows of the amounts table: one per amount claimed, then the total. */
export const INJUNCTION_AMOUNTS = [
  ["{{#injonction.montants}}{{libelle}}", "{{montant}}{{/injonction.montants}}"],
  ["**{{injonction.total_libelle}}**", "**{{injonction.total}}**"],
];

/** One supporting document of the list. */
export const INJUNCTION_PIECE = "• {{piece}}{{#date}} du {{date}}{{/date}}{{complement}}";
