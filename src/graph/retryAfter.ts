// Retry-After as Graph sends it: seconds (the stand-in may send fractions of one, to keep tests
// fast), or an HTTP date.

/** The longest wait honoured: past it, a run would look hung rather than throttled. */
const LONGEST_WAIT_MS = 10 * 60_000;

/**
 * How long Retry-After asks to wait.
 * @returns milliseconds, or undefined when the header is absent or unreadable
 * @example retryAfterMs("2") // 2000
 * @example retryAfterMs("0.25") // 250
 */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = (value ?? "").trim();
  if (text === "") return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return seconds < 0 ? undefined : Math.min(LONGEST_WAIT_MS, Math.ceil(seconds * 1000));
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.min(LONGEST_WAIT_MS, Math.max(0, date - now));
}
