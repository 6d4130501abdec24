// Documents read as a person reads them: the text of a Word letter (one line per paragraph, one
// text per customer) and of a PDF (pdfjs-dist), amounts with plain spaces.
import PizZip from "pizzip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export function documentXml(docx: Uint8Array): string {
  const file = new PizZip(docx).file("word/document.xml");
  if (!file) throw new Error("no word/document.xml");
  return file.asText();
}

const ENTITIES: Readonly<Record<string, string>> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'" };
const decode = (s: string): string => s.replace(/&(?:lt|gt|amp|quot|apos);/g, (e) => ENTITIES[e]!);

/** Amounts are printed with no-break spaces; tests compare them with plain ones. */
export const spaced = (s: string): string => s.replace(/[\u00a0\u202f]/g, " ");

/** The text a reader sees: one line per paragraph (a table cell is a paragraph). */
export function visibleText(xml: string): string {
  const paragraphs = xml.match(/<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g) ?? [];
  return paragraphs.map((p) => decode((p.match(/<w:t\b[^>]*>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join(""))).join("\n");
}

/** One text per customer: the merged body cut at its page breaks. */
export function sections(xml: string): string[] {
  return xml.split(/<w:br\b[^>]*w:type="page"[^>]*\/>/).map(visibleText);
}

/** The text of each page of a PDF, items joined by spaces, runs of spaces collapsed. */
export async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  const document = await getDocument({ data: pdf.slice(), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
      pages.push(text.replace(/\s+/g, " ").trim());
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
