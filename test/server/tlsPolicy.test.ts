// The TLS the add-in server accepts, tried with node:tls handshakes against the real server: TLS 1.2
// and 1.3 with forward-secret suites, nothing older or weaker. The server is started under Node
// defaults as wide as --tls-min-v1.0 and --tls-cipher-list can make them, so that what it refuses
// comes from the server itself and not from Node's defaults.
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./addinServerClient";

interface Handshake {
  protocol?: string | null;
  cipher?: string;
  error?: string;
}

let test: TestServer;

beforeAll(async () => {
  const saved = { minVersion: tls.DEFAULT_MIN_VERSION, ciphers: tls.DEFAULT_CIPHERS };
  tls.DEFAULT_MIN_VERSION = "TLSv1";
  tls.DEFAULT_CIPHERS = "ALL:@SECLEVEL=0";
  try {
    test = await startTestServer();
  } finally {
    tls.DEFAULT_MIN_VERSION = saved.minVersion;
    tls.DEFAULT_CIPHERS = saved.ciphers;
  }
});

afterAll(async () => {
  await test?.close();
});

function handshake(options: tls.ConnectionOptions): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: "127.0.0.1", port: test.server.port, servername: "localhost", ca: test.ca, ...options }, () => {
      resolve({ protocol: socket.getProtocol(), cipher: socket.getCipher().name });
      socket.end();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe("TLS", () => {
  it("speaks TLS 1.3", async () => {
    expect(await handshake({})).toMatchObject({ protocol: "TLSv1.3" });
  });

  it("speaks TLS 1.2 with ECDHE suites", async () => {
    for (const cipher of ["ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-CHACHA20-POLY1305"]) {
      expect(await handshake({ maxVersion: "TLSv1.2", ciphers: cipher }), cipher).toEqual({ protocol: "TLSv1.2", cipher });
    }
  });

  it("refuses TLS 1.0 and 1.1, whatever suite the client offers", async () => {
    for (const version of ["TLSv1", "TLSv1.1"] as const) {
      const reply = await handshake({ minVersion: version, maxVersion: version, ciphers: "ALL:@SECLEVEL=0" });
      expect(reply.error, version).toBeDefined();
      expect(reply.protocol, version).toBeUndefined();
    }
  });

  it("refuses TLS 1.2 suites without forward secrecy (RSA key exchange), and finite-field DHE and CBC ones", async () => {
    for (const cipher of ["AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA256", "DHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-SHA"]) {
      const reply = await handshake({ maxVersion: "TLSv1.2", ciphers: `${cipher}:@SECLEVEL=0` });
      expect(reply.error, cipher).toBeDefined();
    }
  });
});
