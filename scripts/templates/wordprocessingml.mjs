// WordprocessingML builders: runs, paragraphs, table cells and tables.
export const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export const escapeXml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Runs of a paragraph's text: **...** toggles bold; a {{tag}} never spans two runs. */
export function runs(text, base = {}) {
  const parts = text.split("**");
  let xml = "";
  parts.forEach((part, index) => {
    if (part === "") return;
    if (/\{\{[^}]*$/.test(part) || /^[^{]*\}\}/.test(part)) throw new Error(`A tag is cut by ** in: ${text}`);
    const bold = index % 2 === 1 || base.bold;
    const rPr = bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "";
    xml += `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`;
  });
  return xml;
}

export function paragraph(block) {
  const pPr = [];
  if (block.style) pPr.push(`<w:pStyle w:val="${block.style}"/>`);
  if (block.keepNext) pPr.push("<w:keepNext/>");
  if (block.rule) pPr.push('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="1F3864"/></w:pBdr>');
  if (block.before !== undefined || block.after !== undefined) {
    pPr.push(`<w:spacing${block.before !== undefined ? ` w:before="${block.before}"` : ""}${block.after !== undefined ? ` w:after="${block.after}"` : ""}/>`);
  }
  if (block.align) pPr.push(`<w:jc w:val="${block.align}"/>`);
  return `<w:p>${pPr.length ? `<w:pPr>${pPr.join("")}</w:pPr>` : ""}${runs(block.text)}</w:p>`;
}

export function cell(width, text, { header = false, right = false, span = 1 } = {}) {
  const tcPr =
    `<w:tcW w:w="${width}" w:type="dxa"/>` +
    (span > 1 ? `<w:gridSpan w:val="${span}"/>` : "") +
    (header ? '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>' : "");
  const pPr = `<w:pPr><w:pStyle w:val="Cellule"/>${header ? "<w:keepNext/>" : ""}${right ? '<w:jc w:val="right"/>' : ""}</w:pPr>`;
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr><w:p>${pPr}${runs(text, { bold: header })}</w:p></w:tc>`;
}

export function table(columns, rows) {
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>`)
    .join("");
  const tblPr =
    `<w:tblPr><w:tblW w:w="${columns.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar>' +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>';
  const grid = `<w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  return `<w:tbl>${tblPr}${grid}${rows.join("")}</w:tbl>`;
}
