// A zip archive's central directory (an .xlsx package's table of its entries), read from its bytes:
// the one reader of it, for an archive held whole in memory and for the tail of a file on disk.

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** The general-purpose flags (bit 0: encrypted; bit 11: the name is UTF-8). */
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  /** The modification time and date, in MS-DOS form, as the archive holds them. */
  readonly dosTime: number;
  readonly dosDate: number;
  readonly localHeaderOffset: number;
}

/** Where the central directory is, from the end record. */
export interface DirectoryPlace {
  readonly count: number;
  readonly size: number;
  readonly offset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const ZIP64_MARK = 0xffffffff;
/** The end record (22 bytes) and the longest comment a zip may carry. */
export const END_RECORD_SEARCH = 22 + 0xffff;

const viewOf = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The central directory's place, from the archive's last bytes (END_RECORD_SEARCH of them suffice).
 *
 * @param tail - the archive's end
 * @returns where the directory is (offsets from the archive's start), or why it cannot be read
 * @example
 * directoryPlace(bytes) // { count: 12, size: 903, offset: 48211 }
 */
export function directoryPlace(tail: Uint8Array): DirectoryPlace | string {
  const view = viewOf(tail);
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - END_RECORD_SEARCH); i--) {
    if (view.getUint32(i, true) !== EOCD_SIGNATURE) continue;
    const count = view.getUint16(i + 10, true);
    const size = view.getUint32(i + 12, true);
    const offset = view.getUint32(i + 16, true);
    if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) return "zip64 archive";
    return { count, size, offset };
  }
  return "not a zip archive";
}

/**
 * The entries a central directory lists, in its order.
 *
 * @param directory - the directory's bytes (DirectoryPlace.size of them from DirectoryPlace.offset)
 * @param count - how many entries the end record announces
 * @returns the entries, or why they cannot be read (zip64, damaged)
 * @example
 * directoryEntries(bytes.subarray(place.offset, place.offset + place.size), place.count)
 */
export function directoryEntries(directory: Uint8Array, count: number): ZipEntry[] | string {
  const view = viewOf(directory);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return "damaged central directory";
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      name: decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.size === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK) return `zip64 entry ${entry.name}`;
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}
