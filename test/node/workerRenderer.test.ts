// The run's documents rendered on worker threads are those rendered in one thread: the same files,
// in the same order, under the same names (collisions included), with the same
// journal references. The workers run the built script (npm run build first).
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/plan";
import { produceRunDocuments } from "../../src/engine/runDocuments";
import { stableHash } from "../../src/documents/stableHash";
import { emlDelivery } from "../../src/node/emlDelivery";
import { fileDocumentSink } from "../../src/node/fileDocumentSink";
import { fileTemplateStore } from "../../src/node/fileTemplateStore";
import { workerRenderers } from "../../src/node/workerRenderer";
import { sampleReminders } from "../documents/sampleReminders";

const BUNDLE = new URL("../../dist/cli/render-worker.js", import.meta.url);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-workers-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function produce(plan: Plan, settings: Awaited<ReturnType<typeof sampleReminders>>["settings"], out: string, workers: boolean, script = BUNDLE) {
  const sink = fileDocumentSink(out);
  const templates = fileTemplateStore();
  const mail = emlDelivery(sink);
  const renderers = workers
    ? workerRenderers({ context: { asOf: plan.asOf, settings, templates }, userFolder: undefined, sink, mail, actions: plan.actions.length, minActions: 1, workers: 2, script })
    : { close: async () => undefined };
  try {
    const { documents } = await produceRunDocuments(plan, settings, { templates, sink, mail, ...renderers });
    return { files: sink.files, documents };
  } finally {
    await renderers.close();
  }
}

describe("documents rendered on worker threads", () => {
  it.skipIf(!existsSync(BUNDLE))("are the files one thread renders, letters included, in its order and under its names", async () => {
    const { plan, settings } = await sampleReminders();
    // The sample three times over, under other keys: enough batches for both workers, and names
    // that collide (the copies carry their key's hash).
    const actions = [0, 1, 2].flatMap((copy) => plan.actions.map((a) => (copy === 0 ? a : { ...a, customerKey: `${a.customerKey}#${copy}` })));
    const large: Plan = { ...plan, actions };
    const here = await produce(large, settings, path.join(dir, "here"), false);
    const there = await produce(large, settings, path.join(dir, "there"), true);
    const copied = `${plan.actions[0]!.customerKey}#1`;
    await compareWith(there, here);
    expect(here.files.some((f) => f.includes(`-${stableHash(copied)}.`))).toBe(true);
    // The letters too, made on a worker of their own while the batches are.
    expect(there.files.filter((f) => f.startsWith("courriers/")).length).toBeGreaterThan(0);
    expect((await readdir(path.join(dir, "there"), { recursive: true })).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.skipIf(!existsSync(BUNDLE))("write ahead into the sink's folder, and a run stopped early leaves none of their files behind", async () => {
    const { plan, settings } = await sampleReminders();
    const actions = [0, 1, 2, 3].flatMap((copy) => plan.actions.map((a) => ({ ...a, customerKey: `${a.customerKey}#${copy}` })));
    const out = path.join(dir, "stopped");
    const sink = fileDocumentSink(out);
    const templates = fileTemplateStore();
    const renderers = workerRenderers({ context: { asOf: plan.asOf, settings, templates }, userFolder: undefined, sink, mail: emlDelivery(sink), actions: actions.length, minActions: 1, workers: 2, script: BUNDLE });
    let first: Uint8Array | undefined;
    for await (const rendered of renderers.render!(actions)) {
      first = rendered.statement ?? rendered.court?.bytes;
      if (first !== undefined) break;
    }
    // Written by the worker: what reaches this thread is the temporary file, not the bytes.
    expect(first?.byteLength).toBe(0);
    await renderers.close();
    expect(await readdir(out, { recursive: true }).catch(() => [])).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.(tmp|pdf|eml|docx)$/)]));
  });

  it("that end (out of memory, say) leave their batches to be rendered here", async () => {
    const { plan, settings } = await sampleReminders();
    const large: Plan = { ...plan, actions: [0, 1, 2].flatMap((copy) => plan.actions.map((a) => ({ ...a, customerKey: `${a.customerKey}#${copy}` }))) };
    const here = await produce(large, settings, path.join(dir, "here2"), false);
    const dying = new URL("data:text/javascript,process.exit(1)");
    const there = await produce(large, settings, path.join(dir, "there2"), true, dying);
    await compareWith(there, here, "here2", "there2");
  });
});

async function compareWith(there: { files: readonly string[]; documents: ReadonlyMap<string, unknown> }, here: typeof there, hereDir = "here", thereDir = "there"): Promise<void> {
  expect(there.files).toEqual(here.files);
  expect([...there.documents]).toEqual([...here.documents]);
  for (const file of here.files) {
    const [a, b] = [await readFile(path.join(dir, thereDir, file)), await readFile(path.join(dir, hereDir, file))];
    if (file.endsWith(".eml")) {
      // The attached statement is a PDF as above; the rest of the message byte for byte.
      const [ma, mb] = [await simpleParser(a), await simpleParser(b)];
      expect(ma.attachments.map((x) => pdfContent(x.filename!, x.content)), file).toEqual(mb.attachments.map((x) => pdfContent(x.filename!, x.content)));
      const withoutAttachments = (eml: Buffer): string => eml.toString("latin1").replace(/Content-Type: application\/pdf[\s\S]*?(?=\r\n--)/g, "");
      expect(withoutAttachments(a), file).toBe(withoutAttachments(b));
    } else {
      expect(Buffer.compare(pdfContent(file, a), pdfContent(file, b)), file).toBe(0);
    }
  }
}

/**
 * A document as compared: a PDF with its streams inflated and their lengths left out, since the
 * built bundle deflates them with node's zlib where the sources under vitest use pako (the same
 * content, other bytes); every other file as it is.
 */
function pdfContent(file: string, bytes: Buffer): Buffer {
  if (!file.endsWith(".pdf")) return bytes;
  const text = bytes.toString("latin1");
  const parts: Buffer[] = [];
  const stream = /stream\r?\n/g;
  // What differs with the deflater: the lengths of the streams, and the byte offsets that follow.
  const unplaced = (part: string): Buffer =>
    Buffer.from(part.replace(/\/Length \d+/g, "").replace(/\bxref\b[\s\S]*?\btrailer\b/, "xref trailer").replace(/startxref\s+\d+/, "startxref"), "latin1");
  let at = 0;
  for (let m = stream.exec(text); m !== null; m = stream.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    const raw = bytes.subarray(start, start + text.slice(start, end).replace(/\r?\n$/, "").length);
    parts.push(unplaced(text.slice(at, m.index)), /\/FlateDecode/.test(text.slice(text.lastIndexOf("<<", m.index), m.index)) ? inflateSync(raw) : raw);
    at = end;
    stream.lastIndex = end + "endstream".length;
  }
  parts.push(unplaced(text.slice(at)));
  return Buffer.concat(parts);
}

