// The entries of a zip file (an .xlsx package) read from its central directory, each streamed and
// inflated on its own: a small part, or the tail of a large sheet, is read without unzipping the
// whole package into memory (PizZip) nor going through every entry in order (exceljs).
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The end record (22 bytes) and the longest comment a zip may carry. */
const EOCD_SEARCH = 22 + 0xffff;
const ZIP64_MARK = 0xffffffff;

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
    const tailLength = Math.min(size, EOCD_SEARCH);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return undefined;
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directorySize === ZIP64_MARK || directoryOffset === ZIP64_MARK || directoryOffset + directorySize > size) return undefined;
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    while (at + 46 <= directory.length && directory.readUInt32LE(at) === CENTRAL_SIGNATURE) {
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const entry: ZipEntry = {
        name: directory.toString("utf8", at + 46, at + 46 + nameLength),
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      };
      if (entry.compressedSize === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK) return undefined;
      entries.set(entry.name, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
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
