// The development certificate for https://localhost:3000, found or made without asking anything and
// without sudo:
//   1. RELANCES_CERT_DIR, when set: our own certificates in that folder (made there when missing);
//   2. otherwise ~/.office-addin-dev-certs/localhost.crt + localhost.key, when Microsoft's
//      office-addin-dev-certs installed them and they are still valid for localhost;
//   3. otherwise our own in ~/.relances/dev-certs/.
// Our own: a local certificate authority (ca.crt, ca.key) and a localhost certificate (localhost.crt,
// localhost.key; SAN localhost, 127.0.0.1, ::1) signed by it, made with the `selfsigned` package.
// Keys are written with mode 0600, every file atomically (a temporary file, then a rename). A
// certificate that expires within 7 days, or no longer matches its CA, is made again.
// The private keys are returned to the caller for the TLS server and never printed.
import { X509Certificate, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { generate } from "selfsigned";
import { writeFileAtomically } from "../writeFileAtomically";

export interface DevCertificate {
  /** PEM private key of the localhost certificate (secret: never log it). */
  key: string;
  /** PEM localhost certificate. */
  cert: string;
  /** PEM certificate of the authority to trust (the certificate itself when there is no CA file). */
  ca: string;
  /** Where that authority's certificate is, to tell the user how to trust it. */
  caPath: string;
  /** True when this call made a new certificate. */
  created: boolean;
  /** Whose certificate this is. */
  source: "office-addin-dev-certs" | "relances";
  /** The folder holding the files. */
  dir: string;
}

export interface DevCertificateOptions {
  /** Our folder; default RELANCES_CERT_DIR, else ~/.relances/dev-certs. */
  dir?: string;
  /** Home folder, for ~/.office-addin-dev-certs and ~/.relances (default os.homedir()). */
  home?: string;
  /** Environment (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Clock (tests). */
  now?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const RENEW_BEFORE_MS = 7 * DAY_MS;
const CA_LIFETIME_DAYS = 5 * 365;
/** Under the 398 days that browsers and macOS accept for a TLS server certificate. */
const LEAF_LIFETIME_DAYS = 365;
const HOSTS = { dns: ["localhost"], ip: ["127.0.0.1", "::1"] };

export const CA_CERT_FILE = "ca.crt";
export const CA_KEY_FILE = "ca.key";
export const CERT_FILE = "localhost.crt";
export const KEY_FILE = "localhost.key";

export async function getDevCertificate(options: DevCertificateOptions = {}): Promise<DevCertificate> {
  const env = options.env ?? process.env;
  const home = options.home ?? os.homedir();
  const now = options.now ?? new Date();
  const explicitDir = options.dir ?? (env.RELANCES_CERT_DIR ? path.resolve(env.RELANCES_CERT_DIR) : undefined);
  if (!explicitDir) {
    const microsoft = await readOfficeAddinDevCerts(path.join(home, ".office-addin-dev-certs"), now);
    if (microsoft) return microsoft;
  }
  return ensureOwnCertificate(explicitDir ?? path.join(home, ".relances", "dev-certs"), now);
}

/** Microsoft's certificates (npx office-addin-dev-certs install), when present and usable. */
async function readOfficeAddinDevCerts(dir: string, now: Date): Promise<DevCertificate | null> {
  const certPath = path.join(dir, CERT_FILE);
  const keyPath = path.join(dir, KEY_FILE);
  if (!existsSync(certPath) || !existsSync(keyPath)) return null;
  try {
    const [cert, key] = await Promise.all([readFile(certPath, "utf8"), readFile(keyPath, "utf8")]);
    const caPath = path.join(dir, CA_CERT_FILE);
    const ca = existsSync(caPath) ? await readFile(caPath, "utf8") : cert;
    if (!isUsableServerCertificate(cert, ca, now)) return null;
    return { key, cert, ca, caPath: existsSync(caPath) ? caPath : certPath, created: false, source: "office-addin-dev-certs", dir };
  } catch {
    return null;
  }
}

async function ensureOwnCertificate(dir: string, now: Date): Promise<DevCertificate> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);
  let created = false;

  let ca = await readPair(file(CA_CERT_FILE), file(CA_KEY_FILE));
  if (!ca || !isUsableAuthority(ca.cert, now)) {
    ca = await makeAuthority(now);
    await writeFileAtomically(file(CA_KEY_FILE), ca.key, 0o600);
    await writeFileAtomically(file(CA_CERT_FILE), ca.cert, 0o644);
    // A new authority invalidates the old localhost certificate.
    await rm(file(CERT_FILE), { force: true });
    created = true;
  }

  let leaf = await readPair(file(CERT_FILE), file(KEY_FILE));
  if (!leaf || !isUsableServerCertificate(leaf.cert, ca.cert, now)) {
    leaf = await makeLocalhostCertificate(ca, now);
    await writeFileAtomically(file(KEY_FILE), leaf.key, 0o600);
    await writeFileAtomically(file(CERT_FILE), leaf.cert, 0o644);
    created = true;
  }

  return { key: leaf.key, cert: leaf.cert, ca: ca.cert, caPath: file(CA_CERT_FILE), created, source: "relances", dir };
}

interface Pair {
  cert: string;
  key: string;
}

async function readPair(certPath: string, keyPath: string): Promise<Pair | null> {
  try {
    const [cert, key] = await Promise.all([readFile(certPath, "utf8"), readFile(keyPath, "utf8")]);
    return { cert, key };
  } catch {
    return null;
  }
}

function parse(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

function validLongEnough(cert: X509Certificate, now: Date): boolean {
  const from = Date.parse(cert.validFrom);
  const to = Date.parse(cert.validTo);
  return from <= now.getTime() + DAY_MS && to - now.getTime() > RENEW_BEFORE_MS;
}

function isUsableAuthority(pem: string, now: Date): boolean {
  const cert = parse(pem);
  return cert !== null && cert.ca && validLongEnough(cert, now);
}

/** Valid for a while yet, for localhost and 127.0.0.1, and signed by `caPem` (or self-signed). */
export function isUsableServerCertificate(pem: string, caPem: string, now: Date = new Date()): boolean {
  const cert = parse(pem);
  const ca = parse(caPem);
  if (!cert || !ca || !validLongEnough(cert, now)) return false;
  if (cert.checkHost("localhost") === undefined || cert.checkIP("127.0.0.1") === undefined) return false;
  if (pem.trim() === caPem.trim()) return cert.verify(cert.publicKey);
  return cert.checkIssued(ca) && cert.verify(ca.publicKey);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

async function makeAuthority(now: Date): Promise<Pair> {
  let owner = "developer";
  try {
    // selfsigned joins the subject as "CN=..., OU=...": keep to characters that cannot break it.
    owner = `${os.userInfo().username}@${os.hostname()}`.replace(/[^A-Za-z0-9@._-]/g, "_");
  } catch {
    // Some containers have no user name: keep the default.
  }
  const pems = await generate(
    [
      { name: "commonName", value: "Relances development CA" },
      { name: "organizationName", value: "Relances development" },
      { shortName: "OU", value: `${owner} ${randomBytes(4).toString("hex")}` },
    ],
    {
      keyType: "rsa",
      keySize: 2048,
      algorithm: "sha256",
      notBeforeDate: addDays(now, -1),
      notAfterDate: addDays(now, CA_LIFETIME_DAYS),
      extensions: [
        { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
        { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ],
    },
  );
  return { cert: pems.cert, key: pems.private };
}

async function makeLocalhostCertificate(ca: Pair, now: Date): Promise<Pair> {
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "rsa",
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate: addDays(now, -1),
    notAfterDate: addDays(now, LEAF_LIFETIME_DAYS),
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: "basicConstraints", cA: false, critical: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          ...HOSTS.dns.map((value) => ({ type: 2 as const, value })),
          ...HOSTS.ip.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

