// `plan --json` written as it is serialised, one invoice at a time, so that the whole JSON text
// (about 45 MB at 100,000 invoices, and a copy of it on its way to stdout) is never held in
// memory: the same bytes as JSON.stringify(planToJson(plan), null, 2), written with backpressure.
import { once } from "node:events";
import type { Plan } from "../core/plan";
import { actionJson, invoiceJson, planToJson, rejectedJson } from "../core/planJson";

/** Where plan --json goes: a stream when there is one (the command line's stdout), else out(). */
export interface PlanJsonOutput {
  out(text: string): void;
  readonly stdout?: NodeJS.WritableStream | undefined;
}

/** Text gathered before each write: big enough to cost few writes, small beside the JSON. */
const WRITE_SIZE = 64 * 1024;

/** The JSON of a value inside the document, `depth` levels in, as JSON.stringify(_, null, 2) lays it out. */
function nested(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return depth === 0 ? text : text.replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

/** The plan's long lists, converted element by element; the rest of planToJson is small. */
/**
 * A list item as JSON.stringify(…, null, 2) writes it two levels down: serialised inside two arrays,
 * which indents it there natively, rather than indented again line by line.
 */
function listItem(item: unknown): string {
  return JSON.stringify([[item]], null, 2).slice(LIST_OPEN.length, -LIST_CLOSE.length);
}

const LIST_OPEN = "[\n  [\n    ";
const LIST_CLOSE = "\n  ]\n]";

function streamedLists(plan: Plan): ReadonlyMap<string, Iterable<unknown>> {
  return new Map<string, Iterable<unknown>>([
    ["invoices", mapped(plan.invoices, invoiceJson)],
    ["actions", mapped(plan.actions, actionJson)],
    ["rejected", mapped(plan.rejected, rejectedJson)],
    ["warnings", plan.warnings],
  ]);
}

function* mapped<T, U>(items: readonly T[], toJson: (item: T) => U): Generator<U> {
  for (const item of items) yield toJson(item);
}

/**
 * The text of `plan --json`, piece by piece: joined, it is JSON.stringify(planToJson(plan), null, 2).
 * The keys and their order are planToJson's own (the long lists emptied there, then written one
 * element at a time here).
 *
 * @example [...planJsonChunks(plan)].join("") === JSON.stringify(planToJson(plan), null, 2) // true
 */
export function* planJsonChunks(plan: Plan): Generator<string> {
  const lists = streamedLists(plan);
  const skeleton = planToJson({ ...plan, invoices: [], actions: [], rejected: [], warnings: [] });
  // JSON.stringify leaves out properties whose value has no JSON (undefined, functions).
  const entries = Object.entries(skeleton).filter(([, value]) => JSON.stringify(value) !== undefined);
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{";
  for (const [index, [key, value]] of entries.entries()) {
    yield `\n  ${JSON.stringify(key)}: `;
    const list = lists.get(key);
    if (list === undefined) {
      yield nested(value, 1);
    } else {
      let first = true;
      for (const item of list) {
        yield `${first ? "[" : ","}\n    ${listItem(item)}`;
        first = false;
      }
      yield first ? "[]" : "\n  ]";
    }
    if (index < entries.length - 1) yield ",";
  }
  yield "\n}";
}

/** Writes `text`, waiting for the stream to drain when it asks to (and failing with its error). */
async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

/** Streams plan --json to `stream`, ending with a newline as the command line's other output does. */
export async function writePlanJson(plan: Plan, stream: NodeJS.WritableStream): Promise<void> {
  let pending = "";
  for (const chunk of planJsonChunks(plan)) {
    pending += chunk;
    if (pending.length >= WRITE_SIZE) {
      await write(stream, pending);
      pending = "";
    }
  }
  await write(stream, `${pending}\n`);
}

/** plan --json: streamed to io.stdout when there is one, else given whole to io.out (the tests' captured output). */
export async function printPlanJson(plan: Plan, io: PlanJsonOutput): Promise<void> {
  if (io.stdout !== undefined) return writePlanJson(plan, io.stdout);
  io.out([...planJsonChunks(plan)].join(""));
}
