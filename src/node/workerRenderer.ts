// The run's statements, court files and e-mails rendered on worker threads: each action's documents
// depend on that action alone (the engine's renderAction), so batches of actions go to as many
// workers as the machine has cores, and their documents come back in the plan's order. The engine
// still names and writes every document, in that order, so that names and the journal's Référence
// are those of a run rendered in one thread. A worker is this same bundle, started again.
// Into a folder on disk (a file sink), a worker writes each document itself, as a temporary file
// beside the name asked for (a StagedFile), so that the bytes do not cross threads and the writing
// is shared by the cores; the sink then only renames it to the name the engine gives.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { dayToIso } from "../core/day";
import type { PlannedAction } from "../core/plan";
import type { Settings } from "../core/settings";
import { asciiSlug } from "../documents/asciiSlug";
import type { DocumentSink } from "../engine/documentSink";
import type { MailDelivery } from "../engine/mailDelivery";
import { renderAction, type ActionRenderer, type RenderContext, type RenderedAction } from "../engine/runDocuments";
import { emlFile } from "../mail/emlFile";
import { temporaryFileFor } from "../writeFileAtomically";
import { deflateDocuments } from "./deflateDocuments";
import type { FileDocumentSink } from "./fileDocumentSink";
import { fileTemplateStore } from "./fileTemplateStore";
import { StagedFile } from "./stagedFile";

const WORKER_KIND = "relances-document-renderer";
/** Actions per message: enough to make a message's cost small, few enough to keep the workers busy alike. */
const BATCH = 32;
/** Batches handed to each worker ahead of the one being written: bounds the documents held in memory. */
const AHEAD = 3;
/** Below this many actions, starting workers costs more than it saves. */
const MIN_ACTIONS = 400;

interface WorkerSetup {
  readonly kind: typeof WORKER_KIND;
  readonly asOf: RenderContext["asOf"];
  readonly settings: Settings;
  readonly userFolder: string | undefined;
  /** The output folder the worker writes its documents into (temporary files), Word packages deflated or not. */
  readonly stage?: { readonly outDir: string; readonly deflate: boolean } | undefined;
}

/** A document as it crosses threads: its bytes, or the path of the temporary file holding them. */
type WireBytes = Uint8Array | string;

/** An action's documents as they cross threads (the e-mail as its .eml file). */
interface WireAction {
  readonly statement?: WireBytes | undefined;
  readonly court?: { readonly name: string; readonly bytes: WireBytes } | undefined;
  readonly email?: { readonly name: string; readonly eml: WireBytes } | undefined;
}

type Reply =
  | { readonly id: number; readonly actions: readonly WireAction[] }
  | { readonly id: number; readonly failed: number }
  /** The worker ended before it answered (out of memory on a huge account...): the batch is rendered here. */
  | { readonly id: number; readonly lost: true };

interface Job {
  readonly id: number;
  readonly actions: PlannedAction[];
}

/** The worker's side: renders each batch it is sent, or says which action failed. */
function serveRenders(setup: WorkerSetup): void {
  // A worker's errors are never shown (the action is rendered again on the main thread, which
  // throws its own): no stack is captured for them (nodemailer makes one per e-mail part).
  Error.stackTraceLimit = 0;
  const port = parentPort!;
  const stage = setup.stage;
  const statementName = (action: PlannedAction): string => `releves/releve-${dayToIso(setup.asOf)}-${asciiSlug(action.customer.name)}.pdf`;
  const folders = new Set<string>();
  /** The temporary file now holding `bytes`, beside `relative`; or the bytes, for the main thread to write (and to name the file if that fails again). */
  const staged = async (relative: string, bytes: Uint8Array, written: string[]): Promise<WireBytes> => {
    if (stage === undefined) return bytes;
    const file = path.join(stage.outDir, relative);
    const temporary = temporaryFileFor(file);
    try {
      const data = stage.deflate ? await deflateDocuments(relative, bytes) : bytes;
      const dir = path.dirname(file);
      if (!folders.has(dir)) {
        mkdirSync(dir, { recursive: true });
        folders.add(dir);
      }
      // Synchronous: a worker has nothing else to do meanwhile, and no thread-pool round trips.
      writeFileSync(temporary, data as Uint8Array, { flag: "wx" });
      written.push(temporary);
      return temporary;
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Swept by the next run (sweepTemporaryFiles).
      }
      return bytes;
    }
  };
  const context: RenderContext = { asOf: setup.asOf, settings: setup.settings, templates: fileTemplateStore(setup.userFolder) };
  let eml: Uint8Array | undefined;
  const mail: MailDelivery = {
    async deliver(email, name) {
      eml = await emlFile(email.message);
      return name;
    },
  };
  let queue = Promise.resolve();
  port.on("message", (message: Job) => {
    queue = queue.then(async () => {
      const out: WireAction[] = [];
      const transfer: ArrayBuffer[] = [];
      const written: string[] = [];
      // Moved rather than copied, when the bytes have their buffer to themselves (not a slice of a pool).
      const keep = (data: WireBytes): WireBytes => {
        if (typeof data !== "string" && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) transfer.push(data.buffer as ArrayBuffer);
        return data;
      };
      for (let i = 0; i < message.actions.length; i++) {
        let rendered: RenderedAction;
        try {
          const action = message.actions[i]!;
          rendered = await renderAction(action, context, mail);
          let email: WireAction["email"];
          if (rendered.email !== undefined) {
            await rendered.email.deliver(rendered.email.name);
            email = { name: rendered.email.name, eml: keep(await staged(rendered.email.name, eml!, written)) };
          }
          const court = rendered.court;
          out.push({
            statement: rendered.statement === undefined ? undefined : keep(await staged(statementName(action), rendered.statement, written)),
            court: court === undefined ? undefined : { name: court.name, bytes: keep(await staged(court.name, court.bytes, written)) },
            email,
          });
        } catch {
          for (const temporary of written) {
            try {
              rmSync(temporary, { force: true });
            } catch {
              // Swept by the next run (sweepTemporaryFiles).
            }
          }
          port.postMessage({ id: message.id, failed: i } satisfies Reply);
          return;
        }
      }
      // A statement also attached to an e-mail is its own buffer; the same buffer is listed once.
      port.postMessage({ id: message.id, actions: out } satisfies Reply, [...new Set(transfer)]);
    });
  });
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.kind === WORKER_KIND) serveRenders(workerData as WorkerSetup);

/** This module as a worker's script, when it runs from a bundle (a .ts source under a test runner cannot be started so). */
function workerScript(): URL | undefined {
  const url = new URL(import.meta.url);
  return url.protocol === "file:" && url.pathname.endsWith(".js") ? url : undefined;
}

export interface WorkerRendererOptions {
  readonly context: RenderContext;
  /** The user's own templates folder, which the workers' template stores read too. */
  readonly userFolder: string | undefined;
  /** Where an e-mail rendered on a worker goes, as its .eml file (the command line's mail delivery). */
  readonly sink: DocumentSink;
  /** The mail delivery of an action rendered here (its error, when a worker failed on it). */
  readonly mail: MailDelivery;
  /** How many actions the plan has: few are rendered here, as starting workers would cost more. */
  readonly actions: number;
  /** Workers to start (the machine's cores by default). */
  readonly workers?: number | undefined;
  /** Fewest actions worth starting workers for (400 by default). */
  readonly minActions?: number | undefined;
  /** The workers' script (this bundle by default; a test names the built one). */
  readonly script?: URL | undefined;
}

/** The engine's renderers on worker threads, or none (the engine renders here) for a small plan. */
export interface WorkerRenderers {
  readonly render?: ActionRenderer | undefined;
  /** Ends the workers (their memory with them), once the documents are made or the run failed. */
  close(): Promise<void>;
}

/**
 * Renderers on worker threads, for produceRunDocuments' ports; none for a plan of few actions, or
 * when this code is not a bundle that a worker can start (a .ts source under a test runner).
 * Idle workers do not keep the process alive; close() ends them.
 * @example produceRunDocuments(plan, settings, { ...ports, ...workerRenderers({ context, userFolder, sink, mail, actions: plan.actions.length }) })
 */
export function workerRenderers(options: WorkerRendererOptions): WorkerRenderers {
  const script = options.script ?? workerScript();
  const count = Math.min(options.workers ?? os.availableParallelism(), Math.ceil(options.actions / BATCH));
  if (script === undefined || options.actions < (options.minActions ?? MIN_ACTIONS) || count < 2) return { close: async () => undefined };
  const { context, sink, mail } = options;
  const files = sink as Partial<FileDocumentSink>;
  // Written ahead by the workers only into a file sink whose preparing they can do alike.
  const stage =
    typeof files.outDir === "string" && (files.prepare === undefined || files.prepare === deflateDocuments)
      ? { outDir: files.outDir, deflate: files.prepare === deflateDocuments }
      : undefined;
  const setup: WorkerSetup = { kind: WORKER_KIND, asOf: context.asOf, settings: context.settings, userFolder: options.userFolder, stage };
  /** The documents written ahead and handed to the engine: removed at close if no sink took them. */
  const handed = new Set<StagedFile>();
  const bytesOf = (data: WireBytes): Uint8Array => {
    if (typeof data !== "string") return data;
    const file = new StagedFile(data);
    handed.add(file);
    return file;
  };
  /** Batches sent whose answer was not taken (a run stopped): their documents are removed at close. */
  const unanswered = new Set<number>();
  let workers: Worker[] | undefined;
  const replies = new Map<number, Reply>();
  const waiting = new Map<number, (reply: Reply) => void>();
  let broken = false;
  let nextId = 0;
  // A worker keeps the process alive only while an answer is awaited from it.
  const pending = new Map<Worker, number>();
  const busy = (worker: Worker, change: number): void => {
    const now = (pending.get(worker) ?? 0) + change;
    pending.set(worker, now);
    if (now === 0) worker.unref();
    else if (now === change) worker.ref();
  };
  const started = (): Worker[] => {
    if (workers !== undefined) return workers;
    workers = Array.from({ length: count }, () => new Worker(script, { workerData: setup }));
    for (const worker of workers) {
      worker.unref();
      worker.on("message", (reply: Reply) => {
        busy(worker, -1);
        const waiter = waiting.get(reply.id);
        if (waiter === undefined) replies.set(reply.id, reply);
        else {
          waiting.delete(reply.id);
          waiter(reply);
        }
      });
      // A worker that ends (out of memory, say) loses the batches it had: they are rendered here.
      worker.on("exit", () => {
        broken = true;
        for (const [id, waiter] of waiting) waiter({ id, lost: true });
        waiting.clear();
      });
    }
    return workers;
  };
  const send = (worker: Worker, job: Job): void => {
    busy(worker, 1);
    worker.postMessage(job);
  };
  const reply = (id: number): Promise<Reply> => {
    unanswered.delete(id);
    const ready = replies.get(id);
    if (ready !== undefined) {
      replies.delete(id);
      return Promise.resolve(ready);
    }
    if (broken) return Promise.resolve({ id, lost: true });
    return new Promise((resolve) => waiting.set(id, resolve));
  };

  async function* render(actions: readonly PlannedAction[]): AsyncIterable<RenderedAction> {
    const pool = started();
    const batches = Math.ceil(actions.length / BATCH);
    const ids: number[] = [];
    const sendBatch = (): void => {
      const batch = ids.length;
      const id = nextId++;
      ids.push(id);
      unanswered.add(id);
      send(pool[id % pool.length]!, { id, actions: actions.slice(batch * BATCH, (batch + 1) * BATCH) });
    };
    try {
      while (ids.length < Math.min(batches, pool.length * AHEAD)) sendBatch();
      for (let batch = 0; batch < batches; batch++) {
        const answer = await reply(ids[batch]!);
        if (ids.length < batches) sendBatch();
        if ("lost" in answer) {
          for (const action of actions.slice(batch * BATCH, (batch + 1) * BATCH)) yield await renderAction(action, context, mail);
          continue;
        }
        if ("failed" in answer) {
          // Rendered again here, the action throws its own error (a TemplateError names the tag).
          const at = batch * BATCH + answer.failed;
          for (let i = batch * BATCH; i < at; i++) yield await renderAction(actions[i]!, context, mail);
          await renderAction(actions[at]!, context, mail);
          throw new Error(`Le document de «${actions[at]!.customer.name}» n'a pu être rendu / the document of «${actions[at]!.customer.name}» could not be rendered`);
        }
        // The whole batch handed at once: a run stopped within it still removes the files of the rest.
        const batchActions = answer.actions.map((wire): RenderedAction => {
          const email = wire.email === undefined ? undefined : { name: wire.email.name, eml: bytesOf(wire.email.eml) };
          return {
            statement: wire.statement === undefined ? undefined : bytesOf(wire.statement),
            court: wire.court === undefined ? undefined : { name: wire.court.name, bytes: bytesOf(wire.court.bytes) },
            email: email === undefined ? undefined : { name: email.name, deliver: (name) => sink.write(name, email.eml).then(() => name) },
          };
        });
        yield* batchActions;
      }
    } finally {
      // Ended before the letters are merged (here): their heaps would add to the letters' peak.
      await close();
    }
  }

  const close = async (): Promise<void> => {
    const pool = workers;
    // The answers still coming (a run stopped) are awaited, so that the files they wrote are removed.
    const late = await Promise.all([...unanswered].map(reply));
    const temporaries = late.flatMap((answer) => ("actions" in answer ? answer.actions.flatMap(wireFiles) : []));
    await Promise.all([...temporaries.map((t) => new StagedFile(t)), ...handed].map((file) => file.removeUnlessTaken()));
    handed.clear();
    workers = undefined;
    if (pool !== undefined) await Promise.all(pool.map((worker) => worker.terminate()));
  };
  return { render, close };
}

/** The temporary files an action's documents were written into by a worker. */
function wireFiles(wire: WireAction): string[] {
  return [wire.statement, wire.court?.bytes, wire.email?.eml].filter((data): data is string => typeof data === "string");
}
