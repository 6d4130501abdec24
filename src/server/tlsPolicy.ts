// The TLS the add-in server accepts: TLS 1.2 and 1.3, forward-secret suites only (ECDHE key
// exchange with AES-GCM or ChaCha20 in TLS 1.2; every TLS 1.3 suite is forward secret). Set on the
// server itself, so that neither Node's defaults (which take RSA key exchange under "HIGH") nor a
// --tls-min-v1.0 or --tls-cipher-list in NODE_OPTIONS can widen it. The TLS 1.2 suites are those of
// Mozilla's "intermediate" server profile less finite-field DHE: every current browser and Office
// webview (Edge WebView2, WKWebView) speaks them or TLS 1.3.
import type { SecureContextOptions } from "node:tls";

const TLS13_SUITES = ["TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256"];
const TLS12_SUITES = [
  "ECDHE-ECDSA-AES256-GCM-SHA384",
  "ECDHE-RSA-AES256-GCM-SHA384",
  "ECDHE-ECDSA-CHACHA20-POLY1305",
  "ECDHE-RSA-CHACHA20-POLY1305",
  "ECDHE-ECDSA-AES128-GCM-SHA256",
  "ECDHE-RSA-AES128-GCM-SHA256",
];

export const TLS_POLICY: Pick<SecureContextOptions, "minVersion" | "ciphers" | "honorCipherOrder"> = {
  minVersion: "TLSv1.2",
  ciphers: [...TLS13_SUITES, ...TLS12_SUITES].join(":"),
  honorCipherOrder: true,
};
