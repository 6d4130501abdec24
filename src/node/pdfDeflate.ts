// pdf-lib deflates each PDF content stream with pako, JavaScript's port of zlib. On Node the command
// line's bundle gives pdf-lib this module in pako's place (scripts/build/nodeBundles.mjs), so that
// node's own zlib does that work, several times faster; in a browser pdf-lib keeps pako.
import { deflateSync } from "node:zlib";

/**
 * A smaller window and state than zlib's defaults: a statement's page streams are a few KB, so
 * the output is as small, and it is made in about 60% of the time (zlib's setup and its
 * clearing of the larger window dominate for such streams). Fixed options: the same bytes every run.
 */
const OPTIONS = { windowBits: 13, memLevel: 7 } as const;

/** The one pako function pdf-lib calls. */
export function deflate(data: Uint8Array): Uint8Array {
  const deflated = deflateSync(data, OPTIONS);
  return new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength);
}

export default { deflate };
