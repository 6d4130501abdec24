// The account statement (relevé de compte) of one customer: every open item with its ageing, the
// totals, the balance the document asks for, penalties and recovery fees where they apply, the
// bank details, and the company's legal mentions on every page. A4 PDF drawn with pdf-lib's
// standard fonts, so that it runs alike in Node and in the add-in's browser (no node: imports) and
// embeds no font file. Its parts are in ./statement/: the words, the layout, text fitting, the
// ageing bands and the page canvas.
import { PDFDocument, PDFName, PDFPage, StandardFonts, type RGB } from "pdf-lib";
import { formatEuros } from "../core/money";
import type { CreditNoteLine, ReminderData } from "./reminderData";
import { ageingBands } from "./statement/ageingBands";
import { setDocumentInfo } from "./statement/documentInfo";
import { fontMetrics } from "./statement/fontMetrics";
import { PageCanvas, type StatementFont } from "./statement/pageCanvas";
import {
  BLACK,
  CELL_PADDING,
  COLUMNS,
  CONTENT_BOTTOM,
  CONTENT_WIDTH,
  FOOTER_RULE,
  GREY,
  MARGIN,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  RULE,
  SHADE,
  TOP,
} from "./statement/statementLayout";
import { TEXTS } from "./statement/statementTexts";
import { fit, textWidth, truncate, wrap } from "./statement/textFitting";

interface Fonts {
  readonly regular: StatementFont;
  readonly bold: StatementFont;
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
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fonts: Fonts = {
    regular: { ...fontMetrics(regular), pdf: regular, key: "F1" },
    bold: { ...fontMetrics(bold), pdf: bold, key: "F2" },
  };

  const date = documentDate(data.date_iso);
  setDocumentInfo(doc, {
    title: metadataText(`${t.title} — ${data.raison_sociale} — ${t.asOf(data.date_du_jour)}`),
    author: metadataText(company.raison_sociale) || "Relances",
    subject: metadataText(`${t.title} ${t.asOf(data.date_du_jour)}`),
    creator: "Relances",
    producer: "Relances",
    date,
  });
  doc.setLanguage(data.langue === "en" ? "en-GB" : "fr-FR");

  const pages: PageCanvas[] = [];
  let page!: PageCanvas;
  let y = TOP;

  const draw = (text: string, x: number, at: number, font: StatementFont, size: number, color: RGB = BLACK): void => {
    page.text(text, x, at, font, size, color);
  };
  const drawRight = (text: string, right: number, at: number, font: StatementFont, size: number, color: RGB = BLACK): void => {
    draw(text, right - textWidth(text, font, size), at, font, size, color);
  };
  /** Lines of wrapped text from the top `at`, one every `leading` points; returns the y under them. */
  const drawLines = (lines: readonly string[], x: number, at: number, font: StatementFont, size: number, leading: number, color: RGB = BLACK): number => {
    let baseline = at - size;
    for (const line of lines) {
      draw(line, x, baseline, font, size, color);
      baseline -= leading;
    }
    return at - lines.length * leading;
  };

  const continuationTitle = (): string => fit(`${t.title} — ${data.raison_sociale} — ${t.asOf(data.date_du_jour)} (${t.continued})`, fonts.bold, 9, CONTENT_WIDTH);
  const newPage = (): void => {
    // The page's size set once (addPage with a size reads and writes every box of the page).
    const pdfPage = PDFPage.create(doc);
    pdfPage.node.set(PDFName.MediaBox, doc.context.obj([0, 0, PAGE_WIDTH, PAGE_HEIGHT]));
    page = new PageCanvas(doc.addPage(pdfPage));
    pages.push(page);
    y = TOP;
    if (pages.length > 1) {
      draw(continuationTitle(), MARGIN, y - 9, fonts.bold, 9, GREY);
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
  const drawCells = (cells: readonly (readonly string[])[], font: StatementFont, size: number, leading: number, firstBaseline: number): void => {
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

  // Object streams would save a few hundred bytes and cost a third of the time (one more deflate);
  // no pause every 50 objects either (pdf-lib's default, for its large documents).
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
