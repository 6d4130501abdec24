// The statement's page geometry (points; A4 portrait), colours and table columns.
import { rgb } from "pdf-lib";
import type { InvoiceLine } from "../reminderData";

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 42;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const TOP = PAGE_HEIGHT - 48;
/** Nothing but the footer goes below this line. */
export const CONTENT_BOTTOM = 96;
export const FOOTER_RULE = 82;

export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);
export const RULE = rgb(0.75, 0.75, 0.75);
export const SHADE = rgb(0.92, 0.92, 0.92);

export interface Column {
  readonly width: number;
  readonly align: "left" | "right";
  readonly value: (line: InvoiceLine) => string;
}

// The columns of SPEC section 5; the age bands are summed under the table.
export const COLUMNS: readonly Column[] = [
  // Room for an 11-character number in one line (« MG-2026-101 »); the status wraps instead.
  { width: 66, align: "left", value: (l) => l.numero },
  { width: 50, align: "left", value: (l) => l.date_facture },
  { width: 50, align: "left", value: (l) => l.echeance },
  { width: 60, align: "right", value: (l) => l.montant },
  { width: 56, align: "right", value: (l) => l.paye },
  { width: 54, align: "right", value: (l) => l.avoirs },
  { width: 60, align: "right", value: (l) => l.solde },
  { width: 40, align: "right", value: (l) => (l.jours_retard > 0 ? String(l.jours_retard) : "—") },
  { width: CONTENT_WIDTH - 66 - 50 - 50 - 60 - 56 - 54 - 60 - 40, align: "left", value: (l) => l.statut },
];
export const CELL_PADDING = 4;
