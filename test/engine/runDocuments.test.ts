// The engine's documents through its ports: the same documents in memory as on disk, the mail
// delivery's answer as the journal's Référence, progress counted, templates asked through the store.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReminderLevel } from "../../src/core/reminderLevel";
import type { ReminderEmail } from "../../src/documents/reminderEmail";
import type { Language } from "../../src/documents/reminderData";
import { writeRunDocuments } from "../../src/node/writeRunDocuments";
import { MemoryDocumentSink } from "../../src/engine/memoryDocumentSink";
import { memoryTemplateStore } from "../../src/engine/memoryTemplateStore";
import type { MailDelivery } from "../../src/engine/mailDelivery";
import { produceRunDocuments } from "../../src/engine/runDocuments";
import type { TemplateStore } from "../../src/engine/templateStore";
import { deflateDocuments } from "../../src/node/deflateDocuments";
import { emlDelivery } from "../../src/node/emlDelivery";
import { sampleReminders } from "../documents/sampleReminders";
import { shippedTemplates } from "./shippedTemplates";

let dir: string;
let shipped: TemplateStore;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-engine-docs-"));
  shipped = await shippedTemplates();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytesOf = (data: Uint8Array | string): Buffer => Buffer.from(typeof data === "string" ? Buffer.from(data, "utf8") : data);

describe("the engine's documents", () => {
  it("in memory are the documents a run writes on disk (deflated there), byte for byte, under the same names", async () => {
    const { plan, settings } = await sampleReminders();
    const sink = new MemoryDocumentSink();
    const result = await produceRunDocuments(plan, settings, { templates: shipped, sink, mail: emlDelivery(sink) });
    const out = path.join(dir, "disk");
    const onDisk = await writeRunDocuments(plan, settings, out);
    expect([...sink.files.keys()]).toEqual(onDisk.files);
    for (const [relative, data] of sink.files) {
      expect(bytesOf(await deflateDocuments(relative, data)).equals(await readFile(path.join(out, relative))), relative).toBe(true);
    }
    // The Word packages leave the engine stored and reach the disk deflated by zlib.
    const letter = [...sink.files.keys()].find((f) => f.endsWith(".docx"))!;
    expect((await readFile(path.join(out, letter))).length).toBeLessThan(bytesOf(sink.files.get(letter)!).length / 2);
    expect(result.documents).toEqual(onDisk.documents);
    expect(result.count).toBe(sink.files.size);
  });

  it("an e-mail's Référence is what the mail delivery answers, and no file is written for it", async () => {
    const { plan, settings } = await sampleReminders();
    const sink = new MemoryDocumentSink();
    const delivered: { email: ReminderEmail; name: string }[] = [];
    const drafts: MailDelivery = {
      async deliver(email, name) {
        delivered.push({ email, name });
        return `brouillon-${delivered.length}`;
      },
    };
    const result = await produceRunDocuments(plan, settings, { templates: shipped, sink, mail: drafts });
    const emailed = plan.actions.filter((a) => a.channel === "email" && a.level < 4);
    expect(emailed.length).toBeGreaterThan(0);
    expect(delivered).toHaveLength(emailed.length);
    expect(emailed.map((a) => result.documents.get(a.customerKey)?.reference)).toEqual(emailed.map((_, i) => `brouillon-${i + 1}`));
    expect(delivered.every(({ name }) => /^emails\/.+\.eml$/.test(name))).toBe(true);
    expect([...sink.files.keys()].filter((f) => f.startsWith("emails/"))).toEqual([]);
  });

  it("a delivery that gathers e-mails gets them all before any answers, and each Référence is its own answer", async () => {
    const { plan, settings } = await sampleReminders();
    const waiting: { name: string; answer: (reference: string) => void }[] = [];
    let flushedWith = -1;
    const batching: MailDelivery = {
      deliver: (_email, name) => new Promise<string>((answer) => waiting.push({ name, answer })),
      async flush() {
        flushedWith = waiting.length;
        // Answered in the reverse order, as batches may come back.
        for (const { name, answer } of [...waiting].reverse()) answer(`draft:${name}`);
      },
    };
    const result = await produceRunDocuments(plan, settings, { templates: shipped, sink: new MemoryDocumentSink(), mail: batching });
    const emailed = plan.actions.filter((a) => a.channel === "email" && a.level < 4);
    expect(flushedWith).toBe(emailed.length);
    for (const action of emailed) expect(result.documents.get(action.customerKey)?.reference).toMatch(/^draft:emails\/.+\.eml$/);
    // The documents keep the plan's order, whatever order the answers came in.
    const order = [...result.documents.keys()];
    expect(emailed.map((a) => order.indexOf(a.customerKey))).toEqual([...emailed.map((a) => order.indexOf(a.customerKey))].sort((x, y) => x - y));
  });

  it("a failed delivery fails the documents step only once every other delivery has answered", async () => {
    const { plan, settings } = await sampleReminders();
    const answers: (() => void)[] = [];
    let answered = 0;
    const failing: MailDelivery = {
      deliver: (_email, name) =>
        new Promise<string>((resolve, reject) => {
          const first = answers.length === 0;
          answers.push(() => {
            answered++;
            if (first) reject(new Error("boîte pleine / mailbox full"));
            else resolve(name);
          });
        }),
      async flush() {
        for (const answer of answers) setTimeout(answer, 5);
      },
    };
    await expect(produceRunDocuments(plan, settings, { templates: shipped, sink: new MemoryDocumentSink(), mail: failing })).rejects.toThrow("mailbox full");
    expect(answered).toBe(answers.length);
    expect(answers.length).toBeGreaterThan(1);
  });

  it("counts each document written as it goes", async () => {
    const { plan, settings } = await sampleReminders();
    const sink = new MemoryDocumentSink();
    const counts: number[] = [];
    const progress = { rowsRead: () => undefined, documentsWritten: (n: number) => counts.push(n) };
    await produceRunDocuments(plan, settings, { templates: shipped, sink, mail: emlDelivery(sink), progress });
    expect(counts).toEqual(Array.from({ length: sink.files.size }, (_, i) => i + 1));
  });

  it("asks the store for the templates of each level and language it makes", async () => {
    const { plan, settings } = await sampleReminders();
    const asked = new Set<string>();
    const store: TemplateStore = {
      word: (level: ReminderLevel, lang: Language) => (asked.add(`word ${level} ${lang}`), shipped.word(level, lang)),
      email: (level: ReminderLevel, lang: Language) => (asked.add(`email ${level} ${lang}`), shipped.email(level, lang)),
    };
    const sink = new MemoryDocumentSink();
    await produceRunDocuments(plan, settings, { templates: store, sink, mail: emlDelivery(sink) });
    const wanted = new Set<string>();
    for (const action of plan.actions) {
      const lang = action.customer.language === "en" && action.level < 4 ? "en" : "fr";
      if (action.level === 4 || action.channel === "courrier" || action.channel === "recommandé") wanted.add(`word ${action.level} ${lang}`);
      else if (action.channel === "email") wanted.add(`email ${action.level} ${lang}`);
    }
    expect([...asked].sort()).toEqual([...wanted].sort());
  });

  it("a template missing from the store stops the run with a message naming it", async () => {
    const { plan, settings } = await sampleReminders();
    const sink = new MemoryDocumentSink();
    const empty = memoryTemplateStore(new Map());
    await expect(produceRunDocuments(plan, settings, { templates: empty, sink, mail: emlDelivery(sink) })).rejects.toThrow(
      /Modèle «(fr|en)\/\w+\.(docx|subject\.txt|html|txt)» introuvable \/ template .* not found/,
    );
  });
});
