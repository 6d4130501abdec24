// `npm start` (relances demo, then relances serve) prints a short screen: where the demo's files
// are, the URL, how to sideload and how to trust the certificate, the details behind --verbose.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startupMessage, type CliIo } from "../../src/cli/relances";
import type { DevCertificate } from "../../src/server/devCertificate";

const CA = "/home/assistante/.relances/dev-certs/ca.crt";
const certificate: DevCertificate = { key: "", cert: "", ca: "", caPath: CA, created: false, source: "relances", dir: path.dirname(CA) };
const server = { url: "https://localhost:3000/", certificate };
const MANIFEST = "/projets/relances/manifest.xml";

let dir: string;
let demoScreen: string[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-start-"));
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), env: {} };
  expect(await runCli(["demo", "--out", path.join(dir, "relances-demo")], io)).toBe(0);
  demoScreen = out.join("\n").trimEnd().split("\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the screen of npm start", () => {
  it("is at most 15 lines for the demo and the server together", () => {
    const serve = startupMessage(server, MANIFEST, 3000, false).trimEnd().split("\n");
    expect(demoScreen.length + serve.length).toBeLessThanOrEqual(15);
  });

  it("says where the demo's files are and which workbook to continue with, French first", () => {
    const text = demoScreen.join("\n");
    expect(text).toContain(path.join(dir, "relances-demo", "exemple", "suivi-encaissements-exemple.xlsx"));
    expect(text).toContain(`Pour la prochaine relance, ouvrez et utilisez ce classeur : ${path.join(dir, "relances-demo", "suivi-encaissements-exemple.xlsx")}`);
    expect(text.indexOf("Relance du 30/06/2026")).toBeLessThan(text.indexOf("Run of 2026-06-30"));
    expect(text).toContain("--verbose");
    expect(text).not.toMatch(/Mise en demeure\s+SCI/); // the plan's table is behind --verbose
  });

  it("gives the URL, one line on sideloading pointing to the README and one on trusting the certificate, per language", () => {
    const lines = startupMessage(server, MANIFEST, 3000, false).split("\n");
    expect(lines[0]).toContain("complément servi sur https://localhost:3000/");
    expect(lines[1]).toContain("add-in served at https://localhost:3000/");
    const sideload = lines.filter((l) => l.includes(MANIFEST));
    expect(sideload).toHaveLength(2);
    expect(sideload.every((l) => l.includes("README") && l.includes("manifest.outlook.xml"))).toBe(true);
    const trust = lines.filter((l) => l.includes(CA));
    expect(trust).toHaveLength(2);
    expect(trust[0]).toMatch(/^Certificat : approuvez/);
    expect(trust[1]).toMatch(/^Certificate: trust/);
    expect(lines.join("\n")).not.toMatch(/certutil|security add-trusted-cert|office-addin-debugging/);
  });

  it("keeps the trusting and sideloading commands behind --verbose", () => {
    const text = startupMessage(server, MANIFEST, 3000, true);
    for (const command of ["certutil -user -addstore Root", "security add-trusted-cert", "update-ca-certificates", "office-addin-debugging start manifest.xml desktop"]) {
      expect(text).toContain(command);
    }
  });

  it("names office-addin-dev-certs' certificate as already trusted in one line per language", () => {
    const lines = startupMessage(server, MANIFEST, 3000, false).split("\n");
    const theirs = startupMessage({ ...server, certificate: { ...certificate, source: "office-addin-dev-certs" } }, MANIFEST, 3000, false).split("\n");
    expect(theirs).toHaveLength(lines.length);
    expect(theirs.filter((l) => l.includes("office-addin-dev-certs"))).toHaveLength(2);
  });
});
