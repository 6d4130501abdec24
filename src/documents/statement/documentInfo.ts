// The statement's document information (title, author, subject, dates), written as pdf-lib's
// setTitle and the like write it (UTF-16BE hex strings, PDF dates), with a hex table instead of
// a formatted number per character.
import { PDFHexString, PDFName, PDFString, type PDFDocument } from "pdf-lib";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, "0"));

/** Text as a UTF-16BE hex string with its byte order mark, as PDFHexString.fromText makes it. */
function utf16Hex(text: string): PDFHexString {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    hex += HEX[unit >> 8]! + HEX[unit & 0xff]!;
  }
  return PDFHexString.of(hex);
}

export interface DocumentInfo {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly creator: string;
  readonly producer: string;
  readonly date: Date;
}

/**
 * Gives the document its information dictionary: title, author, subject, creator and producer,
 * and `date` as its creation and modification date.
 *
 * @param doc - a document with no information dictionary yet
 * @param info - what it says
 */
export function setDocumentInfo(doc: PDFDocument, info: DocumentInfo): void {
  const context = doc.context;
  const date = PDFString.fromDate(info.date);
  const dict = context.obj({});
  dict.set(PDFName.of("Title"), utf16Hex(info.title));
  dict.set(PDFName.of("Author"), utf16Hex(info.author));
  dict.set(PDFName.of("Subject"), utf16Hex(info.subject));
  dict.set(PDFName.of("Creator"), utf16Hex(info.creator));
  dict.set(PDFName.of("Producer"), utf16Hex(info.producer));
  dict.set(PDFName.of("CreationDate"), date);
  dict.set(PDFName.of("ModDate"), date);
  context.trailerInfo.Info = context.register(dict);
}
