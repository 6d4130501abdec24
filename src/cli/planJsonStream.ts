// `plan --json` written as it is serialised, one invoice at a time, so that the whole JSON text
// (about 45 MB at 100,000 invoices, and a copy of it on its way to stdout) is never held in
// memory: the same bytes as JSON.stringify(planToJson(plan), null, 2), written with backpressure.
import { once } from "node:events";
import type { Plan } from "../core/plan";
import { planToJson } from "../core/planJson";
import { actionJsonText, invoiceJsonText, jsonString, rejectedJsonText } from "../core/planJsonText";

/** Where plan --json goes: a stream when there is one (the command line's stdout), else out(). */
export interface PlanJsonOutput {
  out(text: string): void;
  readonly stdout?: NodeJS.WritableStream | undefined;
}

/** Bytes gathered before each write: big enough to cost few writes, small beside the JSON. */
export const WRITE_SIZE = 256 * 1024;

/** The JSON of a small value inside the document, one level in, as JSON.stringify(_, null, 2) lays it out. */
function nested(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n  ");
}

/** A long list of the plan: its length, and its item i as text (src/core/planJsonText.ts). */
interface StreamedList {
  readonly length: number;
  text(index: number): string;
}

const list = <T>(items: readonly T[], toText: (item: T) => string): StreamedList => ({ length: items.length, text: (index) => toText(items[index]!) });

/** The plan's long lists; the rest of planToJson is small. */
function streamedLists(plan: Plan): ReadonlyMap<string, StreamedList> {
  return new Map([
    ["invoices", list(plan.invoices, invoiceJsonText)],
    ["actions", list(plan.actions, actionJsonText)],
    ["rejected", list(plan.rejected, rejectedJsonText)],
    ["warnings", list(plan.warnings, jsonString)],
  ]);
}

/**
 * The text of `plan --json`, piece by piece: joined, it is JSON.stringify(planToJson(plan), null, 2).
 * The keys and their order are planToJson's own (the long lists emptied there, then written one
 * element at a time here).
 *
 * @param end - what follows the JSON (the command line's newline)
 * @example [...planJsonChunks(plan)].join("") === JSON.stringify(planToJson(plan), null, 2) // true
 */
export function* planJsonChunks(plan: Plan, end = ""): Generator<string> {
  const lists = streamedLists(plan);
  const skeleton = planToJson({ ...plan, invoices: [], actions: [], rejected: [], warnings: [] });
  // JSON.stringify leaves out properties whose value has no JSON (undefined, functions).
  const entries = Object.entries(skeleton).filter(([, value]) => JSON.stringify(value) !== undefined);
  if (entries.length === 0) {
    yield `{}${end}`;
    return;
  }
  yield "{";
  for (const [index, [key, value]] of entries.entries()) {
    yield `\n  ${JSON.stringify(key)}: `;
    const list = lists.get(key);
    if (list === undefined) {
      yield nested(value);
    } else {
      // Each item written and yielded here, one generator deep: 100,000 invoices are as many resumptions.
      for (let i = 0; i < list.length; i++) yield `${i === 0 ? "[" : ","}\n    ${list.text(i)}`;
      yield list.length === 0 ? "[]" : "\n  ]";
    }
    if (index < entries.length - 1) yield ",";
  }
  yield `\n}${end}`;
}

/** Writes `bytes`, waiting for the stream to drain when it asks to (and failing with its error). */
async function write(stream: NodeJS.WritableStream, bytes: Uint8Array | string): Promise<void> {
  if (!stream.write(bytes)) await once(stream, "drain");
}

/**
 * Streams plan --json to `stream`, ending with a newline as the command line's other output does.
 * The pieces are encoded straight into a buffer of WRITE_SIZE bytes, written when the next piece
 * might not fit (UTF-8 takes at most 3 bytes per UTF-16 unit): one encoding pass, no joined string.
 */
export async function writePlanJson(plan: Plan, stream: NodeJS.WritableStream): Promise<void> {
  let buffer = Buffer.allocUnsafe(WRITE_SIZE);
  let used = 0;
  for (const chunk of planJsonChunks(plan, "\n")) {
    if (used + 3 * chunk.length > WRITE_SIZE) {
      if (used > 0) await write(stream, buffer.subarray(0, used));
      // The stream keeps the written buffer until it is flushed: the next pieces go to a new one.
      buffer = Buffer.allocUnsafe(WRITE_SIZE);
      used = 0;
      if (3 * chunk.length > WRITE_SIZE) {
        await write(stream, chunk);
        continue;
      }
    }
    used += buffer.write(chunk, used);
  }
  if (used > 0) await write(stream, buffer.subarray(0, used));
}

/** plan --json: streamed to io.stdout when there is one, else given whole to io.out (the tests' captured output). */
export async function printPlanJson(plan: Plan, io: PlanJsonOutput): Promise<void> {
  if (io.stdout !== undefined) return writePlanJson(plan, io.stdout);
  io.out([...planJsonChunks(plan)].join(""));
}
