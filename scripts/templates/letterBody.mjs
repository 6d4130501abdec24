// A letter's word/document.xml: its blocks as paragraphs and tables, wrapped in the
// {{#clients}}...{{/clients}} loop that gives each customer a section ending with a page break.
import { P } from "./blocks.mjs";
import { INVOICE_COLUMNS, TEXT_WIDTH } from "./pageGeometry.mjs";
import { W_NS, cell, paragraph, table } from "./wordprocessingml.mjs";

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

export function documentXml(lang, letter) {
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
