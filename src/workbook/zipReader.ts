// The entries of a zip archive held in memory (an .xlsx package read whole), each with its
// compressed bytes as they are in the file: a writer can copy an entry it does not change without
// inflating it, and inflates only the parts it reads.
import { inflateRawSync } from "node:zlib";
import { PackageError } from "./packageError";
import type { ZipEntry } from "./zipEntries";

/** One entry of the archive, as its central directory describes it (name and method as zipEntries reads them from a file). */
export interface ArchiveEntry extends Pick<ZipEntry, "name" | "method"> {
  /** The general-purpose flags (bit 11: the name is UTF-8). */
  readonly flags: number;
  readonly crc32: number;
  readonly size: number;
  /** The modification time and date, in MS-DOS form, as the archive holds them. */
  readonly dosTime: number;
  readonly dosDate: number;
  /** The entry's bytes as stored in the archive (compressed when method is 8): a view, not a copy. */
  readonly raw: Uint8Array;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

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
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new PackageError("not a zip archive");
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (directoryOffset === ZIP64_MARK || count === 0xffff) throw new PackageError("zip64 archive");
  const decoder = new TextDecoder();
  const entries: ArchiveEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new PackageError("damaged central directory");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (compressedSize === ZIP64_MARK || size === ZIP64_MARK || local === ZIP64_MARK) throw new PackageError(`zip64 entry ${name}`);
    if ((flags & 1) !== 0) throw new PackageError(`encrypted entry ${name}`);
    if (method !== 0 && method !== 8) throw new PackageError(`entry ${name} compressed with method ${method}`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) throw new PackageError(`entry ${name} without its local header`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedSize > bytes.length) throw new PackageError(`entry ${name} cut short`);
    entries.push({
      name,
      method,
      flags,
      crc32: view.getUint32(at + 16, true),
      size,
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      raw: bytes.subarray(start, start + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's content, inflated when it is deflated. */
export function entryContent(entry: ArchiveEntry): Uint8Array {
  return entry.method === 8 ? inflateRawSync(entry.raw) : entry.raw;
}
