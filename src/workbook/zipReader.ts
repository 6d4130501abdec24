// The entries of a zip archive held in memory (an .xlsx package read whole), each with its
// compressed bytes as they are in the file: a writer can copy an entry it does not change without
// inflating it, and inflates only the parts it reads.
import { inflateRawSync } from "node:zlib";
import { PackageError } from "./packageError";
import { directoryEntries, directoryPlace, type ZipEntry } from "./zipDirectory";

/** One entry of the archive, as its central directory describes it (its place and compressed size are those of raw). */
export interface ArchiveEntry extends Omit<ZipEntry, "compressedSize" | "localHeaderOffset"> {
  /** The entry's bytes as stored in the archive (compressed when method is 8): a view, not a copy. */
  readonly raw: Uint8Array;
}

const LOCAL_SIGNATURE = 0x04034b50;

/**
 * The entries of a zip archive, in the order of its central directory.
 *
 * @param bytes - the whole archive
 * @returns its entries
 * @throws PackageError when it is not a zip this reader knows (zip64, encrypted, damaged)
 * @example
 * readZip(bytes).find((e) => e.name === "xl/workbook.xml")?.method // 8
 */
export function readZip(bytes: Uint8Array): ArchiveEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const place = directoryPlace(bytes);
  if (typeof place === "string") throw new PackageError(place);
  const listed = directoryEntries(bytes.subarray(place.offset, place.offset + place.size), place.count);
  if (typeof listed === "string") throw new PackageError(listed);
  return listed.map((entry) => {
    const { name, flags, method, localHeaderOffset: local, compressedSize } = entry;
    if ((flags & 1) !== 0) throw new PackageError(`encrypted entry ${name}`);
    if (method !== 0 && method !== 8) throw new PackageError(`entry ${name} compressed with method ${method}`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) throw new PackageError(`entry ${name} without its local header`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedSize > bytes.length) throw new PackageError(`entry ${name} cut short`);
    const { dosTime, dosDate, crc32, size } = entry;
    return { name, method, flags, crc32, size, dosTime, dosDate, raw: bytes.subarray(start, start + compressedSize) };
  });
}

/** An entry's content, inflated when it is deflated. */
export function entryContent(entry: ArchiveEntry): Uint8Array {
  return entry.method === 8 ? inflateRawSync(entry.raw) : entry.raw;
}
