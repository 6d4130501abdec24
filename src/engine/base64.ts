// Bytes as base64 and back, for JSON bodies (the files route, Graph drafts), without Node's Buffer:
// the task panes run this in the browser.

/**
 * A file's bytes in base64: text as UTF-8.
 * @example base64Of("é") // "w6k="
 */
export function base64Of(data: Uint8Array | string): string {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  let binary = "";
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The bytes of a base64 text.
 * @throws DOMException (InvalidCharacterError) for a text that is not base64
 */
export function bytesOfBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
