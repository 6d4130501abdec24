// Replies of the sample workbook's customers, for the Outlook pane's preview (/preview/outlook):
// one of each triage, and one whose text is markup, which the pane must show as text.
import type { MailMessage } from "./mailItem";

export const SAMPLE_MESSAGES: readonly (MailMessage & { readonly label: string })[] = [
  {
    label: "« Déjà payé » — Delmas & Associés",
    id: "preview-deja-paye",
    from: "secretariat@delmas-associes.example",
    fromName: "Secrétariat Delmas",
    subject: "RE: Relance facture F2026-033",
    text: "Bonjour,\n\nCette facture a déjà été réglée par virement le 26/06/2026 (réf. VIR-0626-DELMAS).\n\nCordialement,\nLe secrétariat",
  },
  {
    label: "« Promesse » — SCI Les Tilleuls",
    id: "preview-promesse",
    from: "gestion@sci-lestilleuls.example",
    fromName: "Nadine Garrigues",
    subject: "RE: Mise en demeure",
    text: "Madame, Monsieur,\n\nJe vous règle le 15 juillet le solde des deux factures.\n\nNadine Garrigues",
  },
  {
    label: "« Litige » — Cabinet Martin Architecture",
    id: "preview-litige",
    from: "contact@martin-architecture.example",
    fromName: "Cabinet Martin",
    subject: "RE: Relance F2026-049",
    text: "Bonjour,\n\nNous contestons la facture F2026-049 : les travaux ne sont pas terminés.\n\nCabinet Martin Architecture",
  },
  {
    label: "« Absent » — Thornton & Hale Ltd",
    id: "preview-absent",
    from: "accounts@thorntonhale.example",
    fromName: "James Hale",
    subject: "Automatic reply: Payment reminder",
    text: "Thank you for your message. I am out of the office until July 20, 2026 with limited access to e-mail.",
  },
  {
    label: "Message piégé / hostile message — SAS Pyrène Promotion",
    id: "preview-hostile",
    from: "comptabilite@pyrene-promotion.example",
    fromName: '<img src=x onerror="window.__pwned=1">',
    subject: "<script>window.__pwned=1</script>",
    text: 'Litige : <img src=x onerror="window.__pwned=1"><b>gras</b> javascript:alert(1)',
  },
];
