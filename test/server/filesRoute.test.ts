// The files route over real HTTPS, with the server's development certificate: the pane's files
// written whole under the output folder and served back by link; any path outside the run's
// layout refused, nothing written.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDevCertificate } from "../../src/server/devCertificate";
import { isRunFilePath, outputFolder } from "../../src/server/filesRoute";
import { createAddinServer, type AddinServer } from "../../src/server/server";
import { get, send, type Reply } from "./addinServerClient";

let server: AddinServer;
let ca: string;
let outputDir: string;
const temporary: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

beforeAll(async () => {
  const certificate = await getDevCertificate({ dir: tempDir("relances-files-certs-"), env: {} });
  ca = certificate.ca;
  outputDir = path.join(tempDir("relances-files-out-"), "sorties");
  server = await createAddinServer({ root: tempDir("relances-files-root-"), port: 0, certificate, outputDir });
});

afterAll(async () => {
  await server?.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function post(body: string, headers: Record<string, string> = { "Content-Type": "application/json" }): Promise<Reply> {
  return send(new URL("/api/files", server.url).href, { ca, method: "POST", headers, body });
}

const filesBody = (files: { path: string; bytes: Buffer }[]) =>
  JSON.stringify({ files: files.map((file) => ({ path: file.path, type: "application/octet-stream", base64: file.bytes.toString("base64") })) });

/** Every file under the output folder, relative. */
function written(): string[] {
  try {
    return (readdirSync(outputDir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(outputDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  } catch {
    return [];
  }
}

describe("POST /api/files over HTTPS", () => {
  it("writes each file whole into a run folder of its own and serves it back by its link", async () => {
    const letter = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256));
    const email = Buffer.from("Subject: Relance n°1 – é\r\n\r\nBonjour", "utf8");
    const reply = await post(filesBody([
      { path: "courriers/relance-2-2026-06-30.docx", bytes: letter },
      { path: "emails/2026-06-30-reminder1-sci-x.eml", bytes: email },
    ]));
    expect(reply.status).toBe(201);
    const answer = JSON.parse(reply.body.toString("utf8")) as { folder: string; index: string; links: { path: string; url: string }[] };
    expect(answer.links.map((link) => link.path)).toEqual(["courriers/relance-2-2026-06-30.docx", "emails/2026-06-30-reminder1-sci-x.eml"]);
    expect(readFileSync(path.join(outputDir, answer.folder, "courriers", "relance-2-2026-06-30.docx")).equals(letter)).toBe(true);
    expect(readFileSync(path.join(outputDir, answer.folder, "emails", "2026-06-30-reminder1-sci-x.eml")).equals(email)).toBe(true);

    const back = await get(new URL(answer.links[0]!.url, server.url).href, ca);
    expect(back.status).toBe(200);
    expect(back.body.equals(letter)).toBe(true);
    expect(String(back.headers["content-disposition"])).toContain("relance-2-2026-06-30.docx");

    const index = await get(new URL(answer.index, server.url).href, ca);
    expect(index.status).toBe(200);
    expect(index.body.toString("utf8")).toContain(`href="${answer.links[1]!.url}"`);
  });

  it("refuses a path out of the run's layout, and writes nothing of the request", async () => {
    const before = written();
    for (const bad of ["../evil.pdf", "courriers/../../evil.pdf", "/etc/evil.pdf", "courriers\\..\\evil.pdf", "autre/x.pdf", ".cache.pdf", "courriers/x.exe", "courriers/sub/x.pdf", "CON.pdf"]) {
      const reply = await post(filesBody([{ path: "releves/ok.pdf", bytes: Buffer.from("ok") }, { path: bad, bytes: Buffer.from("x") }]));
      expect(reply.status, bad).toBe(400);
    }
    expect(written()).toEqual(before);
  });

  it("does not serve a file outside the run folder through an encoded path", async () => {
    const reply = await post(filesBody([{ path: "releves/releve.pdf", bytes: Buffer.from("%PDF") }]));
    const { folder } = JSON.parse(reply.body.toString("utf8")) as { folder: string };
    for (const raw of [`/api/files/${folder}/..%2F..%2Fsecret.pdf`, `/api/files/${folder}/releves/..%2F..%2F..%2Fetc%2Fpasswd`, `/api/files/..%2F${folder}/releves/releve.pdf`]) {
      const back = await get(server.url, ca, raw);
      expect(back.status, raw).toBe(404);
    }
  });

  it("takes only JSON, and only from the pane's own origin", async () => {
    const body = filesBody([{ path: "releves/r.pdf", bytes: Buffer.from("x") }]);
    expect((await post(body, { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await post(body, { "Content-Type": "application/json", Origin: "https://evil.example" })).status).toBe(403);
    expect((await post("{not json", { "Content-Type": "application/json" })).status).toBe(400);
    expect((await post(JSON.stringify({ files: [{ path: "releves/r.pdf", base64: "###" }] }))).status).toBe(400);
  });
});

describe("the run's layout and the output folder", () => {
  it("takes the folders a run writes and the files at its root", () => {
    expect(isRunFilePath("injonctions/injonction-2026-06-30-sci-x.docx")).toBe(true);
    expect(isRunFilePath("relances-2026-06-30.xlsx")).toBe(true);
    expect(isRunFilePath("courriers/ré-2.docx")).toBe(true);
    expect(isRunFilePath("courriers/..docx")).toBe(false);
    expect(isRunFilePath("modeles/fr/reminder1.html")).toBe(true);
    expect(isRunFilePath("modeles/de/reminder1.html")).toBe(false);
    expect(isRunFilePath("courriers/x.html")).toBe(false);
    expect(isRunFilePath("modeles/fr/../x.html")).toBe(false);
  });

  it("is RELANCES_OUTPUT when set, else relances-sorties in the current folder", () => {
    expect(outputFolder({ RELANCES_OUTPUT: "/srv/relances" })).toBe(path.resolve("/srv/relances"));
    expect(outputFolder({})).toBe(path.resolve("relances-sorties"));
  });
});
