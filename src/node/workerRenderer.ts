// The run's statements, court files, e-mails and letters rendered on worker threads: each action's
// documents depend on that action alone (the engine's renderAction), and each letter on its
// customers alone, so batches of actions and whole letters go to as many workers as the machine
// has cores, each job to the worker with the fewest waiting, and their documents come back in the
// plan's order. The engine still names and writes every document, in that order, so that names and
// the journal's Référence are those of a run rendered in one thread. A worker runs this module, from
// a bundle of its own (src/node/renderWorker.ts).
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
import { reminderData } from "../documents/reminderData";
import { renderLetters } from "../documents/wordLetters";
import type { DocumentSink } from "../engine/documentSink";
import type { MailDelivery } from "../engine/mailDelivery";
import { renderAction, type ActionRenderer, type LetterRenderer, type LetterToRender, type RenderContext, type RenderedAction } from "../engine/runDocuments";
import { emlFile } from "../mail/emlFile";
import { temporaryFileFor } from "../writeFileAtomically";
import { deflateDocuments } from "./deflateDocuments";
import type { FileDocumentSink } from "./fileDocumentSink";
import { fileTemplateStore } from "./fileTemplateStore";
import { StagedFile } from "./stagedFile";

const WORKER_KIND = "relances-document-renderer";
/** Actions per message: enough to make a message's cost small, few enough to keep the workers busy alike. */
const BATCH = 32;
/** Jobs waiting at each worker: enough that it never waits for the next, few enough to share them out evenly. */
const AHEAD = 3;
/**
 * Batches handed out ahead of the one being written: bounds the answers held here while a worker
 * makes a letter (a few seconds) and the other goes on with the batches after it.
 */
const WINDOW = 64;
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
interface WireAction<Bytes = WireBytes> {
  readonly statement?: Bytes | undefined;
  readonly court?: { readonly name: string; readonly bytes: Bytes } | undefined;
  readonly email?: { readonly name: string; readonly eml: Bytes } | undefined;
}

type Job = { readonly id: number; readonly actions: PlannedAction[] } | { readonly id: number; readonly letter: LetterToRender };

type Reply<Bytes = WireBytes> =
  | { readonly id: number; readonly actions: readonly WireAction<Bytes>[] }
  | { readonly id: number; readonly letter: Bytes }
  | { readonly id: number; readonly failed: number }
  /** The worker ended before it answered (out of memory on a huge account...): the job is done here. */
  | { readonly id: number; readonly lost: true };

/** A reply as this thread keeps it: each temporary file as a StagedFile. */
type Answer = Reply<Uint8Array>;

/** Removes a worker's temporary file; one that cannot be removed is swept by the next run (sweepTemporaryFiles). */
function removeFile(temporary: string): void {
  try {
    rmSync(temporary, { force: true });
  } catch {
    // Swept by the next run.
  }
}

/** The worker's side: renders each job it is sent, or says which action failed. */
function serveRenders(setup: WorkerSetup): void {
  // A worker's errors are never shown (the job is done again on the main thread, which throws its
  // own): no stack is captured for them (nodemailer makes one per e-mail part).
  Error.stackTraceLimit = 0;
  const port = parentPort!;
  const stage = setup.stage;
  const statementName = (action: PlannedAction): string => `releves/releve-${dayToIso(setup.asOf)}-${asciiSlug(action.customer.name)}.pdf`;
  const folders = new Set<string>();
  /** The temporary file now holding `bytes`, beside `relative`; or the bytes, for the main thread to write (and to name the file if that fails again). */
  const staged = async (relative: string, bytes: Uint8Array): Promise<WireBytes> => {
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
      // Synchronous: a worker has nothing else to do meanwhile, and no thread-pool round trips
      // (through the pool, the files cost more memory and no less time).
      writeFileSync(temporary, data as Uint8Array, { flag: "wx" });
      return temporary;
    } catch {
      removeFile(temporary);
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
  const answer = (reply: Reply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, [...new Set(transfer)]);
  // Moved rather than copied, when the bytes have their buffer to themselves (not a slice of a pool).
  const movable = (data: WireBytes, transfer: ArrayBuffer[]): WireBytes => {
    if (typeof data !== "string" && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) transfer.push(data.buffer as ArrayBuffer);
    return data;
  };
  const renderLetter = async ({ id, letter }: Job & { letter: LetterToRender }): Promise<void> => {
    let data: WireBytes;
    try {
      const customers = letter.actions.map((action) => reminderData(action, context, setup.settings));
      data = await staged(letter.file, renderLetters(await context.templates.word(letter.level, letter.lang), customers));
    } catch {
      return answer({ id, failed: 0 });
    }
    const transfer: ArrayBuffer[] = [];
    answer({ id, letter: movable(data, transfer) }, transfer);
  };
  const renderBatch = async ({ id, actions }: Job & { actions: PlannedAction[] }): Promise<void> => {
    const out: WireAction[] = [];
    const transfer: ArrayBuffer[] = [];
    const written: string[] = [];
    const write = async (relative: string, bytes: Uint8Array): Promise<WireBytes> => {
      const data = await staged(relative, bytes);
      if (typeof data === "string") written.push(data);
      return movable(data, transfer);
    };
    for (let i = 0; i < actions.length; i++) {
      try {
        const action = actions[i]!;
        const rendered = await renderAction(action, context, mail);
        let email: WireAction["email"];
        if (rendered.email !== undefined) {
          await rendered.email.deliver(rendered.email.name);
          email = { name: rendered.email.name, eml: await write(rendered.email.name, eml!) };
        }
        const court = rendered.court;
        out.push({
          statement: rendered.statement === undefined ? undefined : await write(statementName(action), rendered.statement),
          court: court === undefined ? undefined : { name: court.name, bytes: await write(court.name, court.bytes) },
          email,
        });
      } catch {
        for (const temporary of written) removeFile(temporary);
        return answer({ id, failed: i });
      }
    }
    // A statement also attached to an e-mail is its own buffer; the same buffer is listed once.
    answer({ id, actions: out }, transfer);
  };
  let queue = Promise.resolve();
  port.on("message", (job: Job) => {
    queue = queue.then(() => ("letter" in job ? renderLetter(job) : renderBatch(job)));
  });
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.kind === WORKER_KIND) serveRenders(workerData as WorkerSetup);

/**
 * The workers' script, when this code runs from a bundle (dist/cli/ or dist/bench/): the render
 * workers' own (src/node/renderWorker.ts), built beside the command line. A .ts source under a test
 * runner cannot be started so.
 */
function workerScript(): URL | undefined {
  const url = new URL(import.meta.url);
  return url.protocol === "file:" && url.pathname.endsWith(".js") ? new URL("../cli/render-worker.js", url) : undefined;
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
  /** The workers' script (dist/cli/render-worker.js beside this bundle by default; a test names the built one). */
  readonly script?: URL | undefined;
}

/** The engine's renderers on worker threads, or none (the engine renders here) for a small plan. */
export interface WorkerRenderers {
  readonly render?: ActionRenderer | undefined;
  readonly renderLetter?: LetterRenderer | undefined;
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
  /** Every document the workers wrote ahead: removed at close unless a sink took it. */
  const staged = new Set<StagedFile>();
  const bytesOf = (data: WireBytes): Uint8Array => {
    if (typeof data !== "string") return data;
    const file = new StagedFile(data);
    staged.add(file);
    return file;
  };
  /** A reply as kept here: its temporary files known from the moment it arrives, whoever takes it. */
  const answerOf = (reply: Reply): Answer => {
    if ("letter" in reply) return { id: reply.id, letter: bytesOf(reply.letter) };
    if (!("actions" in reply)) return reply;
    return {
      id: reply.id,
      actions: reply.actions.map((wire) => ({
        statement: wire.statement === undefined ? undefined : bytesOf(wire.statement),
        court: wire.court === undefined ? undefined : { name: wire.court.name, bytes: bytesOf(wire.court.bytes) },
        email: wire.email === undefined ? undefined : { name: wire.email.name, eml: bytesOf(wire.email.eml) },
      })),
    };
  };
  /** The workers making the batches of actions. */
  let workers: Worker[] | undefined;
  /**
   * The worker making the letters, in the place of a batch worker until they are made: a letter
   * (thousands of sections) is the longest job and the largest heap; its own worker ends once the
   * letters are made, its heap with it, instead of leaving a batch worker's heap grown for the
   * rest of the run.
   */
  let letterWorker: Worker | undefined;
  /** Workers ended on purpose, whose exit loses nothing. */
  const retired = new Set<Worker>();
  const ending: Promise<number>[] = [];
  /** Jobs not yet sent, in the order they are to be done. */
  const unsent: Job[] = [];
  /** The worker doing each job sent and not answered. */
  const doing = new Map<number, Worker>();
  const replies = new Map<number, Answer>();
  const waiting = new Map<number, (answer: Answer) => void>();
  let broken = false;
  let closed = false;
  let nextId = 0;
  /** Told when the last job sent is answered (close waits for it). */
  let idle: (() => void) | undefined;
  const load = (worker: Worker): number => {
    let jobs = 0;
    for (const doer of doing.values()) if (doer === worker) jobs++;
    return jobs;
  };
  const answered = (answer: Answer): void => {
    const waiter = waiting.get(answer.id);
    if (waiter === undefined) replies.set(answer.id, answer);
    else {
      waiting.delete(answer.id);
      waiter(answer);
    }
  };
  /** The worker with the fewest jobs waiting that can take one more, for a job of that kind. */
  const freeWorker = (job: Job): Worker | undefined => {
    if ("letter" in job) {
      letterWorker ??= startWorker();
      return load(letterWorker) < AHEAD ? letterWorker : undefined;
    }
    // As many rendering threads as cores: one batch worker fewer while the letters are made.
    const wanted = letterWorker === undefined ? count : Math.max(1, count - 1);
    workers ??= [];
    while (workers.length < wanted) workers.push(startWorker());
    let least: Worker | undefined;
    for (const worker of workers.slice(0, wanted)) if (load(worker) < AHEAD && (least === undefined || load(worker) < load(least))) least = worker;
    return least;
  };
  /** Sends the jobs that a worker can take, in order; a worker keeps the process alive only while it has some. */
  const dispatch = (): void => {
    for (let i = 0; i < unsent.length && !broken; i++) {
      const worker = freeWorker(unsent[i]!);
      if (worker === undefined) continue;
      const job = unsent.splice(i--, 1)[0]!;
      if (load(worker) === 0) worker.ref();
      doing.set(job.id, worker);
      worker.postMessage(job);
    }
  };
  const retire = (worker: Worker): void => {
    retired.add(worker);
    ending.push(worker.terminate());
  };
  const startWorker = (): Worker => {
    const worker = new Worker(script, { workerData: setup });
    worker.unref();
    worker.on("message", (reply: Reply) => {
      doing.delete(reply.id);
      if (load(worker) === 0) worker.unref();
      answered(answerOf(reply));
      if (worker === letterWorker && load(worker) === 0 && !unsent.some((job) => "letter" in job)) {
        letterWorker = undefined;
        retire(worker);
      }
      dispatch();
      if (doing.size === 0) idle?.();
    });
    // A worker that ends (out of memory, say) loses the jobs it had: they are done here.
    worker.on("exit", () => {
      if (retired.has(worker)) return;
      broken = true;
      for (const [id, waiter] of waiting) waiter({ id, lost: true });
      waiting.clear();
      for (const [id, doer] of doing) if (doer === worker) doing.delete(id);
      if (doing.size === 0) idle?.();
    });
    return worker;
  };
  const submit = (job: Job): void => {
    unsent.push(job);
    dispatch();
  };
  const reply = (id: number): Promise<Answer> => {
    const ready = replies.get(id);
    if (ready !== undefined) {
      replies.delete(id);
      return Promise.resolve(ready);
    }
    if (broken || closed) return Promise.resolve({ id, lost: true });
    return new Promise((resolve) => waiting.set(id, resolve));
  };

  async function* render(actions: readonly PlannedAction[]): AsyncIterable<RenderedAction> {
    const batches = Math.ceil(actions.length / BATCH);
    const ids: number[] = [];
    const submitBatch = (): void => {
      const batch = ids.length;
      const id = nextId++;
      ids.push(id);
      submit({ id, actions: actions.slice(batch * BATCH, (batch + 1) * BATCH) });
    };
    while (ids.length < Math.min(batches, WINDOW)) submitBatch();
    for (let batch = 0; batch < batches; batch++) {
      const answer = await reply(ids[batch]!);
      if (ids.length < batches) submitBatch();
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
      if (!("actions" in answer)) continue;
      yield* answer.actions.map(
        (wire): RenderedAction => ({
          statement: wire.statement,
          court: wire.court,
          email: wire.email === undefined ? undefined : { name: wire.email.name, deliver: (name) => sink.write(name, wire.email!.eml).then(() => name) },
        }),
      );
    }
  }

  const renderLetter: LetterRenderer = async (letter) => {
    const id = nextId++;
    // Made on the letters' worker, one after the other, while the others make the batches.
    submit({ id, letter });
    const answer = await reply(id);
    if ("letter" in answer) return answer.letter;
    if (closed) throw new Error("workers closed");
    // Merged again here: a broken template throws its own error (a TemplateError names the tag).
    return renderLetters(await context.templates.word(letter.level, letter.lang), letter.actions.map((action) => reminderData(action, context, context.settings)));
  };

  const close = async (): Promise<void> => {
    closed = true;
    const pool = workers;
    // Jobs not begun are dropped; those begun are awaited, so that the files they write are removed.
    for (const job of unsent.splice(0)) answered({ id: job.id, lost: true });
    if (doing.size > 0) await new Promise<void>((resolve) => (idle = resolve));
    for (const [id, waiter] of waiting) waiter({ id, lost: true });
    waiting.clear();
    await Promise.all([...staged].map((file) => file.removeUnlessTaken()));
    staged.clear();
    replies.clear();
    for (const worker of [...(pool ?? []), ...(letterWorker === undefined ? [] : [letterWorker])]) retire(worker);
    workers = undefined;
    letterWorker = undefined;
    await Promise.all(ending);
  };
  return { render, renderLetter, close };
}
