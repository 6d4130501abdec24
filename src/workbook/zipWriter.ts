// A zip archive written from entries: an entry kept from another archive goes in as its compressed
// bytes (no inflate, no re-deflate), a new one is deflated by node's zlib, whose asynchronous
// deflate runs in libuv's thread pool, several entries at once.
import { promisify } from "node:util";
import { crc32, deflateRaw } from "node:zlib";
import { PackageError } from "./packageError";
import { readZip, type ArchiveEntry } from "./zipReader";

const deflate = promisify(deflateRaw);

/** An entry ready to be laid out: its bytes as they go in the archive. */
export type ZipEntryOut = ArchiveEntry;

/** The MS-DOS time and date of a moment, from its UTC fields, so that they do not depend on the time zone. */
function dosStamp(date: Date): { dosTime: number; dosDate: number } {
  return {
    dosTime: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    dosDate: ((Math.max(1980, date.getUTCFullYear()) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const UTF8_NAME = 1 << 11;

/**
 * An entry with new content, stored as it is (no compression).
 *
 * @param name - its path in the archive
 * @param content - its bytes
 * @param stamp - its modification time
 */
export function storedEntry(name: string, content: Uint8Array, stamp: Date): ZipEntryOut {
  return { name, method: 0, flags: UTF8_NAME, crc32: crc32(content), size: content.length, ...dosStamp(stamp), raw: content };
}

/** An entry with new content, deflated (stored when it is empty). */
export async function deflatedEntry(name: string, content: Uint8Array, stamp: Date): Promise<ZipEntryOut> {
  if (content.length === 0) return storedEntry(name, content, stamp);
  const raw = await deflate(content);
  return { name, method: 8, flags: UTF8_NAME, crc32: crc32(content), size: content.length, ...dosStamp(stamp), raw };
}

/**
 * The archive of the entries, in their order: local headers without data descriptors, the central
 * directory, the end record. The same entries give the same bytes.
 *
 * @param entries - each as it goes in (see storedEntry, deflatedEntry, or an entry of readZip)
 * @returns the archive
 * @throws PackageError past what a zip without zip64 holds (65,535 entries, 4 GB)
 */
export function writeZip(entries: readonly ZipEntryOut[]): Uint8Array {
  if (entries.length > 0xfffe) throw new PackageError("too many entries for a zip without zip64");
  const encoder = new TextEncoder();
  const names = entries.map((entry) => encoder.encode(entry.name));
  let total = 22;
  entries.forEach((entry, i) => (total += 30 + 46 + 2 * names[i]!.length + entry.raw.length));
  if (total > 0xffffffff) throw new PackageError("archive too large for a zip without zip64");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  // Version 2.0, flags without bit 3 (the sizes are in the header), no extra field.
  const header = (entry: ZipEntryOut, name: Uint8Array, start: number): number => {
    view.setUint16(start, 20, true);
    view.setUint16(start + 2, entry.flags & UTF8_NAME, true);
    view.setUint16(start + 4, entry.method, true);
    view.setUint16(start + 6, entry.dosTime, true);
    view.setUint16(start + 8, entry.dosDate, true);
    view.setUint32(start + 10, entry.crc32 >>> 0, true);
    view.setUint32(start + 14, entry.raw.length, true);
    view.setUint32(start + 18, entry.size, true);
    view.setUint16(start + 22, name.length, true);
    view.setUint16(start + 24, 0, true);
    return start + 26;
  };
  entries.forEach((entry, i) => {
    const name = names[i]!;
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    at = header(entry, name, at + 4);
    out.set(name, at);
    at += name.length;
    out.set(entry.raw, at);
    at += entry.raw.length;
  });
  const directory = at;
  entries.forEach((entry, i) => {
    const name = names[i]!;
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: version 2.0, MS-DOS attributes
    at = header(entry, name, at + 6);
    // Comment length, disk, internal and external attributes: none.
    view.setUint16(at, 0, true);
    view.setUint16(at + 2, 0, true);
    view.setUint16(at + 4, 0, true);
    view.setUint32(at + 6, 0, true);
    view.setUint32(at + 10, offsets[i]!, true);
    at += 14;
    out.set(name, at);
    at += name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}

/**
 * A package whose entries are stored (as a document writer that stays free of Node makes them)
 * with those entries deflated by zlib; entries already compressed, and their times, are kept.
 *
 * @param stored - a zip archive
 * @returns the same archive, deflated
 * @throws PackageError when it is not a zip this reader knows
 * @example
 * await writeFile("lettre.docx", await deflatePackage(storedDocx));
 */
export async function deflatePackage(stored: Uint8Array): Promise<Uint8Array> {
  const entries = await Promise.all(
    readZip(stored).map(async (entry) => {
      if (entry.method !== 0 || entry.size === 0) return entry;
      const raw = await deflate(entry.raw);
      return { ...entry, method: 8, raw };
    }),
  );
  return writeZip(entries);
}
