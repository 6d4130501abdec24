// Messages being written to the sample workbook's customers, for the compose pane's preview
// (/preview/outlook?mode=compose): a recipient per case the pane meets (a reminder by e-mail, a
// level the policy sends by post, an English customer, a shared address, a domain, an unknown one).
export interface ComposeSample {
  readonly label: string;
  readonly to: readonly { readonly emailAddress: string; readonly displayName: string }[];
}

export const COMPOSE_SAMPLES: readonly ComposeSample[] = [
  { label: "Cabinet Martin Architecture — relance 1", to: [{ emailAddress: "contact@martin-architecture.example", displayName: "Cabinet Martin" }] },
  { label: "SCI Les Tilleuls — mise en demeure", to: [{ emailAddress: "gestion@sci-lestilleuls.example", displayName: "Nadine Garrigues" }] },
  { label: "Thornton & Hale Ltd — courtesy reminder (EN)", to: [{ emailAddress: "accounts@thorntonhale.example", displayName: "James Hale" }] },
  { label: "SAS Pyrène Promotion — relance 1", to: [{ emailAddress: "comptabilite@pyrene-promotion.example", displayName: "Comptabilité Pyrène" }] },
  { label: "Adresse partagée : deux clients / shared address", to: [{ emailAddress: "fournier.mazeres@example.com", displayName: "Fournier" }] },
  { label: "Par le domaine — Delmas & Associés", to: [{ emailAddress: "compta@delmas-associes.example", displayName: "" }] },
  { label: "Adresse inconnue / unknown address", to: [{ emailAddress: "quelquun@ailleurs.example", displayName: "" }] },
];
