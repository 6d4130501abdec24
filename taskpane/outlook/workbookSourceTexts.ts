// The words of the pane's workbook setting, French first, English when Office's display language is.
import type { PaneLanguage } from "../shared/paneHost";

const fr = {
  setting: "Classeur de suivi",
  embedded: "Fichier du serveur (par défaut)",
  graph: "OneDrive ou SharePoint",
  current: "Classeur de suivi : {name}",
  serverFile: "fichier du serveur",
  change: "Changer de classeur",
  workbook: "Adresse de partage ou chemin dans OneDrive",
  workbookHint: "Par exemple https://…sharepoint.com/… ou Compta/Suivi 2026.xlsx",
  pick: "Choisir dans OneDrive",
  picking: "Recherche des classeurs…",
  files: "Classeurs de votre OneDrive",
  noFiles: "Aucun classeur trouvé dans votre OneDrive.",
  save: "Enregistrer",
  cancel: "Annuler",
  invalid: "Indiquez une adresse https ou un chemin de fichier OneDrive.",
  saved: "Réglage enregistré.",
};

type Key = keyof typeof fr;

const en: Readonly<Record<Key, string>> = {
  setting: "Tracking workbook",
  embedded: "The server's file (default)",
  graph: "OneDrive or SharePoint",
  current: "Tracking workbook: {name}",
  serverFile: "the server's file",
  change: "Change workbook",
  workbook: "Sharing address or path in OneDrive",
  workbookHint: "For example https://…sharepoint.com/… or Compta/Suivi 2026.xlsx",
  pick: "Pick from OneDrive",
  picking: "Looking for workbooks…",
  files: "Workbooks of your OneDrive",
  noFiles: "No workbook found in your OneDrive.",
  save: "Save",
  cancel: "Cancel",
  invalid: "Give an https address or the path of a OneDrive file.",
  saved: "Setting saved.",
};

export function workbookSourceTexts(language: PaneLanguage): Readonly<Record<Key, string>> {
  return language === "en" ? en : fr;
}
