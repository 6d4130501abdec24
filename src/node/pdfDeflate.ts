// pdf-lib deflates each PDF content stream with pako, JavaScript's port of zlib. On Node the command
// line's bundle gives pdf-lib this module in pako's place (scripts/build/nodeBundles.mjs), so that
// node's own zlib does that work, several times faster; in a browser pdf-lib keeps pako.
import { deflateSync } from "node:zlib";

/** The one pako function pdf-lib calls. */
export function deflate(data: Uint8Array): Uint8Array {
  const deflated = deflateSync(data);
  return new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength);
}

export default { deflate };
