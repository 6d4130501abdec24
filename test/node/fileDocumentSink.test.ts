// The documents' folder on disk: each folder made once, several files in flight but never more
// than the bound, every file whole or not at all, the prepare hook applied, and a failed run's
// documents removed. The file system calls are counted through a mock of node:fs/promises.
import * as fs from "node:fs/promises";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fileDocumentSink } from "../../src/node/fileDocumentSink";
import { StagedFile } from "../../src/node/stagedFile";
import { FileWriteError, temporaryFileFor } from "../../src/writeFileAtomically";

const calls = { mkdir: 0, writing: 0, mostWriting: 0 };
/** A writeFile whose path matches fails with ENOSPC. */
const failing: { match?: RegExp } = {};

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  const mkdir = (async (...args: Parameters<typeof actual.mkdir>) => {
    calls.mkdir++;
    return actual.mkdir(...args);
  }) as typeof actual.mkdir;
  const writeFile = (async (file: unknown, ...rest: unknown[]) => {
    calls.writing++;
    calls.mostWriting = Math.max(calls.mostWriting, calls.writing);
    try {
      // A slow disk: the writes overlap.
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (failing.match !== undefined && typeof file === "string" && failing.match.test(file)) {
        throw Object.assign(new Error("ENOSPC: injected"), { code: "ENOSPC" });
      }
      return await (actual.writeFile as (...args: unknown[]) => Promise<void>)(file, ...rest);
    } finally {
      calls.writing--;
    }
  }) as typeof actual.writeFile;
  return { ...actual, default: { ...actual, mkdir, writeFile }, mkdir, writeFile };
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-sink-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  failing.match = undefined;
  Object.assign(calls, { mkdir: 0, writing: 0, mostWriting: 0 });
});

const names = (count: number): string[] => Array.from({ length: count }, (_, i) => `${["releves", "emails", "courriers"][i % 3]}/document-${i}.txt`);

describe("the documents' folder", () => {
  it("makes each folder once, however many files go into it", async () => {
    const out = path.join(dir, "folders");
    const sink = fileDocumentSink(out);
    for (const name of names(60)) await sink.write(name, name);
    await sink.flush();
    expect(calls.mkdir).toBe(3);
    expect((await readdir(path.join(out, "emails"))).length).toBe(20);
  });

  it("keeps several files in flight, never more than its bound", async () => {
    const sink = fileDocumentSink(path.join(dir, "in-flight"), { inFlight: 4 });
    for (const name of names(40)) await sink.write(name, name);
    await sink.flush();
    expect(calls.mostWriting).toBe(4);
  });

  it("writes each file whole, with what prepare made of it", async () => {
    const out = path.join(dir, "prepared");
    const sink = fileDocumentSink(out, { prepare: async (relative, data) => `${relative}: ${String(data).toUpperCase()}` });
    await sink.write("courriers/a.txt", "bonjour");
    await sink.flush();
    expect(await readFile(path.join(out, "courriers/a.txt"), "utf8")).toBe("courriers/a.txt: BONJOUR");
    expect(sink.files).toEqual(["courriers/a.txt"]);
  });

  it("a file that cannot be written fails the next write or the flush, naming it, and leaves no temporary file", async () => {
    const out = path.join(dir, "full");
    failing.match = /document-7\.txt\.relances-/;
    const sink = fileDocumentSink(out);
    const written = (async () => {
      for (const name of names(30)) await sink.write(name, name);
      await sink.flush();
    })();
    await expect(written).rejects.toThrow(FileWriteError);
    await expect(written).rejects.toThrow(`Impossible d'écrire «${path.join(out, "emails", "document-7.txt")}» : disque plein`);
    await sink.discard();
    const left = await readdir(out, { recursive: true });
    expect(left.filter((f) => f.endsWith(".txt") || f.endsWith(".tmp"))).toEqual([]);
  });

  it("renames a document a worker wrote ahead to the name given, writing nothing itself", async () => {
    const out = path.join(dir, "staged");
    await fs.mkdir(path.join(out, "releves"), { recursive: true });
    const temporary = temporaryFileFor(path.join(out, "releves", "releve-a.pdf"));
    await fs.writeFile(temporary, "%PDF-1.7 ahead");
    Object.assign(calls, { writing: 0, mostWriting: 0 });
    const sink = fileDocumentSink(out, { prepare: async () => "prepared" });
    await sink.write("releves/releve-a-1f2e3d4c.pdf", new StagedFile(temporary));
    await sink.flush();
    expect(await readFile(path.join(out, "releves", "releve-a-1f2e3d4c.pdf"), "utf8")).toBe("%PDF-1.7 ahead");
    expect(await readdir(path.join(out, "releves"))).toEqual(["releve-a-1f2e3d4c.pdf"]);
    expect(calls.mostWriting).toBe(0);
    expect(sink.files).toEqual(["releves/releve-a-1f2e3d4c.pdf"]);
  });

  it("a document written ahead but refused after a failure is removed, and one that cannot be renamed names its file", async () => {
    const out = path.join(dir, "staged-failed");
    await fs.mkdir(path.join(out, "emails"), { recursive: true });
    failing.match = /first\.txt\.relances-/;
    const sink = fileDocumentSink(out);
    await sink.write("emails/first.txt", "x");
    await sink.settle();
    const temporary = temporaryFileFor(path.join(out, "emails", "second.eml"));
    await fs.writeFile(temporary, "ahead");
    await expect(sink.write("emails/second.eml", new StagedFile(temporary))).rejects.toThrow(FileWriteError);
    expect(await readdir(path.join(out, "emails"))).toEqual([]);
    const gone = new StagedFile(path.join(out, "emails", ".missing.relances-1-00000000.tmp"));
    const other = fileDocumentSink(out);
    await other.write("emails/third.eml", gone);
    await expect(other.flush()).rejects.toThrow(path.join(out, "emails", "third.eml"));
  });

  it("discard removes every document taken, those still in flight included", async () => {
    const out = path.join(dir, "discarded");
    const sink = fileDocumentSink(out);
    for (const name of names(12)) await sink.write(name, name);
    await sink.discard();
    expect((await readdir(out, { recursive: true })).filter((f) => f.endsWith(".txt"))).toEqual([]);
  });
});

// The mock is used: the counts above are of real calls.
it("counts the file system's calls through the mock", async () => {
  await fs.mkdir(path.join(dir, "counted"), { recursive: true });
  expect(calls.mkdir).toBe(1);
});
