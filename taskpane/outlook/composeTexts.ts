// The Outlook compose pane's words, French first, English when Office's display language is English.
import type { PaneLanguage } from "../shared/paneHost";

const fr = {
  title: "Insérer la relance",
  loading: "Lecture du classeur…",
  preparing: "Préparation de la relance…",
  noRecipient: "Aucun destinataire : ajoutez l'adresse du client dans « À ».",
  unknownRecipient: "Aucun client du suivi pour {addresses}.",
  chooseCustomer: "Plusieurs clients possibles : lequel ?",
  byDomain: "Trouvé par le domaine de l'adresse.",
  readAgain: "Relire les destinataires",
  nothingDue: "Aucune relance due aujourd'hui pour ce client.",
  injunction: "Ce client en est à l'injonction de payer : pas d'e-mail, le dossier se prépare dans Excel.",
  missing: "Paramètres de l'expéditeur incomplets : rien n'est préparé.",
  levelDue: "Niveau dû : {level}",
  languageOf: "Langue du client : {language}",
  policyChannel: "Le suivi prévoit ce niveau par {channel} ; il part ici par e-mail.",
  invoices: "Factures de la relance",
  totalDue: "Total à régler : {amount}",
  insert: "Insérer la relance",
  replace: "Remplacer le corps",
  attach: "Joindre le relevé",
  log: "Journaliser l'envoi",
  inserted: "Relance insérée dans le message.",
  replaced: "Corps du message remplacé par la relance.",
  subjectSet: "Objet renseigné : « {subject} ».",
  asText: "Message en texte brut : la version texte a été utilisée.",
  attached: "Relevé joint : {name}.",
  attachUnsupported: "Cette version d'Outlook ne sait pas joindre un fichier depuis le volet (Mailbox 1.8) : joignez le relevé vous-même.",
  logged: "{count} {count|ligne ajoutée|lignes ajoutées} au journal (référence {reference}) :",
  already: "Déjà au journal (référence {reference}) : rien n'a été ajouté.",
  notLogged: "Rien n'est journalisé sans votre clic sur « Journaliser l'envoi ».",
  lineLevel: "niveau {level}",
  recipients: "Destinataires",
  en: "anglais",
  fr: "français",
};

type ComposeTextKey = keyof typeof fr;

const en: Readonly<Record<ComposeTextKey, string>> = {
  title: "Insert reminder",
  loading: "Reading the workbook…",
  preparing: "Preparing the reminder…",
  noRecipient: "No recipient: add the customer's address in « To ».",
  unknownRecipient: "No customer of the tracking sheet for {addresses}.",
  chooseCustomer: "Several customers match: which one?",
  byDomain: "Found by the address's domain.",
  readAgain: "Read the recipients again",
  nothingDue: "No reminder due today for this customer.",
  injunction: "This customer has reached the injunction: no e-mail, the court file is prepared in Excel.",
  missing: "The sender's settings are incomplete: nothing is prepared.",
  levelDue: "Level due: {level}",
  languageOf: "Customer's language: {language}",
  policyChannel: "The tracking plans this level by {channel}; here it goes by e-mail.",
  invoices: "Invoices of the reminder",
  totalDue: "Total to pay: {amount}",
  insert: "Insert the reminder",
  replace: "Replace the body",
  attach: "Attach the statement",
  log: "Log the sending",
  inserted: "Reminder inserted in the message.",
  replaced: "Message body replaced by the reminder.",
  subjectSet: "Subject filled: « {subject} ».",
  asText: "Plain-text message: the text version was used.",
  attached: "Statement attached: {name}.",
  attachUnsupported: "This Outlook cannot attach a file from the pane (Mailbox 1.8): attach the statement yourself.",
  logged: "{count} {count|line|lines} added to the journal (reference {reference}):",
  already: "Already in the journal (reference {reference}): nothing was added.",
  notLogged: "Nothing is logged until you click « Log the sending ».",
  lineLevel: "level {level}",
  recipients: "Recipients",
  en: "English",
  fr: "French",
};

export type ComposeTexts = Readonly<Record<ComposeTextKey, string>>;

export function composeTexts(language: PaneLanguage): ComposeTexts {
  return language === "en" ? en : fr;
}
