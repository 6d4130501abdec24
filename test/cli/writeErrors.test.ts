// Disk full, permission and read-only errors while `run` writes: one French / English line naming
// the file, no stack, and every file written whole or not at all. The errors are injected into
// node:fs/promises (the tests run as root, whom chmod does not stop).
import { mkdtemp, readdir, rm } from "node:fs/promises";
import * as fs from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/relances";
import { writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { capture, sha } from "../helpers/cli";

/** The next writeFile whose path matches fails with this code. */
const failing: { match?: RegExp; code?: string } = {};

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  const writeFile = (async (file: unknown, ...rest: unknown[]) => {
    if (failing.match !== undefined && typeof file === "string" && failing.match.test(file)) {
      const error = Object.assign(new Error(`${failing.code}: injected, open '${file}'`), { code: failing.code });
      throw error;
    }
    return (actual.writeFile as (...args: unknown[]) => Promise<void>)(file, ...rest);
  }) as typeof actual.writeFile;
  return { ...actual, default: { ...actual, writeFile }, writeFile };
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-write-errors-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  failing.match = undefined;
});

async function sampleIn(name: string): Promise<string> {
  await fs.mkdir(path.join(dir, name), { recursive: true });
  const file = path.join(dir, name, "suivi.xlsx");
  await writeSampleWorkbook(file);
  return file;
}

const CASES: readonly [string, RegExp][] = [
  ["ENOSPC", /Impossible d'écrire «.*» : disque plein .* \/ cannot write «.*»: the disk is full/],
  ["EACCES", /Impossible d'écrire «.*» : accès refusé .* \/ cannot write «.*»: permission denied/],
  ["EPERM", /Impossible d'écrire «.*» : opération non permise/],
  ["EROFS", /Impossible d'écrire «.*» : le disque est en lecture seule .* \/ cannot write «.*»: the disk is read-only/],
];

describe("run: an error while writing the copy", () => {
  for (const [code, message] of CASES) {
    it(`${code}: one line naming the copy, no copy and no temporary file left, no document, nothing journalled`, async () => {
      const file = await sampleIn(`copie-${code}`);
      const out = path.join(dir, `copie-${code}`, "sortie");
      const output = path.join(out, "suivi.xlsx");
      failing.code = code;
      failing.match = new RegExp(`${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[/\\\\]\\.suivi\\.xlsx\\.relances-`);
      const { io, err } = capture();
      expect(await runCli(["run", file, "--as-of", "2026-06-30", "--out", out], io)).toBe(1);
      expect(err()).toMatch(message);
      expect(err()).toContain(`«${output}»`);
      expect(err()).toMatch(/rien n'a été journalisé .* \/ .*nothing was journalled/);
      expect(err().split("\n")).toHaveLength(1);
      expect(err()).not.toMatch(/\n\s+at |injected/);
      const left = await readdir(out, { recursive: true }).catch(() => [] as string[]);
      expect(left.filter((f) => /\.(xlsx|eml|docx|pdf|tmp)$/.test(f))).toEqual([]);
    });
  }
});

describe("run --in-place: an error while writing the workbook", () => {
  it("leaves the workbook as it was, and no previous version beside it", async () => {
    const file = await sampleIn("sur-place");
    const before = await sha(file);
    failing.code = "ENOSPC";
    failing.match = new RegExp(`sur-place[/\\\\]\\.suivi\\.xlsx\\.relances-`);
    const { io, err } = capture();
    expect(await runCli(["run", file, "--as-of", "2026-06-30", "--in-place"], io)).toBe(1);
    expect(err()).toContain("disque plein");
    expect(await sha(file)).toBe(before);
    expect(await readdir(path.dirname(file))).toEqual(["suivi.xlsx"]);
  });
});

describe("run: an error while writing a document", () => {
  it("names the document in one line", async () => {
    const file = await sampleIn("document");
    const out = path.join(dir, "document", "sortie");
    failing.code = "ENOSPC";
    failing.match = /[/\\]courriers[/\\]\.mise-en-demeure-2026-06-30\.docx\.relances-/;
    const { io, err } = capture();
    expect(await runCli(["run", file, "--as-of", "2026-06-30", "--out", out], io)).toBe(1);
    expect(err()).toContain(`Impossible d'écrire «${path.join(out, "courriers", "mise-en-demeure-2026-06-30.docx")}» : disque plein`);
    expect(err().split("\n")).toHaveLength(1);
    await expect(readdir(out)).resolves.not.toContain("suivi.xlsx");
  });
});
