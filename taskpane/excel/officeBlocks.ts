// Office.js in blocks (Microsoft's large-range guidance): a few thousand rows per request, one
// context.sync() per block, and a block Excel refuses as too large tried again at half its size
// (Excel on the web caps a request and a response at 5 MB).

/** Fewest and most rows in one block. */
export const MIN_BLOCK_ROWS = 5_000;
export const MAX_BLOCK_ROWS = 20_000;
/** About this many cells per block, so that wide sheets get shorter blocks. */
const CELLS_PER_BLOCK = 100_000;

/** The error codes Excel gives for a request or a response over its size limits. */
const TOO_LARGE_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "PayloadTooLarge",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
]);

/**
 * Whether Excel refused a request for its size (RichApi.Error's code, or Excel on the web's message).
 * @example isPayloadTooLarge({ name: "RichApi.Error", code: "RequestPayloadSizeLimitExceeded" }) // true
 */
export function isPayloadTooLarge(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && TOO_LARGE_CODES.has(code)) return true;
  return typeof message === "string" && /payload size|payload too large|5 ?MB/i.test(message);
}

/**
 * The rows of the first block for a sheet this wide: 5,000 to 20,000.
 * @example blockRows(10) // 10000
 */
export function blockRows(columns: number): number {
  const rows = Math.floor(CELLS_PER_BLOCK / Math.max(1, columns));
  return Math.min(MAX_BLOCK_ROWS, Math.max(MIN_BLOCK_ROWS, rows));
}

/**
 * Runs `step` over rows [0, total) in blocks of `size`; a block refused as too large runs again at
 * half its size, and the rest keeps that size. Each step queues its commands and syncs once.
 *
 * @param total - the rows to go through
 * @param size - rows per block to begin with
 * @param step - handles rows [start, start + count), with one context.sync()
 * @throws what step throws, and a too-large refusal of a single row
 */
export async function inBlocks(total: number, size: number, step: (start: number, count: number) => Promise<void>): Promise<void> {
  let current = Math.max(1, Math.floor(size));
  for (let start = 0; start < total; ) {
    const count = Math.min(current, total - start);
    try {
      await step(start, count);
      start += count;
    } catch (error) {
      if (!isPayloadTooLarge(error) || count <= 1) throw error;
      current = Math.max(1, Math.floor(count / 2));
    }
  }
}
