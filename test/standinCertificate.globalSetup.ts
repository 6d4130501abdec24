// Before any test file: a certificate authority and a localhost certificate for the Microsoft 365
// stand-in, made in a folder of their own, and that authority trusted by every test process
// (NODE_EXTRA_CA_CERTS is read when a process starts: vitest's forks start after this), as a user
// trusts it with `npm run m365-standin`. msal-node, jose and the Graph client then reach the
// stand-in over real HTTPS with no switch of their own.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDevCertificate } from "../src/server/devCertificate";

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "relances-standin-cert-"));
  const certificate = await getDevCertificate({ dir, env: {} });
  process.env.RELANCES_STANDIN_CERT_DIR = dir;
  process.env.NODE_EXTRA_CA_CERTS = certificate.caPath;
  return () => rmSync(dir, { recursive: true, force: true });
}
