// The entries of a zip file (an .xlsx package) read from its central directory, each streamed and
// inflated on its own: a small part, or the tail of a large sheet, is read without unzipping the
// whole package into memory (PizZip) nor going through every entry in order (exceljs).
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import { directoryEntries, directoryPlace, END_RECORD_SEARCH, type ZipEntry } from "./zipDirectory";

export type { ZipEntry };

const LOCAL_SIGNATURE = 0x04034b50;

/**
 * The entries of a zip file, by name.
 *
 * @param file - the path
 * @returns the entries, or undefined when the file is not a zip this reader knows (zip64, damaged):
 *   the caller then does without
 * @example
 * (await zipEntries("suivi.xlsx"))?.get("xl/workbook.xml")?.method // 8
 */
export async function zipEntries(file: string): Promise<Map<string, ZipEntry> | undefined> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, END_RECORD_SEARCH);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const place = directoryPlace(tail);
    if (typeof place === "string" || place.offset + place.size > size) return undefined;
    const directory = Buffer.alloc(place.size);
    await handle.read(directory, 0, place.size, place.offset);
    const entries = directoryEntries(directory, place.count);
    return typeof entries === "string" ? undefined : new Map(entries.map((entry) => [entry.name, entry]));
  } finally {
    await handle.close();
  }
}

/**
 * Streams an entry's text, chunk by chunk; `onText` returns false to stop early.
 *
 * @param file - the zip's path
 * @param entry - one of zipEntries(file)
 * @param onText - called with each chunk of UTF-8 text
 * @example
 * await streamEntryText("suivi.xlsx", entry, (text) => !text.includes("</sheetData>"));
 */
export async function streamEntryText(file: string, entry: ZipEntry, onText: (text: string) => boolean): Promise<void> {
  await streamEntry(file, entry, "utf8", onText as (chunk: string | Buffer) => boolean);
}

/**
 * Streams an entry's bytes, in large chunks, to `onBytes` until it returns false: for scanning a
 * large part for a few ASCII markers without decoding all of it.
 *
 * @param file - the .xlsx file
 * @param entry - one of zipEntries(file)
 * @param onBytes - called with each chunk of the inflated part
 * @example
 * await streamEntryBytes("suivi.xlsx", entry, (bytes) => !bytes.includes("</sheetData>"));
 */
export async function streamEntryBytes(file: string, entry: ZipEntry, onBytes: (bytes: Buffer) => boolean): Promise<void> {
  await streamEntry(file, entry, undefined, onBytes as (chunk: string | Buffer) => boolean);
}

// Large chunks: a 50 MB sheet goes by in a few hundred callbacks, not thousands.
const CHUNK = 256 * 1024;

async function streamEntry(file: string, entry: ZipEntry, encoding: "utf8" | undefined, onChunk: (chunk: string | Buffer) => boolean): Promise<void> {
  if (entry.method !== 0 && entry.method !== 8) return;
  const handle = await open(file, "r");
  let dataStart: number;
  try {
    const header = Buffer.alloc(30);
    await handle.read(header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) return;
    dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(file, { start: dataStart, end: dataStart + entry.compressedSize - 1, highWaterMark: CHUNK });
  const data = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: CHUNK })) : raw;
  if (encoding !== undefined) data.setEncoding(encoding);
  try {
    for await (const chunk of data as AsyncIterable<string | Buffer>) {
      if (!onChunk(chunk)) break;
    }
  } finally {
    raw.destroy();
    if (data !== raw) data.destroy();
  }
}

/** An entry's whole text (for the small parts: the workbook, its relationships, a settings sheet). */
export async function entryText(file: string, entry: ZipEntry): Promise<string> {
  let text = "";
  await streamEntryText(file, entry, (chunk) => {
    text += chunk;
    return true;
  });
  return text;
}
