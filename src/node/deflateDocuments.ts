// The documents leave the engine as packages stored uncompressed (it stays free of Node, and of a
// deflater of its own); on Node, node's zlib deflates them just before they are written.
import { deflatePackage } from "../workbook/zipWriter";

const OFFICE_PACKAGE = /\.(?:docx|xlsx)$/i;

/**
 * A document as it is to be written: a Word or Excel package deflated, anything else as it is.
 *
 * @param relative - the document's path in the output folder
 * @param data - its bytes, or its text
 * @returns the bytes to write
 * @example
 * fileDocumentSink(outDir, { prepare: deflateDocuments })
 */
export async function deflateDocuments(relative: string, data: Uint8Array | string): Promise<Uint8Array | string> {
  return typeof data !== "string" && OFFICE_PACKAGE.test(relative) ? deflatePackage(data) : data;
}
