// The account statement (relevé de compte) of one customer: every open item with its ageing, the
// totals, the balance the document asks for, penalties and recovery fees where they apply, the
// bank details, and the company's legal mentions on every page. A4 PDF drawn with pdf-lib's
// standard fonts, so that it runs alike in Node and in the add-in's browser (no node: imports) and
// embeds no font file.
import {
  beginText,
  endText,
  fill,
  lineTo,
  moveText,
  moveTo,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  StandardFonts,
  stroke,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type RGB,
} from "pdf-lib";
import { agingBandLabels } from "../core/aging";
import { formatEuros } from "../core/money";
import type { CreditNoteLine, InvoiceLine, Language, PenaltyRegime, ReminderData } from "./reminderData";

// ---------------------------------------------------------------------------------------------
// Text the standard fonts can draw

/** Code points outside Latin-1 that WinAnsiEncoding (and so Helvetica in pdf-lib) can draw. */
const WIN_ANSI_EXTRA = [
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a,
  0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
];

const WIN_ANSI: ReadonlySet<number> = (() => {
  const set = new Set<number>(WIN_ANSI_EXTRA);
  for (let c = 0x20; c <= 0x7e; c++) set.add(c);
  for (let c = 0xa0; c <= 0xff; c++) set.add(c);
  return set;
})();

/** Characters WinAnsi lacks that have a close drawable equivalent. */
const SUBSTITUTES: ReadonlyMap<number, string> = new Map([
  [0x2010, "-"], // hyphen
  [0x2011, "-"], // non-breaking hyphen
  [0x2012, "–"], // figure dash
  [0x2015, "—"], // horizontal bar
  [0x2212, "-"], // minus sign
  [0x2032, "'"], // prime
  [0x2033, '"'], // double prime
  [0x02bc, "’"], // modifier letter apostrophe
  [0x2024, "."], // one dot leader
  [0x2044, "/"], // fraction slash
]);

/** Separators and line breaks of any kind, no-break ones included: one plain space each, so that
 * an amount reads "20 770,00 €" in the PDF's text. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0xa0 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Controls, joiners, direction marks, variation selectors, combining marks, skin tones: nothing to draw. */
function isInvisible(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x00ad ||
    (c >= 0x0300 && c <= 0x036f) ||
    c === 0x034f ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff ||
    (c >= 0x1f3fb && c <= 0x1f3ff) ||
    (c >= 0xe0000 && c <= 0xe01ef)
  );
}

/**
 * Text that pdf-lib's standard fonts (WinAnsiEncoding) can draw, so that no customer name ever
 * makes the rendering throw. Narrow and ordinary no-break spaces and other separators become
 * spaces; typographic quotes, dashes, "…" and "€" stay (WinAnsi has them); a letter with an accent
 * WinAnsi lacks loses the accent ("ř" gives "r", "Ł" gives "?"); invisible characters (controls, joiners,
 * direction marks, variation selectors) are dropped; anything else (emoji, Chinese) becomes "?".
 *
 * @param text - any text
 * @returns the text with WinAnsi characters only
 * @example
 * pdfSafeText("20\u202F770,00\u00A0€") // "20 770,00 €"
 * pdfSafeText("Dvořák 中文 😀")          // "Dvorák ?? ?"
 */
export function pdfSafeText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const c = ch.codePointAt(0)!;
    if (isSpace(c)) out += " ";
    else if (isInvisible(c)) continue;
    else if (WIN_ANSI.has(c)) out += ch;
    else {
      const substitute = SUBSTITUTES.get(c);
      if (substitute !== undefined) out += substitute;
      else {
        const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        out += base !== "" && base !== ch && [...base].every((b) => WIN_ANSI.has(b.codePointAt(0)!)) ? base : "?";
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Words

interface Texts {
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

const TEXTS: Readonly<Record<Language, Texts>> = {
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

// ---------------------------------------------------------------------------------------------
// Page geometry (points; A4 portrait)

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 42;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TOP = PAGE_HEIGHT - 48;
/** Nothing but the footer goes below this line. */
const CONTENT_BOTTOM = 96;
const FOOTER_RULE = 82;

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.75, 0.75, 0.75);
const SHADE = rgb(0.92, 0.92, 0.92);

interface Column {
  readonly width: number;
  readonly align: "left" | "right";
  readonly value: (line: InvoiceLine) => string;
}

// The columns of SPEC section 5; the age bands are summed under the table.
const COLUMNS: readonly Column[] = [
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
const CELL_PADDING = 4;

// ---------------------------------------------------------------------------------------------
// Measuring and wrapping

/** Advance widths per font name and character, in 1/1000 of the font size (the fonts' metrics are fixed). */
const ADVANCES = new Map<string, Map<string, number>>();

/**
 * The drawn width of WinAnsi text: the sum of its characters' advances. pdf-lib draws without
 * kerning, so this is what the page shows (and many times faster than widthOfTextAtSize).
 */
function textWidth(text: string, font: PDFFont, size: number): number {
  let advances = ADVANCES.get(font.name);
  if (advances === undefined) ADVANCES.set(font.name, (advances = new Map()));
  let sum = 0;
  for (const ch of text) {
    let advance = advances.get(ch);
    if (advance === undefined) advances.set(ch, (advance = font.widthOfTextAtSize(ch, 1000)));
    sum += advance;
  }
  return (sum * size) / 1000;
}

/** `text` when it fits `width`, else (or always, when `more` follows) its longest start that fits with "…" after it. */
function truncate(text: string, font: PDFFont, size: number, width: number, more = false): string {
  if (!more && textWidth(text, font, size) <= width) return text;
  let end = text.length;
  while (end > 0 && textWidth(text.slice(0, end).trimEnd() + "…", font, size) > width) end--;
  return text.slice(0, end).trimEnd() + "…";
}

/**
 * Lines of at most `width` points: breaks between words, inside a word too long for a line, and
 * ends the last allowed line with "…" when the text does not fit in `maxLines`.
 */
function wrap(raw: string, font: PDFFont, size: number, width: number, maxLines: number): string[] {
  const words = pdfSafeText(raw).split(" ").filter(Boolean);
  const fits = (s: string): boolean => textWidth(s, font, size) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    if (lines.length > maxLines) break;
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]!} ${lines[maxLines]!}`, font, size, width);
  return kept;
}

/** One line: the text made drawable and cut with "…" to fit. */
function fit(raw: string, font: PDFFont, size: number, width: number): string {
  return truncate(pdfSafeText(raw).replace(/ +/g, " ").trim(), font, size, width);
}

// ---------------------------------------------------------------------------------------------
// Ageing summary

interface Band {
  readonly label: string;
  readonly cents: number;
}

/** Open balances per age band, in the order of the default bands when the lines use them. */
function ageingBands(data: ReminderData): Band[] | undefined {
  if (data.releve.lignes.length === 0) return undefined;
  const groups = new Map<string, { cents: number; days: number }>();
  for (const line of data.releve.lignes) {
    const group = groups.get(line.tranche);
    if (group === undefined) groups.set(line.tranche, { cents: line.solde_centimes, days: line.jours_retard });
    else groups.set(line.tranche, { cents: group.cents + line.solde_centimes, days: Math.min(group.days, line.jours_retard) });
  }
  const defaults = agingBandLabels(undefined, data.langue);
  if ([...groups.keys()].every((label) => defaults.includes(label))) {
    return defaults.map((label) => ({ label, cents: groups.get(label)?.cents ?? 0 }));
  }
  return [...groups.entries()].sort((a, b) => a[1].days - b[1].days).map(([label, g]) => ({ label, cents: g.cents }));
}

// ---------------------------------------------------------------------------------------------
// Drawing

/** Coordinates in hundredths of a point: exact sums, short numbers in the content stream. */
const hundredths = (n: number): number => Math.round(n * 100);

/**
 * One page's content, written as raw operators: the rules and shadings first, then all the text in
 * one text object moved line to line with relative offsets. pdf-lib's drawText wraps every string
 * in its own graphics state and text object; this writes a fraction of the operators, for the same
 * page, in about half the time.
 */
class PageCanvas {
  private readonly graphics: PDFOperator[] = [];
  private readonly texts: PDFOperator[] = [];
  private readonly fontKeys = new Map<PDFFont, PDFName>();
  private textFont: PDFFont | undefined;
  private textSize = 0;
  private textColor: RGB | undefined;
  private lineX = 0;
  private lineY = 0;
  private strokeColor: RGB | undefined;
  private strokeWidth = -1;
  private fillColor: RGB | undefined;

  constructor(private readonly page: PDFPage) {}

  /** Draws WinAnsi text (pdfSafeText) with its baseline starting at (x, y). */
  text(text: string, x: number, y: number, font: PDFFont, size: number, color: RGB): void {
    if (text === "") return;
    if (font !== this.textFont || size !== this.textSize) {
      let key = this.fontKeys.get(font);
      if (key === undefined) this.fontKeys.set(font, (key = this.page.node.newFontDictionary(font.name, font.ref)));
      this.texts.push(setFontAndSize(key, size));
      this.textFont = font;
      this.textSize = size;
    }
    if (color !== this.textColor) {
      this.texts.push(setFillingRgbColor(color.red, color.green, color.blue));
      this.textColor = color;
    }
    const ix = hundredths(x);
    const iy = hundredths(y);
    this.texts.push(moveText((ix - this.lineX) / 100, (iy - this.lineY) / 100), showText(font.encodeText(text)));
    this.lineX = ix;
    this.lineY = iy;
  }

  /** A filled rectangle from its lower left corner. */
  rectangle(x: number, y: number, width: number, height: number, color: RGB): void {
    if (color !== this.fillColor) {
      this.graphics.push(setFillingRgbColor(color.red, color.green, color.blue));
      this.fillColor = color;
    }
    this.graphics.push(rectangle(hundredths(x) / 100, hundredths(y) / 100, hundredths(width) / 100, hundredths(height) / 100), fill());
  }

  /** A horizontal rule. */
  rule(x1: number, x2: number, y: number, thickness: number, color: RGB): void {
    if (color !== this.strokeColor) {
      this.graphics.push(setStrokingRgbColor(color.red, color.green, color.blue));
      this.strokeColor = color;
    }
    if (thickness !== this.strokeWidth) {
      this.graphics.push(setLineWidth(thickness));
      this.strokeWidth = thickness;
    }
    this.graphics.push(moveTo(hundredths(x1) / 100, hundredths(y) / 100), lineTo(hundredths(x2) / 100, hundredths(y) / 100), stroke());
  }

  /** Writes the page's content stream. */
  finish(): void {
    this.page.pushOperators(pushGraphicsState(), ...this.graphics, popGraphicsState(), beginText(), ...this.texts, endText());
  }
}

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/** Metadata text: any Unicode is fine there (UTF-16), controls are not. */
function metadataText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
}

/** The creation date: the statement's date at noon UTC, so that the same data gives the same bytes. */
function documentDate(iso: string): Date {
  const date = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

/**
 * Renders one customer's account statement (relevé de compte) as an A4 PDF of one or more pages:
 * the company letterhead and the customer's address, every open item of the account, due or not
 * (number, date, due date, amount including VAT, paid, credit notes applied, balance, days overdue,
 * where it stands) with the table header repeated on each page, credit notes that name no invoice
 * on lines of their own, the column totals, the « Solde à régler » the document asks for (from the
 * formal notice on, with its penalties and fees; before it, these shown for information only), the
 * balance per age band, the bank details, and the legal mentions with
 * "page n / N" on every page. French or English after `data.langue`. Deterministic: the same data
 * gives the same bytes (the document is dated `data.date_iso` at noon UTC).
 *
 * @param data - the customer's merge data (see reminderData)
 * @returns the PDF file
 */
export async function renderStatement(data: ReminderData): Promise<Uint8Array> {
  const t = TEXTS[data.langue] ?? TEXTS.fr;
  const company = data.societe;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };

  const date = documentDate(data.date_iso);
  doc.setTitle(metadataText(`${t.title} — ${data.raison_sociale} — ${t.asOf(data.date_du_jour)}`));
  doc.setAuthor(metadataText(company.raison_sociale) || "Relances");
  doc.setSubject(metadataText(`${t.title} ${t.asOf(data.date_du_jour)}`));
  doc.setCreator("Relances");
  doc.setProducer("Relances");
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage(data.langue === "en" ? "en-GB" : "fr-FR");

  const pages: PageCanvas[] = [];
  let page!: PageCanvas;
  let y = TOP;

  const draw = (text: string, x: number, at: number, font: PDFFont, size: number, color: RGB = BLACK): void => {
    page.text(text, x, at, font, size, color);
  };
  const drawRight = (text: string, right: number, at: number, font: PDFFont, size: number, color: RGB = BLACK): void => {
    draw(text, right - textWidth(text, font, size), at, font, size, color);
  };
  /** Lines of wrapped text from the top `at`, one every `leading` points; returns the y under them. */
  const drawLines = (lines: readonly string[], x: number, at: number, font: PDFFont, size: number, leading: number, color: RGB = BLACK): number => {
    let baseline = at - size;
    for (const line of lines) {
      draw(line, x, baseline, font, size, color);
      baseline -= leading;
    }
    return at - lines.length * leading;
  };

  const continuationTitle = fit(`${t.title} — ${data.raison_sociale} — ${t.asOf(data.date_du_jour)} (${t.continued})`, fonts.bold, 9, CONTENT_WIDTH);
  const newPage = (): void => {
    page = new PageCanvas(doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]));
    pages.push(page);
    y = TOP;
    if (pages.length > 1) {
      draw(continuationTitle, MARGIN, y - 9, fonts.bold, 9, GREY);
      y -= 26;
    }
  };
  /** Starts a new page unless `height` points still fit above the footer; true when it did. */
  const ensure = (height: number): boolean => {
    if (y - height >= CONTENT_BOTTOM) return false;
    newPage();
    return true;
  };

  newPage();

  // Letterhead, top left.
  const leftWidth = 250;
  let left = y;
  left = drawLines(wrap(company.raison_sociale, fonts.bold, 13, leftWidth, 2), MARGIN, left, fonts.bold, 13, 15);
  const letterhead = [
    t.capital(company.forme, company.capital),
    company.adresse,
    [company.code_postal, company.ville].filter(Boolean).join(" "),
    company.telephone ? `${t.phone} ${company.telephone}` : "",
    company.email,
  ].filter((s) => s.trim() !== "");
  left -= 2;
  for (const item of letterhead) left = drawLines(wrap(item, fonts.regular, 9, leftWidth, 2), MARGIN, left, fonts.regular, 9, 11.5, GREY);

  // Customer, top right (where a window envelope shows it).
  const rightX = MARGIN + 290;
  const rightWidth = CONTENT_WIDTH - 290;
  let right = y - 62;
  right = drawLines(wrap(data.raison_sociale, fonts.bold, 11, rightWidth, 3), rightX, right, fonts.bold, 11, 13.5);
  if (data.contact.trim() !== "") right = drawLines(wrap(t.attention(data.contact), fonts.regular, 10, rightWidth, 2), rightX, right, fonts.regular, 10, 12.5);
  // An address typed on several lines keeps its lines; three at most, the last cut with "…".
  const addressLines = data.adresse.split(/\r?\n|\r/).flatMap((part) => wrap(part, fonts.regular, 10, rightWidth, 3));
  if (addressLines.length > 3) addressLines.splice(2, Infinity, truncate(`${addressLines[2]!} ${addressLines[3]!}`, fonts.regular, 10, rightWidth, addressLines.length > 4));
  right = drawLines(addressLines, rightX, right, fonts.regular, 10, 12.5);
  right = drawLines(wrap(data.ligne_ville, fonts.regular, 10, rightWidth, 2), rightX, right, fonts.regular, 10, 12.5);
  if (data.pays !== "") right = drawLines(wrap(data.pays, fonts.regular, 10, rightWidth, 1), rightX, right, fonts.regular, 10, 12.5);

  // Title.
  y = Math.min(left, right) - 30;
  draw(fit(t.title, fonts.bold, 18, CONTENT_WIDTH), MARGIN, y - 18, fonts.bold, 18);
  y -= 24;
  draw(fit(t.asOf(data.date_du_jour), fonts.regular, 10, CONTENT_WIDTH), MARGIN, y - 10, fonts.regular, 10, GREY);
  y -= 26;
  draw(fit(t.intro, fonts.regular, 9.5, CONTENT_WIDTH), MARGIN, y - 9.5, fonts.regular, 9.5);
  y -= 18;

  // Table of open items, its header on every page it spans.
  const headerSize = 8;
  const headerLeading = 9.5;
  const headerCells = t.columns.map((label, i) => wrap(label, fonts.bold, headerSize, COLUMNS[i]!.width - 2 * CELL_PADDING, 3));
  const headerHeight = Math.max(...headerCells.map((c) => c.length)) * headerLeading + 8;
  // One row of the table: each column's lines, aligned as the column says, from the first baseline.
  const drawCells = (cells: readonly (readonly string[])[], font: PDFFont, size: number, leading: number, firstBaseline: number): void => {
    let x = MARGIN;
    cells.forEach((lines, i) => {
      const column = COLUMNS[i]!;
      let baseline = firstBaseline;
      for (const line of lines) {
        if (column.align === "right") drawRight(line, x + column.width - CELL_PADDING, baseline, font, size);
        else draw(line, x + CELL_PADDING, baseline, font, size);
        baseline -= leading;
      }
      x += column.width;
    });
  };
  const drawHeader = (): void => {
    page.rectangle(MARGIN, y - headerHeight, CONTENT_WIDTH, headerHeight, SHADE);
    drawCells(headerCells, fonts.bold, headerSize, headerLeading, y - 4 - headerSize);
    y -= headerHeight;
  };

  const rowSize = 8;
  const rowLeading = 10;
  const rowHeight = (lines: number): number => lines * rowLeading + 6;
  const statement = data.releve;
  const cellsOf = (values: readonly string[]): string[][] =>
    values.map((value, i) => wrap(value, fonts.regular, rowSize, COLUMNS[i]!.width - 2 * CELL_PADDING, 3));
  const creditCells = (note: CreditNoteLine): string[] => [note.numero, note.date, "", note.montant, "", "", "", "", note.statut];
  const rows = [
    ...statement.lignes.map((line) => cellsOf(COLUMNS.map((column) => column.value(line)))),
    ...statement.avoirs.map((note) => cellsOf(creditCells(note))),
  ];
  ensure(headerHeight + rowHeight(Math.max(1, ...(rows[0] ?? [[]]).map((c) => c.length))));
  drawHeader();
  if (rows.length === 0) {
    draw(fit(t.noItems, fonts.regular, rowSize, CONTENT_WIDTH), MARGIN + CELL_PADDING, y - 3 - rowSize, fonts.regular, rowSize);
    y -= rowHeight(1);
  }
  for (const cells of rows) {
    const height = rowHeight(Math.max(1, ...cells.map((c) => c.length)));
    if (ensure(height)) drawHeader();
    drawCells(cells, fonts.regular, rowSize, rowLeading, y - 3 - rowSize);
    y -= height;
    page.rule(MARGIN, MARGIN + CONTENT_WIDTH, y, 0.5, RULE);
  }
  // The columns' totals over the open invoices.
  const totalCells = cellsOf([t.total, "", "", statement.total_montant, statement.total_paye, statement.total_avoirs, statement.total_solde, "", ""]);
  if (ensure(rowHeight(1))) drawHeader();
  page.rectangle(MARGIN, y - rowHeight(1), CONTENT_WIDTH, rowHeight(1), SHADE);
  drawCells(totalCells, fonts.bold, rowSize, rowLeading, y - 3 - rowSize);
  y -= rowHeight(1);

  // The amount the document asks for, its parts, and what it leaves out, kept together. Before
  // the formal notice, penalties and fees are for information only, outside the balance to pay.
  const regime = statement.regime;
  const level = data.niveau_numero;
  const totals: { label: string; value: string; bold?: boolean; grey?: boolean; heading?: boolean }[] = [];
  if (statement.avoirs_non_imputes !== "") totals.push({ label: t.unallocated, value: statement.avoirs_non_imputes });
  if (data.reclame_penalites) {
    totals.push({ label: t.claimed(level), value: statement.solde_demande });
    totals.push({ label: t.penalties[regime], value: data.total_penalites });
    if (regime !== "particulier") totals.push({ label: t.fees, value: data.total_indemnites });
  }
  totals.push({ label: data.reclame_penalites && !data.penalites_connues ? t.toPayWithoutPenalties[regime] : t.toPay, value: statement.solde_a_regler, bold: true });
  if (statement.hors_demande !== formatEuros(0, data.langue)) totals.push({ label: t.notAsked(level), value: statement.hors_demande, grey: true });
  if (data.penalites_pour_information) {
    totals.push({ label: t.forInformation(data.date_du_jour), value: "", grey: true, heading: true });
    totals.push({ label: t.penalties[regime], value: data.total_penalites, grey: true });
    if (regime !== "particulier") totals.push({ label: t.fees, value: data.total_indemnites, grey: true });
  }
  const totalLeading = 14;
  const labelRight = MARGIN + CONTENT_WIDTH - 110;
  const labelWidth = 330;
  y -= 8;
  ensure(totals.length * totalLeading + 4);
  for (const total of totals) {
    const font = total.bold ? fonts.bold : fonts.regular;
    const color = total.grey ? GREY : BLACK;
    if (total.bold) page.rule(labelRight - labelWidth, MARGIN + CONTENT_WIDTH, y - 1, 0.75, BLACK);
    if (total.heading) draw(fit(total.label, font, 9, CONTENT_WIDTH), labelRight - labelWidth, y - 11, font, 9, color);
    else drawRight(fit(total.label, font, 9, labelWidth), labelRight, y - 11, font, 9, color);
    drawRight(fit(total.value, font, 9, 105), MARGIN + CONTENT_WIDTH - CELL_PADDING, y - 11, font, 9, color);
    y -= totalLeading;
  }

  // Balance per age band, kept together.
  const bands = ageingBands(data);
  if (bands !== undefined) {
    const cells = [...bands, { label: t.total, cents: statement.total_solde_centimes }];
    const width = CONTENT_WIDTH / cells.length;
    y -= 16;
    ensure(14 + 2 * 15);
    draw(fit(t.ageing, fonts.bold, 9.5, CONTENT_WIDTH), MARGIN, y - 9.5, fonts.bold, 9.5);
    y -= 16;
    page.rectangle(MARGIN, y - 15, CONTENT_WIDTH, 15, SHADE);
    cells.forEach((cell, i) => {
      const right = MARGIN + (i + 1) * width - CELL_PADDING;
      drawRight(fit(cell.label, fonts.bold, 8, width - 2 * CELL_PADDING), right, y - 11, fonts.bold, 8);
      drawRight(fit(formatEuros(cell.cents, data.langue), fonts.regular, 9, width - 2 * CELL_PADDING), right, y - 26, fonts.regular, 9);
    });
    y -= 30;
    page.rule(MARGIN, MARGIN + CONTENT_WIDTH, y, 0.5, RULE);
  }

  // Payment details and, where penalties apply, the legal notice.
  const bank = [company.iban ? `IBAN ${company.iban}` : "", company.bic ? `BIC ${company.bic}` : ""].filter(Boolean).join(" — ");
  if (bank !== "") {
    const reference = wrap(t.paymentReference, fonts.regular, 9, CONTENT_WIDTH, 2);
    y -= 18;
    ensure(12 + 13 + reference.length * 11.5);
    draw(fit(t.payment, fonts.bold, 9.5, CONTENT_WIDTH), MARGIN, y - 9.5, fonts.bold, 9.5);
    y -= 13;
    draw(fit(bank, fonts.regular, 9.5, CONTENT_WIDTH), MARGIN, y - 9.5, fonts.regular, 9.5);
    y -= 13;
    y = drawLines(reference, MARGIN, y, fonts.regular, 9, 11.5, GREY);
  }
  if (data.penalites_applicables && t.lateNotice[regime] !== "") {
    const notice = wrap(t.lateNotice[regime], fonts.regular, 8, CONTENT_WIDTH, 4);
    y -= 12;
    ensure(notice.length * 10);
    y = drawLines(notice, MARGIN, y, fonts.regular, 8, 10, GREY);
  }

  // Footer on every page: the legal mentions and the page number.
  const mentions = wrap(company.mentions_legales, fonts.regular, 7, CONTENT_WIDTH, 3);
  pages.forEach((p, i) => {
    page = p;
    page.rule(MARGIN, MARGIN + CONTENT_WIDTH, FOOTER_RULE, 0.5, RULE);
    let baseline = FOOTER_RULE - 11;
    for (const line of mentions) {
      draw(line, MARGIN + (CONTENT_WIDTH - textWidth(line, fonts.regular, 7)) / 2, baseline, fonts.regular, 7, GREY);
      baseline -= 8.5;
    }
    drawRight(`page ${i + 1} / ${pages.length}`, MARGIN + CONTENT_WIDTH, 28, fonts.regular, 8, GREY);
  });
  for (const p of pages) p.finish();

  // Object streams would save a few hundred bytes and cost a third of the time (one more deflate).
  return doc.save({ useObjectStreams: false });
}
