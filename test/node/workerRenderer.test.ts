// The run's documents rendered on worker threads are those rendered in one thread: the same files,
// byte for byte, in the same order, under the same names (collisions included), with the same
// journal references. The workers run the built bundle (npm run build first).
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/plan";
import { produceRunDocuments } from "../../src/engine/runDocuments";
import { stableHash } from "../../src/documents/stableHash";
import { emlDelivery } from "../../src/node/emlDelivery";
import { fileDocumentSink } from "../../src/node/fileDocumentSink";
import { fileTemplateStore } from "../../src/node/fileTemplateStore";
import { workerRenderers } from "../../src/node/workerRenderer";
import { sampleReminders } from "../documents/sampleReminders";

const BUNDLE = new URL("../../dist/cli/relances.js", import.meta.url);

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
  it.skipIf(!existsSync(BUNDLE))("are the files one thread renders, in its order and under its names", async () => {
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
    expect(Buffer.compare(await readFile(path.join(dir, thereDir, file)), await readFile(path.join(dir, hereDir, file))), file).toBe(0);
  }
}

